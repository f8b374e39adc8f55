import type { WeeklyReport } from '../build/weekly-report';
import { oneLine, plainInline, reportDocument, type Block } from './report-document';

/**
 * The widest table set out in columns; a wider one (the movers' eleven) is one record per row, as
 * a mail reader that wraps long lines would scramble its columns.
 */
const TABLE_WIDTH = 72;
const GAP = '  ';

function underlined(text: string, rule: string): string {
  return `${text}\n${rule.repeat(text.length)}`;
}

function table(head: readonly string[], rows: readonly (string | number)[][]): string {
  const cells = rows.map((r) => r.map(oneLine));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join(GAP)
      .trimEnd();
  if (widths.reduce((s, w) => s + w, GAP.length * (widths.length - 1)) <= TABLE_WIDTH) {
    return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
  }
  return cells
    .map(([first, ...rest]) =>
      [first, ...rest.map((c, i) => `${GAP}${head[i + 1]}: ${c}`.trimEnd())].join('\n'),
    )
    .join('\n\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return underlined(b.text, '=');
    case 'heading':
      return underlined(b.text, '-');
    case 'note':
    case 'paragraph':
      return plainInline(b.text);
    case 'table':
      return table(b.head, b.rows);
    case 'list':
      return b.items.map((item) => `- ${plainInline(item)}`).join('\n');
  }
}

/**
 * The report as plain text, for the text/plain part of the e-mail: what the Markdown says, without
 * its marks and escapes, with tables a reader without a Markdown viewer can read.
 */
export function renderPlainText(report: WeeklyReport): string {
  return `${reportDocument(report).map(block).join('\n\n')}\n`;
}
