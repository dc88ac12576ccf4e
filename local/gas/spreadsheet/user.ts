import type { GasSurface } from '../surface';

/** Apps Script's User (Base.User): getEmail(); toString() gives the e-mail, so users print and compare by text. */
export class UserFake implements GasSurface<GoogleAppsScript.Base.User, 'getEmail'> {
  readonly gasTypeName = 'User';

  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }

  toString(): string {
    return this.email;
  }
}

/** An e-mail argument given as a string or as a User. */
export function emailOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof UserFake) return value.getEmail();
  if (typeof value === 'object' && value !== null && typeof (value as { getEmail?: unknown }).getEmail === 'function') {
    const email = (value as { getEmail(): unknown }).getEmail();
    return typeof email === 'string' ? email : null;
  }
  return null;
}
