import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCachedDemoTrial } from '../../publish/index.js';
import { createReportProtocol } from '../../report/index.js';
import {
  computeReproduction,
  printedDecimals,
  publishedInputIssues,
  type PublishedResult,
  type PublishedResults,
  type Reproduction,
  type ReproducedValue,
} from '../../reproduce/index.js';
import { InputError, issue } from '../../result/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { renderTable, toJson } from '../render.js';
import { loadTrialArg } from '../trialArg.js';

const usage = `Usage: trialkit reproduce [--trial <data-folder|postgres-url> [--snapshot <name>]] [--seed <n>] [--json]

Runs the whole pipeline on the demo trial (SYNTHETIC twin of NCT05236621: raw CRFs -> ADaM -> report
model) and compares every result of the published paper (data/published-results.json) with what
trialkit computed:

  match         equal at the paper's printed precision
  close         within the stated tolerance: Kaplan-Meier medians within 0.1 month, rates within 1
                percentage point; log-rank P on the same side of 0.05 and within a factor of 2.
                Kaplan-Meier CI limits: within 0.5 month (medians, NR only as NR) or 1 point (rates);
                a limit outside makes the row close at most, and the note names it
  differs       with the reason (the paper's own inconsistency, from published-results.json and
                data/published-findings.json, or what is off)
  not-computed  with the reason

  --trial <db>  instead of the in-memory demo trial, read the trial from an EDC database (the data
                folder of trialkit serve, or a PostgreSQL URL), e.g. after trialkit serve --demo
  --snapshot <name>  with --trial: read this snapshot (e.g. cutoff-2022-12-01), else the live data
  --seed <n>    seed of the demo trial (default: the calibrated seed)
  --json        JSON: { results: [{ id, published, computed, status, note }],
                summary: { match, close, differs, notComputed } }; published and computed hold
                value (percent for n (%) entries), and n, N, ciLower, ciUpper, min, max as printed
`;

const options = { trial: { type: 'string' }, snapshot: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } } as const;

/** The package folder holding data/: found from this module's own location (dist/ or a scratch build). */
function dataFile(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'data', name);
    if (existsSync(candidate)) return candidate;
    const parent = resolve(dir, '..');
    if (parent === dir) throw new InputError(`data/${name} not found above ${dirname(fileURLToPath(import.meta.url))}`, [issue('missing-file', [name], undefined, 'the data folder of the trialkit package')]);
    dir = parent;
  }
}

