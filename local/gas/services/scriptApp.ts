/**
 * ScriptApp stand-in (developers.google.com/apps-script/reference/script/script-app): the AuthMode enum (NONE,
 * CUSTOM_FUNCTION, LIMITED, FULL), all the add-on uses of it (onOpen checks `e.authMode`).
 *
 * Event objects built by the host (onOpen/onEdit `e.authMode`) must carry these same enum values, so that
 * `e.authMode === ScriptApp.AuthMode.NONE` holds as in Apps Script: use `authModeOf(runtime.execution().authMode)`.
 */
import type { AuthModeName } from '../runtime';
import { type EnumValue, type Keys, makeEnum } from '../spreadsheet/enums';
import type { GasEnum } from '../surface';

export const AuthMode = makeEnum('ScriptApp.AuthMode', [
  'NONE',
  'CUSTOM_FUNCTION',
  'LIMITED',
  'FULL',
] as const satisfies Keys<typeof GoogleAppsScript.Script.AuthMode>);

export function authModeOf(name: AuthModeName): EnumValue {
  return AuthMode[name];
}

export class ScriptAppStandIn {
  readonly AuthMode: GasEnum<typeof GoogleAppsScript.Script.AuthMode> = AuthMode;

  toString(): string {
    return 'ScriptApp';
  }
}
