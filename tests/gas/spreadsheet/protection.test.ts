/** Protections: who may write, who may change them, and what manual edits do. */
import { UserEditRefused, rectToA1 } from '../../../local/gas/spreadsheet';
import { OWNER, STAFF, STRANGER, setup } from './helpers';

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Owner protects "Customers", then keeps only STAFF (and the owner) as editors. */
function protectedCustomers(warningOnly = false) {
  const ctx = setup();
  const { runtime, ss, app } = ctx;
  const sheet = ss.insertSheet('Customers');
  sheet.getRange('A1:B1').setValues([['ID', 'Name']]);
  runtime.run(OWNER, () => {
    const p = app.getActive().getSheetByName('Customers')!.protect().setDescription('CRM data');
    p.addEditor(OWNER);
    p.removeEditors(p.getEditors());
    p.addEditors([STAFF]);
    if (warningOnly) p.setWarningOnly(true);
  });
  return { ...ctx, sheet };
}

function writeAs(ctx: ReturnType<typeof setup>, user: string, value: string): void {
  ctx.runtime.run(user, () => ctx.app.getActive().getSheetByName('Customers')!.getRange('B2').setValue(value));
}

describe('protected sheet', () => {
  it('lets the owner and a listed editor write', () => {
    const ctx = protectedCustomers();
    writeAs(ctx, OWNER, 'by owner');
    expect(ctx.host.sheetValues('Customers')[1]).toEqual(['', 'by owner']);
    writeAs(ctx, STAFF, 'by staff');
    expect(ctx.host.sheetValues('Customers')[1]).toEqual(['', 'by staff']);
  });

  it('refuses a stranger with the real error and changes nothing', () => {
    const ctx = protectedCustomers();
    expect(() => writeAs(ctx, STRANGER, 'intruder')).toThrow(PROTECTED);
    expect(() =>
      ctx.runtime.run(STRANGER, () => ctx.app.getActive().getSheetByName('Customers')!.appendRow(['x', 'y'])),
    ).toThrow(PROTECTED);
    expect(() =>
      ctx.runtime.run(STRANGER, () => ctx.app.getActive().getSheetByName('Customers')!.deleteRow(1)),
    ).toThrow(PROTECTED);
    expect(ctx.host.sheetValues('Customers')).toEqual([['ID', 'Name']]);
    expect(ctx.runtime.unlockedWrites.filter((w) => w.executionId > 1)).toEqual([]);
  });

  it('does not block anyone when warning-only', () => {
    const ctx = protectedCustomers(true);
    writeAs(ctx, STRANGER, 'allowed');
    expect(ctx.host.sheetValues('Customers')[1]).toEqual(['', 'allowed']);
  });

  it('reports editors and canEdit per user; strangers cannot change or read the editor list', () => {
    const ctx = protectedCustomers();
    const { runtime, app } = ctx;
    runtime.run(STAFF, () => {
      const [p] = app.getActive().getProtections(app.ProtectionType.SHEET);
      expect(p!.canEdit()).toBe(true);
      expect(p!.getEditors().map((u) => u.getEmail())).toEqual([OWNER, STAFF]);
      expect(p!.getDescription()).toBe('CRM data');
    });
    runtime.run(STRANGER, () => {
      const [p] = app.getActive().getProtections(app.ProtectionType.SHEET);
      expect(p!.canEdit()).toBe(false);
      expect(() => p!.getEditors()).toThrow(PROTECTED);
      expect(() => p!.addEditor(STRANGER)).toThrow(PROTECTED);
      expect(() => p!.remove()).toThrow(PROTECTED);
    });
    expect(ctx.workbook.protections[0]!.editors).toEqual([STAFF]);
  });

  it('never removes the owner or the current user', () => {
    const ctx = protectedCustomers();
    ctx.runtime.run(STAFF, () => {
      const p = ctx.app.getActive().getSheetByName('Customers')!.protect();
      p.removeEditors([OWNER, STAFF]);
      expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, STAFF]);
    });
  });
});

describe('protected range', () => {
  it('mirrors the spreadsheet until its editors change, then blocks others', () => {
    const ctx = setup();
    const { runtime, app } = ctx;
    let protectionId = 0;
    runtime.run(OWNER, () => {
      const p = app.getActiveSheet().getRange('A1:B2').protect();
      protectionId = p.data.id;
      expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, STAFF, STRANGER]);
    });
    runtime.run(STRANGER, () => app.getActiveSheet().getRange('A1').setValue('still fine'));
    runtime.run(OWNER, () => {
      const p = app
        .getActive()
        .getProtections(app.ProtectionType.RANGE)
        .find((x) => x.data.id === protectionId)!;
      p.removeEditor(STRANGER);
    });
    expect(() => runtime.run(STRANGER, () => app.getActiveSheet().getRange('B2:C3').setValue('x'))).toThrow(PROTECTED);
    runtime.run(STRANGER, () => app.getActiveSheet().getRange('C3').setValue('outside'));
    runtime.run(STAFF, () => app.getActiveSheet().getRange('B2').setValue('staff ok'));
    expect(ctx.host.sheetValues('Sheet1')).toEqual([
      ['still fine', '', ''],
      ['', 'staff ok', ''],
      ['', '', 'outside'],
    ]);
  });

  it('moves with inserted rows', () => {
    const ctx = setup();
    const p = ctx.sheet.getRange('A5:B6').protect();
    ctx.sheet.insertRowsBefore(2, 3);
    expect(rectToA1(p.data.rect!)).toBe('A8:B9');
    ctx.sheet.deleteRows(1, 8);
    expect(rectToA1(p.data.rect!)).toBe('A1:B1');
  });
});

describe('manual edits (host userEdit)', () => {
  it('returns what onEdit receives and respects protection, except warning-only', () => {
    const ctx = protectedCustomers();
    const e = ctx.host.userEdit({ user: STAFF, sheet: 'Customers', a1: 'B2', value: '42' });
    expect([
      e.range.getA1Notation(),
      e.value,
      e.oldValue,
      e.user.getEmail(),
      e.source.getSpreadsheetTimeZone(),
    ]).toEqual(['B2', '42', undefined, STAFF, 'Europe/Paris']);
    const again = ctx.host.userEdit({ user: STAFF, sheet: 'Customers', row: 2, column: 2, value: 'TRUE' });
    expect([again.value, again.oldValue]).toEqual(['TRUE', '42']);
    let refused: unknown;
    try {
      ctx.host.userEdit({ user: STRANGER, sheet: 'Customers', a1: 'B2', value: 'no' });
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(UserEditRefused);
    expect((refused as UserEditRefused).reason).toBe('protected');
    expect(ctx.host.sheetValues('Customers')[1]).toEqual(['', true]);
    const warned = protectedCustomers(true);
    expect(warned.host.userEdit({ user: STRANGER, sheet: 'Customers', a1: 'A2', value: 'x' }).value).toBe('x');
    // Manual edits are not script writes: nothing is noted as an unlocked write.
    expect(
      ctx.runtime.unlockedWrites.some((w) => w.sheet === 'Customers' && w.a1 === 'B2' && w.executionId === 0),
    ).toBe(false);
  });
});
