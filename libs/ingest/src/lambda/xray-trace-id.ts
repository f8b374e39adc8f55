/**
 * X-Ray trace ids (`1-5d9d007f-0a8c7fd0205e8480aed55ef0`: version, epoch seconds in hex, 96 random
 * bits) are the same 128 bits as the W3C/OpenTelemetry trace id the Lambda instrumentation uses,
 * so REPORT lines and platform.report events are stored with the 32-hex form and join with spans.
 * Anything that is not a well-formed X-Ray id is kept as printed.
 */
export function xrayToTraceId(xray: string): string {
  if (
    xray.length !== 35 ||
    xray.charCodeAt(0) !== 49 /* 1 */ ||
    xray[1] !== '-' ||
    xray[10] !== '-'
  ) {
    return xray;
  }
  const hex = xray.slice(2, 10) + xray.slice(11);
  for (let i = 0; i < hex.length; i++) {
    const c = hex.charCodeAt(i) | 0x20; // lower-case letters
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return xray;
  }
  return hex.toLowerCase();
}

/** `Root=1-…;Parent=…;Sampled=1` (X-Amzn-Trace-Id) → trace id, '' when there is no Root. */
export function traceIdFromAmznTraceHeader(value: string): string {
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === 'Root')
      return xrayToTraceId(part.slice(eq + 1).trim());
  }
  return '';
}
