/**
 * Validation and normalisation of everything a user sends to the write API: register input, update patches,
 * status changes, IDs, versions and list/search options. Zod schemas do the checking; every failure becomes a
 * field-keyed sentence a sales rep can act on, field named first ("Email "bob@" is not a valid e-mail address.").
 * Nothing here is silently truncated or rewritten beyond trimming, e-mail lowercasing and deal-value parsing.
 * `zod/mini` (functions, not methods): Apps Script parses the whole bundle on every call, and classic zod's
 * method-per-schema classes kept ~100 KB of it that tree-shaking cannot drop.
 */

import * as z from 'zod/mini';
import { CUSTOMER_COLUMNS } from './columns';
import {
  CUSTOMER_KEYS,
  EDITABLE_KEYS,
  type CustomerFields,
  type CustomerKey,
  type EditableKey,
  type FieldErrors,
} from './customer';
import { isDay } from './dates';
import { AMOUNT_HINT, parseAmount } from './amount';
import { DEFAULT_STATUS, parseStatus, STATUS_LIST_TEXT, type Status } from './statuses';
import { phoneDigits } from './text';

// ---------------------------------------------------------------------------------------------- limits

export const NAME_MAX = 200;
export const COMPANY_MAX = 200;
export const EMAIL_MAX = 254;
export const PHONE_MAX = 40;
export const PHONE_MIN_DIGITS = 6;
export const OWNER_MAX = 254;
export const SOURCE_MAX = 100;
export const NOTES_MAX = 10_000;
export const NEXT_STEP_MAX = 500;
export const ACTIVITY_SUMMARY_MAX = 2_000;
/** Above this a spreadsheet cell no longer holds the amount exactly (15 significant digits). */
export const DEAL_VALUE_MAX = 999_999_999_999_999;
/** How much of the user's own text is echoed back inside a message. */
const ECHO_MAX = 40;

// ---------------------------------------------------------------------------------------------- results

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export type NewCustomerResult =
  | { ok: true; value: CustomerFields; allowDuplicate: boolean }
  | { ok: false; errors: FieldErrors };

export type StatusChangeResult =
  | { ok: true; status: Status; note: string; lostReason: string | undefined }
  | { ok: false; errors: FieldErrors };

/**
 * Sets an error as an own property even for keys such as "__proto__", which a plain assignment would turn
 * into a prototype change (a hostile patch key must still get its message, not vanish).
 */
export function setFieldError(errors: FieldErrors, key: string, message: string): void {
  if (Object.getOwnPropertyDescriptor(errors, key) !== undefined) return; // first message per field wins
  Object.defineProperty(errors, key, { value: message, enumerable: true, writable: true, configurable: true });
}

// ---------------------------------------------------------------------------------------------- message helpers

/** The column header of a customer key ("dealValue" → "Deal value"): the name reps see in the sheet. */
export function fieldLabel(key: CustomerKey): string {
  // `?.`: callers pass keys that came from outside (an unknown key is named as sent).
  return CUSTOMER_COLUMNS.of[key]?.header ?? key;
}

/** Thousands separators without Intl, so messages are identical in Node and Apps Script. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * User text quoted for a message: control characters shown as spaces, cut to ~40 characters with "…" so a
 * 50,000-character paste does not become a 50,000-character message. Never splits an emoji's surrogate pair.
 */
export function quote(text: string): string {
  let shown = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  if (shown.length > ECHO_MAX) {
    let cut = ECHO_MAX;
    const last = shown.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
    shown = `${shown.slice(0, cut)}…`;
  }
  return `"${shown}"`;
}

/** "a list", "an object", ... for "must be text, not X" messages. */
function describeKind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'boolean') return 'a yes/no value';
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : 'a number that is not finite';
  if (typeof value === 'bigint') return 'a number';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  return 'an object';
}

/** What a check gets besides the value: zod's parse payload, where issue() adds its message. */
export type CheckContext = z.core.ParsePayload<unknown>;

/** Adds `message` as the field's error and returns zod's NEVER (the check's result is then discarded). */
export function issue(ctx: CheckContext, message: string): typeof z.NEVER {
  ctx.issues.push({ code: 'custom', message, input: ctx.value });
  return z.NEVER;
}

/** A field of any type (the key may be absent) that `check` validates and converts (zod/mini's pipe). */
export function checkedField<T>(check: (raw: unknown, ctx: CheckContext) => T) {
  return z.pipe(z.optional(z.unknown()), z.transform(check));
}

