/**
 * The body a tuning job sends its function, on every platform, as Power Tuning's
 * utils.convertPayload has it: a string that is JSON already (`"{\"orderId\":42}"`, how a payload
 * is often pasted) is the event itself; anything else is serialised (a string that is not JSON
 * goes as a JSON string); none is `{}`.
 */
export function eventText(payload: unknown): string {
  if (typeof payload === 'string') {
    try {
      JSON.parse(payload);
      return payload;
    } catch {
      return JSON.stringify(payload);
    }
  }
  return JSON.stringify(payload ?? {});
}
