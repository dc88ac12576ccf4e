/**
 * Reading the server's non-ok results: field errors, and the page-level messages (errors.form,
 * errors.access, or any key that is not a field of the form at hand) that belong in the banner.
 */

import type { FieldErrors } from '../../src/domain/customer';

/** The `errors` of a `{ ok: false, ... }` result, `null` for any other result. */
export function errorsOf(result: unknown): FieldErrors | null {
  if (typeof result !== 'object' || result === null) return null;
  const r = result as { ok?: unknown; errors?: unknown };
  if (r.ok !== false) return null;
  return typeof r.errors === 'object' && r.errors !== null ? (r.errors as FieldErrors) : {};
}

/** Messages of `errors` whose key is not one of `fields` (form, access, ...), in a stable order. */
export function pageMessages(errors: FieldErrors, fields: readonly string[] = []): string[] {
  const order = (key: string): number => (key === 'access' ? 0 : key === 'form' ? 1 : 2);
  return Object.keys(errors)
    .filter((key) => !fields.includes(key))
    .sort((a, b) => order(a) - order(b))
    .map((key) => errors[key] ?? '')
    .filter((message) => message !== '');
}
