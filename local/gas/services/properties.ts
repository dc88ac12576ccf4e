/**
 * PropertiesService stand-in: the document property store of strings (the product keeps its settings and counters
 * there; it uses no script or user store).
 *
 * Real behaviour (developers.google.com/apps-script/guides/properties, reference/properties, quotas page):
 * - values are stored as strings ("Data types that are not already strings are automatically converted");
 *   getProperty returns null when absent;
 * - getDocumentProperties() returns null when the script is neither an add-on nor container-bound;
 * - quotas: 9 KB per value, 500 KB per property store. Going over either is reported as
 *   "You have exceeded the property storage quota. Please remove some properties and try again."
 *   (text quoted from real runs; two independent reports got it for a single oversized value, so the
 *   stand-in uses it for both limits); the failing write changes nothing.
 */
import type { Runtime } from '../runtime';
import type { GasSurface } from '../surface';
import { type Realm, isPlainObject } from './common';

export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;
const QUOTA_TEXT = 'You have exceeded the property storage quota. Please remove some properties and try again.';

/** Serializable state of the store (host persistence). */
export interface PropertiesSnapshot {
  document: Record<string, string>;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

export class Properties
  implements
    GasSurface<
      GoogleAppsScript.Properties.Properties,
      'deleteProperty' | 'getProperties' | 'getProperty' | 'setProperties' | 'setProperty'
    >
{
  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
    private readonly store: Map<string, string>,
  ) {}

  deleteProperty(_key: unknown): Properties {
    this.runtime.calls.count('Properties.deleteProperty');
    this.store.delete(this.keyArg('deleteProperty', arguments));
    return this;
  }

  /**
   * "Gets a copy of all key-value pairs in the current Properties store." (reference, Properties.getProperties()).
   * A plain object of strings; changing it changes nothing stored.
   */
  getProperties(): Record<string, string> {
    this.runtime.calls.count('Properties.getProperties');
    if (arguments.length !== 0)
      throw this.realm.signatureError('PropertiesService.Properties.getProperties', arguments);
    return Object.fromEntries(this.store);
  }

  getProperty(_key: unknown): string | null {
    this.runtime.calls.count('Properties.getProperty');
    return this.store.get(this.keyArg('getProperty', arguments)) ?? null;
  }

  setProperties(properties: unknown, deleteAllOthers?: unknown): Properties {
    this.runtime.calls.count('Properties.setProperties');
    if (
      arguments.length === 0 ||
      !isPlainObject(properties) ||
      (arguments.length > 1 && typeof deleteAllOthers !== 'boolean')
    ) {
      throw this.realm.signatureError('PropertiesService.Properties.setProperties', arguments);
    }
    const next = new Map(deleteAllOthers === true ? [] : this.store);
    for (const [key, value] of Object.entries(properties)) {
      if (value === null || value === undefined)
        throw this.realm.signatureError('PropertiesService.Properties.setProperties', arguments);
      next.set(key, String(value));
    }
    this.commit(next);
    return this;
  }

  setProperty(key: unknown, value: unknown): Properties {
    this.runtime.calls.count('Properties.setProperty');
    // A missing or null value fits no overload of setProperty(String, String) (assumed; not verified live).
    if (arguments.length < 2 || key === null || key === undefined || value === null || value === undefined) {
      throw this.realm.signatureError('PropertiesService.Properties.setProperty', arguments);
    }
    this.commit(new Map(this.store).set(String(key), String(value)));
    return this;
  }

  toString(): string {
    return 'DocumentProperties';
  }

  private keyArg(method: string, args: IArguments): string {
    const key: unknown = args[0];
    if (
      args.length === 0 ||
      key === null ||
      key === undefined ||
      typeof key === 'object' ||
      typeof key === 'function'
    ) {
      throw this.realm.signatureError(`PropertiesService.Properties.${method}`, args);
    }
    return String(key);
  }

  /** Apply a whole new content, or nothing if it breaks a quota (keys and values count in UTF-8 bytes). */
  private commit(next: Map<string, string>): void {
    let total = 0;
    for (const [key, value] of next) {
      if (bytes(value) > PROPERTY_VALUE_LIMIT_BYTES) throw this.realm.error(QUOTA_TEXT);
      total += bytes(key) + bytes(value);
    }
    if (total > PROPERTY_STORE_LIMIT_BYTES) throw this.realm.error(QUOTA_TEXT);
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
  }
}

export class PropertiesServiceStandIn
  implements GasSurface<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties'>
{
  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
    /** The document store (host side: snapshotProperties / restoreProperties). */
    private readonly document: Map<string, string>,
    private readonly hasContainer: boolean,
  ) {}

  /** Null when there is no container document (reference: "or null if the script is not either an add-on or bound"). */
  getDocumentProperties(): Properties | null {
    this.runtime.calls.count('PropertiesService.getDocumentProperties');
    return this.hasContainer ? new Properties(this.runtime, this.realm, this.document) : null;
  }

  toString(): string {
    return 'PropertiesService';
  }
}

export function snapshotProperties(document: ReadonlyMap<string, string>): PropertiesSnapshot {
  return { document: Object.fromEntries(document) };
}

/** Replace the store's content in place (Properties objects already handed out see the new content). */
export function restoreProperties(document: Map<string, string>, snapshot: Partial<PropertiesSnapshot>): void {
  document.clear();
  for (const [key, value] of Object.entries(snapshot.document ?? {})) document.set(key, String(value));
}
