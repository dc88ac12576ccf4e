/**
 * ScriptApp stand-in (developers.google.com/apps-script/reference/script/script-app): the AuthMode enum (NONE,
 * CUSTOM_FUNCTION, LIMITED, FULL), all the add-on uses of it (onOpen checks `e.authMode`).
 *
 * Event objects built by the host (onOpen/onEdit `e.authMode`) must carry these same enum values, so that
 * `e.authMode === ScriptApp.AuthMode.NONE` holds as in Apps Script: use `authModeOf(runtime.execution().authMode)`.
 */
import type { AuthModeName } from '../runtime';
import { type EnumValue, makeEnum } from '../spreadsheet/enums';

export const AuthMode = makeEnum('ScriptApp.AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);

export function authModeOf(name: AuthModeName): EnumValue {
  return AuthMode[name];
}

export class ScriptAppStandIn {
  readonly AuthMode = AuthMode;

  toString(): string {
    return 'ScriptApp';
  }
}
