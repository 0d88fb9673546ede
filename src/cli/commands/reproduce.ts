import { DEFAULT_DEMO_PROTOCOL_ID } from '../../protocols/index.js';
import { computeReproduction, printedDecimals, type PublishedResult, type PublishedResults, type Reproduction, type ReproducedValue } from '../../reproduce/index.js';
import { InputError, issue } from '../../result/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { protocolArg } from '../protocolArg.js';
import { renderTable, toJson } from '../render.js';
import { loadTrialArg } from '../trialArg.js';

const usage = `Usage: trialkit reproduce [--protocol <id>] [--trial <data-folder|postgres-url> [--snapshot <name>]] [--seed <n>] [--json]

Runs the whole pipeline on a protocol's demo trial (its SYNTHETIC twin: raw CRFs -> ADaM -> report model)
and compares every result of the protocol's publication (src/protocols/<id>/publication/) with what
trialkit computed. Only protocols that ship a publication can be reproduced (\`trialkit protocols\`); the
default is the embedded demo trial's protocol:

  match          every printed field (estimate, n, N, each CI limit, min, max) equal at its printed
                 precision; a Kaplan-Meier "not reached" (NR) only as NR
  close          every field within its stated tolerance: Kaplan-Meier medians within 0.1 month and
                 their CI limits within 0.5 month (NR only as NR); rates and their CI limits within 1
                 percentage point; log-rank P on the same side of 0.05 and within a factor of 2. The
                 note names each field that is not equal as printed
  differs        anything else, with the reason: each field off, and the paper's own inconsistency
                 (from the publication's published-results.json and published-findings.json)
  reinterpreted  computed under another reading of the printed definition (the note gives the reading
                 and what the printed definition gives), equal or close under that reading
  not-computed   with the reason

  --protocol <id>  the protocol (default: the embedded demo trial's)
  --trial <db>  instead of the in-memory demo trial, read the trial from an EDC database (the data
                folder of trialkit serve, or a PostgreSQL URL), e.g. after trialkit serve --demo
  --snapshot <name>  with --trial: read this snapshot (e.g. cutoff-2022-12-01), else the live data
  --seed <n>    seed of the demo trial (default: the calibrated seed)
  --json        JSON: { results: [{ id, published, computed, status, note }],
                summary: { match, close, differs, reinterpreted, notComputed } }; published and
                computed hold value (percent for n (%) entries), and n, N, ciLower, ciUpper, min,
                max as printed
`;

const options = { protocol: { type: 'string' }, trial: { type: 'string' }, snapshot: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } } as const;

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
  return `${blocks.join('\n')}\n${total} published results: ${s.match} match, ${s.close} close, ${s.differs} differ, ${s.reinterpreted} reinterpreted, ${s.notComputed} not computed\n`;
}

export const reproduceCommand: Command = {
  name: 'reproduce',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('reproduce', args, options);
    if (positionals.length > 0) {
      throw new InputError(`unexpected argument ${JSON.stringify(positionals[0])}`, [issue('unexpected-argument', ['argv'], positionals[0], 'only --protocol, --trial, --snapshot, --seed and --json')]);
    }
    const seed = values.seed === undefined ? undefined : numberArg('reproduce', '--seed', values.seed, 0, { integer: true, min: 0 });
    const module = protocolArg(values.protocol, DEFAULT_DEMO_PROTOCOL_ID);
    const publication = module.publication;
    if (publication === undefined)
      throw new InputError(`protocol ${module.definition.id} has no publication to reproduce`, [issue('no-publication', ['--protocol'], module.definition.id, 'a protocol with a publication (`trialkit protocols` says which)')]);
    const { trial, protocol } = await loadTrialArg(values.trial ?? 'demo', {
      protocolId: module.definition.id,
      ...(seed === undefined ? {} : { seed }),
      ...(values.snapshot === undefined ? {} : { snapshot: values.snapshot }),
    });
    if (protocol.id !== module.definition.id)
      throw new InputError(`the trial follows protocol ${protocol.id}, not ${module.definition.id}`, [issue('protocol-mismatch', ['--protocol'], module.definition.id, protocol.id)]);
    const outcome = computeReproduction({ trial, protocol, publication });
    if (!outcome.ok) throw new InputError(`the publication of ${protocol.id} is not in the expected shape`, outcome.issues);
    const results = (publication.results as PublishedResults).results;
    const reproduction = outcome.value;
    const errors = outcome.issues.filter((i) => i.severity === 'error').length;
    if (outcome.issues.length > 0) {
      io.err(`trialkit reproduce: the ADaM derivations reported ${errors} error(s) and ${outcome.issues.length - errors} warning(s) on the trial (records with an error are left out)\n`);
    }
    if (values.json === true) {
      io.out(toJson({ results: reproduction.results.map((r) => ({ id: r.id, published: r.published, computed: r.computed, status: r.status, note: r.note })), summary: reproduction.summary }));
    } else {
      io.out(renderText(reproduction, results));
    }
    return 0;
  },
};
