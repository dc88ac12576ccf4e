/**
 * "My work" view: listFollowUps() in four sections (Overdue, Today, Next 7 days, open deals with no next step),
 * for the person at the keyboard or everyone. Each row opens the card, or an inline "Log & next step" form:
 * logActivity, then updateCustomer({ nextStep, nextStepDue }) with the version the row showed; the list then
 * reloads so the row shows in its new section. An activity already logged is never sent twice: after a failed
 * next-step save the form keeps the logged activity read-only and retries only the next step.
 */

import type { Customer, FieldErrors } from '../../../src/domain/customer';
import type { FollowUps } from '../../../src/domain/results';
import { runBusy } from '../busy';
import { h, replaceChildren, uniqueId } from '../dom';
import { failureMessage } from '../failure';
import { formatDay } from '../format';
import { pageMessages } from '../results';
import { call } from '../server';
import { statusPill } from '../statusSelect';
import type { ViewContext } from './context';
import { showFieldError } from '../fieldError';

export interface MyWorkView {
  readonly element: HTMLElement;
  focus(): void;
}

type Bucket = keyof FollowUps;

const SECTIONS: ReadonlyArray<{ key: Bucket; title: string; empty: string }> = [
  { key: 'overdue', title: 'Overdue', empty: 'Nothing overdue.' },
  { key: 'today', title: 'Today', empty: 'Nothing due today.' },
  { key: 'upcoming', title: 'Next 7 days', empty: 'Nothing due in the next 7 days.' },
  { key: 'noNextStep', title: 'Open deals with no next step', empty: 'Every open deal has a next step.' },
];

const ACTIVITY_TYPES: ReadonlyArray<{ value: string; label: string; done: string }> = [
  { value: 'call', label: 'Call', done: 'Call' },
  { value: 'meeting', label: 'Meeting', done: 'Meeting' },
  { value: 'email', label: 'E-mail', done: 'E-mail' },
  { value: 'note', label: 'Note', done: 'Note' },
];

/** One labelled control with its inline error slot (aria-describedby). */
interface Field {
  readonly wrapper: HTMLElement;
  readonly control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  setError(message: string): void;
}

function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): Field {
  const id = control.id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  control.setAttribute('aria-describedby', `${id}-error`);
  const setError = (message: string) => showFieldError(error, control, message);
  control.addEventListener('input', () => setError(''));
  control.addEventListener('change', () => setError(''));
  return { wrapper: h('div', { class: 'field' }, h('label', { for: id }, label), control, error), control, setError };
}

