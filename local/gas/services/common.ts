/**
 * Small pieces shared by the service stand-ins: Apps Script's error shape, its "parameters don't match"
 * message, realm-agnostic type checks, enum values and byte-array conversions.
 */

/** Which realm's Error constructor service errors are built with (the bundle runs in another vm realm). */
export class Realm {
  private ErrorCtor: ErrorConstructor = Error;

  /** Make errors instances of the bundle realm's Error (so `e instanceof Error` holds inside the bundle). */
  use(globals: { Error?: ErrorConstructor }): void {
    if (globals.Error) this.ErrorCtor = globals.Error;
  }

  /**
   * A service exception as Apps Script throws it: message = the text, name = 'Exception'
   * (real logs show `{ [Exception: The parameters (String,String,String) don't match ...] name: 'Exception' }`).
   */
  error(message: string): Error {
    const error = new this.ErrorCtor(message);
    error.name = 'Exception';
    return error;
  }

  /**
   * Apps Script's text when a call's arguments fit no overload, e.g.
   * "The parameters (String,String,String) don't match the method signature for Utilities.formatDate."
   * and "The parameters () don't match the method signature for LockService.Lock.tryLock." (both quoted from real runs).
   */
  signatureError(method: string, args: ArrayLike<unknown>): Error {
    const labels: string[] = [];
    for (let i = 0; i < args.length; i++) labels.push(typeLabel(args[i]));
    return this.error(`The parameters (${labels.join(',')}) don't match the method signature for ${method}.`);
  }
}

/** `Object.prototype.toString` tag, identical whatever realm created the value. */
export function tagOf(value: unknown): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

/** A Date from any realm (never `instanceof`: the bundle's Date is not the host's). */
export function isDate(value: unknown): value is Date {
  return tagOf(value) === 'Date';
}

/** How Apps Script names a JavaScript value's type in its signature messages: String, number, Boolean, null, Date, Object, number[]. */
export function typeLabel(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'function':
      return 'Function';
    default:
      break;
  }
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) {
    const inner = new Set(value.map((item) => typeLabel(item)));
    return (inner.size === 1 ? [...inner][0] : 'Object') + '[]';
  }
  return 'Object';
}

/** One value of an Apps Script enum: an object whose string form is its name (e.g. `String(ScriptApp.AuthMode.FULL) === 'FULL'`). */
export interface GasEnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
}

export function makeEnum<K extends string>(names: readonly K[]): Readonly<Record<K, GasEnumValue>> {
  const out = {} as Record<K, GasEnumValue>;
  names.forEach((name, index) => {
    out[name] = Object.freeze({
      name: () => name,
      ordinal: () => index,
      toString: () => name,
    });
  });
  return Object.freeze(out);
}

/** Size of a string in UTF-8 bytes (how the quotas count). */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Java-style signed bytes (-128..127), as Apps Script returns byte[]. */
export function toSignedBytes(buffer: Buffer): number[] {
  const out: number[] = new Array<number>(buffer.length);
  for (let i = 0; i < buffer.length; i++) {
    const byte = buffer[i] ?? 0;
    out[i] = byte > 127 ? byte - 256 : byte;
  }
  return out;
}

/** True for an array of integers in the byte range (signed or unsigned), from any realm. */
export function isByteArray(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'number' && Number.isInteger(item) && item >= -128 && item <= 255)
  );
}

export function bytesToBuffer(bytes: readonly number[]): Buffer {
  return Buffer.from(bytes.map((byte) => byte & 0xff));
}

/** A plain object (prototype is some realm's Object.prototype, or null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || tagOf(value) !== 'Object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}
