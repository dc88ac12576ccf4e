/** Tab names (part of the spec contract); each tab's columns are in src/domain/columns.ts. */

export const TAB = {
  customers: 'Customers',
  history: 'History',
  pipeline: 'Pipeline',
  settings: 'Settings',
  import: 'Import',
  snapshots: 'Snapshots',
} as const;
