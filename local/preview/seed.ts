/**
 * The demo pipeline of a first `npm start`: the owner sets the CRM up and names two staff members, who then
 * register a dozen customers and move them through the pipeline over the past four weeks — all through the
 * built add-on (setUpCrm, registerCustomer, updateCustomerStatus, rebuildPipelineSummary), so History holds
 * real durations. Runs in its own harness on a virtual clock; the preview then continues from the saved
 * state on the real clock.
 */

import type { SavedStandIn } from '../gas';
import { createHarness, succeeded as mustSucceed } from '../bundle/harness';

export const DEMO_OWNER = 'owner@example.com';
export const DEMO_STAFF = ['alex.rivera@example.com', 'sam.okafor@example.com'] as const;
/** Shared the file as an editor but is not on the staff list: the CRM refuses their writes. */
export const DEMO_VISITOR = 'visitor@example.com';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** The demo's first day, counted back from now. */
const DEMO_DAYS = 28;

/** A move to Closed-lost carries its lost reason (the API requires one from the Settings list). */
type Move = readonly [day: number, status: string, note?: string, lostReason?: string];

interface DemoCustomer {
  day: number;
  by: 0 | 1;
  input: {
    name: string;
    company: string;
    email: string;
    phone: string;
    dealValue: string;
    source: string;
    notes?: string;
  };
  moves: Move[];
}

const CUSTOMERS: DemoCustomer[] = [
  {
    day: 0.2,
    by: 0,
    input: {
      name: 'Priya Shah',
      company: 'Brightline Dental',
      email: 'priya.shah@brightline-dental.example',
      phone: '+1 (555) 014-2231',
      dealValue: '8400',
      source: 'Website',
    },
    moves: [
      [2.1, 'Contacted'],
      [7.3, 'Qualified', 'Needs booking + reminders for 3 chairs.'],
      [14.2, 'In negotiation'],
    ],
  },
  {
    day: 1.1,
    by: 1,
    input: {
      name: 'Tomás García',
      company: 'Verde Landscaping',
      email: 'tomas@verde-landscaping.example',
      phone: '555-018-7720',
      dealValue: '3200',
      source: 'Referral',
    },
    moves: [
      [3.2, 'Contacted'],
      [11.4, 'Closed-lost', 'Went with a cheaper local provider.', 'Price'],
    ],
  },
  {
    day: 2.3,
    by: 0,
    input: {
      name: 'Hannah Becker',
      company: 'Becker & Sons Bakery',
      email: 'hannah@becker-bakery.example',
      phone: '+49 30 1234 5678',
      dealValue: '1500',
      source: 'Walk-in',
    },
    moves: [
      [4.1, 'Contacted'],
      [8.2, 'Qualified'],
      [15.3, 'Closed-won', 'Signed the yearly plan.'],
      [19.1, 'Active'],
    ],
  },
  {
    day: 3.2,
    by: 1,
    input: {
      name: 'Marcus Lee',
      company: 'Northwind Logistics',
      email: 'm.lee@northwind-logistics.example',
      phone: '(555) 013-3908',
      dealValue: '24000',
      source: 'Trade show',
    },
    moves: [
      [5.4, 'Contacted'],
      [13.1, 'Qualified', 'Wants a demo for the dispatch team.'],
    ],
  },
  {
    day: 5.1,
    by: 0,
    input: {
      name: 'Aisha Okonkwo',
      company: 'Lumen Architects',
      email: 'aisha@lumen-architects.example',
      phone: '555 201 4478',
      dealValue: '12500',
      source: 'LinkedIn',
    },
    moves: [[9.2, 'Contacted']],
  },
  {
    day: 6.3,
    by: 1,
    input: {
      name: 'Oliver Grant',
      company: 'Grant Legal LLP',
      email: 'oliver.grant@grant-legal.example',
      phone: '+44 20 7946 0321',
      dealValue: '18000',
      source: 'Referral',
    },
    moves: [
      [8.1, 'Contacted'],
      [12.2, 'Qualified'],
      [18.3, 'In negotiation'],
      [24.1, 'Closed-won'],
    ],
  },
  {
    day: 9.4,
    by: 0,
    input: {
      name: 'Sofia Rossi',
      company: 'Caffè Rossi',
      email: 'sofia@caffe-rossi.example',
      phone: '555-310-2204',
      dealValue: '950',
      source: 'Website',
    },
    moves: [],
  },
  {
    day: 10.2,
    by: 1,
    input: {
      name: 'Daniel Kim',
      company: 'Kim Fitness Studio',
      email: 'daniel@kim-fitness.example',
      phone: '555-402-7781',
      dealValue: '4800',
      source: 'Cold call',
    },
    moves: [
      [13.3, 'Contacted'],
      [25.2, 'Dormant', 'No reply after three follow-ups.'],
    ],
  },
  {
    day: 12.1,
    by: 0,
    input: {
      name: 'Emma Novak',
      company: 'Novak Print Shop',
      email: 'emma@novak-print.example',
      phone: '555-377-1290',
      dealValue: '2600',
      source: 'Trade show',
    },
    moves: [
      [16.2, 'Contacted'],
      [21.3, 'Qualified'],
    ],
  },
  {
    day: 17.2,
    by: 1,
    input: {
      name: 'Rahul Mehta',
      company: 'Mehta Accounting',
      email: 'rahul@mehta-cpa.example',
      phone: '555-228-6610',
      dealValue: '7200',
      source: 'Website',
    },
    moves: [[20.1, 'Contacted']],
  },
  {
    day: 19.3,
    by: 0,
    input: {
      name: 'Grace Thompson',
      company: 'Harbor View Hotel',
      email: 'grace.thompson@harborview-hotel.example',
      phone: '555-640-1183',
      dealValue: '31000',
      source: 'Referral',
    },
    moves: [
      [21.1, 'Contacted'],
      [23.2, 'Qualified'],
      [26.1, 'In negotiation', 'Decision at the board meeting next week.'],
    ],
  },
  {
    day: 25.4,
    by: 1,
    input: {
      name: 'Lukas Weber',
      company: 'Weber Bikes',
      email: 'lukas@weber-bikes.example',
      phone: '555-519-0042',
      dealValue: '5400',
      source: 'Walk-in',
      notes: 'Met at the spring market.',
    },
    moves: [],
  },
];

