/**
 * registerCustomer / updateCustomer input with its custom fields: the fixed fields checked by validation.ts, the
 * `custom` object by the schema built from the Settings definitions, every error of both reported at once.
 */

import type { CustomerFields, CustomerPatch, FieldErrors } from '../customer';
import { validateNewCustomer, validatePatch } from '../validation';
import type { CustomFieldDefinition, CustomValues } from './types';
import { validateCustomPatch, validateNewCustomValues } from './validation';

export type NewCustomerInput =
  | { ok: true; value: CustomerFields & { custom: CustomValues }; allowDuplicate: boolean }
  | { ok: false; errors: FieldErrors };

function customOf(input: unknown): unknown {
  return typeof input === 'object' && input !== null ? (input as { custom?: unknown }).custom : undefined;
}

/** A new customer's fields and custom values (absent custom fields at their empty value; required ones checked). */
export function validateNewCustomerInput(
  input: unknown,
  definitions: readonly CustomFieldDefinition[],
): NewCustomerInput {
  const fixed = validateNewCustomer(input);
  const custom = validateNewCustomValues(customOf(input), definitions);
  if (fixed.ok && custom.ok)
    return { ok: true, value: { ...fixed.value, custom: custom.value }, allowDuplicate: fixed.allowDuplicate };
  return { ok: false, errors: { ...(fixed.ok ? {} : fixed.errors), ...(custom.ok ? {} : custom.errors) } };
}

/** An update's patch: the fixed fields present and the custom fields present (none given → no `custom`). */
export function validateCustomerPatch(
  patch: unknown,
  definitions: readonly CustomFieldDefinition[],
): { ok: true; value: CustomerPatch } | { ok: false; errors: FieldErrors } {
  const fixed = validatePatch(patch);
  const custom = validateCustomPatch(customOf(patch), definitions);
  if (fixed.ok && custom.ok) {
    const hasCustom = Object.keys(custom.value).length > 0;
    return { ok: true, value: hasCustom ? { ...fixed.value, custom: custom.value } : fixed.value };
  }
  return { ok: false, errors: { ...(fixed.ok ? {} : fixed.errors), ...(custom.ok ? {} : custom.errors) } };
}
