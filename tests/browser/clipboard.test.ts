/**
 * What the preview page reads from a paste (page/tsv.ts) and where the server puts it (paste.ts), without a
 * browser: Sheets'/Excel's tab-separated text with quoted cells, and a block squared and placed or refused whole.
 */

import { planPaste } from '../../local/preview/paste';
import { parseClipboardText } from '../../local/preview/page/tsv';

describe('clipboard text from Sheets or Excel', () => {
  it('splits cells at tabs and rows at newlines, ignoring one trailing newline', () => {
    expect(parseClipboardText('a\tb\nc\td\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseClipboardText('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseClipboardText('one')).toEqual([['one']]);
    expect(parseClipboardText('a\t\tc\n\nb')).toEqual([['a', '', 'c'], [''], ['b']]);
  });

  it('reads a quoted cell holding tabs, newlines and doubled quotes', () => {
    expect(parseClipboardText('"say ""hi""\nthere"\tnext\n')).toEqual([['say "hi"\nthere', 'next']]);
    expect(parseClipboardText('"a\r\nb"\tc')).toEqual([['a\nb', 'c']]);
  });

  it('keeps a quote that does not close a quoted cell as text', () => {
    expect(parseClipboardText('"open\tb')).toEqual([['"open', 'b']]);
    expect(parseClipboardText('"a"b\tc')).toEqual([['"a"b', 'c']]);
    expect(parseClipboardText('5" pipe\t2')).toEqual([['5" pipe', '2']]);
  });
});

describe('placing a pasted block', () => {
  const sheet = { name: 'Sheet1', maxRows: 10, maxColumns: 4 };

  it('squares a ragged block and names its range from the selected cell', () => {
    expect(planPaste(sheet, { row: 2, col: 2 }, [['a', 'b', 'c'], ['d']])).toEqual({
      ok: true,
      a1: 'B2:D3',
      values: [
        ['a', 'b', 'c'],
        ['d', '', ''],
      ],
      numRows: 2,
      numCols: 3,
    });
    expect(planPaste(sheet, { row: 1, col: 1 }, [['x']])).toMatchObject({ ok: true, a1: 'A1', values: [['x']] });
  });

  it('refuses a block that does not fit in the sheet, whole, saying why', () => {
    const plan = planPaste(sheet, { row: 9, col: 3 }, [['a', 'b', 'c'], ['d'], ['e']]);
    expect(plan).toEqual({ ok: false, error: expect.stringContaining('3 rows × 3 columns from C9') });
    expect(plan.ok ? '' : plan.error).toContain(
      'does not fit in Sheet1, which has 10 rows and 4 columns. Nothing was pasted.',
    );
    expect(planPaste(sheet, { row: 1, col: 1 }, [])).toEqual({ ok: false, error: 'There is nothing to paste.' });
  });
});
