import { isGuid } from '../domain/identifiers';
import { isSecretKey } from './secret-keys';

/**
 * What the loader may print of a value a user wrote. Messages go to terminals and CI logs, so
 * control characters are escaped (no ANSI sequence or NUL reaches them raw), and a value that
 * looks like a secret pasted into the wrong field is never shown.
 */

// C0 and C1 controls, DEL, line/paragraph separators and the bidi overrides that reorder text.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Escapes what a terminal would act on; idempotent, since the escapes are printable. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const JWT = /^eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*$/;
const TOKEN_CHARS = /^[A-Za-z0-9+/=_~.-]+$/;
const HOST_LIKE = /^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/;

/**
 * A token, key or password by its shape: a JWT, a PEM block, or a long run of token characters
 * mixing letters and digits that is not a GUID or a host name (those are what tenant files hold).
 */
export function looksSecret(value: string): boolean {
  const text = value.trim();
  if (JWT.test(text) || text.includes('-----BEGIN')) return true;
  if (text.length < 20 || !TOKEN_CHARS.test(text) || isGuid(text) || HOST_LIKE.test(text)) return false;
  return /[0-9]/.test(text) && /[A-Za-z]/.test(text) && (/[A-Z]/.test(text) && /[a-z]/.test(text) || /[+/=_~]/.test(text));
}

export const SECRET_NOT_SHOWN = 'a value that looks like a secret, not shown';

/** A value as it appears after "(got ...)": short, one line, printable, never a secret. */
export function describeValue(value: unknown, key?: PropertyKey): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = String(value);
  if ((typeof key === 'string' && isSecretKey(key)) || looksSecret(text)) return SECRET_NOT_SHOWN;
  const line = text.replace(/[ \t\r\n]+/g, ' ');
  return printable(line.length > 80 ? `${line.slice(0, 77)}...` : line);
}
