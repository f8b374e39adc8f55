import type { WeeklyReport } from '../build/weekly-report';
import { renderFocusCsv } from './focus-csv.renderer';
import { renderHtml } from './html.renderer';
import { renderMarkdown } from './markdown.renderer';
import { reportFileStem } from './report-text';

export const REPORT_FORMATS = ['json', 'html', 'md', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: unknown): value is ReportFormat {
  return (REPORT_FORMATS as readonly unknown[]).includes(value);
}

export interface RenderedReport {
  contentType: string;
  fileName: string;
  body: string;
}

/** The report in one format; JSON is the contract, the others render it. */
export function renderReport(report: WeeklyReport, format: ReportFormat): RenderedReport {
  const fileName = `${reportFileStem(report)}.${format}`;
  switch (format) {
    case 'json':
      return {
        contentType: 'application/json; charset=utf-8',
        fileName,
        body: JSON.stringify(report, null, 2),
      };
    case 'html':
      return { contentType: 'text/html; charset=utf-8', fileName, body: renderHtml(report) };
    case 'md':
      return {
        contentType: 'text/markdown; charset=utf-8',
        fileName,
        body: renderMarkdown(report),
      };
    case 'csv':
      return { contentType: 'text/csv; charset=utf-8', fileName, body: renderFocusCsv(report) };
  }
}
