/** Benchmark-sized sheets work (no timing assertions). */
import { setup } from './helpers';

describe('bulk', () => {
  it('writes and reads 50,000 x 16 in one call each, and sorts it', () => {
    const { ss, host } = setup();
    const sheet = ss.insertSheet('Customers');
    sheet.insertRowsAfter(1000, 49_001);
    const created = new Date(Date.UTC(2024, 0, 1));
    const rows: unknown[][] = [];
    for (let i = 0; i < 50_000; i++) {
      rows.push([
        `C-${50_000 - i}`,
        `Name ${i}`,
        'Acme',
        `a${i}@x.com`,
        "'+1 555 0100",
        'Lead',
        i,
        'rep@example.com',
        'web',
        '',
        created,
        'rep',
        created,
        'rep',
        created,
        1,
      ]);
    }
    sheet.getRange(2, 1, 50_000, 16).setValues(rows);
    const back = sheet.getRange(2, 1, 50_000, 16).getValues();
    expect(back).toHaveLength(50_000);
    expect(back[49_999]![6]).toBe(49_999);
    expect(back[0]![4]).toBe('+1 555 0100');
    expect((back[0]![10] as Date).getTime()).toBe(created.getTime());
    expect(sheet.getLastRow()).toBe(50_001);
    sheet.setFrozenRows(1);
    sheet.sort(7, false);
    expect(sheet.getRange(2, 7).getValue()).toBe(49_999);
    expect(host.sheetValues('Customers')).toHaveLength(50_001);
  });

  it('holds 250,000 x 7 rows', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('History');
    sheet.insertRowsAfter(1000, 249_000);
    const rows: unknown[][] = [];
    for (let i = 0; i < 250_000; i++)
      rows.push([i, `C-${i}`, 'update', 'Status', 'Lead', 'Qualified', 'rep@example.com']);
    sheet.getRange(1, 1, 250_000, 7).setValues(rows);
    sheet.appendRow([1, 'C-1', 'create', '', '', '', 'rep@example.com']);
    expect(sheet.getMaxRows()).toBe(250_001);
    expect(sheet.getDataRange().getValues()).toHaveLength(250_001);
  });
});
