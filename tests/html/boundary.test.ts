/**
 * google.script.run in a real browser, as the page side (local/bundle/googleScript.ts) and the Node side
 * (Harness.serve) give it to the preview and to these tests: calls are asynchronous and independent (ten in flight
 * at once, each answered with its own userObject), arguments are refused at the call, results cross as JSON, the
 * failure handler gets an Error, and only the bundle's public functions are offered.
 */

import { pageTest, useSuite } from './harness';
import type { SeedCustomer } from './server';

jest.setTimeout(60000);
const suite = useSuite();

const customers: SeedCustomer[] = [
  { id: 'C-00001', input: { name: 'Acme Rockets', company: 'Acme Corp', status: 'Qualified' } },
  { id: 'C-00002', input: { name: 'Ada Lovelace', company: 'Analytical Engines', status: 'Lead' } },
];

/** Runs `body` (page-side JavaScript that settles `done(value)`) and returns the value, as JSON. */
const inPage = (body: string): string => `new Promise((done) => { ${body} })`;

describe('google.script.run: the boundary the preview and these tests share', () => {
  pageTest(
    suite,
    'ten calls in flight at once, each answered on its own with its user object',
    'search',
    { view: 'search' },
    { customers, delays: { getCustomer: 300 } },
    async ({ page, calls, stats }) => {
      const answers = await page.evaluate(
        inPage(`
          const got = [];
          for (let i = 0; i < 10; i++) {
            google.script.run
              .withSuccessHandler((result, userObject) => {
                got.push([userObject, result.ok ? result.customer.name : result.errors]);
                if (got.length === 10) done(got.sort((a, b) => a[0] - b[0]));
              })
              .withUserObject(i)
              .getCustomer(i % 2 === 0 ? 'C-00001' : 'C-00002');
          }`),
      );
      expect(answers).toEqual(Array.from({ length: 10 }, (_, i) => [i, i % 2 === 0 ? 'Acme Rockets' : 'Ada Lovelace']));
      expect((await stats()).maxInFlight.getCustomer).toBe(10);
      expect(await calls('getCustomer')).toHaveLength(10);
    },
  );

  pageTest(
    suite,
    'a Date argument throws at the call and nothing is sent; a runner offers only public functions',
    'search',
    { view: 'search' },
    {},
    async ({ page, calls }) => {
      const thrown = await page.evaluate(`(() => {
        try {
          google.script.run.withFailureHandler(() => undefined).searchCustomers('a', { since: new Date() });
          return 'sent';
        } catch (error) {
          return error.message;
        }
      })()`);
      expect(thrown).toBe('Failed due to illegal value in property: since');
      expect(await calls()).toEqual([]);
      expect(await page.evaluate('typeof google.script.run.searchCustomers')).toBe('function');
      expect(await page.evaluate('typeof google.script.run.noSuchFunction')).toBe('undefined');
      expect(await page.evaluate('Object.keys(google.script.run).filter((name) => name.endsWith("_"))')).toEqual([]);
    },
  );

  pageTest(
    suite,
    'the failure handler gets an Error and the user object; a result crosses as JSON',
    'search',
    { view: 'search' },
    { customers },
    async ({ page, failNext }) => {
      await failNext('listCustomers', 'Exception: Service Spreadsheets timed out while accessing document');
      const failure = await page.evaluate(
        inPage(`
          google.script.run
            .withSuccessHandler(() => done('succeeded'))
            .withFailureHandler((error, userObject) => done([error instanceof Error, error.message, userObject]))
            .withUserObject({ row: 7 })
            .listCustomers();`),
      );
      expect(failure).toEqual([true, 'Exception: Service Spreadsheets timed out while accessing document', { row: 7 }]);

      const listed = await page.evaluate(
        inPage(`google.script.run.withSuccessHandler((result) => done(result)).listCustomers({ sort: 'name' });`),
      );
      expect(listed).toMatchObject({ total: 2, customers: [{ id: 'C-00001' }, { id: 'C-00002' }] });
      expect(typeof (listed as { customers: { createdAt: unknown }[] }).customers[0]?.createdAt).toBe('string');
    },
  );
});