export function myWorkView(ctx: ViewContext): MyWorkView {
  const { banner } = ctx;
  const title = h('h2', { id: 'mywork-title', tabindex: -1 }, 'My work');
  const mine = h('input', { type: 'radio', name: 'mywork-whose', id: 'mywork-mine', value: 'mine', checked: true });
  const everyone = h('input', { type: 'radio', name: 'mywork-whose', id: 'mywork-everyone', value: '*' });
  const whose = h(
    'fieldset',
    { class: 'whose' },
    h('legend', { class: 'whose-legend' }, 'Show'),
    h('label', { class: 'whose-option', for: 'mywork-mine' }, mine, ' Mine'),
    h('label', { class: 'whose-option', for: 'mywork-everyone' }, everyone, ' Everyone'),
  );
  const refreshButton = h('button', { type: 'button', class: 'link' }, 'Refresh');
  const status = h('p', { class: 'muted mywork-status', role: 'status' });
  const lists = h('div', { class: 'mywork-lists' });
  const element = h(
    'section',
    { class: 'mywork', 'aria-labelledby': 'mywork-title' },
    h('div', { class: 'mywork-head' }, title, refreshButton),
    whose,
    status,
    lists,
  );

  /** Only the newest list request may draw. */
  let request = 0;
  let shown: FollowUps | null = null;
  /** The row whose inline form is open (one at a time). */
  let openForm: { id: string; close(): void } | null = null;

  const everyoneShown = () => everyone.checked;

  async function load(focusId?: string): Promise<void> {
    const mine = ++request;
    lists.setAttribute('aria-busy', 'true');
    status.textContent = shown ? 'Refreshing…' : 'Loading your follow-ups…';
    let result: Awaited<ReturnType<typeof call<'listFollowUps'>>> | undefined;
    try {
      result = await call('listFollowUps', everyoneShown() ? { owner: '*' } : undefined);
    } catch (error) {
      if (mine !== request) return;
      banner.show('error', failureMessage('load the follow-ups', error));
      failed('The follow-ups could not be loaded.');
      return;
    }
    if (mine !== request) return;
    if ('ok' in result && result.ok === false) {
      const messages = pageMessages(result.errors);
      banner.show('error', messages.length > 0 ? messages : 'The follow-ups could not be loaded.');
      failed('The follow-ups could not be loaded.');
      return;
    }
    lists.removeAttribute('aria-busy');
    status.textContent = '';
    draw(result as FollowUps, focusId);
  }

  function failed(text: string): void {
    lists.removeAttribute('aria-busy');
    status.textContent = '';
    shown = null;
    openForm = null;
    const again = h('button', { type: 'button', class: 'secondary' }, 'Retry');
    again.addEventListener('click', () => {
      banner.clear();
      void load();
    });
    replaceChildren(lists, h('p', { class: 'muted' }, text), again);
  }

  function draw(followUps: FollowUps, focusId?: string): void {
    shown = followUps;
    openForm = null;
    const sections = SECTIONS.map(({ key, title: heading, empty }) => {
      const customers = followUps[key] ?? [];
      const headingId = `mywork-${key}-title`;
      return h(
        'section',
        { class: `bucket bucket-${key}`, 'aria-labelledby': headingId, 'data-bucket': key },
        h('h3', { id: headingId }, heading, h('span', { class: 'bucket-count' }, ` (${customers.length})`)),
        customers.length === 0
          ? h('p', { class: 'muted bucket-empty' }, empty)
          : h('ul', { class: 'followups' }, ...customers.map((customer) => row(customer, key))),
      );
    });
    replaceChildren(lists, ...sections);
    if (focusId) {
      const moved = lists.querySelector<HTMLElement>(`li[data-id="${CSS.escape(focusId)}"] .followup-log`);
      moved?.focus();
    }
  }

  function dueText(customer: Customer, bucket: Bucket): HTMLElement | null {
    if (!customer.nextStepDue) return null;
    const day = formatDay(customer.nextStepDue);
    if (bucket === 'overdue') return h('span', { class: 'due due-overdue' }, `Overdue: was due ${day}`);
    if (bucket === 'today') return h('span', { class: 'due due-today' }, `Due today, ${day}`);
    return h('span', { class: 'due' }, `Due ${day}`);
  }

  function row(customer: Customer, bucket: Bucket): HTMLLIElement {
    const name = customer.name || '(no name)';
    const logButton = h(
      'button',
      {
        type: 'button',
        class: 'secondary followup-log',
        'aria-expanded': 'false',
        'aria-label': `Log & next step: ${name}`,
      },
      'Log & next step',
    );
    const openButton = h('button', { type: 'button', class: 'link', 'aria-label': `Open ${name}` }, 'Open');
    const formSlot = h('div', { class: 'followup-form-slot' });
    const li = h(
      'li',
      { class: `followup${bucket === 'overdue' ? ' followup-overdue' : ''}`, 'data-id': customer.id },
      h(
        'div',
        { class: 'summary-top' },
        h('span', { class: 'summary-name' }, name),
        bucket === 'noNextStep' ? statusPill(customer.status) : null,
      ),
      customer.company ? h('div', { class: 'summary-line' }, customer.company) : null,
      customer.nextStep
        ? h('div', { class: 'summary-line followup-step' }, 'Next: ', customer.nextStep)
        : h('div', { class: 'summary-line muted followup-step' }, 'No next step'),
      dueText(customer, bucket),
      everyoneShown() && customer.owner ? h('div', { class: 'summary-line muted small' }, customer.owner) : null,
      h('div', { class: 'actions followup-actions' }, logButton, openButton),
      formSlot,
    );
    openButton.addEventListener('click', () => ctx.openCustomer(customer.id, customer));
    logButton.addEventListener('click', () => {
      if (openForm?.id === customer.id) {
        openForm.close();
        return;
      }
      openForm?.close();
      const close = () => {
        replaceChildren(formSlot);
        logButton.setAttribute('aria-expanded', 'false');
        if (openForm?.id === customer.id) openForm = null;
      };
      const form = logForm(customer, () => {
        close();
        logButton.focus();
      });
      replaceChildren(formSlot, form.element);
      logButton.setAttribute('aria-expanded', 'true');
      openForm = { id: customer.id, close };
      form.focus();
    });
    return li;
  }

  function logForm(customer: Customer, cancel: () => void): { element: HTMLElement; focus(): void } {
    const name = customer.name || '(no name)';
    const prefix = uniqueId('log');
    const type = field(
      'Activity',
      h('select', { id: `${prefix}-type` }, ...ACTIVITY_TYPES.map((t) => h('option', { value: t.value }, t.label))),
    );
    const summary = field('Summary', h('textarea', { id: `${prefix}-summary`, rows: 2, 'aria-required': 'true' }));
    const nextStep = field('Next step', h('input', { id: `${prefix}-nextStep`, type: 'text', autocomplete: 'off' }));
    const nextStepDue = field('Next step due', h('input', { id: `${prefix}-nextStepDue`, type: 'date' }));
    nextStep.control.value = customer.nextStep;
    nextStepDue.control.value = customer.nextStepDue;
    const logged = h('p', { class: 'muted small', role: 'status' });
    const save = h('button', { type: 'submit', class: 'primary' }, 'Save');
    const cancelButton = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const form = h(
      'form',
      { class: 'form followup-form', novalidate: true, 'aria-label': `Log & next step: ${name}` },
      type.wrapper,
      summary.wrapper,
      logged,
      nextStep.wrapper,
      nextStepDue.wrapper,
      h('div', { class: 'actions' }, save, cancelButton),
    );
    /** Set once logActivity succeeded: a retry then only saves the next step. */
    let activityLogged: string | null = null;

    cancelButton.addEventListener('click', cancel);
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        cancel();
      }
    });
    summary.control.addEventListener('keydown', (event) => {
      const key = event as KeyboardEvent;
      if (key.key === 'Enter' && (key.ctrlKey || key.metaKey)) {
        key.preventDefault();
        form.requestSubmit();
      }
    });

    function showErrors(errors: FieldErrors, fields: Record<string, Field>): string[] {
      for (const [key, f] of Object.entries(fields)) f.setError(errors[key] ?? '');
      const first = Object.keys(fields).find((key) => errors[key]);
      if (first) fields[first]?.control.focus();
      return pageMessages(errors, Object.keys(fields));
    }

    async function submit(): Promise<void> {
      banner.clear();
      const kind = ACTIVITY_TYPES.find((t) => t.value === type.control.value) ?? ACTIVITY_TYPES[0];
      if (activityLogged === null) {
        const result = await runBusy(save, 'Saving…', banner, 'log the activity', () =>
          call('logActivity', customer.id, { type: type.control.value, summary: summary.control.value }),
        );
        if (!result) return;
        if (!result.ok) {
          const messages = showErrors(result.errors, { type, summary });
          if (messages.length > 0) banner.show('error', messages);
          return;
        }
        activityLogged = `${kind?.done ?? 'Activity'} logged`;
        type.control.disabled = true;
        summary.control.disabled = true;
        logged.textContent = `${activityLogged}.`;
      }
      const patch: Record<string, string> = {};
      if (nextStep.control.value !== customer.nextStep) patch.nextStep = nextStep.control.value;
      if (nextStepDue.control.value !== customer.nextStepDue) patch.nextStepDue = nextStepDue.control.value;
      if (Object.keys(patch).length === 0) {
        banner.show('success', `${activityLogged} for ${name}.`);
        void load(customer.id);
        return;
      }
      const saved = await runBusy(save, 'Saving…', banner, 'save the next step', () =>
        call('updateCustomer', customer.id, patch, customer.version),
      );
      if (!saved) {
        // The activity is in History; the banner says why the next step was not saved, Save retries only it.
        logged.textContent = `${activityLogged}. The next step is not saved yet: Save tries again.`;
        return;
      }
      if (saved.ok) {
        const due = saved.customer.nextStepDue ? `, next step due ${formatDay(saved.customer.nextStepDue)}` : '';
        banner.show('success', `${activityLogged} for ${name}${due}.`);
        void load(customer.id);
        return;
      }
      if ('conflict' in saved && saved.conflict) {
        banner.show('warning', [
          `${activityLogged} for ${name}, but someone else changed this customer first, so the next step was not saved.`,
          'The list has been reloaded with their version: check it and set the next step again.',
        ]);
        void load(customer.id);
        return;
      }
      const messages = showErrors(saved.errors ?? {}, { nextStep, nextStepDue });
      logged.textContent = `${activityLogged}. Correct the next step, then Save.`;
      if (messages.length > 0) banner.show('error', messages);
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void submit();
    });

    return { element: form, focus: () => type.control.focus() };
  }

  mine.addEventListener('change', () => void load());
  everyone.addEventListener('change', () => void load());
  refreshButton.addEventListener('click', () => {
    banner.clear();
    void load();
  });
  void load();

  return { element, focus: () => title.focus() };
}
