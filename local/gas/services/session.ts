/**
 * Session stand-in (developers.google.com/apps-script/reference/base/session).
 * - getActiveUser(): the user at the keyboard — runtime.activeUserEmail(): '' when Google does not reveal it, e.g.
 *   an execution run with { identity: 'hidden' }. Reference: "the user's email address is not available in any
 *   context that allows a script to run without that user's authorization, like a simple onOpen(e) or onEdit(e)
 *   trigger, a custom function in Google Sheets, or a web app deployed to "execute as me"";
 * - getEffectiveUser(): whose authority the script runs with; for container-bound / add-on code run by the
 *   user (menus, sidebars, google.script.run, simple triggers) that is the same user — "In most other scenarios,
 *   this returns the same account as getActiveUser()" — so it is '' too when the identity is hidden;
 * - getScriptTimeZone(): the project's time zone (runtime.timeZone);
 * - getActiveUserLocale(): the user's language, e.g. "en";
 * - getTemporaryActiveUserKey(): an opaque key, stable for one user of one script.
 */
import { createHash } from 'node:crypto';
import type { Runtime } from '../runtime';

export class User {
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

export interface SessionOptions {
  /** getActiveUserLocale() per user e-mail; others get `defaultLocale`. */
  locales?: Record<string, string>;
  defaultLocale?: string;
  scriptId: string;
}

export class SessionStandIn {
  constructor(
    private readonly runtime: Runtime,
    private readonly options: SessionOptions,
  ) {}

  getActiveUser(): User {
    this.runtime.calls.count('Session.getActiveUser');
    return new User(this.runtime, this.runtime.activeUserEmail());
  }

  getEffectiveUser(): User {
    this.runtime.calls.count('Session.getEffectiveUser');
    return new User(this.runtime, this.runtime.activeUserEmail());
  }

  getActiveUserLocale(): string {
    this.runtime.calls.count('Session.getActiveUserLocale');
    const user = this.runtime.execution().user;
    return this.options.locales?.[user] ?? this.options.defaultLocale ?? 'en';
  }

  getScriptTimeZone(): string {
    this.runtime.calls.count('Session.getScriptTimeZone');
    return this.runtime.timeZone;
  }

  getTemporaryActiveUserKey(): string {
    this.runtime.calls.count('Session.getTemporaryActiveUserKey');
    const user = this.runtime.execution().user;
    return createHash('sha256').update(`${this.options.scriptId}\u0000${user}`).digest('base64');
  }

  toString(): string {
    return 'Session';
  }
}