function readJson(name: string): unknown {
  const path = dataFile(name);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${path}: ${reason}`, [issue('bad-json', [path], undefined, 'valid JSON')]);
  }
}

const FIELDS = ['ciLower', 'ciUpper', 'min', 'max'] as const;

/** A value for people: n/N (x%) [lower-upper] or (min-max); computed one decimal finer than printed. */
function describe(pub: PublishedResult, value: ReproducedValue | null, extraDecimals: number): string {
  if (value === null) return '-';
  const fmt = (x: number | null | undefined, printed: number | null | undefined): string => {
    if (x === null || x === undefined) return 'NR';
    const floor = pub.unit === '%' ? 1 : 0;
    const printedAt = printed === null || printed === undefined ? Math.max(floor, 2 - extraDecimals) : printedDecimals(pub, printed, floor);
    // Whole numbers printed whole (counts, ages) stay whole; others show one decimal more than printed.
    return printedAt === 0 && Number.isInteger(x) ? String(x) : x.toFixed(printedAt + extraDecimals);
  };
  const unit = pub.unit === '%' ? '%' : '';
  let text = value.n !== undefined || value.N !== undefined ? `${value.n ?? '?'}/${value.N ?? '?'}` : '';
  if (value.value !== null || text === '') text += text === '' ? `${fmt(value.value, pub.value)}${unit}` : ` (${fmt(value.value, pub.value)}${unit})`;
  const [lower, upper, min, max] = FIELDS.map((key) => (key in value ? fmt(value[key], pub[key]) : null));
  if (lower !== null || upper !== null) text += ` [${lower ?? ''}-${upper ?? ''}]`;
  if (min !== null || max !== null) text += ` (${min ?? ''}-${max ?? ''})`;
  return text;
}

function renderText(reproduction: Reproduction, published: readonly PublishedResult[]): string {
  const byId = new Map(published.map((p) => [p.id, p]));
  const sections: string[] = [];
  for (const r of reproduction.results) if (!sections.includes(r.section)) sections.push(r.section);
  const blocks = sections.map((section) => {
    // Notes (often a paragraph on the paper's inconsistency) go under the table, numbered.
    const notes: string[] = [];
    const rows = reproduction.results
      .filter((r) => r.section === section)
      .map((r) => {
        const pub = byId.get(r.id) as PublishedResult;
        if (r.note !== '') notes.push(`  [${notes.length + 1}] ${r.id}: ${r.note}`);
        return [r.id, describe(pub, r.published, 0), describe(pub, r.computed, 1), r.note === '' ? r.status : `${r.status} [${notes.length}]`];
      });
    const table = renderTable([['id', 'published', 'computed', 'status'], ...rows]);
    return `${section}\n\n${table}${notes.length === 0 ? '' : `\n${notes.join('\n')}\n`}`;
  });
  const s = reproduction.summary;
  const total = reproduction.results.length;
  return `${blocks.join('\n')}\n${total} published results: ${s.match} match, ${s.close} close, ${s.differs} differ, ${s.notComputed} not computed\n`;
}

export const reproduceCommand: Command = {
  name: 'reproduce',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('reproduce', args, options);
    if (positionals.length > 0) {
      throw new InputError(`unexpected argument ${JSON.stringify(positionals[0])}`, [issue('unexpected-argument', ['argv'], positionals[0], 'only --trial, --snapshot, --seed and --json')]);
    }
    const seed = values.seed === undefined ? undefined : numberArg('reproduce', '--seed', values.seed, 0, { integer: true, min: 0 });
    const published = readJson('published-results.json');
    const findings = readJson('published-findings.json');
    const shape = publishedInputIssues(published, findings);
    if (shape.length > 0) throw new InputError('data/published-results.json or data/published-findings.json is not in the expected shape', shape);
    const results = (published as PublishedResults).results;
    // The report's one-sided binomial test uses the design's null rate.
    const p0 = results.find((r) => r.id === 'design.samplesize.n')?.p0;
    if (p0 === undefined) throw new InputError('data/published-results.json: design.samplesize.n has no p0', [issue('missing-p0', ['design.samplesize.n', 'p0'], undefined, 'the null response rate of the design')]);
    const protocol = createReportProtocol({ armLabel: 'Pomalidomide + low-dose dexamethasone', investigationalDrugLabel: 'Pomalidomide', companionDrugLabel: 'Dexamethasone', p0 });
    const { trial } =
      values.trial === undefined && values.snapshot === undefined
        ? loadCachedDemoTrial(seed === undefined ? {} : { seed })
        : await loadTrialArg(values.trial ?? 'demo', { ...(seed === undefined ? {} : { seed }), ...(values.snapshot === undefined ? {} : { snapshot: values.snapshot }) });
    const outcome = computeReproduction({ trial, published, findings, protocol });
    if (!outcome.ok) throw new InputError('data/published-results.json is not in the expected shape', outcome.issues);
    const reproduction = outcome.value;
    const errors = outcome.issues.filter((i) => i.severity === 'error').length;
    if (outcome.issues.length > 0) {
      io.err(`trialkit reproduce: the ADaM derivations reported ${errors} error(s) and ${outcome.issues.length - errors} warning(s) on the demo trial (records with an error are left out)\n`);
    }
    if (values.json === true) {
      io.out(toJson({ results: reproduction.results.map((r) => ({ id: r.id, published: r.published, computed: r.computed, status: r.status, note: r.note })), summary: reproduction.summary }));
    } else {
      io.out(renderText(reproduction, results));
    }
    return 0;
  },
};
