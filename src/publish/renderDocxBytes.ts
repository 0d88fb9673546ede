import type { ReportDocxDraft, ReportDocxOptions } from '../report/docx/index.js';
import type { ReportModel } from '../report/model/index.js';

/**
 * The report's DOCX file: the docx package's parts zipped here (zipDocxParts: zlib on the thread pool, the
 * PNGs stored), or the package's own Packer when its compiler is not to be had. The same bytes on the
 * DOCX worker thread (docxWorker) and here; `modifiedAt` dates the zip entries.
 */
export async function renderDocxBytes(model: ReportModel, options: ReportDocxOptions, modifiedAt: Date): Promise<Uint8Array> {
  const { renderReportDocx, reportDocxParts } = await import('../report/docx/index.js');
  const parts = reportDocxParts(model, options);
  return parts === null ? await renderReportDocx(model, options) : await (await import('./zipDocxParts.js')).zipDocxParts(parts, modifiedAt);
}

/** The draft of the report's DOCX for the figures `figureIds` (draftReportDocx), made before their PNGs exist. */
export async function draftDocx(model: ReportModel, options: ReportDocxOptions, figureIds: readonly string[]): Promise<ReportDocxDraft> {
  const { draftReportDocx } = await import('../report/docx/index.js');
  return draftReportDocx(model, options, figureIds);
}

/**
 * The DOCX file of a draft with the figures' PNGs: the bytes renderDocxBytes makes with them, by
 * completing the draft (completeReportDocx) or, when it cannot be completed, by making the whole document.
 */
export async function completeDocxBytes(draft: ReportDocxDraft, figuresPng: ReadonlyMap<string, Uint8Array>, modifiedAt: Date): Promise<Uint8Array> {
  const { completeReportDocx } = await import('../report/docx/index.js');
  const parts = completeReportDocx(draft, figuresPng);
  if (parts === null) return renderDocxBytes(draft.model, { ...draft.options, figuresPng }, modifiedAt);
  return (await import('./zipDocxParts.js')).zipDocxParts(parts, modifiedAt);
}
