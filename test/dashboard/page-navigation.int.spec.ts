import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const PAGES = join(__dirname, '../../dashboards');

/** The page links of a page's top navigation, in order. */
function navLinks(html: string): string[] {
  const nav = /<nav aria-label="Pages">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
}

describe('the dashboard pages’ navigation', () => {
  it('defect (the tuning page had no Reports link): every page links the same pages, in the same order', () => {
    const pages = readdirSync(PAGES).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(4);
    const fleet = navLinks(readFileSync(join(PAGES, 'index.html'), 'utf8'));
    expect(fleet).toEqual(['/', '/coldstarts.html', '/recommendations.html', '/reports.html']);
    for (const page of pages)
      expect({ page, links: navLinks(readFileSync(join(PAGES, page), 'utf8')) }).toEqual({
        page,
        links: fleet,
      });
  });
});
