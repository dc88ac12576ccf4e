/**
 * CacheService stand-in: document, script and per-user caches whose entries expire by the virtual clock.
 *
 * Real behaviour (developers.google.com/apps-script/reference/cache/cache, and an empirical study of the
 * limits, justin.poehnelt.com/posts/exploring-apps-script-cacheservice-limits):
 * - put(key, value, expirationInSeconds?) — default 600 s, maximum 21600 s (6 h); values are coerced to strings;
 * - key over 250 characters → "Argument too large: key"; value over 100 KB (102,400 bytes) →
 *   "Argument too large: value" (texts quoted in public GAS projects and bug reports, e.g. joseballester/muFunds#13);
 * - "a negative expiration is ignored": the stand-in then uses the default; above 21600 s it is capped;
 * - at most 1,000 items per cache: when full, about 100 of the oldest (by creation) are evicted at once;
 * - entries may vanish before they expire: the host can evict everything now, or keep evicting.
 * - getDocumentCache() returns null without a container document.
 */
import type { Runtime } from '../runtime';
import { type Realm, isPlainObject, utf8Length } from './common';

export const CACHE_KEY_LIMIT = 250;
export const CACHE_VALUE_LIMIT_BYTES = 100 * 1024;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21600;
export const CACHE_MAX_ITEMS = 1000;
const EVICTED_WHEN_FULL = 100;

interface Entry {
  value: string;
  expiresAt: number;
}

type CacheName = 'DocumentCache' | 'ScriptCache' | 'UserCache';

/** Content of one cache; Map order = creation order (a re-put moves the key to the end). */
export class CacheStore {
  readonly entries = new Map<string, Entry>();
}

export class CacheStores {
  readonly document = new CacheStore();
  readonly script = new CacheStore();
  readonly users = new Map<string, CacheStore>();
  /** Host switch: while on, every put is dropped at once (as if Google evicted it). */
  alwaysEvict = false;

  user(email: string): CacheStore {
    let store = this.users.get(email);
    if (!store) {
      store = new CacheStore();
      this.users.set(email, store);
    }
    return store;
  }

  evictAll(): void {
    this.document.entries.clear();
    this.script.entries.clear();
    for (const store of this.users.values()) store.entries.clear();
  }
}

export class Cache {
  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
    private readonly stores: CacheStores,
    private readonly store: CacheStore,
    private readonly label: CacheName,
  ) {}

  get(key: string): string | null {
    this.runtime.calls.count('Cache.get');
    return this.read(this.keyArg('get', arguments[0], arguments));
  }

  getAll(keys: string[]): Record<string, string> {
    this.runtime.calls.count('Cache.getAll');
    const list = this.keysArg('getAll', arguments);
    const out: Record<string, string> = {};
    for (const key of list) {
      const value = this.read(key);
      if (value !== null) out[key] = value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.runtime.calls.count('Cache.put');
    if (arguments.length < 2) throw this.realm.signatureError('CacheService.Cache.put', arguments);
    const checkedKey = this.keyArg('put', key, arguments);
    const seconds = this.secondsArg('put', arguments.length > 2, expirationInSeconds, arguments);
    const text = this.valueArg(value);
    this.write([[checkedKey, text]], seconds);
  }

  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    this.runtime.calls.count('Cache.putAll');
    if (arguments.length === 0 || !isPlainObject(values)) throw this.realm.signatureError('CacheService.Cache.putAll', arguments);
    const seconds = this.secondsArg('putAll', arguments.length > 1, expirationInSeconds, arguments);
    const pairs: Array<[string, string]> = [];
    for (const [key, value] of Object.entries(values)) pairs.push([this.keyArg('putAll', key, arguments), this.valueArg(value)]);
    this.write(pairs, seconds);
  }

  remove(key: string): void {
    this.runtime.calls.count('Cache.remove');
    this.store.entries.delete(this.keyArg('remove', arguments[0], arguments));
  }

  removeAll(keys: string[]): void {
    this.runtime.calls.count('Cache.removeAll');
    for (const key of this.keysArg('removeAll', arguments)) this.store.entries.delete(key);
  }

  /** A characterized detail: String(CacheService.getScriptCache()) === 'ScriptCache'. */
  toString(): string {
    return this.label;
  }

  private read(key: string): string | null {
    const entry = this.store.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.runtime.now()) {
      this.store.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  private write(pairs: Array<[string, string]>, seconds: number): void {
    if (this.stores.alwaysEvict) return;
    const expiresAt = this.runtime.now() + seconds * 1000;
    for (const [key, value] of pairs) {
      this.store.entries.delete(key);
      this.store.entries.set(key, { value, expiresAt });
    }
    if (this.store.entries.size > CACHE_MAX_ITEMS) {
      let drop = Math.max(EVICTED_WHEN_FULL, this.store.entries.size - CACHE_MAX_ITEMS);
      for (const key of this.store.entries.keys()) {
        if (drop-- <= 0) break;
        this.store.entries.delete(key);
      }
    }
  }

  private keyArg(method: string, key: unknown, args: IArguments): string {
    if (key === null || key === undefined || typeof key === 'object' || typeof key === 'function') {
      throw this.realm.signatureError(`CacheService.Cache.${method}`, args);
    }
    const text = String(key);
    if (text.length > CACHE_KEY_LIMIT) throw this.realm.error('Argument too large: key');
    return text;
  }

  private keysArg(method: string, args: IArguments): string[] {
    const keys: unknown = args[0];
    if (!Array.isArray(keys)) throw this.realm.signatureError(`CacheService.Cache.${method}`, args);
    return keys.map((key: unknown) => this.keyArg(method, key, args));
  }

  private valueArg(value: unknown): string {
    const text = String(value);
    if (utf8Length(text) > CACHE_VALUE_LIMIT_BYTES) throw this.realm.error('Argument too large: value');
    return text;
  }

  private secondsArg(method: string, given: boolean, seconds: unknown, args: IArguments): number {
    if (!given) return CACHE_DEFAULT_SECONDS;
    if (typeof seconds !== 'number' || Number.isNaN(seconds)) {
      throw this.realm.signatureError(`CacheService.Cache.${method}`, args);
    }
    if (seconds < 1) return CACHE_DEFAULT_SECONDS;
    return Math.min(Math.floor(seconds), CACHE_MAX_SECONDS);
  }
}

export class CacheServiceStandIn {
  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
    private readonly stores: CacheStores,
    private readonly hasContainer: boolean,
  ) {}

  /** Null without a container document (reference: "Cache|null"). */
  getDocumentCache(): Cache | null {
    this.runtime.calls.count('CacheService.getDocumentCache');
    if (!this.hasContainer) return null;
    return new Cache(this.runtime, this.realm, this.stores, this.stores.document, 'DocumentCache');
  }

  getScriptCache(): Cache {
    this.runtime.calls.count('CacheService.getScriptCache');
    return new Cache(this.runtime, this.realm, this.stores, this.stores.script, 'ScriptCache');
  }

  getUserCache(): Cache {
    this.runtime.calls.count('CacheService.getUserCache');
    return new Cache(this.runtime, this.realm, this.stores, this.stores.user(this.runtime.execution().user), 'UserCache');
  }

  toString(): string {
    return 'CacheService';
  }
}
