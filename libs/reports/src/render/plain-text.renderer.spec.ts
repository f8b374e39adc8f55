import type { ReportFunction } from '../build/report-inputs';
import { buildWeeklyReport } from '../build/weekly-report.builder';
import { inputs, pricing } from '../testing/known-week.inputs';
import { renderMarkdown } from './markdown.renderer';
import { renderPlainText } from './plain-text.renderer';

const report = buildWeeklyReport(inputs, pricing);

describe(renderPlainText.name, () => {
  const text = renderPlainText(report);

  it('says what the Markdown says, without its marks', () => {
    expect(text).toMatch(/^Fleetscope weekly cost report 2025-W31\n=+\n/);
    expect(text).toContain('\nTotal: $5,206.79 (previous week $1.16, +$5,205.63)');
    expect(text).toContain('\nData for all 7 days of 2025-W31');
    expect(text).not.toMatch(/\*\*|^[#>|]|\\[_*|]/m);
    // Every paragraph of the Markdown without marks is in the text, word for word.
    const sentences = renderMarkdown(report)
      .split('\n')
      .filter((line) => /^[A-Z0-9][^|`*]*$/.test(line));
    for (const line of sentences) expect(text).toContain(line);
  });

  it('sets a narrow table in columns and a wide one as one record per row', () => {
    expect(text).toContain(
      [
        'Function  Concurrency  Utilisation  Allocated  Idle',
        '--------  -----------  -----------  ---------  -----',
        'warm      2            20.8 %       $1.44      $1.14',
      ].join('\n'),
    );
    expect(text).toContain(
      '\nbatch\n  Previous: $0.00\n  This week: $5,200.43\n  Change: +$5,200.43 (new)\n',
    );
  });

  it('writes names from telemetry as they are, each on its one line', () => {
    const hostile = buildWeeklyReport(
      {
        ...inputs,
        functions: inputs.functions.map((f): ReportFunction =>
          f.name === 'api' ? { ...f, name: '*order_processor*\n| x' } : f,
        ),
      },
      pricing,
    );
    const plain = renderPlainText(hostile);
    expect(plain).toContain('\n*order_processor* | x\n  Platform: aws_lambda\n');
    expect(renderMarkdown(hostile)).toContain('\\*order\\_processor\\* \\| x');
  });
});
