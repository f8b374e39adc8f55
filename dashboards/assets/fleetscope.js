// Shared helpers of the dashboard pages: API calls (with the bearer token from localStorage),
// DOM building, number formats, the time-range picker and chart defaults. No framework: each page
// is one small module that imports these.

const TOKEN_KEY = 'fleetscope.apiToken';

// ---------------------------------------------------------------------------------------------
// DOM

/**
 * Builds an element. Text children become text nodes (never HTML), so names that arrive from
 * ingested telemetry cannot inject markup.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

export const $ = (selector) => document.querySelector(selector);

// ---------------------------------------------------------------------------------------------
// API

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function apiToken() {
  try {
    return localStorage.getItem(TOKEN_KEY) || '';
  } catch {
    return '';
  }
}

/**
 * How long api() waits for the whole answer to a read (GET) before the page says so: the slowest
 * read answers in seconds, and a server that stopped answering must not leave a page loading for
 * ever. Requests that start work (an analysis run, a report's build: minutes on a large fleet)
 * wait for as long as it takes. A page may set `window.fleetscopeApiTimeoutMs` lower (the
 * browser tests do).
 */
const API_TIMEOUT_MS = 60_000;

function apiTimeoutMs() {
  const set = Number(/** @type {any} */ (globalThis).fleetscopeApiTimeoutMs);
  return set > 0 ? set : API_TIMEOUT_MS;
}

/** The ApiError of a request that failed before any answer: no server, or none in time. */
function unanswered(error, timeoutMs) {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    const seconds = Math.round(timeoutMs / 100) / 10;
    return new ApiError(0, `The Fleetscope API did not answer within ${seconds} s. Try again.`);
  }
  return new ApiError(0, 'The Fleetscope API did not answer. Is the server running?');
}

/**
 * Fetches an API path and reads its whole answer as text: the token (when set) goes in the
 * Authorization header, never in the URL, and a read gives up after apiTimeoutMs(). A request
 * that got no answer throws an ApiError with status 0; the caller judges the answer's status.
 */
export async function apiFetch(path, init = {}) {
  const headers = new Headers(init.headers);
  const token = apiToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  const timeoutMs = apiTimeoutMs();
  const read = (init.method ?? 'GET').toUpperCase() === 'GET';
  // A browser without AbortSignal.timeout (Safari before 16) waits as before.
  const timeout =
    read && typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(timeoutMs) : undefined;
  const signal =
    timeout && init.signal && typeof AbortSignal.any === 'function'
      ? AbortSignal.any([init.signal, timeout])
      : (init.signal ?? timeout);
  let response;
  let text;
  try {
    response = await fetch(path, { ...init, headers, signal });
    text = await response.text();
  } catch (error) {
    // A caller's own abort is its own matter.
    if (init.signal?.aborted) throw error;
    throw unanswered(error, timeoutMs);
  }
  if (response.status === 401 && token) markTokenRefused();
  return { response, text };
}

/** Calls the API for JSON (apiFetch()); an answer that is not 2xx throws an ApiError saying why. */
export async function api(path, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  const { response, text } = await apiFetch(path, { ...init, headers });
  const token = apiToken();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const detail = body && body.message ? [].concat(body.message).join('; ') : text.slice(0, 300);
    if (response.status === 401) {
      throw new ApiError(
        401,
        token
          ? 'The API refused the token. Check it under "API token".'
          : 'This Fleetscope needs an API token (FLEETSCOPE_API_TOKEN). Enter it under "API token".',
      );
    }
    throw new ApiError(response.status, `${response.status} ${response.statusText}: ${detail}`);
  }
  if (body === null) throw new ApiError(response.status, 'The API answered with no JSON.');
  return body;
}

/**
 * A request (api() unless given another) for one part of a page that shows only its latest answer:
 * once the part asks again, because the user picked another range, grouping, filter or week, an
 * earlier call resolves to undefined instead of its answer or its error. A slow answer for what was
 * asked before cannot overwrite the one asked for since; the caller returns on undefined, which
 * api() never answers.
 * @template {any[]} A
 * @template T
 * @param {(...args: A) => Promise<T>} [request]
 * @returns {(...args: A) => Promise<T | undefined>}
 */
