/**
 * Measures how much of a call's wall time is spent inside the stand-in's service methods (mostly getValues
 * building rows and Dates), so the table can show it next to the wall time. Wraps, at run time and only in this
 * process, every method on the prototype chains of the service objects the script reaches (SpreadsheetApp and
 * what its methods return, LockService, PropertiesService, Session …). The stand-in's code is not changed; the
 * wrapper adds two clock reads per call. Nested calls (a stand-in method calling another) count once. It also counts
 * the cells each outermost read or write moved (getValues, getSheetValues, setValues, appendRow …).
 */

const wrapped = new WeakSet<object>();
let depth = 0;
let spentNs = BigInt(0);
/** Cells that crossed between the script and the spreadsheet (the real-Google cost model prices them). */
let cellsRead = 0;
let cellsWritten = 0;

const READS = new Set(['getValues', 'getDisplayValues', 'getSheetValues', 'getValue', 'getDisplayValue']);
const WRITES = new Set(['setValues', 'setValue', 'appendRow']);

function cellCount(value: unknown): number {
  if (!Array.isArray(value)) return 1;
  let n = 0;
  for (const row of value) n += Array.isArray(row) ? row.length : 1;
  return n;
}

/** Counts the cells of an outermost read or write call of the script. */
function countCells(name: string, args: readonly unknown[], result: unknown): void {
  if (READS.has(name)) cellsRead += cellCount(result);
  else if (WRITES.has(name)) cellsWritten += cellCount(name === 'appendRow' ? [args[0]] : args[0]);
}

function isPlainData(value: unknown): boolean {
  return typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date;
}

function wrapChain(target: object): void {
  let proto: object | null = Object.getPrototypeOf(target);
  while (proto !== null && proto !== Object.prototype && proto !== Function.prototype) {
    if (wrapped.has(proto)) return;
    wrapped.add(proto);
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (!descriptor || typeof descriptor.value !== 'function' || !descriptor.writable) continue;
      const original = descriptor.value as (...args: unknown[]) => unknown;
      const timed = function (this: unknown): unknown {
        // biome-ignore lint/complexity/noArguments: the wrapper forwards whatever the wrapped method was given.
        const args = arguments as unknown as unknown[];
        if (depth > 0) return follow(original.apply(this, args));
        depth++;
        const t0 = process.hrtime.bigint();
        try {
          const result = original.apply(this, args);
          countCells(name, args, result);
          return follow(result);
        } finally {
          spentNs += process.hrtime.bigint() - t0;
          depth--;
        }
      };
      Object.defineProperty(proto, name, { ...descriptor, value: timed });
    }
    proto = Object.getPrototypeOf(proto);
  }
}

/** Wraps the classes of what a stand-in method returned (a Sheet, a Range, a list of Ranges …). */
function follow<T>(result: T): T {
  if (Array.isArray(result)) {
    const first = result[0];
    if (!isPlainData(first)) wrapChain(first as object);
  } else if (!isPlainData(result)) {
    wrapChain(result as object);
  }
  return result;
}

/** Instruments the service globals a script sees (gas.globals): call once, before the bundle is loaded. */
export function instrumentStandIn(globals: Record<string, unknown>): void {
  for (const value of Object.values(globals)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) wrapChain(value);
  }
}

/** Cells read and written by the script's outermost service calls since the last call of this function. */
export function takeCells(): { read: number; written: number } {
  const cells = { read: cellsRead, written: cellsWritten };
  cellsRead = 0;
  cellsWritten = 0;
  return cells;
}

/** Nanoseconds spent inside stand-in methods since the last call of this function. */
export function takeStandInNs(): bigint {
  const spent = spentNs;
  spentNs = BigInt(0);
  return spent;
}
