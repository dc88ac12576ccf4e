/**
 * A person's multi-cell edits (paste, fill down, drag, clear) — host gas.sheets.userEditRange.
 *
 * Event objects guide, developers.google.com/apps-script/guides/triggers/events (Google Sheets events, Edit):
 *   oldValue — "Cell value prior to the edit, if any. Only available if the edited range is a single cell. Is
 *   undefined if the cell had no previous content."
 *   value — "New cell value after the edit. Only available if the edited range is a single cell."
 *   range — "A Range object, representing the cell or range of cells that were edited."
 * Silent: what Sheets does with a paste that covers one protected cell or one value a reject-input rule refuses.
 * The stricter case is modelled: the whole paste is refused and nothing changes.
 */
import { UserEditRefused } from '../../../local/gas/spreadsheet';
import { OWNER, STAFF, setup } from './helpers';

const STATUSES = ['Lead', 'Contacted', 'Qualified'];

function refusal(body: () => unknown): UserEditRefused {
  try {
    body();
  } catch (error) {
    if (error instanceof UserEditRefused) return error;
    throw error;
  }
  throw new Error('expected UserEditRefused');
}

describe('userEditRange: one event for the range', () => {
  it('"Only available if the edited range is a single cell.": a B2:D4 paste carries neither value nor oldValue', () => {
    const { host } = setup();
    host.userEdit({ user: STAFF, sheet: 'Sheet1', a1: 'C3', value: 'old' });
    const e = host.userEditRange({
      user: STAFF,
      sheet: 'Sheet1',
      a1: 'B2:D4',
      values: [
        ['1', '2', '3'],
        ['4', '5', '6'],
        ['7', '8', '9'],
      ],
    });
    expect([e.range.getA1Notation(), e.value, e.oldValue, e.user.getEmail()]).toEqual([
      'B2:D4',
      undefined,
      undefined,
      STAFF,
    ]);
    expect(host.sheetValues('Sheet1').slice(1)).toEqual([
      ['', 1, 2, 3],
      ['', 4, 5, 6],
      ['', 7, 8, 9],
    ]);
  });

  it('a single-cell range carries both ("Is undefined if the cell had no previous content.")', () => {
    const { host } = setup();
    const first = host.userEditRange({ user: STAFF, sheet: 'Sheet1', a1: 'B2', values: [['x']] });
    expect([first.value, first.oldValue]).toEqual(['x', undefined]);
    const second = host.userEditRange({ user: STAFF, sheet: 'Sheet1', a1: 'B2', values: [['y']] });
    expect([second.value, second.oldValue]).toEqual(['y', 'x']);
  });

  it('clearing a block (Delete key) is an edit of the range too', () => {
    const { host } = setup();
    host.userEditRange({ user: STAFF, sheet: 'Sheet1', a1: 'A1:B1', values: [['a', 'b']] });
    const e = host.userEditRange({ user: STAFF, sheet: 'Sheet1', a1: 'A1:B1', values: [['', '']] });
    expect([e.range.getA1Notation(), e.value, e.oldValue]).toEqual(['A1:B1', undefined, undefined]);
    expect(host.sheetValues('Sheet1')).toEqual([]);
  });
});

describe('userEditRange: refused whole (reference silent → stricter)', () => {
  it('a protected cell anywhere in the block refuses the whole paste; nothing changes', () => {
    const { runtime, app, host } = setup();
    runtime.run(OWNER, () => {
      const p = app.getActiveSheet().getRange('D4').protect();
      p.removeEditors(p.getEditors());
    });
    const r = refusal(() =>
      host.userEditRange({
        user: STAFF,
        sheet: 'Sheet1',
        a1: 'B2:D4',
        values: [
          ['1', '2', '3'],
          ['4', '5', '6'],
          ['7', '8', '9'],
        ],
      }),
    );
    expect(r.reason).toBe('protected');
    expect(host.sheetValues('Sheet1')).toEqual([]);
    // The owner may paste over it.
    host.userEditRange({ user: OWNER, sheet: 'Sheet1', a1: 'C4:D4', values: [['a', 'b']] });
    expect(host.sheetValues('Sheet1')[3]).toEqual(['', '', 'a', 'b']);
  });

  it('one value a reject-input rule refuses refuses the whole paste (the cells before it go back too)', () => {
    const { app, sheet, host } = setup();
    sheet
      .getRange('B2:B4')
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInList(STATUSES)
          .setAllowInvalid(false)
          .setHelpText('Pick a status')
          .build(),
      );
    sheet.getRange('A2:B2').setValues([['Ann', 'Lead']]);
    const r = refusal(() =>
      host.userEditRange({
        user: STAFF,
        sheet: 'Sheet1',
        a1: 'A2:B4',
        values: [
          ['Ann L', 'Contacted'],
          ['Bob', 'Won'],
          ['Cy', 'Lead'],
        ],
      }),
    );
    expect([r.reason, r.message]).toEqual(['invalid', 'Pick a status']);
    expect(host.sheetValues('Sheet1')).toEqual([
      ['', ''],
      ['Ann', 'Lead'],
    ]);
    // Empty cells pass a dropdown rule: clearing the block is accepted.
    host.userEditRange({ user: STAFF, sheet: 'Sheet1', a1: 'A2:B2', values: [['', '']] });
    expect(host.sheetValues('Sheet1')).toEqual([]);
  });

  it('a warning-only rule does not refuse the paste', () => {
    const { app, sheet, host } = setup();
    sheet.getRange('B2:B4').setDataValidation(app.newDataValidation().requireValueInList(STATUSES).build());
    host.userEditRange({ user: STAFF, sheet: 'Sheet1', a1: 'B2:B3', values: [['Won'], ['Lead']] });
    expect(host.validationViolations().map((v) => v.a1)).toEqual(['B2']);
  });
});
