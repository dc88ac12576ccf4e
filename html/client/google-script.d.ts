/**
 * The minimal ambient types of the Apps Script HTML client API (google.script.run / google.script.host)
 * that this client uses. The server functions are typed from ServerApi, so a renamed server function
 * breaks the client's type check instead of production.
 */

declare namespace google.script {
  type ServerApi = import('../../src/domain/api').ServerApi;

  /** Each server function, as called through a runner: arguments only, results go to the success handler. */
  type ServerFunctions = { [K in keyof ServerApi]: (...args: Parameters<ServerApi[K]>) => void };

  interface Runner extends ServerFunctions {
    withSuccessHandler(handler: (value: unknown) => void): Runner;
    withFailureHandler(handler: (error: unknown) => void): Runner;
  }

  const run: Runner;

  namespace host {
    /** Closes the dialog or sidebar that shows this page. */
    function close(): void;
  }
}
