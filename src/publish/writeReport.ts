import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAdamDatasets, type ProtocolDefinition, type TrialData } from '../clinical/index.js';
// From the report's parts rather than its index, which loads the DOCX and RTF renderers (and the docx
// package) even for a report without them.
import { layoutFigureFrame, type FramedFigure } from '../report/charts/index.js';
import { aggregateFigure, createAggregateEdition, createReportFigures, reportModelSteps, type ReportFigureModel, type ReportFigures, type ReportModel } from '../report/model/index.js';
import { renderReportCsvParts } from '../report/csv/index.js';
import { renderReportHtmlParts } from '../report/html/index.js';
import type { Issue } from '../result/index.js';
import { ChromiumSession } from './chromiumSession.js';
import { keyResults, type KeyResult } from './keyResults.js';
import { startDocxRenderer, type DocxRenderer } from './startDocxRenderer.js';
import { Slots } from './slots.js';
import { writeTextParts } from './writeTextParts.js';
import { startFigureSvgRenderer, type FigureSvgRenderer } from './startFigureSvgRenderer.js';

import type { ReportFormat } from './reportFormats.js';

export { REPORT_FORMATS, type ReportFormat } from './reportFormats.js';

/**
 * 'full': every count keeps its subjects (HTML links, subject lists and profiles, the CSVs' `_subjects`
 * columns, listings). 'aggregate': the same tables and figures with nothing at the subject level, for
 * readers who see aggregates only (the sponsor); see createAggregateEdition in src/report.
 */
export type ReportEdition = 'full' | 'aggregate';

/** What the report is doing now, for a progress display. */
export interface ReportProgress {
  readonly step: 'derive' | 'model' | 'table' | 'figure' | 'write' | 'skip';
  readonly message: string;
}

export interface WriteReportOptions {
  /** The folder the files are written to. */
  readonly out: string;
  readonly formats: readonly ReportFormat[];
  readonly onProgress?: (progress: ReportProgress) => void;
  /** Chromium executable; undefined = look it up (findChromium), null = act as if it were not installed. */
  readonly chromiumPath?: string | null;
  /** Printed in the HTML title block, e.g. 'trialkit 0.1.0'. */
  readonly generatedBy?: string;
  /** Default 'full'. */
  readonly edition?: ReportEdition;
  /** Where the trial came from, for progress messages: 'demo trial (seed 7)', a file path, 'snapshot x'. */
  readonly label?: string;
  /**
   * For a synthetic trial (TrialData.synthetic), the sentence the SYNTHETIC banner (HTML) and title page
   * (DOCX) add, e.g. how the demo was made; a default otherwise. Not read for a real trial.
   */
  readonly syntheticNote?: string;
  /** Run date printed in the RTF footers (YYYY-MM-DD); default today (UTC). */
  readonly runDate?: string;
  /**
   * The figure renderer, when the caller started it (startFigureSvgRenderer) earlier than writeReport
   * would, e.g. before loading the trial; the caller closes it. Default: started and closed here.
   */
  readonly figureSvgRenderer?: FigureSvgRenderer;
  /**
   * The PDF's browser session, when the caller started it earlier (e.g. before loading the trial); the
   * caller closes it, and chromiumPath is not read. Default: a session of chromiumPath, closed here.
   */
  readonly chromium?: ChromiumSession;
}

export interface WriteReportResult {
  /** Paths written, relative to `out`. */
  readonly files: readonly string[];
  /** Formats asked for but not written, each with the reason (e.g. Chromium missing, with the package to install). */
  readonly skipped: readonly { readonly format: ReportFormat; readonly reason: string }[];
  /** The model the files were written from: for the aggregate edition, with `aggregate` saying what it leaves out. */
  readonly model: ReportModel;
  /** The headline numbers (keyResults), read from the model by key. */
  readonly keyResults: readonly KeyResult[];
  readonly derivationIssues: readonly Issue[];
  readonly timingsMs: Readonly<Record<string, number>>;
}

export const REPORT_TITLE = 'Clinical study report: tables and figures';

