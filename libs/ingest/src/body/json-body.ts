/**
 * A platform API answer as a value: parsed when given as text, as is when already parsed. A body
 * that is not JSON is refused with a message for the caller's 400.
 */
export function jsonBody(
  body: unknown,
): { ok: true; value: unknown } | { ok: false; reason: 'invalid_json'; message: string } {
  if (typeof body !== 'string') return { ok: true, value: body };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    return {
      ok: false,
      reason: 'invalid_json',
      message: `body is not JSON: ${(e as Error).message}`,
    };
  }
}
