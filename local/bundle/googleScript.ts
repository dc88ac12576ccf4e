/**
 * The page side of google.script.run and google.script.host, as HtmlService puts them into a sidebar or dialog.
 * Browser code with no DOM of its own: bundled by esbuild into the preview's frames (local/preview/page/runner.ts,
 * which sends calls to the page and on to the server) and into the html tests' pages (tests/html/page.ts, which
 * sends them to the test's Node side); both end in Harness.serve (harness.ts), one execution per call.
 *
 * google.script.run: a runner per chain — withSuccessHandler / withFailureHandler / withUserObject return a new
 * runner, and it has one method per server function (the bundle's top-level functions not ending in "_"), so an
 * unknown name is "not a function", as in Apps Script. Arguments are checked and copied at the call with the
 * stand-in's rules (local/gas/services/clientBoundary.ts): a Date, function, Map… throws "Failed due to illegal
 * value in property: …" synchronously, as Google's client does, and nothing is sent; a <form> argument becomes an
 * object of its fields. Calls are asynchronous and independent: many may be in flight at once, each answered on
 * its own; the success handler receives (result, userObject), the failure handler (Error(text), userObject).
 *
 * google.script.host: close(), setHeight(px), setWidth(px), editor.focus(), origin — passed on to whoever shows
 * the page.
 */

import { argumentsToServer } from '../gas/services/clientBoundary';

/** How one call ended: what the success handler receives, or the text of the failure handler's Error. */
export type RunReply = { ok: true; result: unknown } | { ok: false; error: string };

/** What google.script.host asks of whoever shows the page. */
export type HostRequest =
  | { type: 'close' }
  | { type: 'setHeight'; value: number }
  | { type: 'setWidth'; value: number }
  | { type: 'focusEditor' };

/**
 * The global whose value, set by a script put in front of this one, is the page's GoogleScriptConfig (read once,
 * then removed). Named when only the preview had it; tests/browser/server.test.ts looks for it in a served frame.
 */
export const CONFIG_GLOBAL = '__gasPreviewConfig';

/** What the page is told when it is served. */
export interface GoogleScriptConfig {
  /** Callable server functions (top-level functions of the bundle not ending in "_"). */
  functions: string[];
  /** Where the page comes from (google.script.host.origin). */
  origin: string;
}

/** Where the calls go: one execution per `run`, answered whenever it ends (a lost connection is a failure reply). */
export interface ServerLink {
  run(fn: string, args: unknown[]): Promise<RunReply>;
  host(request: HostRequest): void;
}

type Handler = (value: unknown, userObject: unknown) => void;

interface Chain {
  success: Handler | null;
  failure: Handler | null;
  userObject: unknown;
}

interface FormLike {
  readonly elements: ArrayLike<{
    readonly name: string;
    readonly type: string;
    readonly value: string;
    readonly checked?: boolean;
    readonly disabled?: boolean;
  }>;
}

function isForm(value: unknown): value is FormLike {
  return Object.prototype.toString.call(value) === '[object HTMLFormElement]';
}

/** Apps Script: "the form becomes a single object with field names as keys and field values as values". */
function formToObject(form: FormLike): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < form.elements.length; i++) {
    const field = form.elements[i];
    if (!field?.name || field.disabled) continue;
    if ((field.type === 'checkbox' || field.type === 'radio') && !field.checked) continue;
    if (field.type === 'file') throw new Error('File fields are not supported by the local stand-in.');
    if (field.type === 'submit' || field.type === 'button' || field.type === 'reset') continue;
    out[field.name] = field.value;
  }
  return out;
}

/** Sets google.script.run and google.script.host over `link`, as the page's config (CONFIG_GLOBAL) says. */
export function installGoogleScript(link: ServerLink): void {
  const scope = globalThis as unknown as Record<string, unknown> & { google?: { script?: unknown } };
  const config = (scope[CONFIG_GLOBAL] as GoogleScriptConfig | undefined) ?? { functions: [], origin: '' };
  delete scope[CONFIG_GLOBAL];
  const report = (text: string): void =>
    (globalThis as unknown as { console: { error(text: string): void } }).console.error(text);

  function deliver(chain: Chain, reply: RunReply): void {
    if (reply.ok) chain.success?.(reply.result, chain.userObject);
    else if (chain.failure) chain.failure(new Error(reply.error), chain.userObject);
    else report(`Uncaught (no failure handler): ${reply.error}`);
  }

  function makeRunner(chain: Chain): Record<string, unknown> {
    const runner: Record<string, unknown> = {
      withSuccessHandler: (handler: Handler) => makeRunner({ ...chain, success: handler }),
      withFailureHandler: (handler: Handler) => makeRunner({ ...chain, failure: handler }),
      withUserObject: (userObject: unknown) => makeRunner({ ...chain, userObject }),
    };
    for (const name of config.functions) {
      if (name in runner) continue;
      runner[name] = (...args: unknown[]): void => {
        // Throws at the call, before anything is sent (the failure handler is not called).
        const sent = argumentsToServer(args.map((arg) => (isForm(arg) ? formToObject(arg) : arg)));
        // Handlers run as a task of their own, so an exception in one is an uncaught error of the page.
        void link.run(name, sent).then((reply) => setTimeout(() => deliver(chain, reply), 0));
      };
    }
    return runner;
  }

  const host = {
    origin: config.origin,
    close: (): void => link.host({ type: 'close' }),
    setHeight: (height: number): void => link.host({ type: 'setHeight', value: Number(height) }),
    setWidth: (width: number): void => link.host({ type: 'setWidth', value: Number(width) }),
    editor: { focus: (): void => link.host({ type: 'focusEditor' }) },
  };

  scope.google = scope.google ?? {};
  scope.google.script = { run: makeRunner({ success: null, failure: null, userObject: undefined }), host };
}
