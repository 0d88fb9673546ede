import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReport, type ReportEdition } from '../publish/index.js';
import type { AnalysisModel } from './analysisDashboard.js';
import { HttpError } from './httpError.js';

export type { ReportEdition } from '../publish/index.js';

const FILES = { html: 'report.html', pdf: 'report.pdf', docx: 'report.docx' } as const;
export type ReportFormat = keyof typeof FILES;

/** The report of a snapshot in one format and edition, written by src/publish writeReport into a temporary folder. */
export async function renderReport(analysis: AnalysisModel, label: string, format: ReportFormat, edition: ReportEdition): Promise<Uint8Array> {
  const out = await mkdtemp(join(tmpdir(), 'trialkit-report-'));
  try {
    const result = await writeReport(analysis.trial, analysis.protocol, { out, formats: [format], edition, label });
    const skipped = result.skipped.find((s) => s.format === format);
    if (skipped !== undefined) throw new HttpError(503, 'report-format-unavailable', `the ${format.toUpperCase()} report cannot be made on this server: ${skipped.reason}`);
    return new Uint8Array(await readFile(join(out, FILES[format])));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
