import { resolve } from 'node:path';
import { ChromiumSession, importWriteReport, preloadRasterizer, REPORT_FORMATS, startFigureSvgRenderer, type FigureSvgRenderer, type ReportFormat } from '../../publish/reportStartup/index.js';
import { InputError, issue } from '../../result/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { raiseInterruptBudget } from '../jitBudget.js';
import { renderTable } from '../render.js';

const usage = `Usage: trialkit report [--protocol <id>] [--trial demo|<folder>|<file.json>|<data-folder>|<postgres-url>] [--snapshot <name>] [--seed <n>] [--out <dir>] [--format <list>] [--edition full|aggregate]

Writes the trial's analysis report: the tables and figures of a clinical study report (disposition,
baseline, exposure, efficacy, safety), each numbered, titled, with its population and N, footnotes and
abbreviations. In the HTML every count links to the subjects behind it and every subject to their
derived records (response per assessment, time-to-event censoring reasons, adverse-event grades).

  --protocol <id>    the protocol whose demo trial to report (\`trialkit protocols\`; default: the
                     embedded demo trial's protocol); with another --trial, the protocol the trial
                     must follow (a trial names its own protocol)
  --trial <source>   demo (default): the protocol's SYNTHETIC demo trial; or a folder with trial.json
                     or a TrialData JSON file (checked against its protocol's forms); or an EDC
                     database: its data folder (trialkit serve --data) or a PostgreSQL URL
  --snapshot <name>  with a database: read this snapshot (e.g. cutoff-2022-12-01), else the live data
  --seed <n>         seed of the demo trial (default: the calibrated seed)
  --out <dir>        output folder (default report/)
  --format <list>    comma-separated: html, pdf, docx, rtf, csv, svg, png (default all). pdf and png need
                     Chromium (apt-get install -y chromium); without it the other formats are written
  --edition <e>      full (default), or aggregate: no subject lists, links, profiles or subject listings
                     (what the sponsor receives from the EDC); the title page names what was left out

Files: report.html (self-contained, works offline), report.pdf, report.docx (native Word tables),
rtf/report.rtf and rtf/<item>.rtf (RTF 1.x, one file per table, listing and figure, as TLFs are delivered),
tables/<table>.csv, figures/<figure>.svg and .png. Progress goes to stderr; the key results to stdout.
`;

const options = {
  protocol: { type: 'string' },
  trial: { type: 'string' },
  seed: { type: 'string' },
  snapshot: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  edition: { type: 'string' },
} as const;

const EDITIONS = ['full', 'aggregate'] as const;

function parseEdition(raw: string | undefined): (typeof EDITIONS)[number] {
  if (raw === undefined) return 'full';
  const found = EDITIONS.find((e) => e === raw.trim().toLowerCase());
  if (found === undefined) throw new InputError(`--edition ${JSON.stringify(raw)}: unknown edition`, [issue('bad-edition', ['--edition'], raw, 'full or aggregate')]);
  return found;
}

function isFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

function parseFormats(raw: string | undefined): ReportFormat[] {
  if (raw === undefined || raw.trim() === 'all') return [...REPORT_FORMATS];
  const names = raw.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const bad = names.filter((n) => !isFormat(n));
  if (names.length === 0 || bad.length > 0) {
    throw new InputError(`--format ${JSON.stringify(raw)}: unknown format ${bad.map((b) => JSON.stringify(b)).join(', ') || '(empty)'}`, [
      issue('bad-format', ['--format'], raw, `a comma-separated list of ${REPORT_FORMATS.join(', ')}`),
    ]);
  }
  return [...new Set(names.filter(isFormat))];
}

