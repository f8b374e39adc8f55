import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chartUmdPath, DASHBOARDS_DIR, PAGE_HEADERS, pageFileFor } from './page-files';

describe(pageFileFor.name, () => {
  const root = '/srv/dashboards';

  it('serves index.html at the root and named pages beside it', () => {
    expect(pageFileFor('/', root)).toEqual({
      path: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(pageFileFor('/function.html', root)?.path).toBe(join(root, 'function.html'));
  });

  it('serves scripts, styles and images from assets/ with their types', () => {
    expect(pageFileFor('/assets/overview.js', root)).toEqual({
      path: join(root, 'assets', 'overview.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(pageFileFor('/assets/fleetscope.css', root)?.contentType).toBe(
      'text/css; charset=utf-8',
    );
    expect(pageFileFor('/assets/logo.svg', root)?.contentType).toBe('image/svg+xml');
  });

  it('names no file for traversal, dotfiles, nested paths or other extensions', () => {
    for (const path of [
      '/../package.json',
      '/assets/../../package.json',
      '/assets/%2e%2e%2fsecret.js',
      '/.env',
      '/assets/.hidden.js',
      '/assets/sub/x.js',
      '/index.htm',
      '/assets/x.map',
      '/api',
    ]) {
      expect(pageFileFor(path, root)).toBeNull();
    }
  });

  it('finds the repository dashboards and chart.js UMD build on disk', () => {
    expect(existsSync(join(DASHBOARDS_DIR, 'index.html'))).toBe(true);
    expect(existsSync(chartUmdPath())).toBe(true);
  });

  it('allows only same-origin scripts, styles and requests', () => {
    expect(PAGE_HEADERS['content-security-policy']).toContain("script-src 'self'");
    expect(PAGE_HEADERS['content-security-policy']).toContain("connect-src 'self'");
  });
});
