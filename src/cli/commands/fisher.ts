import { InputError, issue, unwrap } from '../../result/index.js';
import { computeFisherExact2x2, type FisherExact2x2Result } from '../../stats/fisher/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { formatNumber, formatP, renderTable, toJson } from '../render.js';

const usage = `Usage: trialkit fisher <a> <b> <c> <d> [--conf-level 0.95] [--json]

Fisher's exact test of the 2 x 2 table with rows (a b) and (c d), as R's fisher.test: e.g. responders
and non-responders (a b) in one group and (c d) in the other.

  <a> <b> <c> <d>      the four counts, whole numbers >= 0
  --conf-level <p>     confidence level of the odds-ratio interval (default 0.95)
  --json               JSON: p (two-sided), pLess, pGreater (one-sided), oddsRatio (conditional
                       maximum-likelihood estimate, as R; not ad/bc), oddsRatioLower, oddsRatioUpper,
                       confLevel, table {a, b, c, d}

The two-sided p sums the tables no more probable than the observed one. With a zero cell the odds
ratio can be 0 or infinite: infinite values print as Inf and are null in JSON.
`;

const options = {
  'conf-level': { type: 'string' },
  json: { type: 'boolean' },
} as const;

const cellNames = ['a', 'b', 'c', 'd'] as const;

/** Negative counts look like flags to the argument parser: keep them as positionals to report them. */
const negativeNumber = /^-(\d|\.\d)/;
const maskPrefix = '\u0000';

function countArg(name: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isSafeInteger(value) || value < 0) {
    throw new InputError(`count ${name} = ${JSON.stringify(raw)} is not valid; expected a whole number >= 0`, [
      issue('bad-count', [name], raw, 'a whole number >= 0'),
    ]);
  }
  return value;
}

function shown(value: number): string {
  return value === Infinity ? 'Inf' : formatNumber(value);
}

function renderText(r: FisherExact2x2Result): string {
  const { a, b, c, d } = r.table;
  const level = `${Math.round(r.confLevel * 1000) / 10}%`;
  const width = Math.max(String(a).length, String(b).length, String(c).length, String(d).length);
  const cell = (v: number): string => String(v).padStart(width);
  return [
    "Fisher's exact test",
    `  table: (${cell(a)} ${cell(b)})`,
    `         (${cell(c)} ${cell(d)})`,
    '',
    renderTable([
      ['statistic', 'value'],
      ['p (two-sided)', formatP(r.p)],
      ['p (odds ratio < 1)', formatP(r.pLess)],
      ['p (odds ratio > 1)', formatP(r.pGreater)],
      ['odds ratio (conditional MLE)', shown(r.oddsRatio)],
      [`lower ${level}`, shown(r.oddsRatioLower)],
      [`upper ${level}`, shown(r.oddsRatioUpper)],
    ]),
  ].join('\n');
}

export const fisherCommand: Command = {
  name: 'fisher',
  usage,
  run: (args, io) => {
    const negatives: string[] = [];
    const masked = args.map((arg) => (negativeNumber.test(arg) ? `${maskPrefix}${negatives.push(arg) - 1}` : arg));
    const unmask = (text: string): string => (text.startsWith(maskPrefix) ? negatives[Number(text.slice(1))] : text);
    const { values, positionals } = parseCommandArgs('fisher', masked, options);
    const counts = positionals.map(unmask);
    if (counts.length !== 4) {
      throw new InputError(`expected 4 counts <a> <b> <c> <d>, got ${counts.length}\n\n${usage}`, [
        issue('bad-argument', ['counts'], counts.join(' '), 'four counts a b c d'),
      ]);
    }
    const [a, b, c, d] = cellNames.map((name, i) => countArg(name, counts[i]));
    const rawLevel = values['conf-level'] === undefined ? undefined : unmask(values['conf-level']);
    const confLevel = numberArg('fisher', '--conf-level', rawLevel, 0.95, { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true });

    const result = unwrap(computeFisherExact2x2({ a, b, c, d }, { confLevel }), 'cannot compute the test');
    io.out(values.json === true ? toJson(result) : renderText(result));
    return 0;
  },
};
