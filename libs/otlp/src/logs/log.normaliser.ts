import type { LogRow } from '@fleetscope/model';
import type { RejectReport } from '../common/reject-collector';
import { RejectCollector, rejectReport } from '../common/reject-collector';
import type { OtlpLogRecord, OtlpLogsRequest } from '../common/otlp-request.types';
import {
  anyValueToString,
  enumValue,
  flattenAttributes,
  isMessage,
  idToHexOrEmpty,
  nanosToString,
} from '../common/otlp-values';
import type { FaasResolveOptions } from '../faas/faas-identity.resolver';
import { layeredLookup, resolveFunction } from '../faas/faas-identity.resolver';

export interface NormalisedLogs extends RejectReport {
  logs: LogRow[];
}

/** logs.proto SeverityNumber names by value: UNSPECIFIED, then TRACE…FATAL, four steps each. */
const SEVERITY_NAMES: readonly string[] = [
  'SEVERITY_NUMBER_UNSPECIFIED',
  ...['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'].flatMap((level) =>
    ['', '2', '3', '4'].map((step) => `SEVERITY_NUMBER_${level}${step}`),
  ),
];

function normaliseRecord(
  rec: OtlpLogRecord,
  resourceAttributes: Record<string, string>,
  serviceName: string,
  functionId: string,
  where: () => string,
  out: LogRow[],
  rejects: RejectCollector,
): void {
  const time = nanosToString(rec.timeUnixNano);
  const observed = nanosToString(rec.observedTimeUnixNano);
  if (time === undefined || observed === undefined) {
    rejects.reject(
      'invalid_timestamp',
      () => `${where()}: invalid timeUnixNano/observedTimeUnixNano`,
    );
    return;
  }
  // logs.proto: "Use time_unix_nano if it is present, otherwise use observed_time_unix_nano."
  const timeUnixNano = time !== '0' ? time : observed;
  if (timeUnixNano === '0') {
    rejects.reject(
      'invalid_timestamp',
      () => `${where()}: neither timeUnixNano nor observedTimeUnixNano is set`,
    );
    return;
  }
  const logAttributes = flattenAttributes(rec.attributes);
  // logs.proto event_name has no column of its own; kept as the `event.name` attribute that
  // carried it before the field existed (semconv events), unless the record sets both.
  if (
    typeof rec.eventName === 'string' &&
    rec.eventName !== '' &&
    !('event.name' in logAttributes)
  ) {
    logAttributes['event.name'] = rec.eventName;
  }
  const severity = enumValue(rec.severityNumber, SEVERITY_NAMES);
  out.push({
    timeUnixNano,
    observedTimeUnixNano: observed,
    // logs.proto: an invalid id means "not associated with a trace", not a bad record.
    traceId: idToHexOrEmpty(rec.traceId, 16),
    spanId: idToHexOrEmpty(rec.spanId, 8),
    severityText: typeof rec.severityText === 'string' ? rec.severityText : '',
    severityNumber: severity >= 0 && severity <= 24 ? severity : 0,
    serviceName,
    functionId,
    requestId:
      logAttributes['faas.invocation_id'] ??
      logAttributes['faas.execution'] ??
      resourceAttributes['faas.invocation_id'] ??
      '',
    source: 'otlp',
    body: anyValueToString(rec.body),
    resourceAttributes,
    logAttributes,
  });
}

/**
 * ExportLogsServiceRequest → one LogRow per log record, source 'otlp'. requestId comes from the
 * faas.invocation_id (or legacy faas.execution) attribute the Lambda telemetry receiver sets;
 * functionId from the resource when it identifies a function. Never throws.
 */
export function normaliseLogs(
  req: OtlpLogsRequest,
  options: FaasResolveOptions = {},
): NormalisedLogs {
  const rejects = new RejectCollector();
  const logs: LogRow[] = [];
  const resourceLogs = req && Array.isArray(req.resourceLogs) ? req.resourceLogs : [];
  for (let r = 0; r < resourceLogs.length; r++) {
    const rl = resourceLogs[r];
    if (!isMessage(rl)) {
      rejects.reject('malformed', () => `resourceLogs[${r}]: not an object`);
      continue;
    }
    if (!Array.isArray(rl.scopeLogs)) continue;
    const resourceAttributes = flattenAttributes(rl.resource?.attributes);
    const serviceName = resourceAttributes['service.name'] ?? '';
    const fn = resolveFunction(layeredLookup(resourceAttributes), options);
    const functionId = fn?.functionId ?? '';
    for (let s = 0; s < rl.scopeLogs.length; s++) {
      const sl = rl.scopeLogs[s];
      if (!isMessage(sl)) {
        rejects.reject('malformed', () => `resourceLogs[${r}].scopeLogs[${s}]: not an object`);
        continue;
      }
      if (!Array.isArray(sl.logRecords)) continue;
      const records = sl.logRecords;
      const why = fn?.missingIdentity;
      if (why !== undefined) {
        // A Lambda resource without cloud.account.id that no known function completes: refused,
        // not filed under a second function of account ''.
        rejects.reject(
          'missing_identity',
          () => `resourceLogs[${r}].scopeLogs[${s}]: ${why}`,
          records.length,
        );
        continue;
      }
      for (let i = 0; i < records.length; i++) {
        const where = () => `resourceLogs[${r}].scopeLogs[${s}].logRecords[${i}]`;
        const rec = records[i];
        if (!isMessage(rec)) {
          rejects.reject('malformed', () => `${where()}: not an object`);
          continue;
        }
        try {
          normaliseRecord(rec, resourceAttributes, serviceName, functionId, where, logs, rejects);
        } catch (e) {
          rejects.reject('malformed', () => `${where()}: ${(e as Error).message}`);
        }
      }
    }
  }
  return { logs, ...rejectReport(rejects) };
}
