import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV } from '@fleetscope/config';
import { pointAwsSdkAt } from '../../support/aws-sdk-env';
import { startFleetscope, type RunningFleetscope } from '../../support/fleetscope-app';
import { startFakeKnative, type FakeKnative } from './fake-knative.server';
import { startFakeLambda, type FakeFunctionSpec, type FakeLambda } from './fake-lambda.server';
import { startFakeOpenFaas, type FakeOpenFaas } from './fake-openfaas.server';

/**
 * Settings of every tuning suite's Fleetscope (a restart's too): a restore the stand-in refuses
 * for good gives up after a second, not ten minutes, and is tried again a second or so later.
 */
export const TUNING_TEST_ENV: Record<string, string> = {
  [ENV.tuningRestoreRetrySeconds.name]: '1',
};

export interface LambdaFleetscope {
  lambda: FakeLambda;
  /** Reassign it when a test restarts Fleetscope: the suite's teardown stops this one. */
  fleetscope: RunningFleetscope;
}

/**
 * For the enclosing describe: the Lambda stand-in with these functions, the AWS SDK pointed at it
 * (us-east-1), and Fleetscope, started before all its tests and stopped after them, the
 * environment put back. The fields are set once the suite's beforeAll has run.
 */
export function useLambdaFleetscope(specs: FakeFunctionSpec[]): LambdaFleetscope {
  const ctx = {} as LambdaFleetscope;
  let restoreEnv: (() => void) | undefined;
  beforeAll(async () => {
    ctx.lambda = await startFakeLambda(specs);
    restoreEnv = pointAwsSdkAt(ctx.lambda.url, 'us-east-1');
    ctx.fleetscope = await startFleetscope(TUNING_TEST_ENV);
  });
  afterAll(async () => {
    await ctx.fleetscope?.stop();
    await ctx.lambda?.close();
    restoreEnv?.();
  });
  return ctx;
}

export interface PodPlatformsFleetscope {
  gateway: FakeOpenFaas;
  kube: FakeKnative;
  fleetscope: RunningFleetscope;
}

/**
 * For the enclosing describe: an OpenFaaS gateway stand-in (gateway `gw`), a Kubernetes API
 * stand-in serving Knative (cluster `prod`, its token in a file as a pod mounts it), and
 * Fleetscope configured for both; stopped and removed after the tests.
 */
export function usePodPlatformsFleetscope(
  openfaas: Parameters<typeof startFakeOpenFaas>[0],
  knative: Parameters<typeof startFakeKnative>[0],
): PodPlatformsFleetscope {
  const ctx = {} as PodPlatformsFleetscope;
  let tokenDir: string | undefined;
  beforeAll(async () => {
    ctx.gateway = await startFakeOpenFaas(openfaas);
    ctx.kube = await startFakeKnative(knative);
    tokenDir = mkdtempSync(join(tmpdir(), 'fleetscope-kube-'));
    const tokenFile = join(tokenDir, 'token');
    writeFileSync(tokenFile, `${ctx.kube.token}\n`);
    ctx.fleetscope = await startFleetscope({
      FLEETSCOPE_OPENFAAS_GATEWAYS: `gw=${ctx.gateway.authUrl}`,
      FLEETSCOPE_KUBERNETES_API_URL: ctx.kube.url,
      FLEETSCOPE_KUBERNETES_TOKEN_FILE: tokenFile,
      FLEETSCOPE_KNATIVE_CLUSTER: 'prod',
      FLEETSCOPE_LOG_LEVEL: 'error',
    });
  });
  afterAll(async () => {
    await ctx.fleetscope?.stop();
    await ctx.gateway?.close();
    await ctx.kube?.close();
    if (tokenDir) rmSync(tokenDir, { recursive: true, force: true });
  });
  return ctx;
}