/** A standalone figure has no page to link into: the HTML report's links are unwrapped. */
function withoutLinks(svg: string): string {
  return svg.replace(/<a\b[^>]*>/g, '').replace(/<\/a>/g, '');
}

/**
 * The whole report of a trial under its protocol: ADaM derivations (createAdamDatasets), the report model
 * of the protocol's analysis plan, then each asked-for format written
 * under `out` (report.html, report.pdf, report.docx, tables/*.csv, figures/*.svg and *.png). Formats that
 * need Chromium (pdf, png) are skipped with the reason when it is missing; the others are still written,
 * and the DOCX then carries a note instead of each figure.
 *
 * With `edition: 'aggregate'` every format is written from createAggregateEdition(model): no subject id in
 * any file, the figures drawn without links, and the title page saying what is left out.
 *
 * Only what the formats need is computed (no figures for CSV alone, no HTML without html or pdf). The
 * figures are drawn on a worker thread started first, so that loading vega overlaps the derivations; they
 * are made before the tables (createReportFigures) and drawn while the tables are computed here, and each
 * is rasterised while the next one is drawn.
 */
export async function writeReport(trial: TrialData, protocol: ProtocolDefinition, options: WriteReportOptions): Promise<WriteReportResult> {
  const needsFigures = options.formats.some((format) => format !== 'csv');
  // A renderer the caller started (and closes) is used as it is; otherwise one is started here.
  const ownRenderer = options.figureSvgRenderer === undefined;
  const svgRenderer = !needsFigures ? null : ownRenderer ? startFigureSvgRenderer() : (options.figureSvgRenderer ?? null);
  // The PDF's browser is launched now: its start overlaps the derivations and figures instead of following them.
  const ownChromium = options.chromium === undefined;
  const chromium = options.chromium ?? new ChromiumSession(options.chromiumPath);
  if (options.formats.includes('pdf')) chromium.start();
  // The DOCX is made on a thread of its own, started now so that it loads the docx package during the derivations.
  const docxRenderer = options.formats.includes('docx') ? startDocxRenderer() : null;
  try {
    return await writeReportWith(trial, protocol, options, svgRenderer, chromium, docxRenderer);
  } finally {
    await docxRenderer?.close();
    if (ownRenderer) await svgRenderer?.close();
    if (ownChromium) await chromium.close();
  }
}