export class SeedError extends Error {}

/** Runs the demo through the built add-on in `distDir`; returns the saved state to start the preview from. */
export function seedDemo(options: { distDir: string; nowMs?: number }): SavedStandIn {
  const now = options.nowMs ?? Date.now();
  // Office hours: day 0 starts at 09:00 UTC four weeks ago, so day 2.1 is 11:24 two days later.
  const start = Math.floor((now - DEMO_DAYS * DAY_MS) / DAY_MS) * DAY_MS + 9 * HOUR_MS;
  const harness = createHarness({
    owner: DEMO_OWNER,
    editors: [...DEMO_STAFF, DEMO_VISITOR],
    startMs: start,
    distDir: options.distDir,
  });
  const at = (day: number) => harness.gas.runtime.setNow(Math.max(harness.gas.runtime.now(), start + day * DAY_MS));

  /** The success branch of a call that must succeed; a failure stops the seed with the whole result. */
  const succeeded = <T>(what: string, result: T) => mustSucceed(result, `Demo seed: ${what}`, SeedError);

  succeeded('setUpCrm', harness.call(DEMO_OWNER, 'setUpCrm'));
  DEMO_STAFF.forEach((email, i) =>
    harness.gas.sheets.userEdit({ user: DEMO_OWNER, sheet: 'Settings', row: i + 2, column: 1, value: email }),
  );
  harness.gas.runtime.advance(10 * 60 * 1000);
  succeeded('setUpCrm (staff)', harness.call(DEMO_OWNER, 'setUpCrm'));

  type Step = { day: number; run: () => void };
  const steps: Step[] = [];
  for (const demo of CUSTOMERS) {
    const staff = DEMO_STAFF[demo.by];
    const state = { id: '', version: 0 };
    steps.push({
      day: demo.day,
      run: () => {
        const result = succeeded(
          `registerCustomer ${demo.input.name}`,
          harness.call(staff, 'registerCustomer', { ...demo.input, owner: staff }),
        );
        state.id = result.customer.id;
        state.version = result.customer.version;
      },
    });
    for (const [day, status, note, lostReason] of demo.moves) {
      steps.push({
        day,
        run: () => {
          // No note → no fourth argument (undefined would cross the boundary as null).
          const result = succeeded(
            `updateCustomerStatus ${demo.input.name} → ${status}`,
            lostReason
              ? harness.call(staff, 'updateCustomerStatus', state.id, status, state.version, note ?? '', lostReason)
              : note
                ? harness.call(staff, 'updateCustomerStatus', state.id, status, state.version, note)
                : harness.call(staff, 'updateCustomerStatus', state.id, status, state.version),
          );
          state.version = result.customer.version;
        },
      });
    }
  }
  for (const step of steps.sort((a, b) => a.day - b.day)) {
    at(step.day);
    step.run();
  }

  harness.gas.runtime.setNow(now - 5 * 60 * 1000);
  succeeded('rebuildPipelineSummary', harness.call(DEMO_OWNER, 'rebuildPipelineSummary'));
  const customers = harness.gas.workbook.findSheet('Customers');
  if (customers) harness.gas.workbook.activeSheetId = customers.sheetId;
  return harness.gas.toJSON();
}