export function latestOnly(request = /** @type {any} */ (api)) {
  let latest = 0;
  return async (...args) => {
    const call = ++latest;
    try {
      const answer = await request(...args);
      return call === latest ? answer : undefined;
    } catch (error) {
      if (call === latest) throw error;
      return undefined;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Notices (loading, empty, error): a page is never left blank.

/** Shows a message in a notice element; kind is 'info', 'error' or 'ok'. */
export function notice(el, kind, message, action) {
  el.hidden = false;
  el.className = `notice ${kind === 'info' ? '' : kind}`.trim();
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  el.replaceChildren(message instanceof Node ? message : h('span', {}, message));
  if (action) el.append(action);
}

export function clearNotice(el) {
  el.hidden = true;
  el.replaceChildren();
}

/** Shows an API failure; a 401 comes with a button that opens the token dialog. */
export function showError(el, error) {
  const message = error instanceof Error ? error.message : String(error);
  const action =
    error instanceof ApiError && error.status === 401
      ? h('button', { type: 'button', onclick: openTokenDialog }, 'Enter API token')
      : undefined;
  notice(el, 'error', h('span', {}, h('strong', {}, 'Could not load the data. '), message), action);
}

// ---------------------------------------------------------------------------------------------
// Formats

const intFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const dash = '—';

export function fmtInt(v) {
  return v === null || v === undefined || !Number.isFinite(v) ? dash : intFormat.format(v);
}

export function fmtNum(v, digits = 2) {
  if (v === null || v === undefined || !Number.isFinite(v)) return dash;
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(v);
}

/** A 0..1 ratio as a percentage. */
export function fmtPct(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return dash;
  const pct = v * 100;
  const digits = pct === 0 || pct >= 10 ? 1 : pct >= 1 ? 1 : 2;
  return `${pct.toFixed(digits)} %`;
}

/**
 * A cold-start rate of GET /api/functions or /api/coldstarts (`coldStartRate`, `coldStarts`,
 * `invocations`, `coldStartUnknown`, `coldStartRateReason`) as "unknown" when no invocation said
 * whether it started cold, never 0 %, and as a dash without invocations; its title says which
 * invocations the rate is over, and a rate that leaves some out is marked with an asterisk.
 */
export function coldStartRateCell(r) {
  const rate = r.coldStartRate;
  const unknown = r.coldStartUnknown ?? 0;
  if (rate === null && !r.invocations) {
    return h(
      'span',
      { title: r.coldStartRateReason ?? 'No invocations.', class: 'secondary' },
      dash,
    );
  }
  const title =
    rate === null
      ? `${r.coldStartRateReason ?? 'No source said whether these invocations started cold.'} (${fmtInt(unknown)} invocations)`
      : unknown > 0
        ? `${fmtInt(r.coldStarts)} cold starts in the ${fmtInt(r.invocations - unknown)} invocations whose start is known; ${fmtInt(unknown)} of ${fmtInt(r.invocations)} did not say whether they started cold (spans without faas.coldstart, FaaS metrics without faas.coldstarts) and are left out`
        : `${fmtInt(r.coldStarts)} cold starts in ${fmtInt(r.invocations)} invocations`;
  return h(
    'span',
    { title, class: rate === null ? 'secondary' : null },
    rate === null ? 'unknown' : `${fmtPct(rate)}${unknown > 0 ? '*' : ''}`,
  );
}

/**
 * A count of cold starts (`coldStarts`, `invocations`, `coldStartUnknown` of the API) as
 * "unknown" when none of the invocations said whether it started cold: 0 would claim none did.
 */
export function fmtColdStarts(r) {
  return coldStartsUnknown(r) ? 'unknown' : fmtInt(r.coldStarts);
}

/** Whether none of the invocations (`invocations`, `coldStartUnknown` of the API) said whether it started cold. */
export function coldStartsUnknown(r) {
  return r.invocations > 0 && (r.coldStartUnknown ?? 0) >= r.invocations;
}

export function fmtMs(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return dash;
  if (v >= 60_000) return `${fmtNum(v / 60_000, 1)} min`;
  if (v >= 10_000) return `${fmtNum(v / 1000, 1)} s`;
  if (v >= 1000) return `${fmtNum(v / 1000, 2)} s`;
  if (v >= 100) return `${fmtNum(v, 0)} ms`;
  return `${fmtNum(v, 1)} ms`;
}

export function fmtMb(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return dash;
  return v >= 10_240 ? `${fmtNum(v / 1024, 1)} GB` : `${fmtInt(v)} MB`;
}

/** GB-seconds: whole from 100 up, else three significant digits (1 ms at 128 MB is 0.000125). */
export function fmtGbSeconds(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return dash;
  return `${v >= 100 ? fmtInt(v) : new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(v)} GB-s`;
}

/**
 * Dollars with enough digits to show small per-range costs: below a cent two significant digits, as
 * the weekly report writes them: a function's range can cost $0.0000002, which is not $0.00.
 * Below $0.0000000001 a figure is floating-point noise of sums, not money.
 */
export function fmtUsd(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return dash;
  const abs = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (abs < 1e-10) return '$0.00';
  if (abs < 0.01) {
    // toPrecision would write 2.0e-7: spell the decimals out.
    const rounded = Number(abs.toPrecision(2));
    return `${sign}$${rounded.toFixed(1 - Math.floor(Math.log10(rounded)))}`;
  }
  const digits = abs >= 100 ? 0 : abs >= 1 ? 2 : 4;
  return `${sign}$${new Intl.NumberFormat('en-US', { minimumFractionDigits: Math.min(digits, 2), maximumFractionDigits: digits }).format(abs)}`;
}

// Every time on the pages is UTC and says so: the server groups hours and days, reports weeks and
// analysis windows in UTC, and a local time beside them would read as one of those.

/** A moment as `5 Nov, 14:03 UTC`. */
export function fmtTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return dash;
  return `${date.toLocaleString('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  })} UTC`;
}

/**
 * A chart axis tick of a time series in UTC (the axis title says UTC): `14:00`, `Tue 14:00` over
 * more than a day, `5 Nov` for daily steps.
 */
export function fmtAxisTime(timeMs, { days = false, weekday = false } = {}) {
  const date = new Date(timeMs);
  if (days)
    return date.toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
  const time = date.toLocaleTimeString('en-GB', {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
  });
  return weekday
    ? `${date.toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'short' })} ${time}`
    : time;
}

/**
 * A saving in words as the API gives it (`savingWords`, `totalWords`: libs/analysis
 * saving-sign.ts, the one rule) with its verb: "saves $1.20–3.40 a month", "costs $0.63 more a
 * month", "saves nothing a month".
 * @param {{ saving: boolean | null, text: string }} words
 */
export function savingPhrase(words) {
  return words.saving === null
    ? 'saves nothing a month'
    : `${words.saving ? 'saves' : 'costs'} ${words.text}`;
}

/**
 * `camelCaseKey` → `camel case key`. Unit suffixes are dropped (fmtValue prints the unit with the
 * value): `memoryMb` → `memory`, `monthlyUsd` → `monthly cost`.
 */
export function humanKey(key) {
  let base = key.replace(/(Usd|Mb|Ms)$/, '');
  if (!base) base = key;
  if (key.endsWith('Usd') && !/(cost|price|saving|impact)$/i.test(base)) base += 'Cost';
  return base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z][a-z])(\d)/g, '$1 $2')
    .toLowerCase();
}

