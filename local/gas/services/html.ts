/**
 * HtmlService stand-in over the project's HTML files (`{ name-without-extension: content }`).
 *
 * Real behaviour (developers.google.com/apps-script/reference/html, guides/html/templates):
 * - createHtmlOutputFromFile / createTemplateFromFile of a missing file throw
 *   "No HTML file named X was found." (text quoted from real runs in many public projects);
 * - templates: any property set on the HtmlTemplate is a variable in its scriptlets; `<? code ?>` runs,
 *   `<?= expr ?>` prints with contextual escaping, `<?!= expr ?>` prints raw; `output` is in scope;
 *   evaluate() returns an HtmlOutput; getCode() shows the generated JavaScript;
 * - contextual escaping here: HTML text/attributes escape & < > " ' ; inside an open <script> element the
 *   value is written as a JavaScript literal (JSON, with < > & escaped), as Google does for scripts;
 * - setSandboxMode accepts any SandboxMode but only IFRAME exists nowadays (NATIVE/EMULATED are ignored).
 * Scriptlets see the template's variables, then the script's globals (setScope: the bundle's vm context).
 */
import type { Runtime } from '../runtime';
import { type GasEnumValue, type Realm, makeEnum } from './common';
import { BlobStandIn } from './utilities';

export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT'] as const);

/** Meta tags HtmlOutput.addMetaTag accepts (reference list); others are refused. */
const ALLOWED_META = ['apple-mobile-web-app-capable', 'google-site-verification', 'mobile-web-app-capable', 'viewport'];

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function insideScript(html: string): boolean {
  const lower = html.toLowerCase();
  const open = lower.search(/<script\b[^>]*>(?![\s\S]*<script\b)/);
  if (open < 0) return false;
  return lower.indexOf('</script', open) < 0;
}

