/**
 * Validation of `custom: { … }` (registerCustomer input, updateCustomer patch) against the fields defined in
 * Settings: a zod schema built from the definitions, one rule per type, errors keyed `custom.<field name>` with the
 * field named first as every other message is ("Industry "Mining" is not one of the choices: …").
 * zod/mini: the bundle is being slimmed; the text rules are validation.ts's own checkText, reused as is.
 */

import * as z from 'zod/mini';
import type { FieldErrors } from '../customer';
import { isDay } from '../dates';
import { foldText } from '../text';
import { parseAmount, SIGNED_NUMBER_HINT } from '../amount';
import { checkText, DEAL_VALUE_MAX, formatCount, quote, setFieldError, type Validated } from '../validation';
import { CUSTOM_CHOICE_MAX } from './definitions';
import type { CustomFieldDefinition, CustomValue, CustomValues } from './types';

/** A custom Text field is one line, as Company or Next step are; long prose belongs in Notes. */
export const CUSTOM_TEXT_MAX = 1_000;
/** Above this a spreadsheet cell no longer holds the number exactly (15 significant digits), as for Deal value. */
export const CUSTOM_NUMBER_MAX = DEAL_VALUE_MAX;
/** The error key of a field: `custom.<field name>` (SPEC "Version 2", Custom fields). */
export function customErrorKey(name: string): string {
  return `custom.${name}`;
}

export type CustomValueCheck = { ok: true; value: CustomValue } | { ok: false; message: string };

function isEmpty(value: CustomValue): boolean {
  return value === null || value === '';
}

/**
 * A Number field's value: a number as it is, text read by the CRM's one amount parser (amount.ts) as a signed
 * number ("-3.5", "1,200.50", "1.200,50", "$1,200"; "1.200" refused as ambiguous), then the range both share.
 */
function checkNumber(raw: unknown, label: string): CustomValueCheck {
  let n: number;
  let shown: string;
  if (raw === undefined || raw === null) return { ok: true, value: null };
  if (typeof raw === 'number') {
    n = raw;
    shown = String(raw);
  } else if (typeof raw === 'string') {
    shown = raw.trim();
    const read = parseAmount(raw, { label, negatives: true });
    if (!read.ok) return read;
    if (read.value === null) return { ok: true, value: null };
    n = read.value;
  } else {
    const kind = typeof raw === 'boolean' ? 'a yes/no value' : Array.isArray(raw) ? 'a list' : `an ${typeof raw}`;
    return { ok: false, message: `${label} must be a number (${SIGNED_NUMBER_HINT}), not ${kind}.` };
  }
  if (!Number.isFinite(n)) return { ok: false, message: `${label} must be a finite number: ${SIGNED_NUMBER_HINT}.` };
  if (Math.abs(n) > CUSTOM_NUMBER_MAX) {
    return {
      ok: false,
      message: `${label} ${shown} is too large: the limit is ${formatCount(CUSTOM_NUMBER_MAX)} either side of 0.`,
    };
  }
  return { ok: true, value: n === 0 ? 0 : n }; // turns -0 into 0
}

/**
 * One value for one field by its type alone (absent/blank → the empty value; Required is not applied): also how a
 * value logged in History or read from a hand-typed cell is read back.
 */
export function checkCustomType(raw: unknown, definition: CustomFieldDefinition): CustomValueCheck {
  const label = definition.name;
  switch (definition.type) {
    case 'Number':
      return checkNumber(raw, label);
    case 'Text': {
      const checked = checkText(raw, { label, max: CUSTOM_TEXT_MAX, textOnly: true });
      return checked.ok ? checked : { ok: false, message: checked.message };
    }
    case 'Date': {
      const checked = checkText(raw, { label, max: 10, textOnly: true });
      if (!checked.ok || checked.value === '' || isDay(checked.value)) return checked;
      return {
        ok: false,
        message: `${label} ${quote(checked.value)} is not a date: use YYYY-MM-DD, such as 2026-03-31, or leave it empty.`,
      };
    }
    case 'Choice': {
      const checked = checkText(raw, { label, max: CUSTOM_CHOICE_MAX, textOnly: true });
      if (!checked.ok || checked.value === '') return checked;
      const wanted = foldText(checked.value);
      const choice = definition.choices.find((c) => foldText(c) === wanted);
      if (choice !== undefined) return { ok: true, value: choice }; // stored as the definition spells it
      return {
        ok: false,
        message: `${label} ${quote(checked.value)} is not one of the choices: ${definition.choices.join(', ')}.`,
      };
    }
  }
}

/**
 * The value of `raw` for `definition`, normalised (Number → number or null, Date → 'YYYY-MM-DD' or '',
 * Text/Choice → trimmed string, a Choice as the definition spells it), or a message naming the field. A required
 * field left empty is refused. For every path that takes a custom value (the API, import, a hand edit).
 */
