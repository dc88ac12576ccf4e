/**
 * Typing the fakes against Google's own declarations (@types/google-apps-script): a fake declares
 *   class RangeFake implements GasSurface<GoogleAppsScript.Spreadsheet.Range, 'getValues' | 'setValues' | …>
 * for the methods it offers, so a method Google renamed or dropped, a result of another plain type (string,
 * number, boolean, Date, arrays of them), or a fake that needs more arguments than Google's method takes, is a
 * compile error. What the check lets through, on purpose:
 * - arguments are `unknown` in the fakes: they check them at run time with Apps Script's texts (the bundle is
 *   untyped JavaScript and the tests pass wrong ones), and `unknown` takes whatever Google declares;
 * - an Apps Script object in a result (a Range, a Protection) only has to be an object, or null: the fakes return
 *   each other, and each offers only part of Google's interface; the declarations leave out some nulls the
 *   reference documents (getDocumentLock(), getDocumentProperties() outside a container);
 * - methods named in E return an Apps Script enum: numbers in the types (ambient enums, not told apart from
 *   `number`), objects in Apps Script and in the fakes — checked as objects;
 * - of overloaded methods TypeScript matches the last overload.
 * An enum a fake exposes (SpreadsheetApp.ProtectionType, Ui.ButtonSet, Charts.ChartType…) is a GasEnum of Google's:
 * makeEnum (spreadsheet/enums.ts) takes only Google's key names, and a GasEnum needs all of them.
 */
import type { EnumValue } from './spreadsheet/enums';

export type GasEnum<E extends object> = { readonly [K in keyof E]: EnumValue };

// biome-ignore lint/suspicious/noConfusingVoidType: Google's types declare `void` returns; this mirrors them.
type Plain<R> = R extends string | number | boolean | null | undefined | void | Date
  ? R
  : R extends readonly (infer I)[]
    ? Plain<I>[]
    : object | null;

export type GasSurface<T, K extends keyof T, E extends K = never> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: A) => P extends E ? object : Plain<R> : never;
};
