/**
 * Session stand-in (developers.google.com/apps-script/reference/base/session).
 * - getActiveUser(): the user at the keyboard — runtime.execution().user ('' when Google does not reveal it);
 * - getEffectiveUser(): whose authority the script runs with; for container-bound / add-on code run by the
 *   user (menus, sidebars, google.script.run) that is the same user;
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
    return new User(this.runtime, this.runtime.execution().user);
  }

  getEffectiveUser(): User {
    this.runtime.calls.count('Session.getEffectiveUser');
    return new User(this.runtime, this.runtime.execution().user);
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
