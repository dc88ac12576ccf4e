/** PropertiesService stand-in: the document store of strings, quotas and persistence. */
import { makeServices, thrown } from './setup';

const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';

describe('PropertiesService', () => {
  it('stores strings', () => {
    const { globals } = makeServices({ documentProperties: { nextId: '7' } });
    const props = globals.PropertiesService.getDocumentProperties()!;
    expect(props.getProperty('nextId')).toBe('7');
    expect(props.getProperty('missing')).toBeNull();
    props.setProperty('count', 42 as unknown as string).setProperty('flag', true as unknown as string);
    expect(props.getProperty('count')).toBe('42');
    expect(props.getProperty('flag')).toBe('true');
    props.deleteProperty('flag');
    expect(props.getProperty('flag')).toBeNull();
    props.setProperties({ a: '1' }, true);
    expect([props.getProperty('a'), props.getProperty('count')]).toEqual(['1', null]);
  });

  it('getProperties gives a copy of every pair', () => {
    // Reference, Properties.getProperties(): "Gets a copy of all key-value pairs in the current Properties store."
    // (https://developers.google.com/apps-script/reference/properties/properties#getProperties())
    const { globals } = makeServices({ documentProperties: { a: '1', b: 'two' } });
    const props = globals.PropertiesService.getDocumentProperties()!;
    const copy = props.getProperties();
    expect(copy).toEqual({ a: '1', b: 'two' });
    copy.a = 'changed';
    props.setProperty('c', '3');
    expect(props.getProperty('a')).toBe('1');
    expect(copy.c).toBeUndefined();
    expect(thrown(() => (props.getProperties as (...a: unknown[]) => unknown)('a')).message).toBe(
      "The parameters (String) don't match the method signature for PropertiesService.Properties.getProperties.",
    );
  });

  it('has no document store without a container', () => {
    const { globals } = makeServices({ hasContainer: false });
    expect(globals.PropertiesService.getDocumentProperties()).toBeNull();
  });

  it('refuses a value over 9 KB and a store over 500 KB, changing nothing', () => {
    const { globals, host } = makeServices();
    const props = globals.PropertiesService.getDocumentProperties()!;
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    const big = thrown(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1)));
    expect(big.message).toBe(QUOTA);
    expect(props.getProperty('big')).toBeNull();
    let n = 0;
    const full = thrown(() => {
      for (;;) props.setProperty(`k${n++}`, 'y'.repeat(9000));
    });
    expect(full.message).toBe(QUOTA);
    expect(n).toBeGreaterThan(50);
    expect(n).toBeLessThan(60);
    const before = host.propertiesSnapshot();
    expect(thrown(() => props.setProperties({ small: 'ok', huge: 'z'.repeat(20000) })).message).toBe(QUOTA);
    expect(host.propertiesSnapshot()).toEqual(before);
  });

  it('checks arguments like Apps Script', () => {
    const { globals } = makeServices();
    const props = globals.PropertiesService.getDocumentProperties() as unknown as Record<
      string,
      (...a: unknown[]) => unknown
    >;
    expect(thrown(() => props.getProperty!()).message).toBe(
      "The parameters () don't match the method signature for PropertiesService.Properties.getProperty.",
    );
    expect(thrown(() => props.setProperty!('k')).message).toBe(
      "The parameters (String) don't match the method signature for PropertiesService.Properties.setProperty.",
    );
  });

  it('persists to JSON and restores', () => {
    const first = makeServices({ documentProperties: { a: '1' } });
    first.globals.PropertiesService.getDocumentProperties()!.setProperty('s', 'w');
    const json = JSON.stringify(first.host.propertiesSnapshot());
    expect(JSON.parse(json)).toEqual({ document: { a: '1', s: 'w' } });

    const second = makeServices();
    const docProps = second.globals.PropertiesService.getDocumentProperties()!;
    second.host.restoreProperties(JSON.parse(json));
    expect(docProps.getProperty('a')).toBe('1');
  });

  it('counts every call', () => {
    const { runtime, globals } = makeServices();
    const props = globals.PropertiesService.getDocumentProperties()!;
    props.setProperty('a', '1');
    props.getProperty('a');
    props.getProperty('b');
    expect(runtime.calls.get('PropertiesService.getDocumentProperties')).toBe(1);
    expect(runtime.calls.get('Properties.setProperty')).toBe(1);
    expect(runtime.calls.get('Properties.getProperty')).toBe(2);
  });
});
