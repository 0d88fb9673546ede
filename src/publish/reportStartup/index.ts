// What `trialkit report` needs before the trial is read: the format names, the figure thread and the PDF's
// browser session, which it starts first so that vega warms up and Chromium launches while the report's
// other modules load. Light modules only: importing the publish index here would load the renderers before
// the thread has started.
import type * as WriteReportModule from '../writeReport.js';

export type { ReportFormat } from '../reportFormats.js';
export { REPORT_FORMATS } from '../reportFormats.js';
export type { FigureSvgRenderer } from '../startFigureSvgRenderer.js';
export { startFigureSvgRenderer } from '../startFigureSvgRenderer.js';
export { ChromiumSession } from '../chromiumSession.js';

/** writeReport's module, loaded when the command asks for it (after the figure thread has started). */
export function importWriteReport(): Promise<typeof WriteReportModule> {
  return import('../writeReport.js');
}

/**
 * Loads the PNG rasteriser (rasterizeSvg, with resvg's native module) now, for a caller that does so before
 * starting the report's worker threads: resvg's loader checks the C library with process.report.getReport(),
 * which also gathers a report from every worker thread. Loaded by writeReport once the figure and DOCX
 * threads were busy, that call took 25-38 ms of the main thread's CPU (profiles of the demo report), about
 * 5 ms in a process without workers.
 */
export function preloadRasterizer(): Promise<unknown> {
  return import('../rasterizeSvg.js');
}