/** As checkedField, for a value that must be given (absent reaches `check` as undefined all the same). */
export function checkedValue<T>(check: (raw: unknown, ctx: CheckContext) => T) {
  return z.pipe(z.unknown(), z.transform(check));
}

// ---------------------------------------------------------------------------------------------- text fields

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
/** Notes may keep line breaks and tabs; every other control character is still refused. */
const CONTROL_CHARS_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f]/;

interface TextRule {
  label: string;
  max: number;
  required?: boolean;
  multiline?: boolean;
  /**
   * Only strings are text. Customer fields set it: a number sent for a name or a phone is a client bug (the
   * sidebar sends strings), and storing its String() hides the bug. Filters and the search query leave it off.
   */
  textOnly?: boolean;
}

type TextCheck = { ok: true; value: string } | { ok: false; message: string };

/**
 * The one rule for every free-text field: absent → '', numbers → their text unless `textOnly` (customer fields
 * refuse them), anything else that is not a string refused; CRLF → LF in multi-line fields; trimmed; control characters
 * refused (the sheet would keep them invisibly); over-long text refused with the limit, never cut.
 * Emoji, accents, right-to-left text and a leading = + - @ are kept exactly (the sheet layer stores them as text).
 */
export function checkText(raw: unknown, rule: TextRule): TextCheck {
  let text: string;
  if (raw === undefined || raw === null) text = '';
  else if (typeof raw === 'string') text = raw;
  else if (!rule.textOnly && ((typeof raw === 'number' && Number.isFinite(raw)) || typeof raw === 'bigint'))
    text = String(raw);
  else return { ok: false, message: `${rule.label} must be text, not ${describeKind(raw)}.` };

  if (rule.multiline) text = text.replace(/\r\n?/g, '\n');
  text = text.trim();

  if (text === '') {
    return rule.required ? { ok: false, message: `${rule.label} is required.` } : { ok: true, value: '' };
  }
  if (text.length > rule.max) {
    return {
      ok: false,
      message: `${rule.label} is too long: ${formatCount(text.length)} characters, the limit is ${formatCount(rule.max)}.`,
    };
  }
  const control = (rule.multiline ? CONTROL_CHARS_MULTILINE : CONTROL_CHARS).exec(text);
  if (control) {
    const ch = control[0];
    if (!rule.multiline && (ch === '\n' || ch === '\r' || ch === '\t')) {
      return { ok: false, message: `${rule.label} must fit on one line: remove the line breaks and tabs.` };
    }
    const code = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return {
      ok: false,
      message: `${rule.label} contains an invisible control character (U+${code}) that cannot be stored: remove it.`,
    };
  }
  return { ok: true, value: text };
}

function textSchema(rule: TextRule, after?: (text: string, ctx: CheckContext) => string) {
  return checkedField((raw, ctx) => {
    const checked = checkText(raw, rule);
    if (!checked.ok) return issue(ctx, checked.message);
    return after && checked.value !== '' ? after(checked.value, ctx) : checked.value;
  });
}

/**
 * Practical e-mail shape: a local part without spaces, quotes or brackets (no leading/trailing/double dot), an @,
 * and a domain of at least two dot-separated labels whose last is 2+ letters (or an xn-- IDN label).
 * Letters beyond ASCII are allowed because real addresses use them.
 */
