/** CacheService stand-in: limits, expiry by the virtual clock, early eviction. */
import { OWNER, REP, makeServices, thrown } from './setup';

describe('CacheService', () => {
  it('has no document cache without a container', () => {
    const { globals } = makeServices({ hasContainer: false });
    expect(globals.CacheService.getDocumentCache()).toBeNull();
    expect(String(globals.CacheService.getScriptCache())).toBe('ScriptCache');
  });

  it('expires entries by the virtual clock (default 600 s, at most 6 h)', () => {
    const { runtime, globals } = makeServices();
    const cache = globals.CacheService.getScriptCache();
    cache.put('default', 'a');
    cache.put('short', 'b', 5);
    cache.put('long', 'c', 100000);
    runtime.advance(4999);
    expect(cache.getAll(['default', 'short', 'long', 'none'])).toEqual({ default: 'a', short: 'b', long: 'c' });
    runtime.advance(1);
    expect(cache.get('short')).toBeNull();
    runtime.advance(600000 - 5000);
    expect(cache.get('default')).toBeNull();
    expect(cache.get('long')).toBe('c');
    runtime.advance(21600000 - 600000);
    expect(cache.get('long')).toBeNull();
  });

  it('refuses keys over 250 characters and values over 100 KB with the real texts', () => {
    const { globals } = makeServices();
    const cache = globals.CacheService.getScriptCache();
    cache.put('k'.repeat(250), 'ok');
    expect(thrown(() => cache.put('k'.repeat(251), 'v')).message).toBe('Argument too large: key');
    cache.put('fits', 'v'.repeat(100 * 1024));
    const error = thrown(() => cache.put('big', 'é'.repeat(60 * 1024)));
    expect(error.message).toBe('Argument too large: value');
    expect(error.name).toBe('Exception');
    expect(cache.get('big')).toBeNull();
    expect(thrown(() => cache.put('k', 'v', 'soon' as unknown as number)).message).toBe(
      "The parameters (String,String,String) don't match the method signature for CacheService.Cache.put.",
    );
  });

  it('loses entries early when the host evicts', () => {
    const { globals, host } = makeServices();
    const cache = globals.CacheService.getScriptCache();
    cache.putAll({ a: '1', b: '2' });
    host.evictCache();
    expect(cache.get('a')).toBeNull();
    host.setCacheAlwaysEvicts(true);
    cache.put('c', '3');
    expect(cache.get('c')).toBeNull();
    host.setCacheAlwaysEvicts(false);
    cache.put('c', '3');
    expect(cache.get('c')).toBe('3');
    cache.removeAll(['c']);
    expect(cache.get('c')).toBeNull();
  });

  it('evicts the oldest entries beyond 1,000 items', () => {
    const { globals } = makeServices();
    const cache = globals.CacheService.getScriptCache();
    for (let i = 0; i < 1001; i++) cache.put(`k${i}`, String(i));
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k99')).toBeNull();
    expect(cache.get('k100')).toBe('100');
    expect(cache.get('k1000')).toBe('1000');
  });

  it('keeps user caches apart', () => {
    const { runtime, globals } = makeServices();
    runtime.run(REP, () => globals.CacheService.getUserCache().put('draft', 'x'));
    runtime.run(OWNER, () => expect(globals.CacheService.getUserCache().get('draft')).toBeNull());
    runtime.run(REP, () => expect(globals.CacheService.getUserCache().get('draft')).toBe('x'));
  });

  it('counts every call', () => {
    const { runtime, globals } = makeServices();
    const cache = globals.CacheService.getDocumentCache()!;
    cache.put('a', '1');
    cache.get('a');
    cache.remove('a');
    expect(runtime.calls.snapshot()).toEqual({ 'Cache.get': 1, 'Cache.put': 1, 'Cache.remove': 1, 'CacheService.getDocumentCache': 1 });
  });
});
