/**
 * REPORT line parser throughput on one core. Target: ≥ 500,000 lines/s.
 * Run: node -r @swc-node/register libs/ingest/scripts/report-line.bench.ts
 */
import {
  classifyLambdaLine,
  decodeCloudWatchSubscription,
  parseReportLine,
} from '@fleetscope/ingest';

const N = 1_000_000;
const lines: string[] = [];
for (let i = 0; i < 1000; i++) {
  const id = `${(0x10000000 + i).toString(16)}-ee49-115b-a5b6-4fd21e8dedac`;
  const d = (Math.random() * 3000).toFixed(2);
  const cold = i % 10 === 0 ? `\tInit Duration: ${(Math.random() * 900).toFixed(2)} ms` : '';
  lines.push(
    `REPORT RequestId: ${id}\tDuration: ${d} ms\tBilled Duration: ${Math.ceil(Number(d))} ms\tMemory Size: 1024 MB\tMax Memory Used: ${60 + (i % 200)} MB${cold}\tXRAY TraceId: 1-5d9d007f-0a8c7fd0205e8480aed55ef0\tSegmentId: 3d752a0b1bbe37e1\tSampled: true\t\n`,
  );
}

function run(label: string, fn: (line: string) => unknown): void {
  let sink = 0;
  for (let i = 0; i < 100_000; i++) sink += fn(lines[i % lines.length]) ? 1 : 0; // warm-up
  sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) sink += fn(lines[i % lines.length]) ? 1 : 0;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(
    `${label}: ${Math.round(N / seconds).toLocaleString('en-US')} lines/s (${sink === N ? 'ok' : 'MISMATCH'})`,
  );
}

run('parseReportLine', (l) => parseReportLine(l));
run('classifyLambdaLine (REPORT)', (l) => classifyLambdaLine(l).event.kind === 'report');

// Whole path: START/END/REPORT triples through the stream assembler of a CloudWatch payload.
const events: { id: string; timestamp: number; message: string }[] = [];
for (let i = 0; i < 30_000; i += 3) {
  const id = `${(0x10000000 + i).toString(16)}-ee49-115b-a5b6-4fd21e8dedac`;
  const t = 1_700_000_000_000 + i * 10;
  events.push({ id: `${i}`, timestamp: t, message: `START RequestId: ${id} Version: $LATEST\n` });
  events.push({ id: `${i + 1}`, timestamp: t + 5, message: `END RequestId: ${id}\n` });
  events.push({
    id: `${i + 2}`,
    timestamp: t + 5,
    message: lines[i % lines.length].replace(/RequestId: \S+/, `RequestId: ${id}`),
  });
}
const payload = {
  messageType: 'DATA_MESSAGE',
  owner: '123456789012',
  logGroup: '/aws/lambda/bench',
  logStream: '2024/01/01/[$LATEST]abc',
  subscriptionFilters: ['f'],
  logEvents: events,
};
let total = 0;
for (let i = 0; i < 5; i++) decodeCloudWatchSubscription(payload);
const t0 = process.hrtime.bigint();
for (let i = 0; i < 20; i++) total += decodeCloudWatchSubscription(payload).invocations.length;
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(
  `decodeCloudWatchSubscription (parsed DATA_MESSAGE): ${Math.round((20 * events.length) / s).toLocaleString('en-US')} log events/s (${total === 20 * 10_000 ? 'ok' : 'MISMATCH'})`,
);
