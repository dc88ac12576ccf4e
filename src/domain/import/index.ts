/** The import from old spreadsheets: pure mapping, reading, planning and write-building (see plan.ts). */

export { headerKey, proposeMapping, emptyMapping } from './headers';
export { validateMapping, describeColumn } from './mapping';
export { readImportStatus, STATUS_SYNONYMS } from './statusSynonyms';
export { cellText, readAmount, isoDateText, tidyEmail, oneLine } from './values';
export type { ImportCell, DateFormatter, AmountRead } from './values';
export { locateImportSheet, prepareImport, sampleRows, isBlankRow, EMPTY_IMPORT_MESSAGE } from './sheet';
export type { ImportSheet, ImportGrid } from './sheet';
export { planImport, readImportRow, DEFAULT_IMPORT_SOURCE, MAX_MERGED_CUSTOMERS_PER_BATCH } from './plan';
export type { PlanOptions } from './plan';
export { parseImportOptions, IMPORT_LIMIT_DEFAULT, IMPORT_LIMIT_MAX } from './options';
export type { ParsedImportOptions } from './options';
export { buildImportWrites, importResult } from './writes';
export { assignImportOwners } from './owners';
export type { ImportWrites, ImportUpdate } from './writes';
export * from './types';
export { customImportColumns, readCustomCells, validateCustomMapping } from './customColumns';
export type { CustomColumn } from './customColumns';
