/** Custom fields (SPEC "Version 2"): definitions from Settings, their Customers columns, validation, History, group-by. */

export {
  CUSTOM_FIELD_COLUMNS,
  CUSTOM_FIELD_HEADERS,
  CUSTOM_FIELD_NAME_MAX,
  CUSTOM_FIELDS_MAX,
  CUSTOM_CHOICE_MAX,
  customFieldsFromGrid,
  parseCustomFieldType,
} from './definitions';
export type { CustomFieldsOptions, CustomFieldsRead } from './definitions';
export {
  CUSTOM_FIELD_KINDS,
  customColumnsLayout,
  customerColumnsFor,
  customFieldKey,
  customFieldSpec,
  searchedCustomIndexes,
} from './columns';
export type { CustomColumnsLayout, CustomerColumnKey, CustomFieldKey, KeptColumnKey } from './columns';
export {
  blankCustomValues,
  checkCustomType,
  checkCustomValue,
  CUSTOM_NUMBER_MAX,
  CUSTOM_TEXT_MAX,
  customErrorKey,
  customValuesSchema,
  emptyCustomValue,
  validateCustomPatch,
  validateNewCustomValues,
} from './validation';
export type { CustomValueCheck } from './validation';
export {
  customChangeEvents,
  customCreationEvents,
  customFieldOfLabel,
  customLogText,
  customValueOfLog,
} from './history';
export { GROUP_BY_SETTING_LABEL, groupByChoice, groupFieldFromSetting, NO_CHOICE_LABEL } from './groupBy';
export type { ChoiceGroups, ChoiceRow, GroupedCustomer } from './groupBy';
export { CUSTOM_FIELD_TYPES, ownCustomValue } from './types';
export type { CustomFieldDefinition, CustomFieldType, CustomValue, CustomValues } from './types';
export { customColumnsOf, customValuesOf } from './record';
export { customControlText, customFormFields } from './form';
export type { CustomControlKind, CustomFormField } from './form';
