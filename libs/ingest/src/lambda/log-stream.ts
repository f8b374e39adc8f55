/**
 * A Lambda log stream is one execution environment (sandbox): `2024/01/01/[$LATEST]abc…` or
 * `2024/01/01/[12]abc…` (the bracket holds the version that sandbox runs). In a log group several
 * functions share (LoggingConfig.LogGroup, of any name, `/aws/lambda/<other>` too) the stream
 * also names the function:
 * `2024/01/01/<function_name>[<function_version>]<execution_environment_GUID>` (AWS Lambda
 * developer guide, "Configuring CloudWatch log groups"). Lambda Managed Instances and other
 * groups may use other names; then the version and function are unknown ('').
 */
export interface LambdaLogStreamName {
  version: string;
  /** The whole stream name: the sandbox identity stored as `instance`. */
  instance: string;
  /** The function a custom log group's stream names, '' when the stream does not name one. */
  functionName: string;
}

/** Lambda function names: letters, digits, hyphens and underscores, at most 64 (CreateFunction). */
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** `YYYY/MM/DD/` */
const DATE_PREFIX = /^\d{4}\/\d{2}\/\d{2}\//;

export function parseLambdaLogStreamName(logStream: string): LambdaLogStreamName {
  const open = logStream.indexOf('[');
  const close = open >= 0 ? logStream.indexOf(']', open + 1) : -1;
  const version = open >= 0 && close > open + 1 ? logStream.slice(open + 1, close) : '';
  let functionName = '';
  if (version !== '' && DATE_PREFIX.test(logStream)) {
    const name = logStream.slice(11, open);
    if (FUNCTION_NAME.test(name)) functionName = name;
  }
  return { version, instance: logStream, functionName };
}
