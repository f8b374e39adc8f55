import { dataMessage, reportLine } from '../platform/platform-ingest.helpers';
import { SDK_ACCOUNT, SDK_REGION } from './lambda-sdk-spans';

const MINUTE_MS = 60_000;

/**
 * One sandbox of the Lambda function `upgraded` as a CloudWatch Logs DATA_MESSAGE: an INIT_START
 * naming `runtimeVersion`, then `count` invocations of 100 ms at `memoryMb` a minute apart from
 * `startMs`, the first one cold with an Init Duration of `initMs`.
 */
export function upgradedSandbox(
  runtimeVersion: string,
  startMs: number,
  count: number,
  initMs: number,
  memoryMb: number,
) {
  const events = [
    {
      timestamp: startMs - initMs,
      message: `INIT_START Runtime Version: ${runtimeVersion}\tRuntime Version ARN: arn:aws:lambda:${SDK_REGION}::runtime:0123\n`,
    },
  ];
  for (let i = 0; i < count; i++) {
    events.push({
      timestamp: startMs + i * MINUTE_MS + 100,
      message: reportLine(`${startMs.toString(16)}-0000-4000-8000-${String(i).padStart(12, '0')}`, {
        durationMs: 100,
        billedMs: 100,
        memoryMb,
        maxUsedMb: 80,
        ...(i === 0 ? { initMs } : {}),
      }),
    });
  }
  return dataMessage(
    SDK_ACCOUNT,
    'upgraded',
    `2026/01/01/[$LATEST]${startMs.toString(16)}`,
    events,
  );
}
