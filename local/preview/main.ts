/**
 * `npm start` (= `npm run build && node local/run.js preview [args]`): the local preview of the built add-on.
 *
 *   PORT      port to serve on (default 8080; 0 = any free port)
 *   CRM_DATA  the workbook file (default local/data/workbook.json, git-ignored)
 *   --empty   with no workbook file yet, start from a blank spreadsheet instead of the demo pipeline
 *   --port N / --data FILE   same as PORT / CRM_DATA
 */

import * as path from 'node:path';
import { projectRoot } from './assets';
import { PortInUseError, PreviewStartError, type RunningPreview, startPreview } from './server';
import { SeedError } from './seed';
import { WorkbookFileError } from './store';

const USAGE = `usage: npm start [-- --empty] [-- --port N] [-- --data FILE]
  PORT      port to serve on (default 8080; 0 = any free port)
  CRM_DATA  the workbook file (default local/data/workbook.json)
  --empty   start from a blank spreadsheet (only when the workbook file does not exist yet)`;

interface Cli {
  port: number;
  dataFile: string;
  empty: boolean;
}

class UsageError extends Error {}

function parsePort(text: string, from: string): number {
  if (!/^\d{1,5}$/.test(text.trim()) || Number(text) > 65535)
    throw new UsageError(`${from} must be a port number (0-65535), not ${JSON.stringify(text)}.`);
  return Number(text);
}

function parseCli(argv: string[], env: NodeJS.ProcessEnv): Cli | 'help' {
  let port = env.PORT !== undefined && env.PORT !== '' ? parsePort(env.PORT, 'PORT') : 8080;
  let dataFile = env.CRM_DATA ? path.resolve(env.CRM_DATA) : path.join(projectRoot(), 'local', 'data', 'workbook.json');
  let empty = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--empty':
        empty = true;
        break;
      case '--port':
        port = parsePort(value(), '--port');
        break;
      case '--data':
        dataFile = path.resolve(value());
        break;
      case '-h':
      case '--help':
        return 'help';
      default:
        throw new UsageError(`Unknown option ${arg}.`);
    }
  }
  return { port, dataFile, empty };
}

async function main(): Promise<void> {
  let cli: Cli | 'help';
  try {
    cli = parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (cli === 'help') {
    console.log(USAGE);
    return;
  }

  let preview: RunningPreview;
  try {
    preview = await startPreview({ port: cli.port, dataFile: cli.dataFile, empty: cli.empty });
  } catch (error) {
    if (
      error instanceof PortInUseError ||
      error instanceof PreviewStartError ||
      error instanceof WorkbookFileError ||
      error instanceof SeedError
    ) {
      console.error(error.message);
      if (error instanceof SeedError)
        console.error(
          'The demo could not be created with the current build; `npm start -- --empty` starts without it.',
        );
      process.exit(1);
    }
    throw error;
  }

  const how = { loaded: 'loaded from', demo: 'demo pipeline created in', empty: 'blank spreadsheet created in' }[
    preview.origin
  ];
  console.log(`Workbook ${how} ${cli.dataFile}`);
  console.log(
    `People: ${preview.session
      .users(preview.session.currentUser)
      .map((u) => `${u.email} (${u.role})`)
      .join(', ')}`,
  );
  console.log(`Pipeline CRM preview: ${preview.url}`);

  let closing = false;
  const stop = (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    console.log(`\n${signal}: stopping (the workbook is saved).`);
    preview.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
