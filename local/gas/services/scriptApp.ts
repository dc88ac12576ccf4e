/**
 * ScriptApp stand-in (developers.google.com/apps-script/reference/script/script-app), only what the add-on
 * can meet: the AuthMode enum (NONE, CUSTOM_FUNCTION, LIMITED, FULL), getScriptId() and
 * getProjectTriggers() (always empty: the add-on installs no triggers). newTrigger is not emulated.
 *
 * Event objects built by the host (onOpen/onEdit `e.authMode`) must carry these same enum values, so that
 * `e.authMode === ScriptApp.AuthMode.NONE` holds as in Apps Script: use `authModeOf(runtime.execution().authMode)`.
 */
import type { AuthModeName, Runtime } from '../runtime';
import { type GasEnumValue, makeEnum } from './common';

export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);

export function authModeOf(name: AuthModeName): GasEnumValue {
  return AuthMode[name];
}

export class ScriptAppStandIn {
  readonly AuthMode = AuthMode;

  constructor(
    private readonly runtime: Runtime,
    private readonly scriptId: string,
  ) {}

  getProjectTriggers(): unknown[] {
    this.runtime.calls.count('ScriptApp.getProjectTriggers');
    return [];
  }

  getScriptId(): string {
    this.runtime.calls.count('ScriptApp.getScriptId');
    return this.scriptId;
  }

  toString(): string {
    return 'ScriptApp';
  }
}
