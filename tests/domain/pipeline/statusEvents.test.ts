/**
 * Which History rows carry a status: the Field label is normalised as statusKey does ("STATUS", "status ", "Status"
 * all count), once per distinct label per rebuild, so the same label seen again must give the same answer.
 */
import { StatusChangeCollector, statusChangesByCustomer } from '../../../src/domain/pipeline/statusEvents';
import { buildPipelineSummary, type PipelineEvent } from '../../../src/domain/pipeline';
import { referenceInput } from './fixtures';

const row = (
  customerId: string,
  action: PipelineEvent['action'],
  field: string,
  from: string,
  to: string,
): PipelineEvent => ({
  at: '2026-11-02T10:00:00.000Z',
  customerId,
  action,
  field,
  from,
  to,
});

describe('statusChangesByCustomer: which rows carry a status', () => {
  it('counts every spelling of the Status field, each time it appears, and nothing else', () => {
    const history = ['C-1', 'C-2'].flatMap((id) => [
      row(id, 'create', '', '', 'Lead'), // the opening row: no field, its To is the first status
      row(id, 'update', 'STATUS', 'Lead', 'Contacted'),
      row(id, 'update', ' status ', 'Contacted', 'Qualified'),
      row(id, 'update', 'Phone', 'Lead', 'Dormant'), // not a status field: its To is not a status change
      row(id, 'note', '', '', 'Closed-won'), // a note with no field is not an opening row
      row(id, 'status', 'anything', 'Qualified', 'In negotiation'), // a status row always counts
    ]);
    const byId = statusChangesByCustomer(history);
    for (const id of ['C-1', 'C-2']) {
      expect(byId.get(id)?.map((c) => [c.from, c.to, c.opening])).toEqual([
        [null, 'Lead', true],
        ['Lead', 'Contacted', false],
        ['Contacted', 'Qualified', false],
        ['Qualified', 'In negotiation', false],
      ]);
    }
  });
});

describe('StatusChangeCollector: the rows a reader adds one by one', () => {
  it('groups what statusChangesByCustomer groups from the same rows, and the summary is the same either way', () => {
    const history = referenceInput().history ?? [];
    const collector = new StatusChangeCollector();
    history.forEach((event, index) => {
      if (collector.carriesStatus(event.action, event.field)) {
        collector.add(index, event.at, event.customerId, event.action, event.from, event.to);
      }
    });
    expect(collector.byId).toEqual(statusChangesByCustomer(history));
    expect(collector.byId.size).toBeGreaterThan(0);
    const { history: _rows, ...rest } = referenceInput();
    expect(buildPipelineSummary({ ...rest, statusChanges: collector.byId })).toEqual(
      buildPipelineSummary(referenceInput()),
    );
  });

  it('skips a To that is no status, trims the ID and keeps an unparsable time as null', () => {
    const collector = new StatusChangeCollector();
    collector.add(0, 'not a date', ' C-1 ', 'status', 'Lead', 'Contacted');
    collector.add(1, '2026-11-02T10:00:00.000Z', 'C-1', 'status', 'Contacted', 'Maybe later');
    expect(collector.byId.get('C-1')).toEqual([
      { time: null, from: 'Lead', to: 'Contacted', opening: false, index: 0 },
    ]);
  });
});
