/**
 * A failure inside the test bundle (dist-test/Code.js, run by every bundle test) names the TypeScript line it came
 * from — src/server/guard.ts:48:18 — not a position in Code.js, through dist-test/Code.js.map: jest's source-map-support
 * reads it for the vm script named after the file, and local/bundle/loadBundle.ts maps what is left (and everything
 * outside jest).
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEST_DIST_DIR, mapBundleStack } from '../../local/bundle/loadBundle';
import { REP, newCrm } from '../support/crm';

const ROOT = path.resolve(__dirname, '..', '..');

interface Frame {
  file: string;
  line: number;
  column: number;
}

/** The `file:line:column` of each `at` line of a stack. */
function framesOf(stack: string): Frame[] {
  return [...stack.matchAll(/^\s+at (?:.*\()?(.+?):(\d+):(\d+)\)?$/gm)].map(([, file, line, column]) => ({
    file: String(file),
    line: Number(line),
    column: Number(column),
  }));
}

/** The source text a frame points at, from its column on. */
function codeAt(frame: Frame): string {
  const line = fs.readFileSync(frame.file, 'utf8').split('\n')[frame.line - 1] ?? '';
  return line.slice(frame.column - 1);
}

function stackOfCall(body: () => unknown): string {
  try {
    body();
  } catch (error) {
    return String((error as Error).stack);
  }
  throw new Error('the call did not throw');
}

describe('stack traces of the bundle tests', () => {
  it('an error made in the bundle names the src/**/*.ts file, line and column that threw', () => {
    const crm = newCrm();
    // No LockService at all: the bundle's own code throws a ReferenceError where it takes the lock.
    delete crm.gas.globals.LockService;
    const stack = stackOfCall(() => crm.call(REP, 'registerCustomer', { name: 'Ada Lovelace' }));
    expect(stack).toMatch(/^ReferenceError: LockService is not defined\n/);
    const [top] = framesOf(stack);
    expect(top && path.relative(ROOT, top.file)).toBe(path.join('src', 'server', 'guard.ts'));
    expect(top && codeAt(top)).toMatch(/^LockService\.getDocumentLock\(\)/);
    // Every frame of the bundle is mapped: its callers in src/server too.
    expect(stack).not.toContain('Code.js');
    expect(framesOf(stack).map((f) => path.relative(ROOT, f.file))).toContain(
      path.join('src', 'server', 'customers.ts'),
    );
  });

  it('an error of the stand-in thrown through the bundle names the src line that made the call', () => {
    const crm = newCrm();
    crm.gas.globals.LockService = {
      getDocumentLock(): never {
        throw new Error('Service unavailable: Lock'); // built in the test's realm, not the bundle's
      },
    };
    const stack = stackOfCall(() => crm.call(REP, 'registerCustomer', { name: 'Ada Lovelace' }));
    expect(stack).toMatch(/^Error: Service unavailable: Lock\n/);
    const caller = framesOf(stack).find((f) => path.relative(ROOT, f.file).startsWith(`src${path.sep}`));
    expect(caller && path.relative(ROOT, caller.file)).toBe(path.join('src', 'server', 'guard.ts'));
    expect(caller && codeAt(caller)).toMatch(/^(LockService\.)?getDocumentLock\(\)/);
    expect(stack).not.toContain('Code.js');
  });

  it('the loader maps a Code.js position itself, without jest', () => {
    const file = path.join(TEST_DIST_DIR, 'Code.js');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const index = lines.findIndex((text) => text.includes('LockService.getDocumentLock()'));
    const column = (lines[index] ?? '').indexOf('LockService') + 1;
    const [frame, ...rest] = framesOf(
      mapBundleStack(`Error: x\n    at handleWrite (${file}:${index + 1}:${column})`, file),
    );
    expect(rest).toEqual([]);
    expect(frame && path.relative(ROOT, frame.file)).toMatch(/^src[\\/].+\.ts$/);
    expect(frame && codeAt(frame)).toMatch(/^LockService\.getDocumentLock\(\)/);
  });
});