const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const scientific = new Intl.NumberFormat('en-US', {
  notation: 'scientific',
  maximumSignificantDigits: 4,
});

/**
 * Four significant digits; below 1e-4 in scientific notation (1.865e-18), where plain digits were
 * a row of zeros ("tail probability 0.000000000000000001865").
 */
function fmtSignificant(v) {
  return v !== 0 && Math.abs(v) < 1e-4
    ? scientific.format(v).replace('E', 'e')
    : significant.format(v);
}

/**
 * A nested value of the evidence, compact: `moments (mu 6.78, sigma 0.03752)`. A number is
 * formatted by its own key's unit, else by the unit of the key it is under (`monthlyUsd: {scaled,
 * atPeak}` in dollars: it read "scaled 4,459").
 */
function compact(value, unitKey = '') {
  if (value === null || value === undefined) return dash;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    return unitKey ? fmtValue(unitKey, value) : fmtSignificant(value);
  }
  if (Array.isArray(value)) return value.map((v) => compact(v, unitKey)).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => {
        const unit = hasUnit(k) ? k : unitKey;
        return v !== null && typeof v === 'object' && !Array.isArray(v)
          ? `${humanKey(k)} (${compact(v, unit)})`
          : `${humanKey(k)} ${compact(v, unit)}`;
      })
      .join('; ');
  }
  return String(value);
}