async function writeReportWith(
  trial: TrialData,
  protocol: ProtocolDefinition,
  input: WriteReportOptions,
  svgRenderer: FigureSvgRenderer | null,
  chromium: ChromiumSession,
  docxRenderer: DocxRenderer | null,
): Promise<WriteReportResult> {
  const { out, onProgress } = input;
  const formats = new Set(input.formats);
  const progress = (step: ReportProgress['step'], message: string) => onProgress?.({ step, message });
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round((now - clock) * 10) / 10;
    clock = now;
  };
  const files: string[] = [];
  const skipped: { format: ReportFormat; reason: string }[] = [];
  const write = (relative: string, content: string | Uint8Array) => {
    const path = join(out, relative);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    files.push(relative);
  };

  const studyId = protocol.identity.registryId;
  progress('derive', `Deriving analysis datasets (ADSL, ADRS, ADTR, ADTTE, ADAE, ADLB, ADEX) for ${input.label ?? `${studyId}, data cutoff ${trial.dataCutoffDate}`}`);
  const { datasets, issues: derivationIssues } = createAdamDatasets(trial, protocol);
  lap('derive');

  const aggregate = input.edition === 'aggregate';
  // Figure PNGs (for the png format and the DOCX) come from resvg when a font is installed: no browser
  // launch, a fraction of the time. Chromium then serves only the PDF, or the PNGs when no font is found.
  // Two sets of PNGs: the documents' (the drawing alone: the DOCX and RTF print the title, population
  // and footnotes around it) and the files' (figures/*.png, framed like figures/*.svg).
  const pngs = new Map<string, Uint8Array>();
  const filePngs = new Map<string, Uint8Array>();
  const wantsDocumentPngs = formats.has('docx') || formats.has('rtf');
  const wantsPngs = formats.has('png') || wantsDocumentPngs;
  const frameOptions = {
    synthetic: trial.synthetic,
    source: `Study ${studyId}, data cutoff ${trial.dataCutoffDate}`,
    ...(aggregate ? { edition: 'Aggregate edition' } : {}),
  };
  // Each figure without the HTML's links and framed (layoutFigureFrame), once: the PNGs are drawn from it
  // and figures/*.svg is its SVG (what frameFigureSvg gives), where both were made again for each.
  const laidOut = new Map<string, { readonly plain: string; readonly framed: FramedFigure | null }>();
  const layOut = (figure: ReportFigureModel, svg: string) => {
    let done = laidOut.get(figure.id);
    if (done === undefined) {
      const plain = withoutLinks(svg);
      done = { plain, framed: layoutFigureFrame(plain, figure, frameOptions) };
      laidOut.set(figure.id, done);
    }
    return done;
  };
  const frame = (figure: ReportFigureModel, svg: string) => {
    const { plain, framed } = layOut(figure, svg);
    return framed?.svg ?? plain;
  };
  const [{ findRasterFonts, rasterizeFramedSvg, rasterizeSvg }, { ScanlineBuffers }] = await Promise.all([import('./rasterizeSvg.js'), import('./encodePng.js')]);
  const scanlineBuffers = new ScanlineBuffers();
  // Two figures encoded at a time: deflating runs on the thread pool beside the next figure's copy.
  const encodeSlots = new Slots(2);
  const fonts = wantsPngs ? findRasterFonts() : null;
  const rasterFonts = fonts !== null && fonts.ok ? fonts : null;
  const docxOptions = {
    figuresPng: pngs,
    title: REPORT_TITLE,
    subtitle: `Study ${studyId}, data cutoff ${trial.dataCutoffDate}`,
    ...(trial.synthetic ? { syntheticNote: input.syntheticNote ?? 'SYNTHETIC DATA: invented subjects.' } : {}),
  };
  // Each figure's PNGs, rasterised (resvg's threads, zlib on the thread pool) while the next figures are
  // drawn and then while the HTML, CSVs and SVGs are written here: awaited only before the PNGs are.
  const rasters: Promise<void>[] = [];
  progress('model', 'Computing the report model (tables, listings, figures)');
  // The figures are made first and drawn on their thread while the tables are computed here.
  let drawing: Promise<Map<string, string>> | null = null;
  let earlyFigures: ReportFigures | undefined;
  if (svgRenderer !== null) {
    // Each figure is drawn once, framed; the documents' PNG is the drawing cut out of it.
    const rasterize = (figure: ReportFigureModel, svg: string, fonts: NonNullable<typeof rasterFonts>) => {
      const { plain, framed } = layOut(figure, svg);
      if (framed === null) {
        // No size to frame by: the drawing alone serves both.
        const png = rasterizeSvg(plain, fonts, 2);
        if (wantsDocumentPngs) pngs.set(figure.id, png);
        if (formats.has('png')) filePngs.set(figure.id, png);
        return;
      }
      const raster = rasterizeFramedSvg(framed, fonts, 2, { framed: formats.has('png'), buffers: scanlineBuffers, encodeSlots }).then((drawn) => {
        if (wantsDocumentPngs) pngs.set(figure.id, drawn.drawing);
        if (drawn.framed !== null) filePngs.set(figure.id, drawn.framed);
      });
      // A failure surfaces where the rasters are awaited, not as an unhandled rejection before that.
      raster.catch(() => undefined);
      rasters.push(raster);
    };
    earlyFigures = createReportFigures(datasets, protocol);
    // As the aggregate edition will hold them (createAggregateEdition), drawn without links.
    const toDraw = aggregate ? earlyFigures.figures.map(aggregateFigure) : earlyFigures.figures;
    drawing = svgRenderer.render(toDraw, (figure, svg) => {
      progress('figure', `${figure.number}: ${figure.title}`);
      if (rasterFonts !== null && wantsPngs) rasterize(figure, svg, rasterFonts);
    }, !aggregate);
    // A failure surfaces where the drawing is awaited.
    drawing.catch(() => undefined);
  }
  // Made a table at a time, the figures drawn meanwhile on their thread handled between two (each
  // rasterised on the thread pool while the next tables are made), not all after the last table.
  const steps = reportModelSteps(datasets, protocol, earlyFigures);
  let step = steps.next();
  while (step.done !== true) {
    if (drawing !== null) await new Promise((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  const fullModel = step.value;
  const model = aggregate ? createAggregateEdition(fullModel) : fullModel;
  for (const item of model.items) if (item.kind === 'table') progress('table', `${item.number}: ${item.title}`);
  lap('model');

  // The DOCX is begun on its thread now, a placeholder for each figure, while the figures are drawn and
  // rasterised; completed with their PNGs once they are (see below).
  const docxDraft = docxRenderer !== null && svgRenderer !== null && rasterFonts !== null ? docxRenderer.draft(model, docxOptions, model.items.filter((i) => i.kind === 'figure').map((i) => i.id), new Date()) : null;
  // Loaded while the figures are drawn.
  const rtfRenderer = formats.has('rtf') ? import('../report/rtf/index.js') : null;
  rtfRenderer?.catch(() => undefined);

  const figures = model.items.filter((i): i is ReportFigureModel => i.kind === 'figure');
  const svgs: Record<string, string> = {};
  if (drawing !== null) for (const [id, svg] of await drawing) svgs[id] = svg;
  lap('figures');

  // No PNG will come from resvg (no font found): they have to come from the browser.
  const pngsFromBrowser = wantsPngs && rasterFonts === null;
  // The DOCX is completed on its thread (startDocxRenderer) while the HTML, CSV and SVG files are made here,
  // as soon as the documents' PNGs are drawn: the request copies the figures it holds at that moment.
  let docxMade = docxDraft === null ? null : Promise.all(rasters).then(() => docxDraft.complete(pngs));
  docxMade?.catch(() => undefined);

  const needsHtml = formats.has('html') || formats.has('pdf');
  const htmlParts = !needsHtml ? [] : renderReportHtmlParts(model, svgs, {
    title: REPORT_TITLE,
    studyId,
    dataCutoffDate: trial.dataCutoffDate,
    synthetic: trial.synthetic,
    ...(input.syntheticNote === undefined ? {} : { syntheticNote: input.syntheticNote }),
    ...(input.generatedBy === undefined ? {} : { generatedBy: input.generatedBy }),
    protocol,
    datasets,
  });
  // The HTML (over 100 MB for 10,000 subjects) is written part by part, on the thread pool, while the other
  // formats are made here; awaited before the report returns.
  let htmlWritten: Promise<void> | null = null;
  if (formats.has('html')) {
    mkdirSync(out, { recursive: true });
    htmlWritten = writeTextParts(join(out, 'report.html'), htmlParts);
    htmlWritten.catch(() => undefined);
    files.push('report.html');
    progress('write', 'report.html');
  }
  lap('html');
  // The CSVs too (74 MB for 10,000 subjects), one after the other, awaited with the HTML.
  let csvWritten: Promise<void> | null = null;
  if (formats.has('csv')) {
    const csvFiles = renderReportCsvParts(model, { synthetic: trial.synthetic });
    mkdirSync(join(out, 'tables'), { recursive: true });
    csvWritten = (async () => {
      for (const file of csvFiles) await writeTextParts(join(out, 'tables', file.fileName), file.lines);
    })();
    csvWritten.catch(() => undefined);
    files.push(...csvFiles.map((file) => join('tables', file.fileName)));
    progress('write', 'tables/*.csv');
  }
  lap('csv');
  if (formats.has('svg')) {
    for (const figure of figures) write(join('figures', `${figure.id}.svg`), frame(figure, svgs[figure.id]));
    progress('write', 'figures/*.svg');
  }
  lap('svg');
  await Promise.all(rasters);
  lap('rasterWait');

  const writePngs = () => {
    if (!formats.has('png')) return;
    for (const figure of figures) {
      const png = filePngs.get(figure.id);
      if (png !== undefined) write(join('figures', `${figure.id}.png`), png);
    }
    progress('write', 'figures/*.png');
  };
  if (rasterFonts !== null) {
    writePngs();
    lap('png');
  }

  const needsChromium = formats.has('pdf') || pngsFromBrowser;
  const { path: chromiumPath, missing: chromiumMissing } = needsChromium ? await chromium.lookup() : { path: null, missing: '' };
  let pdfWritten: Promise<void> | null = null;
  if (chromiumPath !== null) {
    const browser = await chromium.browser();
    if (pngsFromBrowser) {
      const { renderFigurePngs } = await import('./renderFigurePngs.js');
      if (wantsDocumentPngs) for (const [id, png] of await renderFigurePngs(browser, new Map(figures.map((f) => [f.id, layOut(f, svgs[f.id]).plain])), 2)) pngs.set(id, png);
      if (formats.has('png')) for (const [id, png] of await renderFigurePngs(browser, new Map(figures.map((f) => [f.id, frame(f, svgs[f.id])])), 2)) filePngs.set(id, png);
      writePngs();
      lap('png');
    }
    if (formats.has('pdf')) {
      progress('write', 'report.pdf (headless Chromium)');
      // Printed while the DOCX and RTF are made (Chromium works in processes of its own) and awaited at
      // the end; listed among the files here, in the order of the formats.
      const { renderPdfFromHtml } = await chromium.module();
      const started = performance.now();
      files.push('report.pdf');
      pdfWritten = renderPdfFromHtml(htmlParts.join(''), {
        browser,
        page: await chromium.printPage(),
        headerText: `${trial.synthetic ? 'SYNTHETIC DATA \u2013 ' : ''}${studyId}: ${REPORT_TITLE}${aggregate ? ' (aggregate edition)' : ''}`,
        footerText: `Data cutoff ${trial.dataCutoffDate}`,
      }).then((pdf) => {
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, 'report.pdf'), pdf);
        timings.pdf = Math.round((performance.now() - started) * 10) / 10;
      });
      pdfWritten.catch(() => undefined);
    }
  }
  for (const format of ['png', 'pdf'] as const) {
    const made = format === 'png' ? filePngs.size > 0 : chromiumPath !== null;
    if (formats.has(format) && !made) {
      const reason = format === 'png' && fonts !== null && !fonts.ok ? `${fonts.message}; or ${chromiumMissing}` : chromiumMissing;
      skipped.push({ format, reason });
      progress('skip', `${format}: ${reason}`);
    }
  }
  if (docxRenderer !== null) {
    if (pngs.size === 0) progress('skip', 'docx figures: a font (fonts-liberation) or Chromium is needed to draw them as PNG; the document notes each missing figure');
    docxMade ??= docxRenderer.render(model, docxOptions, new Date());
    write('report.docx', await docxMade);
    progress('write', 'report.docx');
    lap('docx');
  }
  if (rtfRenderer !== null) {
    const { renderReportRtf } = await rtfRenderer;
    if (pngs.size === 0) progress('skip', 'rtf figures: a font (fonts-liberation) or Chromium is needed to draw them as PNG; each RTF notes its missing figure');
    const rtfFiles = renderReportRtf(model, {
      title: REPORT_TITLE,
      studyId,
      dataCutoffDate: trial.dataCutoffDate,
      program: `${input.generatedBy ?? 'trialkit'} report`,
      runDate: input.runDate ?? new Date().toISOString().slice(0, 10),
      figuresPng: pngs,
      ...(trial.synthetic ? { syntheticNote: input.syntheticNote ?? 'SYNTHETIC DATA: invented subjects.' } : {}),
    });
    for (const file of rtfFiles) write(join('rtf', file.fileName), file.content);
    progress('write', 'rtf/report.rtf and one RTF per table, listing and figure');
    lap('rtf');
  }
  if (pdfWritten !== null) {
    await pdfWritten;
    lap('pdfWait');
  }
  await Promise.all([htmlWritten, csvWritten]);
  return Object.freeze({ files: Object.freeze(files), skipped: Object.freeze(skipped), model, keyResults: keyResults(model, protocol), derivationIssues: Object.freeze(derivationIssues), timingsMs: Object.freeze(timings) });
}
