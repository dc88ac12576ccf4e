/**
 * What crosses google.script.run between the sidebar (client) and the server functions.
 *
 * Google (guides/html/reference/run): "Legal parameters and return values are JavaScript primitives like a
 * Number, Boolean, String, or null, as well as JavaScript objects and arrays that are composed of primitives,
 * objects and arrays. [...] Requests fail if you attempt to pass a Date, Function, DOM element besides a form,
 * or other prohibited type, including prohibited types inside objects or arrays. Objects that create circular
 * references will also fail, and undefined fields within arrays become null. Note that an object passed to the
 * server becomes a copy of the original."
 *
 * Observed behaviour (messages quoted from Google's client code and from public projects that hit them):
 * - arguments: the client checks them before sending and throws synchronously at the call (the failure
 *   handler is never called) — "Failed due to illegal value in property: <key>" where <key> is the argument
 *   index at top level, else the property name or array index holding the value; a cycle →
 *   "Failed due to circular reference."; object keys ending in "__" are dropped; the rest is copied as JSON
 *   would (NaN/Infinity → null, undefined properties dropped, undefined array items → null);
 * - return values: a Date anywhere in the value makes the success handler receive null — no error
 *   (enuchi/React-Google-Apps-Script#28, google-marketing-solutions/feedgen#21); undefined → null;
 *   Map and Set → {}; otherwise copied as JSON would.
 * Decided here where unverified: a Function (or cycle) in a return value is treated like a Date (null).
 * Type checks are realm-agnostic (values come from the bundle's vm realm).
 */
import { tagOf } from './common';

/** Tags of values the client refuses to send (besides functions, symbols and bigints). */
const ILLEGAL_ARGUMENT_TAGS = new Set([
  'Date',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'RegExp',
  'Error',
  'Promise',
  'ArrayBuffer',
  'DataView',
  'Blob',
  'File',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
]);

class IllegalValue extends Error {
  constructor(readonly key: string) {
    super(`Failed due to illegal value in property: ${key}`);
  }
}

class Circular extends Error {
  constructor() {
    super('Failed due to circular reference.');
  }
}

function isPlainRecord(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function copyArgument(value: unknown, key: string, stack: object[]): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return null;
  if (typeof value !== 'object') throw new IllegalValue(key); // function, symbol, bigint
  if (stack.includes(value)) throw new Circular();
  const tag = tagOf(value);
  if (ILLEGAL_ARGUMENT_TAGS.has(tag)) throw new IllegalValue(key);
  stack.push(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item: unknown, index) => copyArgument(item, String(index), stack));
    }
    if (tag !== 'Object' || !isPlainRecord(value)) throw new IllegalValue(key); // class instances, host objects
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      if (name.endsWith('__')) continue;
      if (item === undefined) continue;
      out[name] = copyArgument(item, name, stack);
    }
    return out;
  } finally {
    stack.pop();
  }
}

/**
 * The arguments as the server function receives them (deep copies), or throws the Error the client's
 * `google.script.run.fn(...)` call itself would throw.
 */
export function argumentsToServer(args: readonly unknown[]): unknown[] {
  try {
    return args.map((arg, index) => copyArgument(arg, String(index), []));
  } catch (error) {
    if (error instanceof IllegalValue || error instanceof Circular) throw new Error(error.message);
    throw error;
  }
}

class Nullify extends Error {}

function copyResult(value: unknown, stack: object[], inArray: boolean): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return inArray ? null : undefined;
  if (typeof value === 'function') throw new Nullify();
  if (typeof value !== 'object') return inArray ? null : undefined; // symbol/bigint: dropped as by JSON
  if (stack.includes(value)) throw new Nullify();
  const tag = tagOf(value);
  if (tag === 'Date') throw new Nullify();
  if (tag === 'Map' || tag === 'Set') return {};
  stack.push(value);
  try {
    if (Array.isArray(value)) return value.map((item: unknown) => copyResult(item, stack, true));
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      const copy = copyResult(item, stack, false);
      if (copy !== undefined) out[name] = copy;
    }
    return out;
  } finally {
    stack.pop();
  }
}

/** What the client's success handler receives when the server function returned `value`. */
export function resultToClient(value: unknown): unknown {
  try {
    const copy = copyResult(value, [], false);
    return copy === undefined ? null : copy;
  } catch (error) {
    if (error instanceof Nullify) return null;
    throw error;
  }
}