/** Whether a key names its unit (fmtValue formats its numbers by it). */
const hasUnit = (key) => /(Usd|Mb|Ms)$/.test(key);

/** A value of a recommendation or its evidence, formatted by its key's unit suffix. */
export function fmtValue(key, value) {
  if (value === null || value === undefined) return dash;
  if (typeof value === 'number') {
    if (/Usd$/.test(key)) return fmtUsd(value);
    if (/Mb$/.test(key)) return fmtMb(value);
    if (/Ms$/.test(key)) return fmtMs(value);
    if (/(Rate|Share|Utili[sz]ation|Ratio)(Of[A-Z]\w*)?$/.test(key) && Math.abs(value) <= 1.5)
      return fmtPct(value);
    return Number.isInteger(value) ? fmtInt(value) : fmtSignificant(value);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return compact(value, hasUnit(key) ? key : '');
}

/** An id's part as written: an id percent-encodes its parts (an Azure app/function, a '~' or '%'). */
function decodePart(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The parts of a function id (platform~account~region~name), decoded; a bare name for another id. */
function functionParts(id) {
  const parts = String(id).split('~');
  if (parts.length !== 4) return { name: decodePart(parts[parts.length - 1] || String(id)) };
  const [platform, account, region, name] = parts.map(decodePart);
  return { platform, account, region, name: name || String(id) };
}

/** The readable part of a function id (platform~account~region~name). */
export function functionName(id) {
  return functionParts(id).name;
}

/**
 * The label of each function id of a list shown together (a table, a chart, the plans): its name,
 * and where that name repeats in the list, the account, region and platform that tell the
 * functions apart, e.g. `checkout (111111111111 · eu-west-1)`. A name alone made one function in
 * two accounts or regions two identical rows.
 * @param {Iterable<string>} ids
 * @returns {Map<string, string>}
 */
export function functionLabels(ids) {
  const byName = new Map();
  for (const id of new Set(ids)) {
    const parts = functionParts(id);
    const same = byName.get(parts.name) ?? [];
    same.push({ id, parts });
    byName.set(parts.name, same);
  }
  const labels = new Map();
  for (const [name, same] of byName) {
    // Only the parts that differ between the functions of one name: the rest says nothing.
    const differ = ['account', 'region', 'platform'].filter(
      (key) => new Set(same.map((s) => s.parts[key])).size > 1,
    );
    for (const { id, parts } of same) {
      const where = differ.map((key) => parts[key]).filter(Boolean);
      labels.set(id, same.length > 1 && where.length > 0 ? `${name} (${where.join(' · ')})` : name);
    }
  }
  return labels;
}

/** A link to a function's page reading `label`, its full id in the title. */
export function functionLink(id, label, range, attrs = {}) {
  return h('a', { ...attrs, href: functionHref(id, range), title: id }, label);
}

export function functionHref(id, range) {
  const params = new URLSearchParams({ id });
  if (range) params.set('range', range);
  return `/function.html?${params}`;
}

// ---------------------------------------------------------------------------------------------
// Time range

export const RANGES = [
  { key: '1h', label: '1 hour', ms: 3_600_000 },
  { key: '24h', label: '24 hours', ms: 86_400_000 },
  { key: '7d', label: '7 days', ms: 7 * 86_400_000 },
];

/** Whether no longer range can be picked: an empty page does not suggest one then. */
export function isLongestRange(range) {
  return range.key === RANGES[RANGES.length - 1].key;
}

/** The range in the page's URL (`?range=1h|24h|7d`), 24 hours by default (as the API). */
export function currentRange() {
  const key = new URLSearchParams(location.search).get('range');
  const range = RANGES.find((r) => r.key === key) ?? RANGES[1];
  const toMs = Date.now();
  return { ...range, fromMs: toMs - range.ms, toMs };
}

export function rangeQuery(range) {
  return `from=${Math.round(range.fromMs)}&to=${Math.round(range.toMs)}`;
}

/** A segmented radio group; changing it updates ?range= and calls onChange. */
export function rangePicker(onChange) {
  const current = currentRange().key;
  const options = h('span', { class: 'options' });
  for (const r of RANGES) {
    const id = `range-${r.key}`;
    options.append(
      h('input', {
        type: 'radio',
        name: 'range',
        id,
        value: r.key,
        checked: r.key === current,
        onchange: () => {
          const url = new URL(location.href);
          url.searchParams.set('range', r.key);
          history.replaceState(null, '', url);
          onChange(currentRange());
        },
      }),
      h('label', { for: id }, r.label),
    );
  }
  return h('fieldset', { class: 'segmented' }, h('legend', {}, 'Time range'), options);
}

/** A radio group like the range picker, for any small set of choices. */
export function segmented(name, legend, choices, selected, onChange) {
  const options = h('span', { class: 'options' });
  for (const c of choices) {
    const id = `${name}-${c.value || 'all'}`;
    options.append(
      h('input', {
        type: 'radio',
        name,
        id,
        value: c.value,
        checked: c.value === selected,
        onchange: () => onChange(c.value),
      }),
      h('label', { for: id }, c.label),
    );
  }
  return h('fieldset', { class: 'segmented' }, h('legend', {}, legend), options);
}

export function statCard(label, value, secondary) {
  return h(
    'div',
    { class: 'stat' },
    h('dt', {}, label),
    h('dd', {}, value, secondary ? h('small', {}, secondary) : null),
  );
}

// ---------------------------------------------------------------------------------------------
// API token dialog

let dialog;

function tokenDialog() {
  if (dialog) return dialog;
  const input = h('input', {
    type: 'password',
    id: 'api-token',
    name: 'token',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const form = h(
    'form',
    { method: 'dialog' },
    h('h2', { id: 'token-title' }, 'API token'),
    h(
      'p',
      {},
      'When Fleetscope runs with FLEETSCOPE_API_TOKEN, the pages send this token as a bearer header. It is kept in this browser (localStorage) only.',
    ),
    h('label', { for: 'api-token' }, 'Token'),
    input,
    // Save is the form's only submit button: Enter in the field submits with the first one, which
    // was "Forget token" and deleted the token. Forget and Cancel act on their own click only.
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', onclick: () => dialog.close('clear') }, 'Forget token'),
      h('button', { type: 'button', onclick: () => dialog.close('cancel') }, 'Cancel'),
      h('button', { type: 'submit', value: 'save', class: 'primary' }, 'Save'),
    ),
  );
  dialog = h('dialog', { 'aria-labelledby': 'token-title' }, form);
  // A submit (Save, or Enter in the field) saves, whatever button the browser names as submitter.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    dialog.close('save');
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'save') localStorage.setItem(TOKEN_KEY, input.value.trim());
    else if (dialog.returnValue === 'clear') localStorage.removeItem(TOKEN_KEY);
    else return;
    location.reload();
  });
  document.body.append(dialog);
  return dialog;
}

