/** A tab is missing or its columns were changed by hand: no write may happen until Set up / repair. */

export const REPAIR_HINT = 'Run CRM ▸ Set up / repair.';

export class SchemaError extends Error {
  constructor(message: string) {
    super(`${message} ${REPAIR_HINT}`);
    this.name = 'SchemaError';
  }
}
