/**
 * Utilities stand-in (developers.google.com/apps-script/reference/utilities/utilities).
 * - formatDate(date, timeZone, format): Java SimpleDateFormat in any zone (see dateFormat.ts);
 *   a non-Date first argument → "The parameters (String,String,String) don't match the method signature
 *   for Utilities.formatDate." (real message, quoted in many public projects);
 * - formatString(template, ...args): Java String.format ("sprintf-like"), also used by Logger.log(format, ...);
 * - sleep(ms): advances the virtual clock; the reference gives 300000 ms as the maximum;
 * - base64*, computeDigest / computeHmac*: byte arrays are Java signed bytes (-128..127);
 * - getUuid(), newBlob() (minimal), jsonParse / jsonStringify, the Charset / DigestAlgorithm / MacAlgorithm enums.
 * Date arguments are recognised realm-agnostically (the bundle's Date is another realm's).
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Runtime } from '../runtime';
import {
  type GasEnumValue,
  type Realm,
  bytesToBuffer,
  isByteArray,
  isDate,
  makeEnum,
  toSignedBytes,
} from './common';
import { DatePatternError, formatJavaDate } from './dateFormat';

export const SLEEP_MAX_MS = 300000;

export const Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
export const DigestAlgorithm = makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
export const MacAlgorithm = makeEnum(['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const);

const DIGESTS = new Map<GasEnumValue, string>([
  [DigestAlgorithm.MD5, 'md5'],
  [DigestAlgorithm.SHA_1, 'sha1'],
  [DigestAlgorithm.SHA_256, 'sha256'],
  [DigestAlgorithm.SHA_384, 'sha384'],
  [DigestAlgorithm.SHA_512, 'sha512'],
]);
const MACS = new Map<GasEnumValue, string>([
  [MacAlgorithm.HMAC_MD5, 'md5'],
  [MacAlgorithm.HMAC_SHA_1, 'sha1'],
  [MacAlgorithm.HMAC_SHA_256, 'sha256'],
  [MacAlgorithm.HMAC_SHA_384, 'sha384'],
  [MacAlgorithm.HMAC_SHA_512, 'sha512'],
]);

/** Java's java.util.Formatter for JavaScript values (the conversions scripts use). Throws Error with Java's message. */
export function javaFormat(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(/%(\d+\$)?([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (spec, index: string | undefined, flags: string, width: string | undefined, precision: string | undefined, conversion: string) => {
    if (conversion === '%') return justify('%', flags, width);
    if (conversion === 'n') return '\n';
    const position = index ? Number(index.slice(0, -1)) - 1 : next++;
    if (position >= args.length) throw new Error(`Format specifier '${spec}'`);
    const arg = args[position];
    const upper = conversion === conversion.toUpperCase();
    let text: string;
    switch (conversion.toLowerCase()) {
      case 's':
        text = arg === null || arg === undefined ? 'null' : String(arg);
        if (precision !== undefined) text = text.slice(0, Number(precision));
        break;
      case 'b':
        text = arg === null || arg === undefined ? 'false' : typeof arg === 'boolean' ? String(arg) : 'true';
        break;
      case 'c':
        text = typeof arg === 'number' ? String.fromCodePoint(arg) : String(arg).charAt(0);
        break;
      case 'd':
        text = integer(arg, conversion, flags);
        break;
      case 'x':
      case 'o': {
        const value = integerValue(arg, conversion);
        text = (value < 0 ? value >>> 0 : value).toString(conversion.toLowerCase() === 'x' ? 16 : 8);
        if (flags.includes('#')) text = (conversion.toLowerCase() === 'x' ? '0x' : '0') + text;
        break;
      }
      case 'f':
      case 'e':
        text = floating(arg, conversion, flags, precision === undefined ? 6 : Number(precision));
        break;
      default:
        throw new Error(`Conversion = '${conversion}'`);
    }
    if (upper && conversion !== 'X') text = text.toUpperCase();
    if (conversion === 'X') text = text.toUpperCase();
    return justify(text, flags, width);
  });
}

function integerValue(arg: unknown, conversion: string): number {
  if (typeof arg !== 'number' || !Number.isInteger(arg)) {
    throw new Error(`${conversion} != ${typeof arg === 'number' ? 'java.lang.Double' : 'java.lang.String'}`);
  }
  return arg;
}

function signed(digits: string, negative: boolean, flags: string): string {
  if (negative) return flags.includes('(') ? `(${digits})` : `-${digits}`;
  if (flags.includes('+')) return `+${digits}`;
  if (flags.includes(' ')) return ` ${digits}`;
  return digits;
}

function group(digits: string, flags: string): string {
  if (!flags.includes(',')) return digits;
  const [whole = '', fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function integer(arg: unknown, conversion: string, flags: string): string {
  const value = integerValue(arg, conversion);
  return signed(group(String(Math.abs(value)), flags), value < 0, flags);
}

function floating(arg: unknown, conversion: string, flags: string, precision: number): string {
  if (typeof arg !== 'number') throw new Error(`${conversion} != java.lang.String`);
  if (!Number.isFinite(arg)) return Number.isNaN(arg) ? 'NaN' : arg > 0 ? 'Infinity' : '-Infinity';
  const abs = Math.abs(arg);
  let digits: string;
  if (conversion.toLowerCase() === 'f') {
    digits = group(abs.toFixed(precision), flags);
  } else {
    const [mantissa = '', exponent = '0'] = abs.toExponential(precision).split('e');
    const exp = Number(exponent);
    digits = `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return signed(digits, arg < 0 || Object.is(arg, -0), flags);
}

function justify(text: string, flags: string, width: string | undefined): string {
  const size = width === undefined ? 0 : Number(width);
  if (text.length >= size) return text;
  if (flags.includes('-')) return text.padEnd(size, ' ');
  if (flags.includes('0')) {
    const sign = /^[-+ (]/.test(text) ? text.charAt(0) : '';
    return sign + text.slice(sign.length).padStart(size - sign.length, '0');
  }
  return text.padStart(size, ' ');
}

/** A minimal Blob: bytes, a content type and a name. */
export class BlobStandIn {
  constructor(
    private readonly runtime: Runtime,
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  copyBlob(): BlobStandIn {
    this.runtime.calls.count('Blob.copyBlob');
    return new BlobStandIn(this.runtime, Buffer.from(this.bytes), this.contentType, this.name);
  }

  getBytes(): number[] {
    this.runtime.calls.count('Blob.getBytes');
    return toSignedBytes(this.bytes);
  }

  getContentType(): string | null {
    this.runtime.calls.count('Blob.getContentType');
    return this.contentType;
  }

  getDataAsString(charset?: string): string {
    this.runtime.calls.count('Blob.getDataAsString');
    return this.bytes.toString(charset && /ascii/i.test(charset) ? 'latin1' : 'utf8');
  }

  getName(): string | null {
    this.runtime.calls.count('Blob.getName');
    return this.name;
  }

  isGoogleType(): boolean {
    this.runtime.calls.count('Blob.isGoogleType');
    return false;
  }

  setBytes(data: number[]): BlobStandIn {
    this.runtime.calls.count('Blob.setBytes');
    this.bytes = bytesToBuffer(data);
    return this;
  }

  setContentType(contentType: string | null): BlobStandIn {
    this.runtime.calls.count('Blob.setContentType');
    this.contentType = contentType;
    return this;
  }

  setDataFromString(text: string): BlobStandIn {
    this.runtime.calls.count('Blob.setDataFromString');
    this.bytes = Buffer.from(String(text), 'utf8');
    return this;
  }

  setName(name: string): BlobStandIn {
    this.runtime.calls.count('Blob.setName');
    this.name = name;
    return this;
  }

  toString(): string {
    return 'Blob';
  }
}

export class UtilitiesStandIn {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;

  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
  ) {}

  base64Decode(encoded: string, charset?: GasEnumValue): number[] {
    this.runtime.calls.count('Utilities.base64Decode');
    return toSignedBytes(this.decode('base64Decode', arguments, /^[A-Za-z0-9+/]*={0,2}$/, 'base64'));
  }

  base64DecodeWebSafe(encoded: string, charset?: GasEnumValue): number[] {
    this.runtime.calls.count('Utilities.base64DecodeWebSafe');
    return toSignedBytes(this.decode('base64DecodeWebSafe', arguments, /^[A-Za-z0-9_-]*={0,2}$/, 'base64url'));
  }

  base64Encode(data: string | number[], charset?: GasEnumValue): string {
    this.runtime.calls.count('Utilities.base64Encode');
    return this.bytesArg('base64Encode', arguments, 0).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], charset?: GasEnumValue): string {
    this.runtime.calls.count('Utilities.base64EncodeWebSafe');
    // Java's URL-safe encoder keeps the '=' padding.
    return this.bytesArg('base64EncodeWebSafe', arguments, 0).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  computeDigest(algorithm: GasEnumValue, value: string | number[], charset?: GasEnumValue): number[] {
    this.runtime.calls.count('Utilities.computeDigest');
    const name = DIGESTS.get(algorithm);
    if (!name) {
      if (algorithm === DigestAlgorithm.MD2) throw new Error('stand-in: MD2 is not emulated (node has no MD2)');
      throw this.realm.signatureError('Utilities.computeDigest', arguments);
    }
    const bytes = this.bytesArg('computeDigest', arguments, 1);
    return toSignedBytes(createHash(name).update(bytes).digest());
  }

  computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: GasEnumValue): number[] {
    this.runtime.calls.count('Utilities.computeHmacSha256Signature');
    const data = this.bytesArg('computeHmacSha256Signature', arguments, 0);
    const secret = this.bytesArg('computeHmacSha256Signature', arguments, 1);
    return toSignedBytes(createHmac('sha256', secret).update(data).digest());
  }

  computeHmacSignature(algorithm: GasEnumValue, value: string | number[], key: string | number[], charset?: GasEnumValue): number[] {
    this.runtime.calls.count('Utilities.computeHmacSignature');
    const name = MACS.get(algorithm);
    if (!name) throw this.realm.signatureError('Utilities.computeHmacSignature', arguments);
    const data = this.bytesArg('computeHmacSignature', arguments, 1);
    const secret = this.bytesArg('computeHmacSignature', arguments, 2);
    return toSignedBytes(createHmac(name, secret).update(data).digest());
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    this.runtime.calls.count('Utilities.formatDate');
    if (arguments.length !== 3 || !isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw this.realm.signatureError('Utilities.formatDate', arguments);
    }
    const ms = date.getTime();
    // Not verified live: an Invalid Date has no Java equivalent; reported with Apps Script's "Invalid argument: <name>" form.
    if (Number.isNaN(ms)) throw this.realm.error('Invalid argument: date');
    try {
      return formatJavaDate(ms, timeZone, format);
    } catch (error) {
      // Java's IllegalArgumentException text for the pattern (how Apps Script words it is not verified).
      if (error instanceof DatePatternError) throw this.realm.error(error.message);
      throw error;
    }
  }

  formatString(template: string, ...args: unknown[]): string {
    this.runtime.calls.count('Utilities.formatString');
    if (arguments.length === 0 || typeof template !== 'string') throw this.realm.signatureError('Utilities.formatString', arguments);
    try {
      return javaFormat(template, args);
    } catch (error) {
      throw this.realm.error((error as Error).message);
    }
  }

  getUuid(): string {
    this.runtime.calls.count('Utilities.getUuid');
    return randomUUID();
  }

  jsonParse(jsonString: string): unknown {
    this.runtime.calls.count('Utilities.jsonParse');
    return JSON.parse(jsonString) as unknown;
  }

  jsonStringify(obj: unknown): string {
    this.runtime.calls.count('Utilities.jsonStringify');
    return JSON.stringify(obj);
  }

  newBlob(data: string | number[], contentType?: string, name?: string): BlobStandIn {
    this.runtime.calls.count('Utilities.newBlob');
    const bytes = this.bytesArg('newBlob', arguments, 0);
    return new BlobStandIn(this.runtime, bytes, contentType ?? null, name ?? null);
  }

  /** Advances the virtual clock; 0..300000 ms ("maximum allowed value is 300000 (or 5 minutes)"). */
  sleep(milliseconds: number): void {
    this.runtime.calls.count('Utilities.sleep');
    if (arguments.length !== 1 || typeof milliseconds !== 'number' || Number.isNaN(milliseconds)) {
      throw this.realm.signatureError('Utilities.sleep', arguments);
    }
    // The limit is documented; the text follows Apps Script's "Invalid argument: <parameter>" form (not verified live).
    if (milliseconds < 0 || milliseconds > SLEEP_MAX_MS) throw this.realm.error('Invalid argument: milliseconds');
    this.runtime.advance(Math.floor(milliseconds));
  }

  toString(): string {
    return 'Utilities';
  }

  private bytesArg(method: string, args: IArguments, index: number): Buffer {
    const value: unknown = args[index];
    if (typeof value === 'string') return Buffer.from(value, this.charsetOf(args[index + 1]));
    if (isByteArray(value)) return bytesToBuffer(value);
    throw this.realm.signatureError(`Utilities.${method}`, args);
  }

  private charsetOf(charset: unknown): BufferEncoding {
    return charset === Charset.US_ASCII ? 'latin1' : 'utf8';
  }

  private decode(method: string, args: IArguments, alphabet: RegExp, encoding: BufferEncoding): Buffer {
    const encoded: unknown = args[0];
    if (typeof encoded !== 'string') throw this.realm.signatureError(`Utilities.${method}`, args);
    const compact = encoded.replace(/[\r\n]/g, '');
    // "Could not decode string." is Apps Script's text for malformed input (from memory of real runs; not re-verified).
    if (!alphabet.test(compact) || compact.length % 4 === 1) throw this.realm.error('Could not decode string.');
    return Buffer.from(compact, encoding);
  }
}
