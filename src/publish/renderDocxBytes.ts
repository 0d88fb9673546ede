import type { ReportDocxOptions } from '../report/docx/index.js';
import type { ReportModel } from '../report/model/index.js';

/**
 * The report's DOCX file: the docx package's parts zipped here (zipDocxParts: zlib on the thread pool, the
 * PNGs stored), or the package's own Packer when its compiler is not to be had. The same bytes on the
 * DOCX worker thread (docxWorker) and here; `modifiedAt` dates the zip entries.
 */
export async function renderDocxBytes(model: ReportModel, options: ReportDocxOptions, modifiedAt: Date): Promise<Uint8Array> {
  const { docxPackageParts, renderReportDocx, reportDocxDocument } = await import('../report/docx/index.js');
  const parts = docxPackageParts(reportDocxDocument(model, options));
  return parts === null ? await renderReportDocx(model, options) : await (await import('./zipDocxParts.js')).zipDocxParts(parts, modifiedAt);
}
