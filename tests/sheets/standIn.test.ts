/** The shared stand-in helper: its globals are there during a test and gone after it. */

import { standInPerTest } from './standIn';

const crm = standInPerTest();
const names = ['SpreadsheetApp', 'PropertiesService', 'LockService', 'Session'];

it('installs the Apps Script globals for the test', () => {
  for (const name of names) expect(name in globalThis).toBe(true);
  expect(crm.current.run(() => Session.getActiveUser().getEmail())).toBe('owner@example.com');
  expect(console).not.toBe(crm.current.gas.globals.console);
});

afterAll(() => {
  for (const name of names) expect(name in globalThis).toBe(false);
});
