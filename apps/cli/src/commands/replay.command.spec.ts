import { replayNotes, replayTable, type ReplayReport } from './replay.command';

const fixed = { kind: 'fixed', prewarmMinutes: 0, keepAliveMinutes: 10 };
const report: ReplayReport = {
  from: '2026-12-05T00:00:00.000Z',
  to: '2026-12-06T00:00:00.000Z',
  policies: ['fixed:10m', 'hybrid'],
  functions: [
    {
      id: 'knative~shop~c1~every30',
      memoryMb: 2048,
      activeMinutes: 48,
      results: {
        'fixed:10m': {
          policy: fixed,
          settable: true,
          coldStarts: 48,
          idleMinutes: 480,
          wastedGbSeconds: 57600,
          wastedUsd: 0.39,
        },
        hybrid: {
          policy: { kind: 'hybrid', prewarmMinutes: 0, keepAliveMinutes: 33 },
          settable: true,
          note: 'Knative takes a retention period only: no pre-warm.',
          coldStarts: 1,
          idleMinutes: 1392,
          wastedGbSeconds: 167040,
          wastedUsd: 1.15,
        },
      },
    },
    {
      id: 'aws_lambda~123456789012~us-east-1~a',
      memoryMb: 1024,
      activeMinutes: 48,
      results: {
        'fixed:10m': {
          policy: fixed,
          settable: false,
          note: 'Lambda has no keep-alive setting.',
          coldStarts: 48,
          idleMinutes: 480,
          wastedGbSeconds: 28800,
          wastedUsd: null,
        },
        hybrid: {
          policy: fixed,
          settable: false,
          note: 'Lambda has no keep-alive setting.',
          coldStarts: 48,
          idleMinutes: 480,
          wastedGbSeconds: 28800,
          wastedUsd: null,
        },
      },
    },
  ],
  totals: {
    'fixed:10m': { coldStarts: 96, wastedGbSeconds: 86400, wastedUsd: 0.39, functions: 2 },
    hybrid: { coldStarts: 49, wastedGbSeconds: 195840, wastedUsd: 1.15, functions: 2 },
  },
  // As the server groups them (KeepAliveReplayService).
  notes: [
    {
      mark: '*1',
      policies: [{ policy: 'hybrid', functions: 1 }],
      note: 'Knative takes a retention period only: no pre-warm.',
    },
    {
      mark: '†2',
      policies: [
        { policy: 'fixed:10m', functions: 1 },
        { policy: 'hybrid', functions: 1 },
      ],
      note: 'Lambda has no keep-alive setting.',
    },
  ],
};

describe('fleetscope replay', () => {
  it('marks a figure replayed otherwise than asked (*) or with a policy no setting gives (†), and prints why under the table', () => {
    const table = replayTable(report).split('\n');
    expect(table[1]).toMatch(/^knative~shop~c1~every30\s+48\s+57600\.0\s+0\.3900\s+1 \*1\s/);
    expect(table[2]).toMatch(/^aws_lambda~123456789012~us-east-1~a\s+48 †2\s+28800\.0\s+-\s+48 †2/);
    expect(replayNotes(report)).toEqual([
      '*1 hybrid: 1 function. Knative takes a retention period only: no pre-warm.',
      '†2 fixed:10m: 1 function, hybrid: 1 function. Lambda has no keep-alive setting.',
    ]);
  });
});
