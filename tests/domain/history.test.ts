/** History events for create/status/update/note, and dated note lines within the Notes limit. */
import type { Customer } from '../../src/domain/customer';
import {
  appendNote,
  changeEvents,
  creationEvents,
  latestNote,
  noteEvent,
  NotesTooLongError,
} from '../../src/domain/history';

function customer(overrides: Partial<Customer> = {}): Customer {
  return {
    custom: {},
    id: 'C-00007',
    name: 'Ana Pérez',
    company: 'Acme',
    email: 'ana@acme.example',
    phone: '555 010 2000',
    status: 'Lead',
    dealValue: null,
    owner: 'rep@shop.example',
    source: 'Fair',
    notes: '',
    createdAt: '2026-03-01T09:00:00.000Z',
    createdBy: 'rep@shop.example',
    updatedAt: '2026-03-01T09:00:00.000Z',
    updatedBy: 'rep@shop.example',
    statusChangedAt: '2026-03-01T09:00:00.000Z',
    version: 1,
    nextStep: '',
    nextStepDue: '',
    lostReason: '',
    ...overrides,
  };
}

const AT = '2026-03-05T14:30:00.000Z';
const BY = 'boss@shop.example';

describe('creationEvents', () => {
  it('logs the starting status first, then every other field that has a value, at the creation time', () => {
    const created = (field: string, to: string) => ({
      at: '2026-03-01T09:00:00.000Z',
      customerId: 'C-00007',
      action: 'create',
      field,
      from: '',
      to,
      by: 'rep@shop.example',
    });
    expect(creationEvents(customer({ status: 'Qualified', dealValue: 1200.5 }), 'rep@shop.example')).toEqual([
      created('Status', 'Qualified'),
      created('Name', 'Ana Pérez'),
      created('Company', 'Acme'),
      created('Email', 'ana@acme.example'),
      created('Phone', '555 010 2000'),
      created('Deal value', '1200.5'),
      created('Owner', 'rep@shop.example'),
      created('Source', 'Fair'),
    ]);
  });

  it('logs only the status for a customer with nothing else filled in', () => {
    const bare = customer({ company: '', email: '', phone: '', owner: '', source: '' });
    expect(creationEvents(bare, 'x@y.example').map((e) => [e.field, e.to])).toEqual([
      ['Status', 'Lead'],
      ['Name', 'Ana Pérez'],
    ]);
  });
});

describe('changeEvents', () => {
  it('logs nothing when nothing editable changed (bookkeeping fields do not count)', () => {
    const before = customer();
    const after = customer({ version: 2, updatedAt: AT, updatedBy: BY });
    expect(changeEvents(before, after, AT, BY)).toEqual([]);
  });

  it('logs a status change as action "status"', () => {
    expect(changeEvents(customer(), customer({ status: 'Closed-won' }), AT, BY)).toEqual([
      { at: AT, customerId: 'C-00007', action: 'status', field: 'Status', from: 'Lead', to: 'Closed-won', by: BY },
    ]);
  });

  it('logs each other field as "update" with its column header, in column order', () => {
    const events = changeEvents(
      customer(),
      customer({ notes: 'x', dealValue: 1200.5, email: 'ana@new.example', name: '=HYPERLINK("evil")' }),
      AT,
      BY,
    );
    expect(events.map((e) => [e.action, e.field, e.from, e.to])).toEqual([
      ['update', 'Name', 'Ana Pérez', '=HYPERLINK("evil")'],
      ['update', 'Email', 'ana@acme.example', 'ana@new.example'],
      ['update', 'Deal value', '', '1200.5'],
      ['update', 'Notes', '', 'x'],
    ]);
  });

  it('writes a cleared deal value as "" and zero as "0"', () => {
    const [cleared] = changeEvents(customer({ dealValue: 300 }), customer({ dealValue: null }), AT, BY);
    expect(cleared).toMatchObject({ field: 'Deal value', from: '300', to: '' });
    const [zero] = changeEvents(customer({ dealValue: null }), customer({ dealValue: 0 }), AT, BY);
    expect(zero).toMatchObject({ field: 'Deal value', from: '', to: '0' });
  });
});

describe('noteEvent', () => {
  it('is a note on the Notes field', () => {
    expect(noteEvent('C-00007', 'Called, will call back', AT, BY)).toEqual({
      at: AT,
      customerId: 'C-00007',
      action: 'note',
      field: 'Notes',
      from: '',
      to: 'Called, will call back',
      by: BY,
    });
  });
});

describe('appendNote', () => {
  it('starts empty notes with a dated line', () => {
    expect(appendNote('', 'Sent the quote', AT, BY)).toBe('2026-03-05 boss@shop.example: Sent the quote');
  });

  it('adds the newest line last', () => {
    expect(appendNote('2026-03-01 rep: first\n', 'second', AT, 'rep')).toBe(
      '2026-03-01 rep: first\n2026-03-05 rep: second',
    );
  });

  it('keeps a blank note from changing anything', () => {
    expect(appendNote('old', '   ', AT, BY)).toBe('old');
  });

  it('keeps emoji, right-to-left text and formula-like text as typed', () => {
    expect(appendNote('', '=1+1 😀 שלום', AT, 'rep')).toBe('2026-03-05 rep: =1+1 😀 שלום');
  });

  it('fits exactly at the limit', () => {
    const prefix = '2026-03-05 rep: ';
    const note = 'n'.repeat(10_000 - prefix.length);
    expect(appendNote('', note, AT, 'rep')).toHaveLength(10_000);
  });

  it('throws a NotesTooLongError with a field error instead of cutting text', () => {
    const existing = 'x'.repeat(9_990);
    let thrown: unknown;
    try {
      appendNote(existing, 'A note that does not fit', AT, 'rep');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotesTooLongError);
    const error = thrown as NotesTooLongError;
    expect(error.limit).toBe(10_000);
    expect(error.length).toBe(9_990 + 1 + 40); // "2026-03-05 rep: " is 16 characters, the note 24
    expect(error.errors.note).toMatch(/^Note does not fit: .*10,031 characters, the limit is 10,000\./);
  });
});

describe('latestNote', () => {
  it('is the last line appendNote wrote, to the end (a note may span lines), with older text before it', () => {
    let notes = 'Met at the fair';
    notes = appendNote(notes, 'Called, sent prices', '2026-03-02T10:00:00.000Z', 'rep@example.com');
    notes = appendNote(notes, 'Wants a demo\nnext Tuesday', '2026-03-05T10:00:00.000Z', 'rep@example.com');
    expect(latestNote(notes)).toEqual({
      latest: '2026-03-05 rep@example.com: Wants a demo\nnext Tuesday',
      earlier: true,
    });
  });

  it('is the whole text when no dated line was appended, or the only one', () => {
    expect(latestNote('Prefers e-mail\nNo calls before 10')).toEqual({
      latest: 'Prefers e-mail\nNo calls before 10',
      earlier: false,
    });
    expect(latestNote(appendNote('', 'First', '2026-03-02T10:00:00.000Z', 'me@x.example'))).toEqual({
      latest: '2026-03-02 me@x.example: First',
      earlier: false,
    });
    expect(latestNote('')).toEqual({ latest: '', earlier: false });
  });

  it('does not take text that merely starts with a date for a note line', () => {
    expect(latestNote('Old notes\n2026-03-02 was the fair').earlier).toBe(false);
  });
});
