import type {
  DriverInvocation,
  FunctionSnapshot,
  TuningDriver,
  TuningTarget,
} from '../session/tuning.driver';
import type { Candidate, TuningArchitecture } from '../tuning.types';
import { candidateKey } from '../tuning.types';
import type { DurationCurve } from './duration-curves';
import { seededRandom, simulateInvocation } from './duration-curves';

/**
 * A platform in memory whose function follows a known curve: each new size starts cold, then
 * stays warm. For unit specs and the benchmark; the end-to-end tests use real local servers.
 */
export class SimulatedDriver implements TuningDriver {
  readonly platform = 'aws-lambda' as const;
  readonly oneDeploymentAtATime = false;
  readonly random: () => number;
  private readonly warm = new Set<string>();
  memoryMb: number;
  architecture: TuningArchitecture;
  restored = 0;

  constructor(
    readonly curve: DurationCurve,
    seed: number,
    initial: { memoryMb: number; architecture: TuningArchitecture } = {
      memoryMb: 1024,
      architecture: 'x86_64',
    },
  ) {
    this.random = seededRandom(seed);
    this.memoryMb = initial.memoryMb;
    this.architecture = initial.architecture;
  }

  snapshot(_target: TuningTarget): Promise<FunctionSnapshot> {
    return Promise.resolve({
      functionId: `aws_lambda~123456789012~us-east-1~${this.curve.name}`,
      memoryMb: this.memoryMb,
      architecture: this.architecture,
      region: 'us-east-1',
      details: {},
    });
  }

  prepare(_target: TuningTarget, candidate: Candidate): Promise<void> {
    this.memoryMb = candidate.memoryMb;
    this.architecture = candidate.architecture;
    return Promise.resolve();
  }

  invoke(_target: TuningTarget, candidate: Candidate, _payload: unknown, fresh: boolean) {
    const key = candidateKey(candidate);
    const cold = fresh || !this.warm.has(key);
    const r = simulateInvocation(
      this.curve,
      candidate.memoryMb,
      candidate.architecture,
      cold,
      this.random,
    );
    // A sandbox killed by OOM or a timeout starts cold next time.
    if (r.outcome === 'ok' || r.outcome === 'error') this.warm.add(key);
    else this.warm.delete(key);
    return Promise.resolve<DriverInvocation>(r);
  }

  restore(_target: TuningTarget, snapshot: FunctionSnapshot): Promise<void> {
    this.memoryMb = snapshot.memoryMb;
    this.architecture = snapshot.architecture;
    this.restored++;
    return Promise.resolve();
  }

  apply(_t: TuningTarget, candidate: Candidate): Promise<void> {
    this.memoryMb = candidate.memoryMb;
    this.architecture = candidate.architecture;
    return Promise.resolve();
  }
}
