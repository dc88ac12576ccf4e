/**
 * PropertiesService stand-in: document, script and per-user property stores of strings.
 *
 * Real behaviour (developers.google.com/apps-script/guides/properties, reference/properties, quotas page):
 * - values are stored as strings ("Data types that are not already strings are automatically converted");
 *   getProperty/getProperties return copies, getProperty returns null when absent;
 * - getDocumentProperties() returns null when the script is neither an add-on nor container-bound;
 * - quotas: 9 KB per value, 500 KB per property store. Going over either is reported as
 *   "You have exceeded the property storage quota. Please remove some properties and try again."
 *   (text quoted from real runs; two independent reports got it for a single oversized value, so the
 *   stand-in uses it for both limits); the failing write changes nothing.
 */
import type { Runtime } from '../runtime';
import { type Realm, isPlainObject, utf8Length } from './common';

export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;
const QUOTA_TEXT = 'You have exceeded the property storage quota. Please remove some properties and try again.';

/** Serializable state of every store (host persistence). */
export interface PropertiesSnapshot {
  document: Record<string, string>;
  script: Record<string, string>;
  /** Keyed by the user's e-mail. */
  user: Record<string, Record<string, string>>;
}

type StoreName = 'DocumentProperties' | 'ScriptProperties' | 'UserProperties';

export class PropertyStore {
  readonly map = new Map<string, string>();

  constructor(initial?: Record<string, string>) {
    if (initial) for (const [key, value] of Object.entries(initial)) this.map.set(key, String(value));
  }

  toObject(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of this.map) out[key] = value;
    return out;
  }

  /** Total size counted against the 500 KB quota: keys and values in UTF-8 bytes. */
  static sizeOf(map: ReadonlyMap<string, string>): number {
    let total = 0;
    for (const [key, value] of map) total += utf8Length(key) + utf8Length(value);
    return total;
  }
}

export class PropertiesStandInStores {
  readonly document: PropertyStore;
  readonly script: PropertyStore;
  readonly users = new Map<string, PropertyStore>();

  constructor(initial: Partial<PropertiesSnapshot> = {}) {
    this.document = new PropertyStore(initial.document);
    this.script = new PropertyStore(initial.script);
    for (const [user, values] of Object.entries(initial.user ?? {})) this.users.set(user, new PropertyStore(values));
  }

  user(email: string): PropertyStore {
    let store = this.users.get(email);
    if (!store) {
      store = new PropertyStore();
      this.users.set(email, store);
    }
    return store;
  }

  snapshot(): PropertiesSnapshot {
    const user: Record<string, Record<string, string>> = {};
    for (const [email, store] of this.users) if (store.map.size > 0) user[email] = store.toObject();
    return { document: this.document.toObject(), script: this.script.toObject(), user };
  }

  /** Replace every store's content in place (Properties objects already handed out see the new content). */
  restore(snapshot: Partial<PropertiesSnapshot>): void {
    PropertiesStandInStores.fill(this.document, snapshot.document);
    PropertiesStandInStores.fill(this.script, snapshot.script);
    for (const store of this.users.values()) store.map.clear();
    for (const [email, values] of Object.entries(snapshot.user ?? {})) PropertiesStandInStores.fill(this.user(email), values);
  }

  private static fill(store: PropertyStore, values: Record<string, string> | undefined): void {
    store.map.clear();
    for (const [key, value] of Object.entries(values ?? {})) store.map.set(key, String(value));
  }
}

export class Properties {
  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
    private readonly store: PropertyStore,
    private readonly label: StoreName,
  ) {}

  deleteAllProperties(): Properties {
    this.runtime.calls.count('Properties.deleteAllProperties');
    this.store.map.clear();
    return this;
  }

  deleteProperty(key: string): Properties {
    this.runtime.calls.count('Properties.deleteProperty');
    this.store.map.delete(this.keyArg('deleteProperty', arguments));
    return this;
  }

  getKeys(): string[] {
    this.runtime.calls.count('Properties.getKeys');
    return [...this.store.map.keys()];
  }

  getProperties(): Record<string, string> {
    this.runtime.calls.count('Properties.getProperties');
    return this.store.toObject();
  }

  getProperty(key: string): string | null {
    this.runtime.calls.count('Properties.getProperty');
    return this.store.map.get(this.keyArg('getProperty', arguments)) ?? null;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties {
    this.runtime.calls.count('Properties.setProperties');
    if (arguments.length === 0 || !isPlainObject(properties) || (arguments.length > 1 && typeof deleteAllOthers !== 'boolean')) {
      throw this.realm.signatureError('PropertiesService.Properties.setProperties', arguments);
    }
    const next = new Map(deleteAllOthers === true ? [] : this.store.map);
    for (const [key, value] of Object.entries(properties)) {
      if (value === null || value === undefined) {
        throw this.realm.signatureError('PropertiesService.Properties.setProperties', arguments);
      }
      next.set(key, String(value));
    }
    this.commit(next);
    return this;
  }

  setProperty(key: string, value: unknown): Properties {
    this.runtime.calls.count('Properties.setProperty');
    // A missing or null value fits no overload of setProperty(String, String) (assumed; not verified live).
    if (arguments.length < 2 || key === null || key === undefined || value === null || value === undefined) {
      throw this.realm.signatureError('PropertiesService.Properties.setProperty', arguments);
    }
    const next = new Map(this.store.map);
    next.set(String(key), String(value));
    this.commit(next);
    return this;
  }

  toString(): string {
    return this.label;
  }

  private keyArg(method: string, args: IArguments): string {
    const key: unknown = args[0];
    if (args.length === 0 || key === null || key === undefined || typeof key === 'object' || typeof key === 'function') {
      throw this.realm.signatureError(`PropertiesService.Properties.${method}`, args);
    }
    return String(key);
  }

  /** Apply a whole new content, or nothing if it breaks a quota. */
  private commit(next: Map<string, string>): void {
    for (const value of next.values()) {
      if (utf8Length(value) > PROPERTY_VALUE_LIMIT_BYTES) throw this.realm.error(QUOTA_TEXT);
    }
    if (PropertyStore.sizeOf(next) > PROPERTY_STORE_LIMIT_BYTES) throw this.realm.error(QUOTA_TEXT);
    this.store.map.clear();
    for (const [key, value] of next) this.store.map.set(key, value);
  }
}

export class PropertiesServiceStandIn {
  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
    private readonly stores: PropertiesStandInStores,
    private readonly hasContainer: boolean,
  ) {}

  /** Null when there is no container document (reference: "or null if the script is not either an add-on or bound"). */
  getDocumentProperties(): Properties | null {
    this.runtime.calls.count('PropertiesService.getDocumentProperties');
    if (!this.hasContainer) return null;
    return new Properties(this.runtime, this.realm, this.stores.document, 'DocumentProperties');
  }

  getScriptProperties(): Properties {
    this.runtime.calls.count('PropertiesService.getScriptProperties');
    return new Properties(this.runtime, this.realm, this.stores.script, 'ScriptProperties');
  }

  /** The store of the user running the current execution. */
  getUserProperties(): Properties {
    this.runtime.calls.count('PropertiesService.getUserProperties');
    return new Properties(this.runtime, this.realm, this.stores.user(this.runtime.execution().user), 'UserProperties');
  }

  toString(): string {
    return 'PropertiesService';
  }
}
