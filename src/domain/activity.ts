/**
 * logActivity's input (SPEC "Follow-ups and activities"): a call, meeting, e-mail or note with a summary and when it
 * happened. Checked here, errors keyed `type`, `summary`, `at`; the event is one History row that changes no field.
 */

import * as z from 'zod/mini';
import { ACTIVITY_TYPES, type ActivityType, type FieldErrors, type HistoryEvent } from './customer';
import { dateTimeText, parseDateTime } from './dates';
import {
  ACTIVITY_SUMMARY_MAX,
  checkText,
  checkedField,
  checkedValue,
  issue,
  issuesToErrors,
  quote,
} from './validation';

export interface Activity {
  type: ActivityType;
  summary: string;
  /** When it happened, ISO-8601 (the call's time when not given). */
  at: string;
}

const TYPE_LIST = ACTIVITY_TYPES.join(', ');

function activitySchema(nowMs: number) {
  return z.strictObject({
    type: checkedValue((raw, ctx): ActivityType => {
      const text = typeof raw === 'string' ? raw.trim().toLowerCase() : null;
      const found = ACTIVITY_TYPES.find((type) => type === text);
      if (found) return found;
      const shown = typeof raw === 'string' ? ` ${quote(raw.trim())} is not one.` : '';
      return issue(ctx, `Type must be one of: ${TYPE_LIST}.${shown}`);
    }),
    summary: checkedValue((raw, ctx): string => {
      const checked = checkText(raw, {
        label: 'Summary',
        max: ACTIVITY_SUMMARY_MAX,
        required: true,
        multiline: true,
        textOnly: true,
      });
      return checked.ok ? checked.value : issue(ctx, checked.message);
    }),
    at: checkedField((raw, ctx): string => {
      if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
        return dateTimeText(nowMs);
      }
      if (typeof raw !== 'string') return issue(ctx, 'At must be a date-time such as 2026-03-02T09:30:00Z.');
      const ms = parseDateTime(raw.trim());
      if (ms === null) {
        return issue(ctx, `At ${quote(raw.trim())} is not a date-time: use ISO-8601, such as 2026-03-02T09:30:00Z.`);
      }
      if (ms > nowMs) return issue(ctx, `At ${quote(raw.trim())} is in the future: log an activity once it happened.`);
      return dateTimeText(ms);
    }),
  });
}

export type ActivityCheck = { ok: true; value: Activity } | { ok: false; errors: FieldErrors };

/** The activity as it will be logged, or field errors keyed type, summary, at (and `activity` for a non-object). */
export function validateActivity(input: unknown, nowMs: number): ActivityCheck {
  const parsed = activitySchema(nowMs).safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: issuesToErrors(parsed.error.issues, {
      rootKey: 'activity',
      rootMessage: 'The activity must be an object such as { "type": "call", "summary": "Asked for a quote" }.',
      what: 'option',
      allowed: 'type, summary, at',
    }),
  };
}

/** The one History row of an activity: Action = type, Field and From empty, To = summary, At = when it happened. */
export function activityEvent(customerId: string, activity: Activity, by: string): HistoryEvent {
  return { at: activity.at, customerId, action: activity.type, field: '', from: '', to: activity.summary, by };
}
