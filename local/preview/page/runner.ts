/**
 * `google.script` inside a sidebar or dialog of the preview (put in front of the add-on's own HTML).
 *
 * google.script.run: a runner per chain — withSuccessHandler / withFailureHandler / withUserObject return a new
 * runner, and it has one method per server function (the bundle's top-level functions not ending in "_"),
 * so an unknown name is "not a function", as in Apps Script. Arguments are checked and copied here, at the
 * call, with the stand-in's own rules (local/gas/services/clientBoundary.ts): a Date, function, Map… throws
 * "Failed due to illegal value in property: …" synchronously, as Google's client does; a <form> argument
 * becomes an object of its fields. The call itself goes to the page (postMessage: the frame is sandboxed in
 * its own origin, as Apps Script's are), which runs it on the server; the success handler receives
 * (result, userObject), the failure handler (Error("Exception: …"), userObject).
 *
 * google.script.host: close(), setHeight(px), setWidth(px), editor.focus(), origin.
 */

import { argumentsToServer } from '../../gas/services/clientBoundary';
import type { FrameToPage, PageToFrame, RunnerConfig } from '../protocol';
import { win } from './dom';

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

const scope = globalThis as unknown as {
  __gasPreviewConfig?: RunnerConfig;
  google?: { script?: unknown };
  console: { error(...args: unknown[]): void };
};

const config: RunnerConfig = scope.__gasPreviewConfig ?? { functions: [], origin: '' };
delete scope.__gasPreviewConfig;

let nextId = 1;
const pending = new Map<number, Chain>();

function post(message: FrameToPage): void {
  win.parent.postMessage(message, '*');
}

function isForm(value: unknown): value is FormLike {
  return Object.prototype.toString.call(value) === '[object HTMLFormElement]';
}

/** Apps Script: "the form becomes a single object with field names as keys and field values as values". */
function formToObject(form: FormLike): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < form.elements.length; i++) {
    const field = form.elements[i];
    if (!field || !field.name || field.disabled) continue;
    if ((field.type === 'checkbox' || field.type === 'radio') && !field.checked) continue;
    if (field.type === 'file') throw new Error('File fields are not supported by the local preview.');
    if (field.type === 'submit' || field.type === 'button' || field.type === 'reset') continue;
    out[field.name] = field.value;
  }
  return out;
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
      const id = nextId++;
      pending.set(id, chain);
      post({ source: 'gas-preview', type: 'run', id, fn: name, args: sent });
    };
  }
  return runner;
}

win.addEventListener('message', (event) => {
  if (event.source !== win.parent) return;
  const data = event.data as PageToFrame | null;
  if (!data || typeof data !== 'object' || data.source !== 'gas-preview' || data.type !== 'result') return;
  const chain = pending.get(data.id);
  if (!chain) return;
  pending.delete(data.id);
  if (data.ok) {
    if (chain.success) chain.success(data.result, chain.userObject);
    return;
  }
  const error = new Error(data.error);
  if (chain.failure) chain.failure(error, chain.userObject);
  else scope.console.error(`Uncaught (no failure handler): ${data.error}`);
});

const host = {
  origin: config.origin,
  close(): void {
    post({ source: 'gas-preview', type: 'close' });
  },
  setHeight(height: number): void {
    post({ source: 'gas-preview', type: 'setHeight', value: Number(height) });
  },
  setWidth(width: number): void {
    post({ source: 'gas-preview', type: 'setWidth', value: Number(width) });
  },
  editor: {
    focus(): void {
      post({ source: 'gas-preview', type: 'focusEditor' });
    },
  },
};

scope.google = scope.google ?? {};
scope.google.script = { run: makeRunner({ success: null, failure: null, userObject: undefined }), host };
