import { dirname, join, resolve } from 'node:path';

/** The static pages (HTML, CSS, browser JS) at the repository root; the build copies them into dist/. */
export const DASHBOARDS_DIR = resolve(__dirname, '..', '..', '..', '..', 'dashboards');

/**
 * chart.js's UMD build (it defines the `Chart` global). The package's `exports` map does not list
 * it, so it is found next to the CommonJS entry.
 */
export function chartUmdPath(): string {
  return join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

// One path segment of lowercase letters, digits and dashes with a known extension: nothing
// else can name a file, so `..`, slashes and dotfiles never reach the disk.
const PAGE = /^[a-z0-9-]+\.html$/;
const ASSET = /^[a-z0-9-]+\.(css|js|svg)$/;

export interface PageFile {
  path: string;
  contentType: string;
  /** Headers other than PAGE_HEADERS, for a page that needs them. */
  headers?: Record<string, string>;
}

/** The file behind a request path (`/`, `/function.html`, `/assets/x.js`), or null for any other. */
export function pageFileFor(urlPath: string, root = DASHBOARDS_DIR): PageFile | null {
  const path = urlPath === '/' ? '/index.html' : urlPath;
  if (path.startsWith('/assets/')) {
    const name = path.slice('/assets/'.length);
    if (!ASSET.test(name)) return null;
    return {
      path: join(root, 'assets', name),
      contentType: TYPES[name.slice(name.lastIndexOf('.') + 1)],
    };
  }
  const name = path.slice(1);
  if (!PAGE.test(name)) return null;
  const headers = name === 'reports.html' ? REPORT_PAGE_HEADERS : undefined;
  return { path: join(root, name), contentType: TYPES.html, headers };
}

/**
 * Headers of every page and asset: the pages load only their own scripts and styles and talk only
 * to this origin (no CDN, no external request), and they are re-validated on each load.
 */
export const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/**
 * reports.html shows the e-mail HTML of a report in a sandboxed srcdoc frame, which inherits this
 * page's policy: that HTML keeps its styles inline (e-mail clients drop <style>), so inline styles
 * are allowed here. Scripts stay 'self' only, and the frame's sandbox allows none at all.
 */
export const REPORT_PAGE_HEADERS: Record<string, string> = {
  ...PAGE_HEADERS,
  'content-security-policy': PAGE_HEADERS['content-security-policy'].replace(
    "style-src 'self'",
    "style-src 'self' 'unsafe-inline'",
  ),
};
