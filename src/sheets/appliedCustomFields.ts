/**
 * The custom fields as Set up / repair last applied them (their columns, formats and dropdowns), kept in the
 * document properties as the applied staff list is (appliedStaff.ts). A field exists for the API once Set up has
 * given it a column, so the definitions that count are the applied ones, and every call gets them with a
 * Properties read instead of a read of the Settings tab (the speed targets count sheet reads).
 */

import * as z from 'zod/mini';
import { CUSTOM_FIELD_TYPES, type CustomFieldDefinition } from '../domain/customFields';

const APPLIED_CUSTOM_FIELDS_KEY = 'crm.customFields';

const storedSchema = z.array(
  z.object({
    name: z.string(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    choices: z.array(z.string()),
    required: z.boolean(),
  }),
);

/** Called by Set up once the tabs carry a column for each of `definitions`. */
export function saveAppliedCustomFields(definitions: readonly CustomFieldDefinition[]): void {
  PropertiesService.getDocumentProperties().setProperty(APPLIED_CUSTOM_FIELDS_KEY, JSON.stringify(definitions));
}

/** The applied definitions, or null when Set up never stored them (or they were edited into something else). */
export function readAppliedCustomFields(): CustomFieldDefinition[] | null {
  const stored = PropertiesService.getDocumentProperties().getProperty(APPLIED_CUSTOM_FIELDS_KEY);
  return appliedCustomFieldsIn({ [APPLIED_CUSTOM_FIELDS_KEY]: stored });
}

/** As readAppliedCustomFields, from every document property read at once (getProperties: one call for the context). */
export function appliedCustomFieldsIn(
  properties: Readonly<Record<string, string | null | undefined>>,
): CustomFieldDefinition[] | null {
  const stored = properties[APPLIED_CUSTOM_FIELDS_KEY];
  if (stored === null || stored === undefined) return null;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not JSON: the caller reads the Settings tab instead
  }
}