/** `value` printed after `soFar` with Google-like contextual escaping. */
export function contextualEscape(soFar: string, value: unknown): string {
  if (insideScript(soFar)) {
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
  return value === null || value === undefined ? '' : escapeHtml(String(value));
}

interface OutputState {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
  faviconUrl: string | null;
  metaTags: Array<{ name: string; content: string }>;
  sandboxMode: GasEnumValue;
  xFrameOptionsMode: GasEnumValue;
}

/** Everything an HtmlOutput carries, read by the host without counting calls (Ui, preview). */
export type HtmlOutputSnapshot = Readonly<OutputState>;

const outputs = new WeakMap<object, OutputState>();
const contexts = new WeakMap<object, ServiceContext>();
const templateSources = new WeakMap<object, string>();

export function isHtmlOutput(value: unknown): value is HtmlOutput {
  return typeof value === 'object' && value !== null && outputs.has(value);
}

export function htmlOutputSnapshot(output: HtmlOutput): HtmlOutputSnapshot {
  const state = outputs.get(output);
  if (!state) throw new Error('stand-in: not an HtmlOutput of this stand-in');
  return { ...state, metaTags: state.metaTags.map((tag) => ({ ...tag })) };
}

interface ServiceContext {
  runtime: Runtime;
  realm: Realm;
  /** The script's global scope for scriptlets (the bundle's vm context), or null. */
  scope: () => object | null;
}

export class HtmlOutputMetaTag {
  constructor(
    private readonly name: string,
    private readonly content: string,
  ) {}

  getContent(): string {
    return this.content;
  }

  getName(): string {
    return this.name;
  }
}

export class HtmlOutput {
  constructor(
    ctx: ServiceContext,
    content: string,
  ) {
    outputs.set(this, {
      content,
      title: '',
      width: null,
      height: null,
      faviconUrl: null,
      metaTags: [],
      sandboxMode: SandboxMode.IFRAME,
      xFrameOptionsMode: XFrameOptionsMode.DEFAULT,
    });
    contexts.set(this, ctx);
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.count('addMetaTag');
    if (arguments.length !== 2 || typeof name !== 'string' || typeof content !== 'string') throw this.signature('addMetaTag', arguments);
    // Only the documented names are allowed (the refusal's exact text is not verified).
    if (!ALLOWED_META.includes(name)) throw this.ctx().realm.error(`Invalid argument: name`);
    this.state().metaTags.push({ name, content });
    return this;
  }

  append(addedContent: string): HtmlOutput {
    this.count('append');
    if (arguments.length !== 1 || typeof addedContent !== 'string') throw this.signature('append', arguments);
    this.state().content += addedContent;
    return this;
  }

  appendUntrusted(addedContent: string): HtmlOutput {
    this.count('appendUntrusted');
    if (arguments.length !== 1 || typeof addedContent !== 'string') throw this.signature('appendUntrusted', arguments);
    const state = this.state();
    state.content += contextualEscape(state.content, addedContent);
    return this;
  }

  asTemplate(): HtmlTemplate {
    this.count('asTemplate');
    return new HtmlTemplate(this.ctx(), this.state().content);
  }

  clear(): HtmlOutput {
    this.count('clear');
    this.state().content = '';
    return this;
  }

  getBlob(): BlobStandIn {
    this.count('getBlob');
    const state = this.state();
    return new BlobStandIn(this.ctx().runtime, Buffer.from(state.content, 'utf8'), 'text/html', state.title || null);
  }

  getContent(): string {
    this.count('getContent');
    return this.state().content;
  }

  getFaviconUrl(): string | null {
    this.count('getFaviconUrl');
    return this.state().faviconUrl;
  }

  getHeight(): number | null {
    this.count('getHeight');
    return this.state().height;
  }

  getMetaTags(): HtmlOutputMetaTag[] {
    this.count('getMetaTags');
    return this.state().metaTags.map((tag) => new HtmlOutputMetaTag(tag.name, tag.content));
  }

  getTitle(): string {
    this.count('getTitle');
    return this.state().title;
  }

  getWidth(): number | null {
    this.count('getWidth');
    return this.state().width;
  }

  setContent(content: string): HtmlOutput {
    this.count('setContent');
    if (arguments.length !== 1 || typeof content !== 'string') throw this.signature('setContent', arguments);
    this.state().content = content;
    return this;
  }

  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.count('setFaviconUrl');
    if (arguments.length !== 1 || typeof iconUrl !== 'string') throw this.signature('setFaviconUrl', arguments);
    this.state().faviconUrl = iconUrl;
    return this;
  }

  setHeight(height: number): HtmlOutput {
    this.count('setHeight');
    if (arguments.length !== 1 || typeof height !== 'number' || Number.isNaN(height)) throw this.signature('setHeight', arguments);
    this.state().height = Math.trunc(height);
    return this;
  }

  setSandboxMode(mode: GasEnumValue): HtmlOutput {
    this.count('setSandboxMode');
    if (!Object.values(SandboxMode).includes(mode)) throw this.signature('setSandboxMode', arguments);
    // "IFRAME is the only mode; NATIVE and EMULATED are ignored" — kept as IFRAME.
    return this;
  }

  setTitle(title: string): HtmlOutput {
    this.count('setTitle');
    if (arguments.length !== 1 || title === null || title === undefined || typeof title === 'object') throw this.signature('setTitle', arguments);
    this.state().title = String(title);
    return this;
  }

  setWidth(width: number): HtmlOutput {
    this.count('setWidth');
    if (arguments.length !== 1 || typeof width !== 'number' || Number.isNaN(width)) throw this.signature('setWidth', arguments);
    this.state().width = Math.trunc(width);
    return this;
  }

  setXFrameOptionsMode(mode: GasEnumValue): HtmlOutput {
    this.count('setXFrameOptionsMode');
    if (!Object.values(XFrameOptionsMode).includes(mode)) throw this.signature('setXFrameOptionsMode', arguments);
    this.state().xFrameOptionsMode = mode;
    return this;
  }

  toString(): string {
    return 'HtmlOutput';
  }

  private state(): OutputState {
    const state = outputs.get(this);
    if (!state) throw new Error('stand-in: HtmlOutput state missing');
    return state;
  }

  private ctx(): ServiceContext {
    const ctx = contexts.get(this);
    if (!ctx) throw new Error('stand-in: HtmlOutput context missing');
    return ctx;
  }

  private count(method: string): void {
    this.ctx().runtime.calls.count(`HtmlOutput.${method}`);
  }

  private signature(method: string, args: IArguments): Error {
    return this.ctx().realm.signatureError(`HtmlService.HtmlOutput.${method}`, args);
  }
}

/** Compile template text into the body of `function (output) { … }` (the JavaScript getCode() shows). */
export function compileTemplate(raw: string, withComments = false): string {
  const lines: string[] = [];
  const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = scriptlet.exec(raw)) !== null) {
    if (match.index > last) lines.push(`output.append(${JSON.stringify(raw.slice(last, match.index))});`);
    const kind = match[1];
    const body = match[2] ?? '';
    if (withComments) lines.push(`/* ${match[0].replace(/\*\//g, '* /')} */`);
    if (kind === '=') lines.push(`output.appendUntrusted((${body}));`);
    else if (kind === '!=') lines.push(`output.append((${body}));`);
    else lines.push(body);
    last = scriptlet.lastIndex;
  }
  if (last < raw.length) lines.push(`output.append(${JSON.stringify(raw.slice(last))});`);
  return lines.join('\n');
}

