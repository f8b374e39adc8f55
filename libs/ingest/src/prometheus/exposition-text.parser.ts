import type {
  PrometheusFamily,
  PrometheusLabels,
  PrometheusMetricType,
  PrometheusParseError,
  PrometheusParseResult,
  PrometheusSample,
} from './exposition.types';

export interface PrometheusParseOptions {
  /** How many bad lines to describe in `errors` (all are counted in `errorCount`). Default 100. */
  maxErrors?: number;
}

const TAB = 9;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const COMMA = 44;
const EQUALS = 61;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

const TYPES: ReadonlySet<string> = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/** Suffixes a sample may carry inside a family of the given type (text format 0.0.4, OpenMetrics). */
const SUFFIXES: Record<PrometheusMetricType, readonly string[]> = {
  counter: ['_total', '_created'],
  gauge: [],
  histogram: ['_bucket', '_sum', '_count', '_created'],
  summary: ['_sum', '_count', '_created'],
  untyped: [],
};

/** Thrown only inside this module to abandon one line; never escapes `parsePrometheusText`. */
class LineError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/**
 * Parses a float the way Go's strconv.ParseFloat does for the exposition format: decimal and
 * exponent forms, `NaN`, `+Inf`, `-Inf`, `Inf` (any case).
 */
export function parsePrometheusFloat(token: string): number | undefined {
  if (token.length === 0) return undefined;
  const c = token.charCodeAt(0);
  // Fast path: digits, sign or dot start an ordinary number.
  if ((c >= 48 && c <= 57) || c === 46 || ((c === 45 || c === 43) && token.length > 1)) {
    const rest = c === 45 || c === 43 ? token.slice(1).toLowerCase() : '';
    if (rest === 'inf' || rest === 'infinity') return c === 45 ? -Infinity : Infinity;
    if (rest === 'nan') return NaN;
    const n = Number(token);
    return Number.isNaN(n) ? undefined : n;
  }
  const lower = token.toLowerCase();
  if (lower === 'nan') return NaN;
  if (lower === 'inf' || lower === 'infinity') return Infinity;
  return undefined;
}

