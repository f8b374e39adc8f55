import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReportLine } from './report-line.parser';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

function reportLinesOf(markdown: string): string[] {
  return markdown.split('\n').filter((l) => l.startsWith('REPORT RequestId:'));
}

describe(parseReportLine.name, () => {
  it('reads every field of a tab-separated Node.js REPORT line with an inline X-Ray trace', () => {
    const line = reportLinesOf(fixture('nodejs-logging.md'))[0];
    expect(parseReportLine(line)).toEqual({
      requestId: 'c793869b-ee49-115b-a5b6-4fd21e8dedac',
      durationMs: 128.83,
      billedDurationMs: 200,
      memorySizeMb: 128,
      maxMemoryUsedMb: 74,
      initDurationMs: 166.62,
      restoreDurationMs: null,
      billedRestoreDurationMs: null,
      status: '',
      errorType: '',
      traceId: '1-5d9d007f-0a8c7fd02xmpl480aed55ef0',
    });
  });

  it('reads space-separated lines as the Python docs print them', () => {
    const line = reportLinesOf(fixture('python-logging.md'))[0];
    expect(parseReportLine(line)).toMatchObject({
      requestId: '8f507cfc-xmpl-4697-b07a-ac58fc914c95',
      durationMs: 15.74,
      billedDurationMs: 16,
      memorySizeMb: 128,
      maxMemoryUsedMb: 56,
      initDurationMs: 130.49,
    });
  });

  it('tolerates a space before the tab and a trailing tab and newline', () => {
    const line =
      'REPORT RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf\tDuration: 26.73 ms\tBilled Duration: 27 ms \tMemory Size: 128 MB\tMax Memory Used: 75 MB\t\n';
    expect(parseReportLine(line)).toMatchObject({
      durationMs: 26.73,
      billedDurationMs: 27,
      memorySizeMb: 128,
      maxMemoryUsedMb: 75,
      initDurationMs: null,
    });
  });

  it('reads the X-Ray trace id from the continuation line inside the same message', () => {
    const line =
      'REPORT RequestId: 06e46194-f277-454e-88d3-1dd7e3860eaa\tDuration: 9.14 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 36 MB\tInit Duration: 190.62 ms\t\nXRAY TraceId: 1-636d1462-33ef10600061cad86dab71c8\tSegmentId: 7ccb4860675ee485\tSampled: true\t\n';
    expect(parseReportLine(line)).toMatchObject({
      durationMs: 9.14,
      initDurationMs: 190.62,
      traceId: '1-636d1462-33ef10600061cad86dab71c8',
    });
  });

  it('reads Status and Init Duration of a cold start that timed out (issue excerpt, spaces)', () => {
    const excerpts = JSON.parse(fixture('lambda_log_lines_from_issues.json')) as {
      items: { lines: string[] }[];
    };
    expect(parseReportLine(excerpts.items[0].lines[0])).toMatchObject({
      requestId: '595492f6-5916-4b98-94e5-a1079dfab87b',
      durationMs: 5000,
      billedDurationMs: 5579,
      memorySizeMb: 3008,
      maxMemoryUsedMb: 113,
      initDurationMs: 578.07,
      status: 'timeout',
    });
  });

  it('reads the OOM Status and Error Type fields of current REPORT lines', () => {
    // Documented format, docs/decisions.md "Lambda platform records".
    const line =
      'REPORT RequestId: 1c2d\tDuration: 812.40 ms\tBilled Duration: 813 ms\tMemory Size: 256 MB\tMax Memory Used: 256 MB\tStatus: error\tError Type: Runtime.OutOfMemory';
    expect(parseReportLine(line)).toMatchObject({
      requestId: '1c2d',
      durationMs: 812.4,
      status: 'error',
      errorType: 'Runtime.OutOfMemory',
    });
  });

  it('reads SnapStart Restore Duration and Billed Restore Duration', () => {
    // Documented format (docs.aws.amazon.com/lambda/latest/dg/snapstart-monitoring.html).
    const line =
      'REPORT RequestId: 9a1f\tDuration: 12.50 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB\tMax Memory Used: 120 MB\tRestore Duration: 310.44 ms\tBilled Restore Duration: 150 ms';
    expect(parseReportLine(line)).toMatchObject({
      restoreDurationMs: 310.44,
      billedRestoreDurationMs: 150,
      initDurationMs: null,
    });
  });

  it('starts at the offset it is given, so a timestamp prefix needs no slicing', () => {
    const line =
      '2024-09-10T13:32:59.424Z REPORT RequestId: fa60295b-85a2-495a-a7e2-da5c85a5eb1e\tDuration: 19266.38 ms\tBilled Duration: 19267 ms\tMemory Size: 2688 MB\tMax Memory Used: 2581 MB\t';
    expect(parseReportLine(line, 25)).toMatchObject({
      durationMs: 19266.38,
      maxMemoryUsedMb: 2581,
    });
  });

  it('returns undefined for lines that are not REPORT lines', () => {
    expect(parseReportLine('START RequestId: abc Version: $LATEST')).toBeUndefined();
    expect(parseReportLine('REPORT RequestId: ')).toBeUndefined();
    expect(parseReportLine('')).toBeUndefined();
  });

  it('skips fields it does not know and keeps parsing the ones after them', () => {
    const line =
      'REPORT RequestId: r1\tFuture Field: 12 ms\tDuration: 1.5 ms\tBilled Duration: 2 ms';
    expect(parseReportLine(line)).toMatchObject({ durationMs: 1.5, billedDurationMs: 2 });
  });

  it('yields the same numbers as parseFloat', () => {
    for (let i = 0; i < 2000; i++) {
      const text = (Math.random() * 100000).toFixed(i % 4);
      const parsed = parseReportLine(`REPORT RequestId: x\tDuration: ${text} ms`);
      expect(parsed?.durationMs).toBe(Number.parseFloat(text));
    }
  });
});
