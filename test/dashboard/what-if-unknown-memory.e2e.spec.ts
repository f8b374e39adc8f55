import { IngestWriter } from '@fleetscope/storage';
import { lambdaInvocation } from '../support/invocation-records';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { withPage } from '../support/chromium-page';

/** No record says its memory size: its idle memory-time is not known. */
const UNSIZED = 'aws_lambda~123456789012~eu-west-1~unsized';
/** 512 MB, three hours ago: in the last 24 hours, not in the last hour. */
const SIZED = 'aws_lambda~123456789012~eu-west-1~sized';

interface Totals {
  coldStarts: number;
  wastedGbSeconds: number | null;
  functions: number;
}

jest.setTimeout(60_000);

describe('The "What if" totals of functions whose memory size is not known', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const unsized = minute - 30 * 60_000;
    const sized = minute - 3 * 3_600_000;
    await fleetscope.app.get(IngestWriter).write({
      invocations: [
        ...[0, 1, 5].map((m) => ({
          ...lambdaInvocation(UNSIZED, `u${m}`, unsized + m * 60_000),
          memorySizeMb: null,
        })),
        // Minutes 0, 1, 5 and 30 at 512 MB: 690 GB-s idle under fixed:10m (what-if.e2e.spec.ts).
        ...[0, 1, 5, 30].map((m) => ({
          ...lambdaInvocation(SIZED, `s${m}`, sized + m * 60_000),
          memorySizeMb: 512,
        })),
      ],
    });
    await fleetscope.flush();
  });

  afterAll(() => fleetscope?.stop());

  const totals = async (hours: number): Promise<Totals> => {
    const to = Date.now();
    const answer = await fetch(
      `${fleetscope.apiUrl}/api/keepalive/replay?policy=fixed:10m&from=${to - hours * 3_600_000}&to=${to}`,
    );
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { totals: Record<string, Totals> }).totals['fixed:10m'];
  };

  it('defect: the API totalled 0 GB-s idle where no function’s memory size is known; it answers null', async () => {
    expect(await totals(1)).toEqual({
      coldStarts: 1,
      wastedGbSeconds: null,
      wastedUsd: null,
      functions: 0,
    });
    // A sum of some: the known one's, and of how many.
    expect(await totals(24)).toEqual({
      coldStarts: 3,
      wastedGbSeconds: 690,
      wastedUsd: null,
      functions: 1,
    });
  });

  it('defect: the All row read 0 idle GB-s under rows that all read —, and a sum of some as of all; it says unknown, and of how many functions a sum is', async () => {
    await withPage(async (page) => {
      const allRow = () => page.locator('#whatif tfoot td').allInnerTexts();
      await page.goto(`${fleetscope.apiUrl}/coldstarts.html?range=1h`);
      await page.locator('#whatif tbody tr').first().waitFor();
      expect((await page.locator('#whatif tbody td').allInnerTexts())[2]).toBe('—');
      expect((await allRow())[1]).toBe('unknown');

      await page.locator('label[for="range-24h"]').click();
      await page.locator('#whatif tbody tr:nth-child(2)').waitFor();
      expect((await allRow())[1].replace(/\s+/g, ' ')).toBe('690 known for 1 of 2 functions');
    });
  });
});