function unescapeHelp(text: string): string {
  if (text.indexOf('\\') < 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      if (next === 'n') {
        out += '\n';
        i++;
        continue;
      }
      if (next === '\\') {
        out += '\\';
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/**
 * Parses the Prometheus text exposition format (0.0.4), and the OpenMetrics text that scrapers
 * commonly meet (`_total` counters, `# EOF`, exemplars after ` # `). Every bad line is counted with
 * its line number and skipped; the other lines are kept. Never throws.
 */
export function parsePrometheusText(
  text: string,
  options: PrometheusParseOptions = {},
): PrometheusParseResult {
  const maxErrors = options.maxErrors ?? 100;
  const families = new Map<string, PrometheusFamily>();
  const errors: PrometheusParseError[] = [];
  let errorCount = 0;
  let sampleCount = 0;
  let lastFamily: PrometheusFamily | undefined;

  const fail = (lineNo: number, reason: string, line: string): void => {
    errorCount++;
    if (errors.length < maxErrors) errors.push({ line: lineNo, reason, text: line.slice(0, 200) });
  };

  const familyFor = (sampleName: string): PrometheusFamily => {
    if (lastFamily !== undefined && ownsSample(lastFamily, sampleName)) return lastFamily;
    const exact = families.get(sampleName);
    if (exact !== undefined) return exact;
    const underscore = sampleName.lastIndexOf('_');
    if (underscore > 0) {
      const base = families.get(sampleName.slice(0, underscore));
      if (base !== undefined && ownsSample(base, sampleName)) return base;
    }
    const created: PrometheusFamily = { name: sampleName, type: 'untyped', help: '', samples: [] };
    families.set(sampleName, created);
    return created;
  };

  const declared = (name: string): PrometheusFamily => {
    let family = families.get(name);
    if (family === undefined) {
      family = { name, type: 'untyped', help: '', samples: [] };
      families.set(name, family);
    }
    return family;
  };

  let lineNo = 0;
  let start = 0;
  const length = text.length;
  while (start <= length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    lineNo++;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);

    let i = 0;
    while (i < line.length && isBlank(line.charCodeAt(i))) i++;
    if (i === line.length) {
      if (end === length) break;
      continue;
    }

    if (line.charCodeAt(i) === HASH) {
      const meta = parseMetaLine(line, i + 1);
      if (meta === undefined) continue; // a plain comment
      if (typeof meta === 'string') {
        fail(lineNo, meta, line);
        continue;
      }
      const family = declared(meta.name);
      if (meta.kind === 'HELP') family.help = meta.text;
      else family.type = meta.type;
      lastFamily = family;
      continue;
    }

    try {
      const sample = parseSampleLine(line, i, lineNo);
      const family = familyFor(sample.name);
      family.samples.push(sample);
      lastFamily = family;
      sampleCount++;
    } catch (e) {
      if (!(e instanceof LineError)) throw e;
      fail(lineNo, e.reason, line);
    }
    if (end === length) break;
  }

  return { families, sampleCount, errorCount, errors };
}

function ownsSample(family: PrometheusFamily, sampleName: string): boolean {
  if (sampleName === family.name) return true;
  if (!sampleName.startsWith(family.name)) return false;
  const suffix = sampleName.slice(family.name.length);
  return SUFFIXES[family.type].includes(suffix);
}

type MetaLine =
  | { kind: 'HELP'; name: string; text: string }
  | { kind: 'TYPE'; name: string; type: PrometheusMetricType };

/** Returns the HELP/TYPE content, undefined for a plain comment, or an error reason. */
function parseMetaLine(line: string, from: number): MetaLine | string | undefined {
  let i = from;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  const keyword = line.slice(i, i + 4);
  if (keyword !== 'HELP' && keyword !== 'TYPE') return undefined;
  i += 4;
  if (i < line.length && !isBlank(line.charCodeAt(i))) return undefined; // e.g. "# HELPER"
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  const nameStart = i;
  if (i >= line.length || !isNameStart(line.charCodeAt(i)))
    return `invalid metric name in ${keyword}`;
  while (i < line.length && isNameChar(line.charCodeAt(i))) i++;
  const name = line.slice(nameStart, i);
  if (i < line.length && !isBlank(line.charCodeAt(i))) return `invalid metric name in ${keyword}`;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  const rest = line.slice(i);
  if (keyword === 'HELP') return { kind: 'HELP', name, text: unescapeHelp(rest) };
  const type = rest.trimEnd().toLowerCase();
  if (!TYPES.has(type)) return `unknown metric type "${rest.slice(0, 40)}"`;
  return { kind: 'TYPE', name, type: type as PrometheusMetricType };
}

function parseSampleLine(line: string, from: number, lineNo: number): PrometheusSample {
  let i = from;
  if (!isNameStart(line.charCodeAt(i))) throw new LineError('invalid metric name');
  while (i < line.length && isNameChar(line.charCodeAt(i))) i++;
  const name = line.slice(from, i);
  const nameEnd = i;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;

  const labels: PrometheusLabels = Object.create(null) as PrometheusLabels;
  if (line.charCodeAt(i) === OPEN_BRACE) {
    i = parseLabels(line, i + 1, labels);
    while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  } else if (i === nameEnd && i < line.length) {
    throw new LineError('invalid metric name');
  }
  if (i >= line.length) throw new LineError('missing value');
  let tokenEnd = i;
  while (tokenEnd < line.length && !isBlank(line.charCodeAt(tokenEnd))) tokenEnd++;
  const value = parsePrometheusFloat(line.slice(i, tokenEnd));
  if (value === undefined) throw new LineError(`invalid value "${line.slice(i, tokenEnd)}"`);

  i = tokenEnd;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  let timestampMs: number | null = null;
  if (i < line.length && line.charCodeAt(i) !== HASH) {
    tokenEnd = i;
    while (tokenEnd < line.length && !isBlank(line.charCodeAt(tokenEnd))) tokenEnd++;
    const ts = Number(line.slice(i, tokenEnd));
    if (!Number.isFinite(ts)) throw new LineError(`invalid timestamp "${line.slice(i, tokenEnd)}"`);
    timestampMs = ts;
    i = tokenEnd;
    while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  }
  // Anything left must be an OpenMetrics exemplar (" # {...} value"), which is ignored.
  if (i < line.length && line.charCodeAt(i) !== HASH)
    throw new LineError('unexpected text after value');
  return { name, labels, value, timestampMs, line: lineNo };
}

/** Parses `name="value",...}` starting after `{`; returns the index after `}`. */
function parseLabels(line: string, from: number, labels: PrometheusLabels): number {
  let i = from;
  for (;;) {
    while (i < line.length && isBlank(line.charCodeAt(i))) i++;
    if (i >= line.length) throw new LineError('unterminated label set');
    if (line.charCodeAt(i) === CLOSE_BRACE) return i + 1;

    const nameStart = i;
    const c = line.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)) {
      throw new LineError('invalid label name');
    }
    while (i < line.length && isNameChar(line.charCodeAt(i)) && line.charCodeAt(i) !== 58) i++;
    const labelName = line.slice(nameStart, i);
    while (i < line.length && isBlank(line.charCodeAt(i))) i++;
    if (line.charCodeAt(i) !== EQUALS) throw new LineError(`expected "=" after label ${labelName}`);
    i++;
    while (i < line.length && isBlank(line.charCodeAt(i))) i++;
    if (line.charCodeAt(i) !== QUOTE)
      throw new LineError(`expected quoted value for label ${labelName}`);
    i++;

    const close = findClosingQuote(line, i);
    if (close < 0) throw new LineError(`unterminated value for label ${labelName}`);
    const raw = line.slice(i, close);
    labels[labelName] = raw.indexOf('\\') < 0 ? raw : unescapeLabelValue(raw);
    i = close + 1;

    while (i < line.length && isBlank(line.charCodeAt(i))) i++;
    const sep = line.charCodeAt(i);
    if (sep === COMMA) {
      i++;
      continue;
    }
    if (sep === CLOSE_BRACE) return i + 1;
    throw new LineError('expected "," or "}" in label set');
  }
}

function findClosingQuote(line: string, from: number): number {
  let i = line.indexOf('"', from);
  // Fast path: no backslash before the first quote.
  const slash = line.indexOf('\\', from);
  if (slash < 0 || (i >= 0 && slash > i)) return i;
  i = from;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE) return i;
    else i++;
  }
  return -1;
}

/** Label values escape `\\`, `\"` and `\n`; other sequences are kept as written. */
function unescapeLabelValue(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1];
      i++;
      if (next === 'n') out += '\n';
      else if (next === '\\' || next === '"') out += next;
      else out += ch + next;
      continue;
    }
    out += ch;
  }
  return out;
}
