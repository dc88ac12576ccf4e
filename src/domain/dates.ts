/** The one test for "this cell value is a date", shared by every reader of cells (domain and sheets). */

/**
 * True for a Date holding a real instant. Realm-agnostic: cell values may come from another JavaScript realm (the
 * local stand-in runs the bundle in a vm, whose Date is another constructor), so the tag is checked, not only
 * instanceof (the common, cheap case). An invalid Date (getValues never returns one) is not a date: its
 * toISOString() would throw.
 */
export function isDate(value: unknown): value is Date {
  if (typeof value !== 'object' || value === null) return false;
  if (!(value instanceof Date) && Object.prototype.toString.call(value) !== '[object Date]') return false;
  return !Number.isNaN((value as Date).getTime());
}
