/** importCustomers options: defaults, the batch-size bound, and clear messages for bad values. */

import { IMPORT_LIMIT_MAX, parseImportOptions } from '../../../src/domain/import';

describe('parseImportOptions', () => {
  it('fills the defaults and keeps the mapping raw for prepareImport', () => {
    expect(parseImportOptions(undefined)).toEqual({
      ok: true,
      value: { dryRun: false, duplicates: 'skip', offset: 0, limit: 1000 },
    });
    expect(
      parseImportOptions({ mapping: { name: '0' }, dryRun: true, duplicates: 'merge', offset: '40', limit: 2000 }),
    ).toEqual({
      ok: true,
      value: { mapping: { name: '0' }, dryRun: true, duplicates: 'merge', offset: 40, limit: 2000 },
    });
  });

  it('refuses bad values and unknown options, each under its own key', () => {
    expect(
      parseImportOptions({
        dryRun: 'yes',
        duplicates: 'overwrite',
        offset: -1,
        limit: IMPORT_LIMIT_MAX + 1,
        force: true,
      }),
    ).toEqual({
      ok: false,
      errors: {
        dryRun: 'Dry run must be true or false.',
        duplicates: 'Duplicates must be "skip" (leave existing customers alone) or "merge" (fill their empty fields).',
        offset: 'Offset must be a whole number 0 or more.',
        limit: 'Limit must be a whole number from 1 to 2,000.',
        force: '"force" is not a supported option. Use: mapping, customMapping, dryRun, duplicates, offset, limit.',
      },
    });
  });
});
