import { parsePrometheusFloat, parsePrometheusText } from './exposition-text.parser';

// Inputs follow the Prometheus text exposition format 0.0.4 (prometheus/docs
// content/docs/instrumenting/exposition_formats.md); they are written here, not captured.
describe(parsePrometheusText.name, () => {
  it('groups counters, gauges, histograms and summaries into families with HELP and TYPE', () => {
    const text = [
      '# HELP http_requests_total The total number of HTTP requests.',
      '# TYPE http_requests_total counter',
      'http_requests_total{method="post",code="200"} 1027 1395066363000',
      'http_requests_total{method="post",code="400"}    3 1395066363000',
      '',
      '# A normal comment.',
      '# TYPE queue_depth gauge',
      'queue_depth 4',
      '# TYPE http_request_duration_seconds histogram',
      'http_request_duration_seconds_bucket{le="0.05"} 24054',
      'http_request_duration_seconds_bucket{le="+Inf"} 144320',
      'http_request_duration_seconds_sum 53423',
      'http_request_duration_seconds_count 144320',
      '# TYPE rpc_duration_seconds summary',
      'rpc_duration_seconds{quantile="0.5"} 4773',
      'rpc_duration_seconds_sum 1.7560473e+07',
      'rpc_duration_seconds_count 2693',
    ].join('\n');
    const result = parsePrometheusText(text);
    expect(result.errorCount).toBe(0);
    expect(result.sampleCount).toBe(10);
    const counter = result.families.get('http_requests_total');
    expect(counter?.type).toBe('counter');
    expect(counter?.help).toBe('The total number of HTTP requests.');
    expect(counter?.samples[1]).toEqual({
      name: 'http_requests_total',
      labels: { method: 'post', code: '400' },
      value: 3,
      timestampMs: 1395066363000,
      line: 4,
    });
    expect(result.families.get('queue_depth')?.samples[0].value).toBe(4);
    const histogram = result.families.get('http_request_duration_seconds');
    expect(histogram?.type).toBe('histogram');
    expect(histogram?.samples.map((s) => s.name)).toEqual([
      'http_request_duration_seconds_bucket',
      'http_request_duration_seconds_bucket',
      'http_request_duration_seconds_sum',
      'http_request_duration_seconds_count',
    ]);
    expect(result.families.get('rpc_duration_seconds')?.samples).toHaveLength(3);
    expect(result.families.get('rpc_duration_seconds')?.samples[1].value).toBe(17560473);
  });

  it('unescapes backslash, quote and newline in label values and HELP text', () => {
    const text = [
      '# HELP msdos_file_access_time_seconds A \\\\ backslash and a\\nnewline.',
      'msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9',
    ].join('\n');
    const result = parsePrometheusText(text);
    const family = result.families.get('msdos_file_access_time_seconds');
    expect(family?.help).toBe('A \\ backslash and a\nnewline.');
    expect(family?.samples[0].labels).toEqual({
      path: 'C:\\DIR\\FILE.TXT',
      error: 'Cannot find file:\n"FILE.TXT"',
    });
  });

  it('reads NaN, +Inf, -Inf, exponents and a trailing comma in the label set', () => {
    const text = 'a NaN\nb{x="1",} +Inf\nc -Inf\nd 1e-3\ne{ x = "y" } -0.5 -1';
    const result = parsePrometheusText(text);
    expect(result.errorCount).toBe(0);
    expect(Number.isNaN(result.families.get('a')?.samples[0].value)).toBe(true);
    expect(result.families.get('b')?.samples[0]).toMatchObject({
      labels: { x: '1' },
      value: Infinity,
    });
    expect(result.families.get('c')?.samples[0].value).toBe(-Infinity);
    expect(result.families.get('d')?.samples[0].value).toBe(0.001);
    expect(result.families.get('e')?.samples[0]).toMatchObject({ value: -0.5, timestampMs: -1 });
  });

  it('counts each bad line with its number and keeps the good lines around it', () => {
    const text = [
      'good_one 1',
      'bad{label="unterminated} 2',
      'bad_value abc',
      '9starts_with_digit 1',
      'missing_value{a="b"}',
      '# TYPE x nonsense',
      'good_two{a="b"} 2 1700000000000',
      'trailing 1 2 3',
    ].join('\r\n');
    const result = parsePrometheusText(text);
    expect(result.sampleCount).toBe(2);
    expect([...result.families.keys()]).toEqual(['good_one', 'good_two']);
    expect(result.errorCount).toBe(6);
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 8]);
    expect(result.errors[1].reason).toBe('invalid value "abc"');
  });

  it('stops describing errors after maxErrors but keeps counting them', () => {
    const text = Array.from({ length: 50 }, () => 'bad bad').join('\n');
    const result = parsePrometheusText(text, { maxErrors: 5 });
    expect(result.errorCount).toBe(50);
    expect(result.errors).toHaveLength(5);
  });

  it('accepts OpenMetrics counters with _total samples, exemplars and # EOF', () => {
    const text = [
      '# TYPE foo counter',
      'foo_total{a="1"} 17 # {trace_id="KOO5S4vxi0o"} 0.67',
      'foo_created{a="1"} 1520430000.123',
      '# EOF',
    ].join('\n');
    const result = parsePrometheusText(text);
    expect(result.errorCount).toBe(0);
    expect(result.families.get('foo')?.samples.map((s) => [s.name, s.value])).toEqual([
      ['foo_total', 17],
      ['foo_created', 1520430000.123],
    ]);
  });

  it('keeps samples without a TYPE line as untyped families of their own name', () => {
    const result = parsePrometheusText('x_bucket{le="1"} 3\nx_count 3');
    expect(result.families.get('x_bucket')?.type).toBe('untyped');
    expect(result.families.get('x_count')?.samples[0].value).toBe(3);
  });

  it('keeps a label called __proto__ as a label', () => {
    const result = parsePrometheusText('m{__proto__="p"} 1');
    expect(result.families.get('m')?.samples[0].labels.__proto__).toBe('p');
  });

  it('keeps every sample of a 100k-line scrape in its one family', () => {
    const lines: string[] = ['# TYPE gateway_function_invocation_total counter'];
    for (let i = 0; i < 100_000; i++) {
      lines.push(
        `gateway_function_invocation_total{code="200",function_name="fn-${i}.openfaas-fn"} ${i}`,
      );
    }
    const result = parsePrometheusText(lines.join('\n'));
    const samples = result.families.get('gateway_function_invocation_total')?.samples ?? [];
    expect(result.sampleCount).toBe(100_000);
    expect(result.families.size).toBe(1);
    expect(samples).toHaveLength(100_000);
    expect(samples[99_999]).toMatchObject({
      value: 99_999,
      labels: { function_name: 'fn-99999.openfaas-fn' },
    });
  });
});

describe(parsePrometheusFloat.name, () => {
  it('reads the special values in any case and refuses words', () => {
    expect(parsePrometheusFloat('+inf')).toBe(Infinity);
    expect(parsePrometheusFloat('-Inf')).toBe(-Infinity);
    expect(parsePrometheusFloat('Inf')).toBe(Infinity);
    expect(Number.isNaN(parsePrometheusFloat('nan'))).toBe(true);
    expect(parsePrometheusFloat('12.5e1')).toBe(125);
    expect(parsePrometheusFloat('twelve')).toBeUndefined();
    expect(parsePrometheusFloat('')).toBeUndefined();
    expect(parsePrometheusFloat('-')).toBeUndefined();
  });
});
