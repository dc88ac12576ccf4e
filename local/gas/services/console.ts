/**
 * The `console` global (developers.google.com/apps-script/reference/base/console): log, info, warn, error. The
 * product does not log; the global is there so that a stray console call in the bundle behaves as on Google, and
 * its lines reach the host's log (ServicesHost.logs(), shown by the preview), tagged with the execution.
 */
import type { Runtime } from '../runtime';
import type { GasSurface } from '../surface';
import { isDate } from './common';
import { formatJavaDate } from './utilities';

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  message: string;
  at: number;
  executionId: number;
  user: string;
}

/** Text of one logged value: strings as they are, Dates in the script zone, objects as JSON. */
function describe(value: unknown, runtime: Runtime): string {
  if (typeof value === 'string') return value;
  if (isDate(value)) return formatJavaDate(value.getTime(), runtime.timeZone, "EEE MMM dd HH:mm:ss 'GMT'Z yyyy");
  if (value === null || typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export class ConsoleStandIn implements GasSurface<Console, LogLevel> {
  constructor(
    private readonly runtime: Runtime,
    /** The host's log (ServicesHost.logs()). */
    private readonly entries: LogEntry[],
    private readonly echo: boolean,
  ) {}

  log(...args: unknown[]): void {
    this.write('log', args);
  }

  info(...args: unknown[]): void {
    this.write('info', args);
  }

  warn(...args: unknown[]): void {
    this.write('warn', args);
  }

  error(...args: unknown[]): void {
    this.write('error', args);
  }

  private write(level: LogLevel, args: unknown[]): void {
    this.runtime.calls.count(`console.${level}`);
    const message = args.map((value) => describe(value, this.runtime)).join(' ');
    const execution = this.runtime.execution();
    this.entries.push({ level, message, at: this.runtime.now(), executionId: execution.id, user: execution.user });
    if (this.echo) process.stderr.write(`[gas ${level}] ${message}\n`);
  }
}
