/** One place to build a Runtime and the services stand-in for these tests. */
import { Runtime } from '../../../local/gas/runtime';
import { type ServicesOptions, createServices } from '../../../local/gas/services';

export const OWNER = 'owner@example.com';
export const REP = 'rep@example.com';
/** 2024-03-10T12:00:00Z — a fixed virtual clock. */
export const START = Date.UTC(2024, 2, 10, 12, 0, 0);

export function makeServices(options: Partial<ServicesOptions> = {}, timeZone = 'Europe/Paris') {
  const runtime = new Runtime(OWNER, timeZone, START);
  const { globals, host } = createServices(runtime, { htmlFiles: {}, hasContainer: true, ...options });
  return { runtime, globals, host };
}

/** The error `body` throws (fails the test if it does not throw). */
export function thrown(body: () => unknown): Error {
  try {
    body();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an exception');
}
