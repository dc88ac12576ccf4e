/**
 * HtmlService stand-in over the project's HTML files (`{ name-without-extension: content }`): the product makes
 * every page with createTemplateFromFile(file), sets template variables, evaluate() and setTitle/Width/Height.
 *
 * Real behaviour (developers.google.com/apps-script/reference/html, guides/html/templates):
 * - createTemplateFromFile of a missing file throws "No HTML file named X was found." (text quoted from real runs
 *   in many public projects);
 * - templates: any property set on the HtmlTemplate is a variable in its scriptlets; `<? code ?>` runs,
 *   `<?= expr ?>` prints with contextual escaping, `<?!= expr ?>` prints raw; `output` is in scope;
 * - contextual escaping here: HTML text/attributes escape & < > " ' ; inside an open <script> element the
 *   value is written as a JavaScript literal (JSON, with < > & escaped), as Google does for scripts.
 * Scriptlets see the template's variables, then the script's globals (useRealm: the bundle's vm context).
 * - HtmlTemplate.getRawContent(): "Returns the unprocessed content of this template."
 *   (developers.google.com/apps-script/reference/html/html-template#getRawContent()): the file's text as stored,
 *   scriptlets untouched; the product reads its on-demand modules (onDemand_*.html) this way. The reference lists
 *   no parameters and is silent on passing some: refused like a wrong signature (the stricter case).
 */
import type { Runtime } from '../runtime';
import type { GasSurface } from '../surface';
import type { Realm } from './common';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function insideScript(html: string): boolean {
  const lower = html.toLowerCase();
  const open = lower.search(/<script\b[^>]*>(?![\s\S]*<script\b)/);
  return open >= 0 && lower.indexOf('</script', open) < 0;
}

/** `value` printed after `soFar` with Google-like contextual escaping. */
export function contextualEscape(soFar: string, value: unknown): string {
  if (!insideScript(soFar)) return value === null || value === undefined ? '' : escapeHtml(String(value));
  if (value === undefined) return 'undefined';
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = JSON.stringify(String(value));
  }
  return (json ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

interface ServiceContext {
  runtime: Runtime;
  realm: Realm;
  /** The script's global scope for scriptlets (the bundle's vm context), or null. */
  scope: () => object | null;
}

/**
 * An evaluated page. getWidth()/getHeight() give null until set (the Ui then uses its defaults), where Google's
 * types say Integer: they are left out of the typed surface.
 */
export class HtmlOutput
  implements
    GasSurface<GoogleAppsScript.HTML.HtmlOutput, 'getContent' | 'getTitle' | 'setHeight' | 'setTitle' | 'setWidth'>
{
  private title = '';
  private width: number | null = null;
  private height: number | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly content: string,
  ) {}

  getContent(): string {
    this.ctx.runtime.calls.count('HtmlOutput.getContent');
    return this.content;
  }

  getHeight(): number | null {
    this.ctx.runtime.calls.count('HtmlOutput.getHeight');
    return this.height;
  }

  getTitle(): string {
    this.ctx.runtime.calls.count('HtmlOutput.getTitle');
    return this.title;
  }

  getWidth(): number | null {
    this.ctx.runtime.calls.count('HtmlOutput.getWidth');
    return this.width;
  }

  setHeight(_height: unknown): HtmlOutput {
    this.ctx.runtime.calls.count('HtmlOutput.setHeight');
    this.height = this.size('setHeight', arguments);
    return this;
  }

  setTitle(title: unknown): HtmlOutput {
    this.ctx.runtime.calls.count('HtmlOutput.setTitle');
    if (arguments.length !== 1 || title === null || title === undefined || typeof title === 'object') {
      throw this.ctx.realm.signatureError('HtmlService.HtmlOutput.setTitle', arguments);
    }
    this.title = String(title);
    return this;
  }

  setWidth(_width: unknown): HtmlOutput {
    this.ctx.runtime.calls.count('HtmlOutput.setWidth');
    this.width = this.size('setWidth', arguments);
    return this;
  }

  toString(): string {
    return 'HtmlOutput';
  }

  private size(method: string, args: IArguments): number {
    const value: unknown = args[0];
    if (args.length !== 1 || typeof value !== 'number' || Number.isNaN(value)) {
      throw this.ctx.realm.signatureError(`HtmlService.HtmlOutput.${method}`, args);
    }
    return Math.trunc(value);
  }
}

