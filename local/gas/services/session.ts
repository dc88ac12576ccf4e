/**
 * Session stand-in (developers.google.com/apps-script/reference/base/session).
 * - getActiveUser(): the user at the keyboard — runtime.activeUserEmail(): '' when Google does not reveal it, e.g.
 *   an execution run with { identity: 'hidden' }. Reference: "the user's email address is not available in any
 *   context that allows a script to run without that user's authorization, like a simple onOpen(e) or onEdit(e)
 *   trigger, a custom function in Google Sheets, or a web app deployed to "execute as me"";
 * - getEffectiveUser(): whose authority the script runs with; for container-bound / add-on code run by the
 *   user (menus, sidebars, google.script.run, simple triggers) that is the same user — "In most other scenarios,
 *   this returns the same account as getActiveUser()" — so it is '' too when the identity is hidden;
 * - getScriptTimeZone(): the project's time zone (runtime.timeZone).
 */
import type { Runtime } from '../runtime';
import type { GasSurface } from '../surface';

export class User implements GasSurface<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(
    private readonly runtime: Runtime,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.runtime.calls.count('User.getEmail');
    return this.email;
  }

  toString(): string {
    return this.email;
  }
}

export class SessionStandIn
  implements GasSurface<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone'>
{
  constructor(private readonly runtime: Runtime) {}

  getActiveUser(): User {
    this.runtime.calls.count('Session.getActiveUser');
    return new User(this.runtime, this.runtime.activeUserEmail());
  }

  getEffectiveUser(): User {
    this.runtime.calls.count('Session.getEffectiveUser');
    return new User(this.runtime, this.runtime.activeUserEmail());
  }

  getScriptTimeZone(): string {
    this.runtime.calls.count('Session.getScriptTimeZone');
    return this.runtime.timeZone;
  }

  toString(): string {
    return 'Session';
  }
}