export const EMAIL_PATTERN =
  /^(?!\.)(?!.*\.\.)[^\s@"(),:;<>[\]\\]+(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u;

export function isValidEmail(text: string): boolean {
  return text.length <= EMAIL_MAX && EMAIL_PATTERN.test(text);
}

/** Digits, spaces and + ( ) - . / with an optional extension at the end ("x12", "ext. 12"). */
const PHONE_PATTERN = /^[0-9\s+()./-]+(?:(?:x|ext\.?|extension)\s*[0-9]+)?$/i;

export const nameSchema = textSchema({ label: 'Name', max: NAME_MAX, textOnly: true, required: true });
export const companySchema = textSchema({ label: 'Company', max: COMPANY_MAX, textOnly: true });
export const emailSchema = textSchema({ label: 'Email', max: EMAIL_MAX, textOnly: true }, (text, ctx) => {
  const email = text.toLowerCase();
  return isValidEmail(email) ? email : issue(ctx, `Email ${quote(text)} is not a valid e-mail address.`);
});
export const phoneSchema = textSchema({ label: 'Phone', max: PHONE_MAX, textOnly: true }, (text, ctx) => {
  if (!PHONE_PATTERN.test(text)) {
    return issue(
      ctx,
      `Phone ${quote(text)} can only contain digits, spaces and + ( ) - . / (and an extension such as "x12").`,
    );
  }
  if (phoneDigits(text).length < PHONE_MIN_DIGITS) {
    return issue(ctx, `Phone ${quote(text)} is too short: a phone number needs at least ${PHONE_MIN_DIGITS} digits.`);
  }
  return text;
});
export const ownerSchema = textSchema({ label: 'Owner', max: OWNER_MAX, textOnly: true });
export const sourceSchema = textSchema({ label: 'Source', max: SOURCE_MAX, textOnly: true });
export const notesSchema = textSchema({ label: 'Notes', max: NOTES_MAX, textOnly: true, multiline: true });
export const nextStepSchema = textSchema({ label: 'Next step', max: NEXT_STEP_MAX, textOnly: true });
/** 'YYYY-MM-DD' of a real calendar day, or '' (no follow-up planned). */
export const nextStepDueSchema = textSchema({ label: 'Next step due', max: 10, textOnly: true }, (text, ctx) =>
  isDay(text)
    ? text
    : issue(ctx, `Next step due ${quote(text)} is not a date: use YYYY-MM-DD, such as 2026-03-31, or leave it empty.`),
);
/**
 * Lost reason as text; whether it is needed and which reasons exist (the Settings list) is checked against the
 * status in the domain rule, not here.
 */
export const lostReasonSchema = textSchema({ label: 'Lost reason', max: 100, textOnly: true });
/** A note added with a status change: same rules as Notes. */
export const noteSchema = textSchema({ label: 'Note', max: NOTES_MAX, textOnly: true, multiline: true });

// ---------------------------------------------------------------------------------------------- status

function statusMessage(raw: unknown, label = 'Status'): string {
  if (typeof raw === 'string') {
    return `${label} ${quote(raw.trim())} is not a pipeline stage. Use one of: ${STATUS_LIST_TEXT}.`;
  }
  return `${label} must be one of: ${STATUS_LIST_TEXT}.`;
}

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** Status on a new customer: blank means the default stage (Lead). */
export const newStatusSchema = checkedField((raw, ctx): Status => {
  if (isBlank(raw)) return DEFAULT_STATUS;
  return parseStatus(raw) ?? issue(ctx, statusMessage(raw));
});

/** Status in a patch or status change: must be given and valid. */
export const requiredStatusSchema = checkedField((raw, ctx): Status => {
  if (isBlank(raw)) return issue(ctx, `Status cannot be blank. Use one of: ${STATUS_LIST_TEXT}.`);
  return parseStatus(raw) ?? issue(ctx, statusMessage(raw));
});

// ---------------------------------------------------------------------------------------------- deal value

function checkAmount(n: number, shown: string, ctx: CheckContext): number | typeof z.NEVER {
  if (!Number.isFinite(n)) return issue(ctx, `Deal value must be a finite amount: ${AMOUNT_HINT}.`);
  if (n < 0) return issue(ctx, `Deal value cannot be negative (${shown}).`);
  if (n > DEAL_VALUE_MAX) {
    return issue(ctx, `Deal value ${shown} is too large: the maximum is ${formatCount(DEAL_VALUE_MAX)}.`);
  }
  return n === 0 ? 0 : n; // turns -0 into 0
}

/** Text goes through the CRM's one amount parser (amount.ts: "$15,000", "15.000,50 €"), as in the import. */
export const dealValueSchema = checkedField((raw, ctx): number | null => {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number') return checkAmount(raw, String(raw), ctx);
  if (typeof raw === 'string') {
    const read = parseAmount(raw);
    if (!read.ok) return issue(ctx, read.message);
    return read.value === null ? null : checkAmount(read.value, quote(raw.trim()), ctx);
  }
  return issue(ctx, `Deal value must be an amount (${AMOUNT_HINT}), not ${describeKind(raw)}.`);
});

// ---------------------------------------------------------------------------------------------- objects

export const allowDuplicateSchema = checkedField((raw, ctx): boolean => {
  // null is treated as "not given": google.script.run may turn an unset form value into null.
  if (raw === undefined || raw === null) return false;
  if (typeof raw === 'boolean') return raw;
  return issue(ctx, 'Allow duplicate must be true or false.');
});

/** The schema of each editable field as a new customer sees it (blank → default). */
export const customerFieldSchemas = {
  name: nameSchema,
  company: companySchema,
  email: emailSchema,
  phone: phoneSchema,
  status: newStatusSchema,
  dealValue: dealValueSchema,
  owner: ownerSchema,
  source: sourceSchema,
  notes: notesSchema,
  nextStep: nextStepSchema,
  nextStepDue: nextStepDueSchema,
  lostReason: lostReasonSchema,
} as const;

/** registerCustomer input. Keys outside CustomerInput are refused rather than silently dropped. */
export const newCustomerSchema = z.strictObject({
  ...customerFieldSchemas,
  // Checked against the Settings definitions by src/domain/customFields/input.ts (this file knows no definitions).
  custom: z.optional(z.unknown()),
  allowDuplicate: allowDuplicateSchema,
});

/**
 * updateCustomer patch: only the keys present are checked; a present status must be valid (blank is not
 * "back to Lead"). `allowDuplicate` is accepted (the sidebar sends the same input shape) and then ignored.
 */
export const patchSchema = z.strictObject({
  name: z.optional(nameSchema),
  company: z.optional(companySchema),
  email: z.optional(emailSchema),
  phone: z.optional(phoneSchema),
  status: z.optional(requiredStatusSchema),
  dealValue: z.optional(dealValueSchema),
  owner: z.optional(ownerSchema),
  source: z.optional(sourceSchema),
  notes: z.optional(notesSchema),
  nextStep: z.optional(nextStepSchema),
  nextStepDue: z.optional(nextStepDueSchema),
  lostReason: z.optional(lostReasonSchema),
  custom: z.optional(z.unknown()),
  allowDuplicate: z.optional(allowDuplicateSchema),
});

const EDITABLE_LIST_TEXT = EDITABLE_KEYS.join(', ');

function unknownKeyMessage(key: string, what: 'customer' | 'option', allowed: string): string {
  if (what === 'customer' && (CUSTOMER_KEYS as readonly string[]).includes(key)) {
    return `${fieldLabel(key as CustomerKey)} cannot be changed: the CRM sets it.`;
  }
  const noun = what === 'customer' ? 'a customer field' : 'a supported option';
  return `${quote(key)} is not ${noun}. Use: ${allowed}.`;
}

interface IssueMapping {
  /** Error key when the whole input is not an object. */
  rootKey: string;
  rootMessage: string;
  what: 'customer' | 'option';
  allowed: string;
}

/** Zod issues → FieldErrors keyed by the input field (first issue per field). */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], mapping: IssueMapping): FieldErrors {
  const errors: FieldErrors = {};
  for (const found of issues) {
    if (found.code === 'unrecognized_keys') {
      for (const key of found.keys) setFieldError(errors, key, unknownKeyMessage(key, mapping.what, mapping.allowed));
      continue;
    }
    const key = found.path[0];
    if (key === undefined) setFieldError(errors, mapping.rootKey, mapping.rootMessage);
    else setFieldError(errors, String(key), found.message);
  }
  return errors;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateNewCustomer(input: unknown): NewCustomerResult {
  const parsed = newCustomerSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: issuesToErrors(parsed.error.issues, {
        rootKey: 'input',
        rootMessage: 'The customer details are missing or not in the expected form.',
        what: 'customer',
        allowed: EDITABLE_LIST_TEXT,
      }),
    };
  }
  const { allowDuplicate, custom: _custom, ...value } = parsed.data;
  return { ok: true, value, allowDuplicate };
}

