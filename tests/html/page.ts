/**
 * google.script in an html test's page: the shared page side (local/bundle/googleScript.ts) over two playwright
 * bindings to the test's Node side (server.ts, installed by harness.ts), which runs each call on the built add-on.
 */

import { type HostRequest, type RunReply, installGoogleScript } from '../../local/bundle/googleScript';

const scope = globalThis as unknown as {
  __googleScriptRun(fn: string, args: unknown[]): Promise<RunReply>;
  __googleScriptHost(request: HostRequest): Promise<void>;
};

installGoogleScript({
  // A binding that fails (the test is over, the context closing) is a call that never reached the server.
  run: (fn, args) =>
    scope
      .__googleScriptRun(fn, args)
      .catch(() => ({ ok: false, error: 'NetworkError: Connection failure due to HTTP 0' })),
  host: (request) => {
    scope.__googleScriptHost(request).catch(() => undefined);
  },
});
