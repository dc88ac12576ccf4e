/**
 * Small pieces shared by the service stand-ins: Apps Script's error shape, its "parameters don't match"
 * message and realm-agnostic type checks.
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
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'function') return 'Function';
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) {
    const inner = new Set(value.map((item) => typeLabel(item)));
    return `${inner.size === 1 ? [...inner][0] : 'Object'}[]`;
  }
  return 'Object';
}

/** A plain object (prototype is some realm's Object.prototype, or null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || tagOf(value) !== 'Object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}
