import { InputError, issue, type Issue } from '../../result/index.js';
import { computeBinomialProportion, defaultBinomialConfLevel, defaultBinomialP0, type BinomialProportion } from '../../stats/binomial/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { formatNumber, formatP, renderTable, toJson } from '../render.js';

const usage = `Usage: trialkit binom <x> <n> [--p0 0.5] [--conf-level 0.95] [--json]

A response rate x/n with its Clopper-Pearson exact confidence interval (R binom.test, SAS PROC FREQ
BINOMIAL EXACT) and the exact binomial test against p0, as R 4.2's binom.test.

  <x>                  responders, a whole number from 0 to n
  <n>                  subjects, a whole number >= 1
  --p0 <p>             null response rate of the test, strictly between 0 and 1 (default ${defaultBinomialP0},
                       as R's binom.test; R also accepts 0 and 1, where the test is degenerate)
  --conf-level <p>     two-sided confidence level (default ${defaultBinomialConfLevel})
  --json               JSON: x, n, estimate, lower, upper (Clopper-Pearson), pGreater (P(X >= x)),
                       pLess (P(X <= x)), pTwoSided (R's rule: outcomes no more probable than x),
                       p0, confLevel, wilsonLower, wilsonUpper (Wilson score interval without
                       continuity correction = R prop.test(x, n, correct = FALSE)), method
`;

const options = {
  p0: { type: 'string' },
  'conf-level': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Negative numbers look like flags to the argument parser: keep them as values to report them. */
const negativeNumber = /^-(\d|\.\d)/;
const maskPrefix = '\u0000';

/** Front-end argument names as the user typed them. */
const argumentNames: Readonly<Record<string, string>> = { x: '<x>', n: '<n>', p0: '--p0', confLevel: '--conf-level' };

function wholeArg(name: string, raw: string, expected: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isSafeInteger(value)) {
    throw new InputError(`${name} ${JSON.stringify(raw)} is not valid; expected ${expected}`, [issue('bad-number', [name], raw, expected)]);
  }
  return value;
}

function renamed(issues: readonly Issue[]): Issue[] {
  return issues.map((item) => {
    const [head, ...rest] = item.path;
    const name = typeof head === 'string' ? (argumentNames[head] ?? head) : head;
    return issue(item.code, [name, ...rest], item.value, item.expected, item.severity);
  });
}

function percent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

function renderText(r: BinomialProportion): string {
  const level = percent(r.confLevel);
  return [
    `Binomial proportion ${r.x}/${r.n}`,
    '',
    renderTable([
      ['statistic', 'value'],
      ['estimate', formatNumber(r.estimate)],
      [`Clopper-Pearson ${level} lower`, formatNumber(r.clopperPearson.lower)],
      [`Clopper-Pearson ${level} upper`, formatNumber(r.clopperPearson.upper)],
      [`Wilson ${level} lower`, formatNumber(r.wilson.lower)],
      [`Wilson ${level} upper`, formatNumber(r.wilson.upper)],
      [`p (rate > ${r.p0}), P(X >= ${r.x})`, formatP(r.pGreater)],
      [`p (rate < ${r.p0}), P(X <= ${r.x})`, formatP(r.pLess)],
      [`p (two-sided, rate != ${r.p0})`, formatP(r.pTwoSided)],
    ]),
    'Exact binomial test as R binom.test; Wilson interval without continuity correction.',
    '',
  ].join('\n');
}

export const binomCommand: Command = {
  name: 'binom',
  usage,
  run: (args, io) => {
    const negatives: string[] = [];
    const masked = args.map((arg) => (negativeNumber.test(arg) ? `${maskPrefix}${negatives.push(arg) - 1}` : arg));
    const unmask = (text: string | undefined): string | undefined =>
      text?.startsWith(maskPrefix) === true ? negatives[Number(text.slice(1))] : text;
    const { values, positionals } = parseCommandArgs('binom', masked, options);
    if (positionals.length !== 2) {
      throw new InputError(`expected two arguments <x> <n>, got ${positionals.length}\n\n${usage}`, [
        issue('bad-argument', ['<x> <n>'], positionals.map(unmask).join(' '), 'responders and subjects, e.g. trialkit binom 33 85'),
      ]);
    }
    const [rawX, rawN] = positionals.map((p) => unmask(p) ?? '');
    const x = wholeArg('<x>', rawX, 'a whole number of responders from 0 to n');
    const n = wholeArg('<n>', rawN, 'a whole number of subjects >= 1');
    const p0 = numberArg('binom', '--p0', unmask(values.p0), defaultBinomialP0);
    const confLevel = numberArg('binom', '--conf-level', unmask(values['conf-level']), defaultBinomialConfLevel);

    const outcome = computeBinomialProportion({ x, n, p0, confLevel });
    if (!outcome.ok) {
      const [first] = outcome.issues;
      const name = renamed([first])[0].path[0];
      throw new InputError(`${String(name)} ${JSON.stringify(first.value)} is not valid; expected ${first.expected}`, renamed(outcome.issues));
    }
    const r = outcome.value;
    if (values.json === true) {
      io.out(
        toJson({
          x: r.x,
          n: r.n,
          estimate: r.estimate,
          lower: r.clopperPearson.lower,
          upper: r.clopperPearson.upper,
          pGreater: r.pGreater,
          pLess: r.pLess,
          pTwoSided: r.pTwoSided,
          p0: r.p0,
          confLevel: r.confLevel,
          method: 'Clopper-Pearson exact interval; exact binomial test (R binom.test)',
          wilsonLower: r.wilson.lower,
          wilsonUpper: r.wilson.upper,
        }),
      );
    } else {
      io.out(renderText(r));
    }
    return 0;
  },
};
