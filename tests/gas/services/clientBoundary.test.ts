/** google.script.run crossing rules: what the client refuses to send, what the success handler receives. */
import vm from 'node:vm';
import { argumentsToServer, resultToClient } from '../../../local/gas/services';
import { thrown } from './setup';

describe('argumentsToServer', () => {
  it('copies legal values as JSON would', () => {
    const input = { name: 'Ana', tags: ['a', undefined, NaN], nested: { n: 1, skip: undefined }, secret__: 'x' };
    const [copy, second] = argumentsToServer([input, undefined]);
    expect(copy).toEqual({ name: 'Ana', tags: ['a', null, null], nested: { n: 1 } });
    expect(second).toBeNull();
    expect(copy).not.toBe(input);
    (copy as { name: string }).name = 'changed';
    expect(input.name).toBe('Ana');
  });

  it('refuses a Date argument, also from another realm, naming the property', () => {
    expect(thrown(() => argumentsToServer(['x', new Date()])).message).toBe(
      'Failed due to illegal value in property: 1',
    );
    const foreignDate = vm.runInNewContext('new Date()') as unknown;
    expect(thrown(() => argumentsToServer([{ when: foreignDate }])).message).toBe(
      'Failed due to illegal value in property: when',
    );
  });

  it('refuses functions nested in objects and arrays, class instances and cycles', () => {
    expect(thrown(() => argumentsToServer([{ a: { b: [1, () => 2] } }])).message).toBe(
      'Failed due to illegal value in property: 1',
    );
    expect(thrown(() => argumentsToServer([{ onDone() {} }])).message).toBe(
      'Failed due to illegal value in property: onDone',
    );
    class Point {
      x = 1;
    }
    expect(thrown(() => argumentsToServer([new Point()])).message).toBe('Failed due to illegal value in property: 0');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(thrown(() => argumentsToServer([loop])).message).toBe('Failed due to circular reference.');
    const shared = { v: 1 };
    expect(argumentsToServer([[shared, shared]])).toEqual([[{ v: 1 }, { v: 1 }]]);
  });
});

describe('resultToClient', () => {
  it('gives null for a Date anywhere in the returned value', () => {
    expect(resultToClient({ ok: true, customer: { createdAt: new Date() } })).toBeNull();
    expect(resultToClient([1, vm.runInNewContext('new Date()')])).toBeNull();
    expect(resultToClient(new Date())).toBeNull();
    expect(resultToClient({ ok: true, createdAt: new Date(0).toISOString() })).toEqual({
      ok: true,
      createdAt: '1970-01-01T00:00:00.000Z',
    });
  });

  it('turns undefined into null in arrays and at the top, drops it in objects', () => {
    expect(resultToClient(undefined)).toBeNull();
    expect(resultToClient([1, undefined, NaN, Infinity])).toEqual([1, null, null, null]);
    expect(resultToClient({ a: undefined, b: 2 })).toEqual({ b: 2 });
  });

  it('treats a nested function like a Date (null), and Maps/Sets as {}', () => {
    expect(resultToClient({ ok: true, format: { fn: () => 1 } })).toBeNull();
    expect(resultToClient({ m: new Map([[1, 2]]), s: new Set([1]) })).toEqual({ m: {}, s: {} });
  });
});
