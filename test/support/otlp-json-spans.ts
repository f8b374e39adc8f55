import { randomBytes } from 'node:crypto';

/** An OTLP/JSON string attribute. */
export const stringAttribute = (key: string, v: string) => ({ key, value: { stringValue: v } });

/**
 * An OTLP/JSON FaaS SERVER span of 100 ms; `coldstart` undefined leaves `faas.coldstart` out, as
 * GCP's emitters do.
 */
export function faasServerSpan(
  startMs: number,
  coldstart: boolean | undefined,
): Record<string, unknown> {
  const startNs = BigInt(startMs) * 1_000_000n;
  return {
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    name: 'handler',
    kind: 2,
    startTimeUnixNano: startNs.toString(),
    endTimeUnixNano: (startNs + 100_000_000n).toString(),
    attributes: [
      stringAttribute('faas.trigger', 'http'),
      ...(coldstart === undefined
        ? []
        : [{ key: 'faas.coldstart', value: { boolValue: coldstart } }]),
    ],
    status: {},
  };
}

/**
 * The OTLP/JSON resourceSpans of one function: its cloud, account, region and name. An Azure
 * function's service.name would be its app's, which names the function `app/name`: it is left out.
 */
export function faasResourceSpans(
  platform: string,
  name: string,
  spans: Record<string, unknown>[],
  where: { provider: string; account: string; region: string },
) {
  const azure = platform === 'azure.functions' || platform === 'azure_functions';
  return {
    resource: {
      attributes: [
        ...(azure ? [] : [stringAttribute('service.name', name)]),
        stringAttribute('cloud.provider', where.provider),
        stringAttribute('cloud.platform', platform),
        stringAttribute('cloud.account.id', where.account),
        stringAttribute('cloud.region', where.region),
        stringAttribute('faas.name', name),
      ],
    },
    scopeSpans: [{ spans }],
  };
}
