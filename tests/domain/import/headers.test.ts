/** Header names of old sheets → the proposed mapping, and the checks on a mapping the admin corrected. */

import {
  emptyMapping,
  locateImportSheet,
  prepareImport,
  proposeMapping,
  validateMapping,
} from '../../../src/domain/import';

describe('proposeMapping', () => {
  it('recognises common header names in any order', () => {
    const mapping = proposeMapping([
      'Value',
      'Tel.',
      'E-mail',
      'Stage',
      'Full name',
      'Organisation',
      'Comments',
      'Sales rep',
      'Lead source',
    ]);
    expect(mapping).toEqual({
      ...emptyMapping(),
      dealValue: 0,
      phone: 1,
      email: 2,
      status: 3,
      name: 4,
      company: 5,
      notes: 6,
      owner: 7,
      source: 8,
    });
  });

  it('uses the first of two phone columns, and suffixes for longer headers', () => {
    const mapping = proposeMapping([
      'Customer name',
      'Phone',
      'Mobile',
      'Work e-mail',
      'Client company',
      'Estimated deal value',
    ]);
    expect(mapping).toMatchObject({ name: 0, phone: 1, email: 3, company: 4, dealValue: 5 });
  });

  it('maps split names and leaves what it does not know unmapped', () => {
    const mapping = proposeMapping(['First name', 'Surname', 'Company name', 'Business owner', 'State', 'Street']);
    expect(mapping).toEqual({ ...emptyMapping(), firstName: 0, lastName: 1, company: 2 });
  });
});

describe('locateImportSheet', () => {
  it('skips blank rows and a title line above the header', () => {
    const sheet = locateImportSheet([[''], ['Old customers 2023'], ['Name', 'Email'], ['Ann', 'ann@x.example']]);
    expect(sheet).toMatchObject({ headerRow: 3, firstDataRow: 4, headers: ['Name', 'Email'] });
    expect(sheet?.rows).toEqual([['Ann', 'ann@x.example']]);
  });

  it('is null for an empty tab', () => {
    expect(locateImportSheet([])).toBeNull();
    expect(locateImportSheet([['', null]])).toBeNull();
  });

  it('pads headers to the widest row, so a column without a header can be mapped', () => {
    expect(locateImportSheet([['Name'], ['Ann', 'note']])?.headers).toEqual(['Name', '']);
  });
});

describe('validateMapping', () => {
  const headers = ['Name', 'Mail', 'Tel'];

  it('accepts columns as numbers or digit strings; blank means not imported', () => {
    expect(validateMapping({ name: 0, email: '1', phone: '', notes: null }, headers)).toEqual({
      ok: true,
      value: { ...emptyMapping(), name: 0, email: 1 },
    });
  });

  it('reports every problem under "mapping"', () => {
    const result = validateMapping({ email: 5, phone: 0, notes: 0, colour: 1, owner: -1 }, headers);
    expect(result).toEqual({
      ok: false,
      errors: {
        mapping:
          'Email is mapped to column F, but the Import tab has 3 columns (A–C). ' +
          '"colour" is not a field the import can fill. Use: name, firstName, lastName, company, email, phone, status, dealValue, owner, source, notes. ' +
          'Owner: the column must be a column of the Import tab, or blank for "not imported". ' +
          'Phone and Notes are both mapped to column A ("Name"): map each column to one field. ' +
          'Choose the column that holds the customer name (or the First name / Last name columns): every customer needs a name.',
      },
    });
  });

  it('refuses a non-object', () => {
    expect(validateMapping([0, 1], headers).ok).toBe(false);
    expect(validateMapping('name=0', headers).ok).toBe(false);
  });

  it('says so when the headers give no name column and no mapping is sent', () => {
    const prepared = prepareImport(
      [
        ['Foo', 'Bar'],
        ['a', 'b'],
      ],
      undefined,
    );
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.errors.mapping).toMatch(/^Choose the column that holds the customer name/);
  });

  it('says the tab is empty', () => {
    const prepared = prepareImport([], undefined);
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(Object.keys(prepared.errors)).toEqual(['import']);
  });
});