/** Compile template text into the body of `function (output) { … }`. */
function compileTemplate(raw: string): string {
  const lines: string[] = [];
  const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let match = scriptlet.exec(raw); match !== null; match = scriptlet.exec(raw)) {
    if (match.index > last) lines.push(`output.append(${JSON.stringify(raw.slice(last, match.index))});`);
    const body = match[2] ?? '';
    if (match[1] === '=') lines.push(`output.appendUntrusted((${body}));`);
    else if (match[1] === '!=') lines.push(`output.append((${body}));`);
    else lines.push(body);
    last = scriptlet.lastIndex;
  }
  if (last < raw.length) lines.push(`output.append(${JSON.stringify(raw.slice(last))});`);
  return lines.join('\n');
}

/** Template state lives outside the object: the template's own properties are exactly the scriptlets' variables. */
const templates = new WeakMap<object, { ctx: ServiceContext; raw: string }>();

export class HtmlTemplate implements GasSurface<GoogleAppsScript.HTML.HtmlTemplate, 'evaluate' | 'getRawContent'> {
  constructor(ctx: ServiceContext, raw: string) {
    templates.set(this, { ctx, raw });
  }

  evaluate(): HtmlOutput {
    const state = templates.get(this);
    if (!state) throw new Error('stand-in: HtmlTemplate state missing');
    state.ctx.runtime.calls.count('HtmlTemplate.evaluate');
    const vars = { ...(this as object) };
    let content = '';
    const output = {
      append(text: unknown): void {
        content += text === null || text === undefined ? '' : String(text);
      },
      appendUntrusted(text: unknown): void {
        content += contextualEscape(content, text);
      },
      clear(): void {
        content = '';
      },
      getContent: (): string => content,
    };
    const run = new Function(
      '__scope',
      '__vars',
      'output',
      `with (__scope) { with (__vars) {\n${compileTemplate(state.raw)}\n} }`,
    ) as (scope: object, vars: object, out: typeof output) => void;
    run.call(this, state.ctx.scope() ?? {}, vars, output);
    return new HtmlOutput(state.ctx, content);
  }

  getRawContent(): string {
    const state = templates.get(this);
    if (!state) throw new Error('stand-in: HtmlTemplate state missing');
    state.ctx.runtime.calls.count('HtmlTemplate.getRawContent');
    if (arguments.length !== 0)
      throw state.ctx.realm.signatureError('HtmlService.HtmlTemplate.getRawContent', arguments);
    return state.raw;
  }

  toString(): string {
    return 'HtmlTemplate';
  }
}

export class HtmlServiceStandIn implements GasSurface<GoogleAppsScript.HTML.HtmlService, 'createTemplateFromFile'> {
  private readonly ctx: ServiceContext;

  constructor(
    runtime: Runtime,
    realm: Realm,
    private readonly files: Readonly<Record<string, string>>,
    scope: () => object | null,
  ) {
    this.ctx = { runtime, realm, scope };
  }

  createTemplateFromFile(filename: unknown): HtmlTemplate {
    this.ctx.runtime.calls.count('HtmlService.createTemplateFromFile');
    if (arguments.length !== 1 || typeof filename !== 'string') {
      throw this.ctx.realm.signatureError('HtmlService.createTemplateFromFile', arguments);
    }
    const own = (key: string): string | undefined =>
      Object.getOwnPropertyDescriptor(this.files, key) !== undefined ? this.files[key] : undefined;
    const content = own(filename) ?? (filename.endsWith('.html') ? own(filename.slice(0, -'.html'.length)) : undefined);
    // Real text, e.g. "Exception: No HTML file named Index was found."
    if (content === undefined) throw this.ctx.realm.error(`No HTML file named ${filename} was found.`);
    return new HtmlTemplate(this.ctx, content);
  }

  toString(): string {
    return 'HtmlService';
  }
}
