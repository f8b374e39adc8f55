import { timingSafeEqual } from 'node:crypto';

/** True when an Authorization header carries exactly `Bearer <token>` (constant-time compare). */
export function bearerMatches(header: string | string[] | undefined, token: string): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value?.startsWith('Bearer ')) return false;
  const given = Buffer.from(value.slice(7).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
