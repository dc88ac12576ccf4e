/** Errors that end a call with the spec's `{ ok: false, errors }` shape. */

import type { FieldErrors } from '../domain/customer';
import type { Failure } from '../domain/results';
import { NotesTooLongError } from '../domain/history';
import { SchemaError } from '../sheets/schemaError';

/** Thrown to abandon a call with field-level errors; nothing has been written when it is thrown. */
export class CrmFailure extends Error {
  constructor(readonly errors: FieldErrors) {
    super(Object.values(errors).join(' '));
    this.name = 'CrmFailure';
  }
}

export function failure(errors: FieldErrors): Failure {
  return { ok: false, errors };
}

/** Known errors become a Failure; anything else (a bug, a Google outage) propagates to the failure handler. */
export function toFailure(error: unknown): Failure | null {
  if (error instanceof CrmFailure) return failure(error.errors);
  if (error instanceof SchemaError) return failure({ form: error.message });
  if (error instanceof NotesTooLongError) return failure(error.errors);
  return null;
}
