/**
 * The people at the preview's keyboards, one per browser tab: what each one sees of the same spreadsheet.
 * In Sheets every person has their own menu (their onOpen built it) and their own active tab and selection
 * (what getActiveSheet()/getActiveRange() return in their executions); the workbook keeps only one of each,
 * so the session puts a person's view into the workbook before an execution as them and reads it back after.
 */

import type { MenuEntry, Workbook } from '../gas/spreadsheet';
import type { MenuItem, PreviewMenu } from './protocol';

export function toMenuItems(entries: MenuEntry[]): MenuItem[] {
  return entries.map(
    (e): MenuItem =>
      e.kind === 'submenu' ? { kind: 'submenu', caption: e.caption, entries: toMenuItems(e.entries) } : e,
  );
}

export interface Person {
  readonly email: string;
  /** Menus their onOpen added (null until the spreadsheet opened for them). */
  menus: PreviewMenu[] | null;
  /** Why there is no menu, when their onOpen failed. */
  menuError: string | null;
  activeSheetId: number;
  activeRange: Workbook['activeRange'];
}

export class People {
  private readonly byEmail = new Map<string, Person>();

  constructor(private readonly workbook: Workbook) {}

  /** The person with this e-mail (case-insensitive); someone new starts on the workbook's active tab. */
  get(email: string): Person {
    const key = email.toLowerCase();
    let person = this.byEmail.get(key);
    if (!person) {
      person = {
        email,
        menus: null,
        menuError: null,
        activeSheetId: this.workbook.activeSheetId,
        activeRange: this.workbook.activeRange,
      };
      this.byEmail.set(key, person);
    }
    return person;
  }

  emails(): string[] {
    return [...this.byEmail.values()].map((p) => p.email);
  }

  /** Runs `body` with `person`'s tab and selection as the workbook's, keeping what the execution changed. */
  asActive<T>(person: Person, body: () => T): T {
    const wb = this.workbook;
    if (wb.sheetById(person.activeSheetId)) {
      wb.activeSheetId = person.activeSheetId;
      wb.activeRange = person.activeRange;
    }
    try {
      return body();
    } finally {
      person.activeSheetId = wb.activeSheet().sheetId;
      person.activeRange = wb.activeRange;
    }
  }
}