export class HtmlTemplate {
  constructor(ctx: ServiceContext, raw: string) {
    // State lives outside the object: the template's own properties are exactly the scriptlets' variables.
    contexts.set(this, ctx);
    templateSources.set(this, raw);
  }

  evaluate(): HtmlOutput {
    const ctx = this.ctx();
    ctx.runtime.calls.count('HtmlTemplate.evaluate');
    const vars: Record<string, unknown> = {};
    for (const key of Object.keys(this)) vars[key] = (this as unknown as Record<string, unknown>)[key];
    let content = '';
    const writer = {
      append(text: unknown): void {
        content += text === null || text === undefined ? '' : String(text);
      },
      appendUntrusted(text: unknown): void {
        content += contextualEscape(content, text);
      },
      clear(): void {
        content = '';
      },
      getContent(): string {
        return content;
      },
    };
    const run = new Function('__scope', '__vars', 'output', `with (__scope) { with (__vars) {\n${compileTemplate(this.source())}\n} }`) as (
      scope: object,
      vars: object,
      output: typeof writer,
    ) => void;
    run.call(this, ctx.scope() ?? {}, vars, writer);
    return new HtmlOutput(ctx, content);
  }

  getCode(): string {
    this.ctx().runtime.calls.count('HtmlTemplate.getCode');
    return `(function (output) {\n${compileTemplate(this.source())}\n})`;
  }

  getCodeWithComments(): string {
    this.ctx().runtime.calls.count('HtmlTemplate.getCodeWithComments');
    return `(function (output) {\n${compileTemplate(this.source(), true)}\n})`;
  }

  getRawContent(): string {
    this.ctx().runtime.calls.count('HtmlTemplate.getRawContent');
    return this.source();
  }

  toString(): string {
    return 'HtmlTemplate';
  }

  private ctx(): ServiceContext {
    const ctx = contexts.get(this);
    if (!ctx) throw new Error('stand-in: HtmlTemplate context missing');
    return ctx;
  }

  private source(): string {
    return templateSources.get(this) ?? '';
  }
}

export class HtmlServiceStandIn {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  private readonly ctx: ServiceContext;

  constructor(
    runtime: Runtime,
    realm: Realm,
    private readonly files: Readonly<Record<string, string>>,
    scope: () => object | null,
  ) {
    this.ctx = { runtime, realm, scope };
  }

  createHtmlOutput(html?: string | BlobStandIn): HtmlOutput {
    this.ctx.runtime.calls.count('HtmlService.createHtmlOutput');
    return new HtmlOutput(this.ctx, arguments.length === 0 ? '' : this.text('createHtmlOutput', arguments));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    this.ctx.runtime.calls.count('HtmlService.createHtmlOutputFromFile');
    return new HtmlOutput(this.ctx, this.file('createHtmlOutputFromFile', arguments));
  }

  createTemplate(html: string | BlobStandIn): HtmlTemplate {
    this.ctx.runtime.calls.count('HtmlService.createTemplate');
    return new HtmlTemplate(this.ctx, this.text('createTemplate', arguments));
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    this.ctx.runtime.calls.count('HtmlService.createTemplateFromFile');
    return new HtmlTemplate(this.ctx, this.file('createTemplateFromFile', arguments));
  }

  toString(): string {
    return 'HtmlService';
  }

  private text(method: string, args: IArguments): string {
    const value: unknown = args[0];
    if (typeof value === 'string') return value;
    if (value instanceof BlobStandIn) return value.getDataAsString();
    throw this.ctx.realm.signatureError(`HtmlService.${method}`, args);
  }

  private file(method: string, args: IArguments): string {
    const name: unknown = args[0];
    if (args.length !== 1 || typeof name !== 'string') throw this.ctx.realm.signatureError(`HtmlService.${method}`, args);
    const own = (key: string): string | undefined => (Object.prototype.hasOwnProperty.call(this.files, key) ? this.files[key] : undefined);
    const content = own(name) ?? (name.endsWith('.html') ? own(name.slice(0, -'.html'.length)) : undefined);
    // Real text, e.g. "Exception: No HTML file named Index was found."
    if (content === undefined) throw this.ctx.realm.error(`No HTML file named ${name} was found.`);
    return content;
  }
}
