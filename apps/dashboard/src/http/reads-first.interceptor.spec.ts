import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { of } from 'rxjs';
import { QueryGate, inBackgroundLane, type ClickHouseHandle } from '@fleetscope/storage';
import { ReadsFirstInterceptor } from './reads-first.interceptor';

/** An HTTP exchange as the interceptor sees it; `raw` ends with 'close' as a ServerResponse does. */
function exchange(method: string, url: string) {
  const raw = new EventEmitter();
  const context = {
    switchToHttp: () => ({
      getRequest: () => ({ method, url }),
      getResponse: () => ({ raw }),
    }),
  } as unknown as ExecutionContext;
  return { raw, context };
}

const handler: CallHandler = { handle: () => of({ ok: true }) };

/** Whether a background query on `gate` starts within `ms` (quiet spell and aging of 10 ms). */
async function backgroundStartsWithin(gate: QueryGate, ms: number): Promise<boolean> {
  let started = false;
  void inBackgroundLane(() =>
    gate.run(() => {
      started = true;
      return Promise.resolve();
    }),
  );
  await sleep(ms);
  return started;
}

describe(ReadsFirstInterceptor.name, () => {
  const embedded = (gate: QueryGate) =>
    new ReadsFirstInterceptor({ holdBackgroundQueries: () => gate.hold() } as ClickHouseHandle);

  it('holds analysis queries back from an API read until its answer is written', async () => {
    const gate = new QueryGate(10, 10, 5_000);
    const { raw, context } = exchange('GET', '/api/functions?from=0&to=1');
    embedded(gate).intercept(context, handler);
    expect(await backgroundStartsWithin(gate, 60)).toBe(false);
    raw.emit('close');
    await sleep(30);
    expect(await backgroundStartsWithin(gate, 60)).toBe(true);
  });

  it.each([
    ['POST', '/api/analyses/run'],
    ['GET', '/dashboard/functions'],
  ])('holds nothing for %s %s', async (method, url) => {
    const gate = new QueryGate(10, 10, 5_000);
    embedded(gate).intercept(exchange(method, url).context, handler);
    expect(await backgroundStartsWithin(gate, 60)).toBe(true);
  });

  it('passes reads through where the engine has no gate (a server)', async () => {
    const interceptor = new ReadsFirstInterceptor({} as ClickHouseHandle);
    const answer = await new Promise((resolve) =>
      interceptor.intercept(exchange('GET', '/api/health').context, handler).subscribe(resolve),
    );
    expect(answer).toEqual({ ok: true });
  });
});