export function validatePatch(patch: unknown): Validated<Partial<CustomerFields>> {
  const mapping: IssueMapping = {
    rootKey: 'patch',
    rootMessage: 'The changes are missing or not in the expected form.',
    what: 'customer',
    allowed: EDITABLE_LIST_TEXT,
  };
  const customGiven = isPlainRecord(patch) && isPlainRecord(patch.custom) && Object.keys(patch.custom).length > 0;
  if (isPlainRecord(patch) && !customGiven && !EDITABLE_KEYS.some((key) => patch[key] !== undefined)) {
    // Unknown keys still get their own message; with none, say there is nothing to change.
    const parsed = patchSchema.safeParse(patch);
    const errors = parsed.success ? {} : issuesToErrors(parsed.error.issues, mapping);
    setFieldError(errors, 'patch', `Nothing to change: give at least one of ${EDITABLE_LIST_TEXT}.`);
    return { ok: false, errors };
  }
  const parsed = patchSchema.safeParse(patch);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues, mapping) };
  const value: Partial<CustomerFields> = {};
  for (const key of EDITABLE_KEYS) {
    const v = parsed.data[key];
    if (v !== undefined) (value as Record<EditableKey, unknown>)[key] = v;
  }
  return { ok: true, value };
}

export const statusChangeSchema = z.object({
  status: requiredStatusSchema,
  note: noteSchema,
  lostReason: z.optional(lostReasonSchema),
});

