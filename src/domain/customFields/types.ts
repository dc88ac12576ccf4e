/**
 * Shapes of custom fields (SPEC "Version 2", Custom fields): a definition read from the `Settings` table
 * `Custom field | Type | Choices | Required`, and the values a customer holds for the defined fields.
 */

/** The four types an owner may give a field, as written in Settings' Type column. */
export const CUSTOM_FIELD_TYPES = ['Text', 'Number', 'Date', 'Choice'] as const;

export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** One valid row of the Settings table. */
export interface CustomFieldDefinition {
  /** The field's name, trimmed, as written in Settings: the Customers header, History's Field, the API key. */
  name: string;
  type: CustomFieldType;
  /** Choice only: the choices in the order written, trimmed, each once; [] for the other types. */
  choices: string[];
  required: boolean;
}

/** A custom field's value: Number → number or null, Date → 'YYYY-MM-DD' or '', Text/Choice → string. */
export type CustomValue = string | number | null;

/** `customer.custom`: `{ [field name]: value }` for the fields defined in Settings. */
export type CustomValues = Record<string, CustomValue>;

/**
 * The value `values` holds for `name` as its own property, or undefined (a field added after the customer was
 * saved; never a value inherited from Object.prototype for a field named "constructor" or "toString").
 */
export function ownCustomValue(values: Readonly<CustomValues>, name: string): CustomValue | undefined {
  const own: PropertyDescriptor | undefined = Object.getOwnPropertyDescriptor(values, name);
  return own === undefined ? undefined : (own.value as CustomValue);
}
