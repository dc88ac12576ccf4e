/**
 * Checks the options of importCustomers as the sidebar sends them. The mapping is only passed through here:
 * it can be checked only against the Import tab's columns (see mapping.ts).
 */

import * as z from 'zod/mini';
import { checkedField, integerOptionSchema, issue, parseOptions, type Validated } from '../validation';
import type { DuplicateMode } from './types';

export const IMPORT_LIMIT_DEFAULT = 1000;
/** Per batch: 2,000 rows plan and write in well under a minute, far inside the 6-minute execution limit. */
export const IMPORT_LIMIT_MAX = 2000;

const booleanOption = (label: string) =>
  checkedField((raw, ctx): boolean => {
    // null is "not given": google.script.run may send an unset form value as null.
    if (raw === undefined || raw === null) return false;
    if (typeof raw === 'boolean') return raw;
    return issue(ctx, `${label} must be true or false.`);
  });

const duplicatesOption = checkedField((raw, ctx): DuplicateMode => {
  if (raw === undefined || raw === null || raw === '') return 'skip';
  if (raw === 'skip' || raw === 'merge') return raw;
  return issue(ctx, 'Duplicates must be "skip" (leave existing customers alone) or "merge" (fill their empty fields).');
});

export const importOptionsSchema = z.strictObject({
  mapping: z.optional(z.unknown()),
  customMapping: z.optional(z.unknown()),
  dryRun: booleanOption('Dry run'),
  duplicates: duplicatesOption,
  offset: integerOptionSchema('Offset', 0, Number.MAX_SAFE_INTEGER, 0),
  limit: integerOptionSchema('Limit', 1, IMPORT_LIMIT_MAX, IMPORT_LIMIT_DEFAULT),
});

/** Checked options: `mapping` still raw (checked against the tab by prepareImport), the rest with defaults. */
export type ParsedImportOptions = z.output<typeof importOptionsSchema>;

export function parseImportOptions(options: unknown): Validated<ParsedImportOptions> {
  return parseOptions(importOptionsSchema, options);
}
