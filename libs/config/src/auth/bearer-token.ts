import { timingSafeEqual } from 'node:crypto';

/** True when a header's value equals `secret` (constant-time compare; first value of a list). */
export function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const given = Buffer.from((Array.isArray(header) ? header[0] : header) ?? '');
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** True when an Authorization header carries exactly `Bearer <token>` (constant-time compare). */
export function bearerMatches(header: string | string[] | undefined, token: string): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  // The scheme is case-insensitive (RFC 7235 §2.1).
  if (value === undefined || value.slice(0, 7).toLowerCase() !== 'bearer ') return false;
  return secretMatches(value.slice(7).trim(), token);
}