export function checkCustomValue(raw: unknown, definition: CustomFieldDefinition): CustomValueCheck {
  const checked = checkCustomType(raw, definition);
  if (checked.ok && definition.required && isEmpty(checked.value)) {
    return { ok: false, message: `${definition.name} is required.` };
  }
  return checked;
}

/** The value a field has when nothing was given: null for Number, '' for the others. */
export function emptyCustomValue(definition: CustomFieldDefinition): CustomValue {
  return definition.type === 'Number' ? null : '';
}

/** Every defined field at its empty value: what a customer registered before the field existed holds. */
export function blankCustomValues(definitions: readonly CustomFieldDefinition[]): CustomValues {
  const values: CustomValues = {};
  for (const d of definitions) values[d.name] = emptyCustomValue(d);
  return values;
}

function customValueSchema(definition: CustomFieldDefinition) {
  return z.pipe(
    z.unknown(),
    z.transform((raw, ctx): CustomValue => {
      const checked = checkCustomValue(raw, definition);
      if (checked.ok) return checked.value;
      ctx.issues.push({ code: 'custom', message: checked.message, input: raw });
      return z.NEVER;
    }),
  );
}

/**
 * The schema of `custom` for these definitions: strict (an unknown field is refused, not dropped). For register
 * every field runs (absent → its empty value, or "is required"); for a patch only the fields present.
 */
export function customValuesSchema(definitions: readonly CustomFieldDefinition[], mode: 'register' | 'patch') {
  const shape: Record<string, z.ZodMiniType<CustomValue, unknown> | z.ZodMiniOptional<z.ZodMiniType<CustomValue>>> = {};
  for (const d of definitions) {
    const schema = customValueSchema(d);
    shape[d.name] = mode === 'register' ? schema : z.optional(schema);
  }
  return z.strictObject(shape);
}

type CustomValuesSchema = ReturnType<typeof customValuesSchema>;

/**
 * Schemas built once per definitions array (one Settings read per call; an import validates thousands of rows
 * against it): building one costs more than running it. Keyed weakly, so nothing outlives the call's settings.
 */
const schemas = new WeakMap<
  readonly CustomFieldDefinition[],
  Partial<Record<'register' | 'patch', CustomValuesSchema>>
>();

function schemaFor(definitions: readonly CustomFieldDefinition[], mode: 'register' | 'patch'): CustomValuesSchema {
  let built = schemas.get(definitions);
  if (built === undefined) {
    built = {};
    schemas.set(definitions, built);
  }
  let schema = built[mode];
  if (schema === undefined) {
    schema = customValuesSchema(definitions, mode);
    built[mode] = schema;
  }
  return schema;
}

/**
 * Own enumerable keys only, into an object without a prototype: `constructor` or `__proto__` sent by a client is a
 * key like any other (refused as unknown), and a field named like an Object method is never read off the prototype.
 */
function ownEntries(raw: object): Record<string, unknown> {
  const own = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(raw)) own[key] = (raw as Record<string, unknown>)[key];
  return own;
}

function validate(
  raw: unknown,
  definitions: readonly CustomFieldDefinition[],
  mode: 'register' | 'patch',
): Validated<CustomValues> {
  const given: unknown = raw ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    return {
      ok: false,
      errors: { custom: 'Custom fields must be an object of field name and value, such as { "Industry": "Retail" }.' },
    };
  }
  const own = ownEntries(given);
  // Register: an absent field runs its rule as `undefined` (→ its empty value, or "is required"); zod reports an
  // absent key of a non-optional schema as missing instead, so each one is made present.
  if (mode === 'register') for (const d of definitions) if (!(d.name in own)) own[d.name] = undefined;
  const parsed = schemaFor(definitions, mode).safeParse(own);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    const names = definitions.map((d) => d.name).join(', ');
    for (const found of parsed.error.issues) {
      if (found.code === 'unrecognized_keys') {
        for (const key of found.keys) {
          const known = names === '' ? 'no custom fields are defined in Settings' : `the custom fields are ${names}`;
          setFieldError(errors, customErrorKey(key), `${quote(key)} is not a custom field: ${known}.`);
        }
      } else {
        const key = found.path[0];
        setFieldError(errors, key === undefined ? 'custom' : customErrorKey(String(key)), found.message);
      }
    }
    return { ok: false, errors };
  }
  const value: CustomValues = {};
  for (const d of definitions) {
    const v = parsed.data[d.name];
    if (v !== undefined) value[d.name] = v;
  }
  return { ok: true, value };
}

/** `custom` of registerCustomer: every defined field, absent ones at their empty value. */
export function validateNewCustomValues(
  raw: unknown,
  definitions: readonly CustomFieldDefinition[],
): Validated<CustomValues> {
  return validate(raw, definitions, 'register');
}

/** `custom` of an updateCustomer patch: only the fields present (absent `custom` → nothing to change). */
export function validateCustomPatch(
  raw: unknown,
  definitions: readonly CustomFieldDefinition[],
): Validated<CustomValues> {
  return validate(raw, definitions, 'patch');
}
