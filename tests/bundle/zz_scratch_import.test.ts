import { OWNER, REP, STRANGER, newCrm } from '../support/crm';
type SS = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
it('scratch', () => {
  const crm = newCrm();
  crm.call<any>(REP, 'registerCustomer', { name: 'Eve Evans', company: 'Existing Co', email: 'eve@existing.example' });
  const SA = crm.gas.globals.SpreadsheetApp as SS;
  const rows: unknown[][] = [
    ['Full name', 'E-mail', 'Tel', 'Stage', 'Value', 'Firm', 'Comments'],
    ['Ann Archer', 'ann@acme.example', "'+1 (555) 010-2000", 'won', '=1000+200', 'Acme Ltd', new Date(Date.UTC(2023, 4, 6))],
    ['Ann A.', 'ANN@acme.example', 5550102000, 'lost', 99, '', 'second'],
    ['Eve E.', 'eve@existing.example', "'+1 555 0300", 'Lead', 300, 'Other', "'=HYPERLINK(\"x\")"],
    ['Zed', '', '', new Date(Date.UTC(2023, 4, 6, 13, 0)), '', '', ''],
    ['Zed Two', '', '', 'Qualified', '1.200', '', ''],
    ['#REF!', 'ref@x.example', '', '', '', '', ''],
  ];
  crm.gas.runtime.run(OWNER, () => SA.getActiveSpreadsheet().getSheetByName('Import')!.getRange(1, 1, rows.length, 7).setValues(rows as any));
  console.log(JSON.stringify(crm.tab('Import')));
  const p = crm.call<any>(OWNER, 'proposeImportMapping');
  console.log(JSON.stringify(p.mapping), JSON.stringify(p.sample));
  const mapping = { ...p.mapping, notes: 6 };
  const dry = crm.call<any>(OWNER, 'importCustomers', { mapping, dryRun: true, duplicates: 'merge' });
  console.log(JSON.stringify(dry, null, 1));
  const r = crm.call<any>(OWNER, 'importCustomers', { mapping, duplicates: 'merge', limit: 2 });
  console.log(JSON.stringify(r));
  const r2 = crm.call<any>(OWNER, 'importCustomers', { mapping, duplicates: 'merge', limit: 10, offset: 2 });
  console.log(JSON.stringify(r2));
  console.log(JSON.stringify(crm.tab('Customers'), null, 0));
  console.log(JSON.stringify(crm.tab('History'), null, 0));
  const again = crm.call<any>(OWNER, 'importCustomers', { mapping, duplicates: 'merge' });
  console.log(JSON.stringify(again));
  console.log(JSON.stringify(crm.call<any>(STRANGER, 'importCustomers', {})));
  console.log(JSON.stringify(crm.call<any>(STRANGER, 'proposeImportMapping')));
});