export function openTokenDialog() {
  const d = tokenDialog();
  d.querySelector('input').value = apiToken();
  d.showModal();
}

/** The top bar's button once the API refused the stored token: not a ✓ for a wrong token. */
function markTokenRefused() {
  const button = document.getElementById('token-button');
  if (!button) return;
  button.textContent = 'API token ✗ refused';
  button.classList.add('refused');
  button.title = 'The API refused the stored token (401). Select to enter another.';
}

/** Wires the top bar's "API token" button; every page calls it once. */
export function setupPage() {
  const button = document.getElementById('token-button');
  if (button) {
    button.addEventListener('click', openTokenDialog);
    // ✓ says a token is stored; a 401 for it turns this into "refused" (markTokenRefused).
    if (apiToken() && !button.classList.contains('refused')) button.textContent = 'API token ✓';
  }
  void showDemoBanner();
}

let healthAnswer;

/** GET /api/health, asked once by a page: the demo banner and the empty fleet's notice read it. */
export function health() {
  healthAnswer ??= api('/api/health').catch((error) => {
    healthAnswer = undefined;
    throw error;
  });
  return healthAnswer;
}

/**
 * Where to send telemetry: the collector's ports as GET /api/health gives them from its
 * configuration, or, when it cannot (port 0, no answer), the settings that hold them.
 */