export const reportCommand: Command = {
  name: 'report',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('report', args, options);
    if (positionals.length > 0) {
      throw new InputError(`unexpected argument ${JSON.stringify(positionals[0])}`, [issue('unexpected-argument', ['argv'], positionals[0], 'only the flags listed by --help')]);
    }
    const seed = values.seed === undefined ? undefined : numberArg('report', '--seed', values.seed, 0, { integer: true, min: 0 });
    const formats = parseFormats(values.format);
    const edition = parseEdition(values.edition);
    const out = resolve(values.out ?? 'report');
    const started = performance.now();
    // Before any thread starts and before the report's modules run: V8 then optimises only what stays hot.
    raiseInterruptBudget();
    // The formats drawn as PNG load the rasteriser before any thread starts (see preloadRasterizer).
    // Should it fail, writeReport imports it again and reports why.
    if (formats.some((format) => format === 'png' || format === 'docx' || format === 'rtf')) await preloadRasterizer().catch(() => undefined);
    // The figure thread starts first and loads vega while the rest of the report's modules load and the
    // trial is read; those modules are imported only now, after it has started. Without the warm-up on
    // made-up figures (startFigureSvgRenderer's warmUp): with the interrupt budget above it cost the thread
    // more CPU than it saved the report's figures (demo, every format but PDF, 6 alternated pairs: 0.14 s
    // less CPU in all, the wall time no longer).
    const figureSvgRenderer = formats.some((format) => format !== 'csv') ? startFigureSvgRenderer() : undefined;
    // The PDF's browser too: its launch (a second or more of CPU) runs while the trial is read, and on a
    // first run while the demo's plan is calibrated on another thread.
    const chromium = formats.includes('pdf') ? new ChromiumSession(undefined) : undefined;
    chromium?.start();
    try {
      return await writeTrialReport(values, seed, formats, edition, out, started, { figureSvgRenderer, chromium }, io);
    } finally {
      await Promise.all([figureSvgRenderer?.close(), chromium?.close()]);
    }
  },
};

async function writeTrialReport(
  values: { readonly protocol?: string; readonly trial?: string; readonly snapshot?: string },
  seed: number | undefined,
  formats: readonly ReportFormat[],
  edition: (typeof EDITIONS)[number],
  out: string,
  started: number,
  running: { readonly figureSvgRenderer: FigureSvgRenderer | undefined; readonly chromium: ChromiumSession | undefined },
  io: CliIo,
): Promise<number> {
  const [{ writeReport }, { loadTrialOptions }] = await Promise.all([importWriteReport(), import('../trialArg.js')]);
  const source = await loadTrialOptions(values, seed);
  const result = await writeReport(source.trial, source.protocol, {
    out,
    ...(running.figureSvgRenderer === undefined ? {} : { figureSvgRenderer: running.figureSvgRenderer }),
    ...(running.chromium === undefined ? {} : { chromium: running.chromium }),
    formats,
    edition,
    label: source.label,
    ...(source.syntheticNote === undefined ? {} : { syntheticNote: source.syntheticNote }),
    generatedBy: 'trialkit 0.1.0',
    onProgress: (p) => io.err(`  ${p.step.padEnd(6)} ${p.message}\n`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.derivationIssues.length > 0) {
    const errors = result.derivationIssues.filter((i) => i.severity !== 'warning');
    const codes = [...new Set(result.derivationIssues.map((i) => i.code))].join(', ');
    io.err(
      `trialkit report: the ADaM derivations reported ${errors.length} error(s) (records left out) and ${result.derivationIssues.length - errors.length} warning(s) (records kept, e.g. an assessment evaluated NE): ${codes}\n`,
    );
  }
  const tables = result.model.items.filter((i) => i.kind === 'table').length;
  const figures = result.model.items.length - tables;
  const lines = [
    `${source.trial.synthetic ? 'SYNTHETIC DATA. ' : ''}Report of ${source.trial.protocolId} (${source.label}), data cutoff ${source.trial.dataCutoffDate}`,
    `${tables} tables and listings, ${figures} figures; ${result.files.length} files in ${out} (${seconds} s)`,
    '',
    renderTable([['Key result', 'Value'], ...result.keyResults.map((k) => [k.label, k.text])]).trimEnd(),
    ...result.skipped.map((s) => `\nNot written: ${s.format}. ${s.reason}`),
    '',
  ];
  io.out(lines.join('\n'));
  return 0;
}
