/** listCustomFields: the custom fields Set up applied, as the sidebar's forms show them (one control per field). */

import { type CustomFormField, customFormFields } from '../domain/customFields';
import type { Failure } from '../domain/results';
import { handleRead } from './guard';

export function listCustomFields(): { fields: CustomFormField[] } | Failure {
  return handleRead((ctx) => ({ fields: customFormFields(ctx.customFields) }));
}
