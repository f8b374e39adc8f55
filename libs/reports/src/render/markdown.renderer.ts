import type { WeeklyReport } from '../build/weekly-report';
import { oneLine, reportDocument, type Block, type Inline } from './report-document';

/**
 * Text as it reads, for a Markdown line: names, accounts, regions and ids come from telemetry, and
 * their punctuation would make headings, links, images, HTML or emphasis, or (a pipe) end a table
 * cell; a line break would start a line of their own. CommonMark reads a backslash before any
 * ASCII punctuation as that character.
 */
function literal(text: string | number): string {
  return oneLine(text).replace(/[\\`*_~[\]<>!#|]/g, '\\$&');
}

/** A table cell: literal text, whatever it holds (every cell, so none is missed). */
const cell = literal;

function inline(parts: readonly Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('literal' in part) return literal(part.literal);
      return 'strong' in part ? `**${part.strong}**` : `\`${part.code}\``;
    })
    .join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `# ${b.text}`;
    case 'heading':
      return `## ${b.text}`;
    case 'note':
      return `> ${inline(b.text)}`;
    case 'paragraph':
      return inline(b.text);
    case 'table':
      return [
        `| ${b.head.map(cell).join(' | ')} |`,
        `| ${b.head.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'list':
      return b.items.map((item) => `- ${inline(item)}`).join('\n');
  }
}

export function renderMarkdown(report: WeeklyReport): string {
  return `${reportDocument(report).map(block).join('\n\n')}\n`;
}
