/**
 * The preview's workbook file (CRM_DATA): the stand-in's saved state (`gas.toJSON()`) as JSON.
 * Writes are atomic: a temporary file in the same directory, then rename over the old one, so a crash or
 * Ctrl+C mid-write leaves the previous workbook intact. Unchanged state is not rewritten.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SavedStandIn } from '../gas';

export class WorkbookFileError extends Error {}

export class WorkbookStore {
  private lastWritten: string | null = null;

  constructor(readonly file: string) {}

  exists(): boolean {
    return fs.existsSync(this.file);
  }

  /** The saved state, or null when there is no file yet; throws WorkbookFileError when it is unreadable. */
  load(): SavedStandIn | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new WorkbookFileError(`Cannot read the workbook file ${this.file}: ${(error as Error).message}`);
    }
    let saved: unknown;
    try {
      saved = JSON.parse(text);
    } catch (error) {
      throw new WorkbookFileError(
        `The workbook file ${this.file} is not valid JSON (${(error as Error).message}). ` +
          'Move it away (or set CRM_DATA to another file) to start a new workbook.',
      );
    }
    if (!isSavedStandIn(saved)) {
      throw new WorkbookFileError(
        `The workbook file ${this.file} is not a saved preview workbook. Move it away (or set CRM_DATA to another file).`,
      );
    }
    this.lastWritten = text;
    return saved;
  }

  /** Writes the state if it changed since the last load/save; returns whether it wrote. */
  save(state: SavedStandIn): boolean {
    const text = JSON.stringify(state);
    if (text === this.lastWritten) return false;
    const dir = path.dirname(this.file);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.${Date.now()}.tmp`);
    try {
      const fd = fs.openSync(tmp, 'w');
      try {
        fs.writeSync(fd, text);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, this.file);
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      throw error;
    }
    this.lastWritten = text;
    return true;
  }
}

function isSavedStandIn(value: unknown): value is SavedStandIn {
  if (typeof value !== 'object' || value === null) return false;
  const { workbook, properties } = value as Partial<SavedStandIn>;
  return (
    typeof workbook === 'object' &&
    workbook !== null &&
    typeof workbook.owner === 'string' &&
    Array.isArray(workbook.sheets) &&
    typeof properties === 'object' &&
    properties !== null
  );
}
