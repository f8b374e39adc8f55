import { timingSafeEqual } from 'node:crypto';

/** True when an Authorization header carries exactly `Bearer <token>` (constant-time compare). */
export function bearerMatches(header: string | string[] | undefined, token: string): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  // The scheme is case-insensitive (RFC 7235 §2.1).
  if (value === undefined || value.slice(0, 7).toLowerCase() !== 'bearer ') return false;
  const given = Buffer.from(value.slice(7).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