export async function collectorPorts() {
  let ports;
  try {
    ports = (await health())?.collector;
  } catch {
    ports = undefined;
  }
  const http = ports?.otlpHttpPort
    ? `port ${ports.otlpHttpPort}`
    : 'its OTLP/HTTP port (FLEETSCOPE_OTLP_HTTP_PORT)';
  const grpc = ports?.otlpGrpcPort
    ? `port ${ports.otlpGrpcPort}`
    : 'its OTLP/gRPC port (FLEETSCOPE_OTLP_GRPC_PORT)';
  return `OTLP/HTTP and Lambda logs to ${http}, OTLP/gRPC to ${grpc}`;
}

/** `npm run demo` data says what it is on every page (GET /api/health answers demo: true). */
async function showDemoBanner() {
  let answer;
  try {
    answer = await health();
  } catch {
    return;
  }
  if (answer?.demo !== true || document.getElementById('demo-banner')) return;
  const banner = h(
    'div',
    { id: 'demo-banner', class: 'notice warn', role: 'note' },
    'Demo data: a fleet built from the public Azure Functions traces (2019 and 2021 samples, CC BY 4.0) ' +
      'and Lambda records derived from them. Accounts and names start with "demo". ' +
      'Point your own exporters here or run `npm start` for your data.',
  );
  document.querySelector('main')?.prepend(banner);
}

// ---------------------------------------------------------------------------------------------
// Charts (chart.js, loaded as /vendor/chart.umd.js before the page's module)

export const COLORS = {
  blue: '#1f5fd1',
  red: '#c2262e',
  amber: '#d88a06',
  teal: '#0f8b7f',
  violet: '#6d48c9',
  gray: '#8a939c',
};

/** chart.js's global (its UMD build, not typed here). */
const chartJs = () => /** @type {any} */ (window).Chart;

export function chartDefaults() {
  const Chart = chartJs();
  if (!Chart) throw new Error('chart.js did not load (/vendor/chart.umd.js)');
  Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = '#5b6570';
  Chart.defaults.borderColor = '#eceef1';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.labels.boxWidth = 12;
  Chart.defaults.plugins.legend.labels.boxHeight = 12;
  Chart.defaults.plugins.legend.align = 'end';
  Chart.defaults.plugins.tooltip.mode = 'index';
  Chart.defaults.plugins.tooltip.intersect = false;
  return Chart;
}

/**
 * A chart card: title, a canvas with an accessible description, and its chart.js instance. Under
 * the chart, a "Data" disclosure holds the chart's figures as a table (drawChart fills it): the
 * text alternative of what the canvas draws. `note`, if any, says under the title what the chart
 * cannot show.
 */
export function chartCard(id, title, description, note) {
  const canvas = h(
    'canvas',
    { id, role: 'img', 'aria-label': `${description}. The figures are in the data table below.` },
    description,
  );
  const card = h(
    'section',
    { class: 'panel chart-card', 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title),
    note ? h('p', { class: 'chart-note' }, note) : null,
    h('div', { class: 'chart-box' }, canvas),
    h(
      'details',
      { class: 'chart-data' },
      h('summary', {}, 'Data'),
      h('table', { id: `${id}-data` }, h('caption', { class: 'visually-hidden' }, description)),
    ),
  );
  return { card, canvas };
}

/**
 * The figures of a chart.js config as rows of a table: one row per label (or x value), one column
 * per dataset; a missing figure is a dash.
 */
function fillChartTable(table, config) {
  const { labels, datasets } = config.data;
  const xs = labels ?? [...new Set(datasets.flatMap((d) => d.data.map((p) => p.x)))];
  const valueAt = (d, i, x) => (labels ? d.data[i] : d.data.find((p) => p.x === x)?.y);
  const xTitle = config.options?.scales?.x?.title?.text ?? '';
  table.replaceChildren(
    table.querySelector('caption') ?? '',
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, xTitle),
        datasets.map((d) => h('th', { scope: 'col', class: 'numeric' }, d.label)),
      ),
    ),
    h(
      'tbody',
      {},
      xs.map((x, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, String(x)),
          datasets.map((d) => h('td', { class: 'numeric' }, fmtNum(valueAt(d, i, x)))),
        ),
      ),
    ),
  );
}

/** Replaces any chart on the canvas with a new one, and its data table (chartCard) with its figures. */
export function drawChart(canvas, config) {
  const Chart = chartJs();
  Chart.getChart(canvas)?.destroy();
  const table = document.getElementById(`${canvas.id}-data`);
  if (table) fillChartTable(table, config);
  return new Chart(canvas, config);
}
