import { readFile } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { mapKnativeServices } from '@fleetscope/ingest';
import { HttpGetError, httpGet } from '../platforms/http-get';
import { endpointOf } from '../platforms/platform-targets';
import type { InventorySource, InventoryTargetResult } from './inventory-source';
import { knativeConfigUpdate } from './pod-function.mapper';

/** Services per page of the list call (the API server's chunking, `limit` + `continue`). */
const PAGE = 250;

/**
 * Knative Services of every namespace from the Kubernetes API
 * (`GET /apis/serving.knative.dev/v1/services`), when FLEETSCOPE_KUBERNETES_API_URL is set. The
 * token file is read on every sync because projected service-account tokens rotate.
 */
@Injectable()
export class KnativeInventorySource implements InventorySource {
  readonly platform = 'knative' as const;

  constructor(@Inject(FLEETSCOPE_CONFIG) private readonly config: Config) {}

  enabled(): boolean {
    return this.config.kubernetesApiUrl !== undefined;
  }

  async collect(signal: AbortSignal): Promise<InventoryTargetResult[]> {
    const cluster = this.config.knativeCluster;
    const result: InventoryTargetResult = {
      platform: this.platform,
      target: cluster,
      updates: [],
      rejected: 0,
    };
    const api = this.config.kubernetesApiUrl;
    if (!api) return [];
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (this.config.kubernetesTokenFile) {
        headers.authorization = `Bearer ${(await readFile(this.config.kubernetesTokenFile, 'utf8')).trim()}`;
      }
      const ca = this.config.kubernetesCaFile
        ? await readFile(this.config.kubernetesCaFile)
        : undefined;
      let next: string | undefined;
      do {
        const url = endpointOf(new URL(api), 'apis/serving.knative.dev/v1/services');
        url.searchParams.set('limit', String(PAGE));
        if (next) url.searchParams.set('continue', next);
        const { body } = await httpGet(url, {
          timeoutMs: 30_000,
          maxBytes: this.config.maxBodyBytes,
          headers,
          ca,
          signal,
        });
        let list: unknown;
        try {
          list = JSON.parse(body);
        } catch {
          result.error = {
            reason: 'invalid_json',
            message: 'Knative Services: the answer is not JSON',
          };
          break;
        }
        const mapped = mapKnativeServices(list, { cluster, observedAtMs: Date.now() });
        if (!mapped.ok) {
          result.error = { reason: mapped.reason, message: `Knative Services: ${mapped.message}` };
          break;
        }
        result.rejected += mapped.rejected;
        for (const hint of mapped.hints) result.updates.push(knativeConfigUpdate(hint));
        next = continueToken(list);
      } while (next);
    } catch (error) {
      result.error = {
        reason: error instanceof HttpGetError ? error.reason : errorCode(error),
        message: (error as Error).message,
      };
    }
    return [result];
  }
}

/** `metadata.continue` of a ServiceList: there are more pages while it is set. */
function continueToken(list: unknown): string | undefined {
  const metadata = (list as { metadata?: { continue?: unknown } } | null)?.metadata;
  return typeof metadata?.continue === 'string' && metadata.continue !== ''
    ? metadata.continue
    : undefined;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code.toLowerCase() : 'failed';
}
