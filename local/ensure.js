/**
 * What `npm start` and `npm test` bring first on a fresh clone, so the README's two commands are all a newcomer
 * types: the npm packages (`npm ci` when node_modules is missing or older than package-lock.json) and, for the
 * tests, Debian's Chromium (the browser tests drive it through playwright-core). Chromium is installed with apt
 * only when this user may (root, or sudo without a password); otherwise the exact command is printed and the run
 * stops, as the browser tests would fail without it. CRM_NO_INSTALL=1 installs nothing (it only says what is
 * missing). Plain Node, no packages: it runs before they exist. `node local/run.js ensure [--browser]`.
 */

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

/** Where the browser tests look for Chromium (tests/browser/support.ts, tests/html/page.ts: CHROMIUM_PATH). */
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function mtimeOf(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Packages of package-lock.json that node_modules lacks or holds in another version (npm records what it
 * installed in node_modules/.package-lock.json); optional and peer packages may be absent. A checkout rewrites
 * the lock file's date without changing it, so a date alone would reinstall for nothing.
 */
function lockDifferences(root) {
  try {
    const wanted = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages ?? {};
    const installed =
      JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '.package-lock.json'), 'utf8')).packages ?? {};
    return Object.entries(wanted).filter(([key, entry]) => {
      if (key === '') return false;
      const have = installed[key];
      return have === undefined ? !entry.optional && !entry.peer : have.version !== entry.version;
    }).length;
  } catch {
    return Number.POSITIVE_INFINITY; // unreadable: install
  }
}

const NPM_CI = ['npm', 'ci', '--no-audit', '--no-fund'];

/**
 * The steps needed, decided from facts only (so tests can give any): each { kind: 'npm' | 'apt' | 'tell', why,
 * command? }. `facts`: { lockMtime, installedMtime (node_modules/.package-lock.json, null when absent),
 * lockDifferences (checked only when the lock is newer), sharedModules (node_modules is a link to another
 * checkout's: never reinstalled from here), needBrowser, chromiumPath, chromiumExists, isRoot, canSudo, hasApt,
 * noInstall }.
 */
function planSteps(facts) {
  const steps = [];
  const stale =
    facts.installedMtime !== null &&
    facts.lockMtime !== null &&
    facts.installedMtime < facts.lockMtime &&
    facts.lockDifferences > 0;
  if (facts.installedMtime === null && !facts.sharedModules) {
    steps.push({ kind: 'npm', why: 'node_modules is missing', command: NPM_CI });
  } else if (stale && facts.sharedModules) {
    steps.push({
      kind: 'tell',
      why: 'node_modules (a link to another checkout) does not match package-lock.json: run npm ci where it lives.',
    });
  } else if (stale) {
    steps.push({ kind: 'npm', why: 'node_modules does not match the newer package-lock.json', command: NPM_CI });
  }
  if (facts.needBrowser && !facts.chromiumExists) {
    const apt = 'apt-get update && apt-get install -y chromium';
    if (!facts.noInstall && facts.hasApt && (facts.isRoot || facts.canSudo)) {
      const sudo = facts.isRoot ? '' : 'sudo -n ';
      steps.push({
        kind: 'apt',
        why: `Chromium is missing at ${facts.chromiumPath}`,
        command: ['sh', '-c', `${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq chromium`],
        env: { DEBIAN_FRONTEND: 'noninteractive' },
      });
    } else {
      steps.push({
        kind: 'tell',
        why:
          `Chromium is missing at ${facts.chromiumPath}; the browser tests need it. Install it with ` +
          `\`sudo sh -c '${apt}'\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary, ` +
          'then run npm test again.',
      });
    }
  }
  // npm's own steps run on their own when noInstall: they only say what is missing.
  if (facts.noInstall)
    return steps.map((step) => (step.kind === 'npm' ? { kind: 'tell', why: `${step.why}: run npm ci` } : step));
  return steps;
}

function gatherFacts(root, needBrowser, env) {
  const chromiumPath = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  const ok = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const chromiumExists = fs.existsSync(chromiumPath);
  const wantsApt = needBrowser && !chromiumExists;
  const lockMtime = mtimeOf(path.join(root, 'package-lock.json'));
  const installedMtime = mtimeOf(path.join(root, 'node_modules', '.package-lock.json'));
  let sharedModules = false;
  try {
    sharedModules = fs.lstatSync(path.join(root, 'node_modules')).isSymbolicLink();
  } catch {}
  return {
    lockMtime,
    installedMtime,
    lockDifferences:
      installedMtime !== null && lockMtime !== null && installedMtime < lockMtime ? lockDifferences(root) : 0,
    sharedModules,
    needBrowser,
    chromiumPath,
    chromiumExists,
    isRoot,
    // Asked only when Chromium is missing: sudo -n fails at once rather than prompting.
    canSudo: wantsApt && !isRoot && ok('sudo', ['-n', 'true']),
    hasApt: wantsApt && ok('sh', ['-c', 'command -v apt-get']),
    noInstall: env.CRM_NO_INSTALL === '1',
  };
}

function main(args) {
  const root = path.resolve(__dirname, '..');
  const steps = planSteps(gatherFacts(root, args.includes('--browser'), process.env));
  let failed = false;
  for (const step of steps) {
    if (step.kind === 'tell') {
      console.error(step.why);
      failed = true;
      continue;
    }
    console.log(`${step.why}: running ${step.command.join(' ')}`);
    const run = spawnSync(step.command[0], step.command.slice(1), {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...(step.env ?? {}) },
    });
    if (run.status !== 0) {
      console.error(`${step.command.join(' ')} failed (exit ${run.status}).`);
      failed = true;
      break;
    }
  }
  if (failed) process.exit(1);
}

module.exports = { planSteps, main, DEFAULT_CHROMIUM };
