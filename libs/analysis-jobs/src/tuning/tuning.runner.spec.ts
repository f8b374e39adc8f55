import { hostname } from 'node:os';
import { runnerIsGone } from './tuning.runner';

describe('runnerIsGone', () => {
  const self = `${hostname()}:${process.pid}:now`;

  it('knows a runner of this process before a restart, and one whose process is gone', () => {
    expect(runnerIsGone(`${hostname()}:${process.pid}:before`, self)).toBe(true);
    expect(runnerIsGone(`${hostname()}:4999999:x`, self)).toBe(true);
  });

  it('leaves alone itself, live processes and other hosts (their heartbeat decides)', () => {
    expect(runnerIsGone(self, self)).toBe(false);
    expect(runnerIsGone(`${hostname()}:1:x`, self)).toBe(false);
    expect(runnerIsGone('another-host:123:x', self)).toBe(false);
    expect(runnerIsGone('legacy-runner-id', self)).toBe(false);
  });
});
