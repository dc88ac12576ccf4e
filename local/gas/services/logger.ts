/**
 * Logger and console stand-ins (developers.google.com/apps-script/reference/base/logger, /base/console).
 * - Logger.log(data) or Logger.log(format, ...values) (format as Utilities.formatString), returns Logger;
 *   Logger.getLog() gives this execution's lines as "[yy-MM-dd HH:mm:ss:SSS z] message"; Logger.clear().
 * - console: log, info, warn, error, time, timeEnd — the methods Google documents; no others.
 * Every line also goes to the host's log (entries()), tagged with the execution that wrote it.
 */
import type { Runtime } from '../runtime';
import { isDate } from './common';
import { formatJavaDate } from './dateFormat';
import { javaFormat } from './utilities';

export type LogLevel = 'Logger' | 'log' | 'info' | 'warn' | 'error';

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
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export class LogSink {
  readonly entries: LogEntry[] = [];

  constructor(
    private readonly runtime: Runtime,
    private readonly echo: boolean,
  ) {}

  write(level: LogLevel, message: string): void {
    const execution = this.runtime.execution();
    this.entries.push({ level, message, at: this.runtime.now(), executionId: execution.id, user: execution.user });
    if (this.echo) process.stderr.write(`[gas ${level}] ${message}\n`);
  }
}

export class LoggerStandIn {
  private lines: string[] = [];
  private linesOf = -1;

  constructor(
    private readonly runtime: Runtime,
    private readonly sink: LogSink,
  ) {}

  log(data: unknown, ...values: unknown[]): LoggerStandIn {
    this.runtime.calls.count('Logger.log');
    const message = values.length > 0 && typeof data === 'string' ? javaFormat(data, values) : describe(data, this.runtime);
    const stamp = formatJavaDate(this.runtime.now(), this.runtime.timeZone, 'yy-MM-dd HH:mm:ss:SSS z');
    this.current().push(`[${stamp}] ${message}`);
    this.sink.write('Logger', message);
    return this;
  }

  getLog(): string {
    this.runtime.calls.count('Logger.getLog');
    const lines = this.current();
    return lines.length === 0 ? '' : lines.join('\n') + '\n';
  }

  clear(): void {
    this.runtime.calls.count('Logger.clear');
    this.current().length = 0;
  }

  toString(): string {
    return 'Logger';
  }

  /** Logger's buffer belongs to one execution. */
  private current(): string[] {
    const id = this.runtime.execution().id;
    if (id !== this.linesOf) {
      this.lines = [];
      this.linesOf = id;
    }
    return this.lines;
  }
}

export class ConsoleStandIn {
  private readonly timers = new Map<string, number>();

  constructor(
    private readonly runtime: Runtime,
    private readonly sink: LogSink,
  ) {}

  log(...args: unknown[]): void {
    this.runtime.calls.count('console.log');
    this.sink.write('log', this.text(args));
  }

  info(...args: unknown[]): void {
    this.runtime.calls.count('console.info');
    this.sink.write('info', this.text(args));
  }

  warn(...args: unknown[]): void {
    this.runtime.calls.count('console.warn');
    this.sink.write('warn', this.text(args));
  }

  error(...args: unknown[]): void {
    this.runtime.calls.count('console.error');
    this.sink.write('error', this.text(args));
  }

  time(label = 'default'): void {
    this.runtime.calls.count('console.time');
    this.timers.set(String(label), this.runtime.now());
  }

  timeEnd(label = 'default'): void {
    this.runtime.calls.count('console.timeEnd');
    const started = this.timers.get(String(label));
    if (started === undefined) return;
    this.timers.delete(String(label));
    this.sink.write('info', `${String(label)}: ${this.runtime.now() - started}ms`);
  }

  private text(args: unknown[]): string {
    const [first, ...rest] = args;
    if (typeof first === 'string' && /%[sdifoOj%]/.test(first)) {
      let i = 0;
      const head = first.replace(/%[sdifoOj%]/g, (token) => {
        if (token === '%%') return '%';
        if (i >= rest.length) return token;
        const value = rest[i++];
        if (token === '%d' || token === '%i') return String(Math.trunc(Number(value)));
        if (token === '%f') return String(Number(value));
        return describe(value, this.runtime);
      });
      return [head, ...rest.slice(i).map((value) => describe(value, this.runtime))].join(' ');
    }
    return args.map((value) => describe(value, this.runtime)).join(' ');
  }
}
