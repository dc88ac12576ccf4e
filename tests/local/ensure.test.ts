/**
 * What `npm start` / `npm test` bring first on a fresh clone (local/ensure.js): the decisions, from given facts,
 * and the real script run in a copy of a project without node_modules (npm replaced by a recorder on PATH).
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// One test spawns Node and a fake npm: seconds on a loaded machine, beyond Jest's default 5 s.
jest.setTimeout(30_000);

// A plain-Node script (it runs before any package exists), so required, not imported from TypeScript.
const { planSteps } = require('../../local/ensure.js') as {
  planSteps: (facts: Record<string, unknown>) => Array<{ kind: string; why: string; command?: string[] }>;
};

const INSTALLED = {
  lockMtime: 1000,
  installedMtime: 2000,
  lockDifferences: 0,
  sharedModules: false,
  needBrowser: true,
  chromiumPath: '/usr/bin/chromium',
  chromiumExists: true,
  isRoot: false,
  canSudo: false,
  hasApt: true,
  noInstall: false,
};

describe('planSteps', () => {
  it('does nothing when the packages and Chromium are there', () => {
    expect(planSteps(INSTALLED)).toEqual([]);
  });

  it('runs npm ci when node_modules is missing, or older than a lock file that differs from it', () => {
    const ci = ['npm', 'ci', '--no-audit', '--no-fund'];
    expect(planSteps({ ...INSTALLED, installedMtime: null })).toEqual([
      { kind: 'npm', why: 'node_modules is missing', command: ci },
    ]);
    expect(planSteps({ ...INSTALLED, lockMtime: 3000, lockDifferences: 2 })).toEqual([
      { kind: 'npm', why: 'node_modules does not match the newer package-lock.json', command: ci },
    ]);
    // A checkout touched the lock file's date only: nothing to install.
    expect(planSteps({ ...INSTALLED, lockMtime: 3000, lockDifferences: 0 })).toEqual([]);
  });

  it('never reinstalls a node_modules that is a link to another checkout', () => {
    expect(planSteps({ ...INSTALLED, lockMtime: 3000, lockDifferences: 1, sharedModules: true })).toEqual([
      {
        kind: 'tell',
        why: 'node_modules (a link to another checkout) does not match package-lock.json: run npm ci where it lives.',
      },
    ]);
  });

  it('installs Chromium with apt for the tests when the user may (root, or sudo without a password)', () => {
    const missing = { ...INSTALLED, chromiumExists: false };
    expect(planSteps({ ...missing, isRoot: true })).toEqual([
      {
        kind: 'apt',
        why: 'Chromium is missing at /usr/bin/chromium',
        command: ['sh', '-c', 'apt-get update -qq && apt-get install -y -qq chromium'],
        env: { DEBIAN_FRONTEND: 'noninteractive' },
      },
    ]);
    expect(planSteps({ ...missing, canSudo: true })[0]?.command).toEqual([
      'sh',
      '-c',
      'sudo -n apt-get update -qq && sudo -n apt-get install -y -qq chromium',
    ]);
    expect(planSteps({ ...missing, needBrowser: false })).toEqual([]); // npm start needs no browser
  });

  it('says exactly how to install Chromium when it may not (or CRM_NO_INSTALL=1)', () => {
    const told = [
      {
        kind: 'tell',
        why:
          'Chromium is missing at /usr/bin/chromium; the browser tests need it. Install it with ' +
          "`sudo sh -c 'apt-get update && apt-get install -y chromium'` (Debian/Ubuntu), or set CHROMIUM_PATH to a " +
          'Chromium or Chrome binary, then run npm test again.',
      },
    ];
    expect(planSteps({ ...INSTALLED, chromiumExists: false })).toEqual(told);
    expect(planSteps({ ...INSTALLED, chromiumExists: false, isRoot: true, noInstall: true })).toEqual(told);
    expect(planSteps({ ...INSTALLED, chromiumExists: false, isRoot: true, hasApt: false })).toEqual(told);
  });
});

describe('node local/run.js ensure on a fresh clone', () => {
  it('runs npm ci in the project when node_modules is missing, and stops when it fails', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-ensure-'));
    fs.mkdirSync(path.join(dir, 'local'));
    for (const file of ['run.js', 'ensure.js'])
      fs.copyFileSync(path.join(__dirname, '../../local', file), path.join(dir, 'local', file));
    fs.writeFileSync(path.join(dir, 'package-lock.json'), '{"packages":{}}');
    // A stand-in npm on PATH that records its arguments and working directory.
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const log = path.join(dir, 'npm.log');
    fs.writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\necho "$PWD $*" >> "${log}"\nexit \${NPM_EXIT:-0}\n`, {
      mode: 0o755,
    });
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [path.join(dir, 'local', 'run.js'), 'ensure'], {
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env },
        encoding: 'utf8',
      });
    const ok = run({});
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('node_modules is missing: running npm ci --no-audit --no-fund');
    expect(fs.readFileSync(log, 'utf8')).toBe(`${fs.realpathSync(dir)} ci --no-audit --no-fund\n`);
    const failed = run({ NPM_EXIT: '1' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('npm ci --no-audit --no-fund failed (exit 1).');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
