/**
 * A Lambda log stream is one execution environment (sandbox): `2024/01/01/[$LATEST]abc…` or
 * `2024/01/01/[12]abc…` (the bracket holds the version that sandbox runs). Lambda Managed
 * Instances and custom log groups may use other names; then the version is unknown ('').
 */
export interface LambdaLogStreamName {
  version: string;
  /** The whole stream name: the sandbox identity stored as `instance`. */
  instance: string;
}

export function parseLambdaLogStreamName(logStream: string): LambdaLogStreamName {
  const open = logStream.indexOf('[');
  const close = open >= 0 ? logStream.indexOf(']', open + 1) : -1;
  const version = open >= 0 && close > open + 1 ? logStream.slice(open + 1, close) : '';
  return { version, instance: logStream };
}