export function validateStatusChange(status: unknown, note: unknown, lostReason?: unknown): StatusChangeResult {
  const parsed = statusChangeSchema.safeParse({ status, note, lostReason });
  if (!parsed.success) {
    return {
      ok: false,
      errors: issuesToErrors(parsed.error.issues, {
        rootKey: 'status',
        rootMessage: statusMessage(status),
        what: 'customer',
        allowed: 'status, note, lostReason',
      }),
    };
  }
  return { ok: true, status: parsed.data.status, note: parsed.data.note, lostReason: parsed.data.lostReason };
}

// ---------------------------------------------------------------------------------------------- id, version

const ID_SHAPE = /^C-\d{1,15}$/i;

export const idSchema = checkedValue((raw, ctx): string => {
  if (isBlank(raw)) return issue(ctx, 'Customer ID is missing: open the customer again from the search.');
  if (typeof raw !== 'string' || !ID_SHAPE.test(raw.trim())) {
    const shown = typeof raw === 'string' ? ` ${quote(raw.trim())}` : '';
    return issue(ctx, `Customer ID${shown} is not valid: IDs look like C-00042.`);
  }
  return raw.trim().toUpperCase();
});

export function validateId(id: unknown): Validated<string> {
  const parsed = idSchema.safeParse(id);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: { id: parsed.error.issues[0]?.message ?? 'Customer ID is not valid.' } };
}

export const expectedVersionSchema = checkedValue((raw, ctx): number => {
  const reload = 'reload the customer and try again.';
  if (isBlank(raw)) return issue(ctx, `Expected version is missing: ${reload}`);
  let n = Number.NaN;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)) n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) {
    return issue(ctx, `Expected version must be a whole number such as 3: ${reload}`);
  }
  return n;
});

export function validateExpectedVersion(v: unknown): Validated<number> {
  const parsed = expectedVersionSchema.safeParse(v);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: { expectedVersion: parsed.error.issues[0]?.message ?? 'Expected version is not valid.' },
  };
}

// ---------------------------------------------------------------------------------------------- list/search options

/** Status filter: blank means "any stage". */
export const statusFilterSchema = checkedField((raw, ctx): Status | null => {
  if (isBlank(raw)) return null;
  return parseStatus(raw) ?? issue(ctx, statusMessage(raw, 'Status filter'));
});

/** Owner filter: blank means "anyone"; compared case-insensitively, so normalised here. */
export const ownerFilterSchema = checkedField((raw, ctx): string | null => {
  const checked = checkText(raw, { label: 'Owner filter', max: OWNER_MAX });
  if (!checked.ok) return issue(ctx, checked.message);
  return checked.value === '' ? null : checked.value.toLowerCase();
});

/** A whole-number option (limit, offset) within [min, max]; numeric strings from form fields are accepted. */
export function integerOptionSchema(label: string, min: number, max: number, fallback: number) {
  return checkedField((raw, ctx): number => {
    if (isBlank(raw)) return fallback;
    let n = Number.NaN;
    if (typeof raw === 'number') n = raw;
    else if (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)) n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      const upper =
        max === Number.MAX_SAFE_INTEGER ? `${formatCount(min)} or more` : `from ${min} to ${formatCount(max)}`;
      return issue(ctx, `${label} must be a whole number ${upper}.`);
    }
    return n;
  });
}

/** Runs an options schema: absent options mean defaults; unknown keys and bad values become field errors. */
export function parseOptions<S extends z.ZodMiniType>(schema: S, options: unknown): Validated<z.output<S>> {
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const allowed = schema instanceof z.ZodMiniObject ? Object.keys(schema.shape).join(', ') : '';
  return {
    ok: false,
    errors: issuesToErrors(parsed.error.issues, {
      rootKey: 'options',
      rootMessage: 'Options must be an object such as { "status": "Lead", "limit": 20 }.',
      what: 'option',
      allowed,
    }),
  };
}
