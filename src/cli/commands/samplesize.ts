import { InputError, issue, type Issue, type Outcome } from '../../result/index.js';
import {
  computeExactSingleArmDesign,
  computeSimonTwoStage,
  defaultSearchMaxN,
  defaultSimonMaxN,
  type ExactSingleArmDesign,
  type SimonDesign,
  type SimonTwoStage,
} from '../../stats/samplesize/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { formatNumber, renderTable, toJson } from '../render.js';

const usage = `Usage:
  trialkit samplesize binomial --p0 <p> --p1 <p> --alpha <a> --power <q> [--dropout <d>]
                               [--dropout-method multiply|divide] [--max-n ${defaultSearchMaxN}] [--json]
  trialkit samplesize simon    --p0 <p> --p1 <p> --alpha <a> --power <q> [--max-n ${defaultSimonMaxN}] [--json]

Sample size of a single-arm trial testing H0: rate <= p0 against the alternative rate p1.

binomial   one-stage design analysed with the one-sided exact binomial test (PASS "one proportion,
           exact test"): the smallest n whose exact power reaches the target, with r = the smallest
           number of responses that rejects H0 (P(X >= r | p0) <= alpha). Exact power is a saw-tooth
           in n: sawtoothN is the smallest N from which every n up to --max-n reaches the power.
simon      Simon (1989) two-stage designs: stop after n1 patients if at most r1 respond, reject H0 if
           more than r of n respond. optimal minimises EN0 (expected n under p0); minimax minimises n,
           then EN0. Exhaustive search over n <= --max-n (at most 300).

  --p0 <p>             null response rate, strictly between 0 and 1
  --p1 <p>             alternative response rate, above p0 and below 1
  --alpha <a>          one-sided significance level, strictly between 0 and 0.5 (e.g. 0.025)
  --power <q>          target power, strictly between 0 and 1 (e.g. 0.8)
  --dropout <d>        binomial: expected dropout fraction, >= 0 and < 1 (default 0)
  --dropout-method <m> binomial: multiply (default; round(n x (1 + d)), as the Zhou 2023 protocol:
                       66 x 1.2 = 79.2 -> 79) or divide (ceil(n / (1 - d)), the usual convention: 83)
  --max-n <n>          largest n searched (binomial default ${defaultSearchMaxN}, simon default ${defaultSimonMaxN})
  --json               binomial JSON: n, r, alpha, power (attained at n), en0, pet0, en1, pet1
                       (expected n and probability of early termination under p0 and p1: n and 0
                       for one stage), nEnrolled, sawtoothN, sawtoothR, sawtoothAlpha, sawtoothPower,
                       dropout, dropoutMethod, p0, p1, targetAlpha, targetPower, searchMaxN
                       simon JSON: optimal and minimax {r1, n1, r, n, en0, pet0, en1, pet1, alpha,
                       power} (as clinfun's ph2simon and oc.twostage.bdry: alpha and power are
                       P(reject H0) under p0 and p1), p0, p1, targetAlpha, targetPower, maxN
`;

const options = {
  p0: { type: 'string' },
  p1: { type: 'string' },
  alpha: { type: 'string' },
  power: { type: 'string' },
  dropout: { type: 'string' },
  'dropout-method': { type: 'string' },
  'max-n': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Negative numbers look like flags to the argument parser: keep them as values to report them. */
const negativeNumber = /^-(\d|\.\d)/;
const maskPrefix = '\u0000';

/** Front-end argument names as flags. */
const flagNames: Readonly<Record<string, string>> = {
  p0: '--p0',
  p1: '--p1',
  alpha: '--alpha',
  power: '--power',
  dropout: '--dropout',
  dropoutMethod: '--dropout-method',
  searchMaxN: '--max-n',
  maxN: '--max-n',
};

const rateFlags = [
  ['--p0', 'p0', 'the null response rate, e.g. --p0 0.12'],
  ['--p1', 'p1', 'the alternative response rate, e.g. --p1 0.25'],
  ['--alpha', 'alpha', 'the one-sided significance level, e.g. --alpha 0.025'],
  ['--power', 'power', 'the target power, e.g. --power 0.8'],
] as const;

function required(flag: string, raw: string | undefined, expected: string): string {
  if (raw === undefined) throw new InputError(`${flag} is required: expected ${expected}`, [issue('missing-argument', [flag], undefined, expected)]);
  return raw;
}

/** The value, or an InputError whose message names the first bad flag, its value and what was expected. */
function valueOrThrow<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  const issues: Issue[] = outcome.issues.map((item) => {
    const [head, ...rest] = item.path;
    const name = typeof head === 'string' ? (flagNames[head] ?? head) : head;
    return issue(item.code, [name, ...rest], item.value, item.expected, item.severity);
  });
  const [first] = issues;
  throw new InputError(`${String(first.path[0])} ${JSON.stringify(first.value)} is not valid; expected ${first.expected}`, issues);
}

function percent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

function renderBinomial(d: ExactSingleArmDesign): string {
  const inflation =
    d.dropoutMethod === 'multiply' ? `n x ${formatNumber(1 + d.dropout, 2)}, rounded` : `n / ${formatNumber(1 - d.dropout, 2)}, rounded up`;
  const rows: string[][] = [
    ['quantity', 'value'],
    ['n (smallest n reaching the power)', String(d.n)],
    [`reject H0 if responders >= r`, String(d.r)],
    ['attained alpha at n', formatNumber(d.alpha)],
    ['attained power at n', formatNumber(d.power)],
    ['expected n under p0 and p1 (single stage: no early stop)', String(d.n)],
    [`saw-tooth n (every n up to ${d.searchMaxN})`, d.sawtooth === null ? 'NR' : String(d.sawtooth.n)],
    ['r at the saw-tooth n', d.sawtooth === null ? 'NR' : String(d.sawtooth.r)],
    ['power at the saw-tooth n', d.sawtooth === null ? 'NR' : formatNumber(d.sawtooth.power)],
    [`enrolled for ${percent(d.dropout)} dropout (${d.dropoutMethod}: ${inflation})`, String(d.nEnrolled)],
  ];
  return [
    'Single-arm design, one-sided exact binomial test (PASS "one proportion, exact test")',
    `  H0: p <= ${d.p0}   H1: p = ${d.p1}   one-sided alpha ${d.targetAlpha}   target power ${d.targetPower}`,
    '',
    renderTable(rows),
  ].join('\n');
}

function designRow(name: string, d: SimonDesign): string[] {
  return [
    name,
    `${d.r1}/${d.n1}`,
    `${d.r}/${d.n}`,
    formatNumber(d.en0, 2),
    formatNumber(d.pet0),
    formatNumber(d.en1, 2),
    formatNumber(d.pet1),
    formatNumber(d.alpha),
    formatNumber(d.power),
  ];
}

function renderSimon(s: SimonTwoStage): string {
  return [
    'Simon two-stage designs (Simon 1989)',
    `  H0: p <= ${s.p0}   H1: p = ${s.p1}   one-sided alpha ${s.targetAlpha}   target power ${s.targetPower}   n <= ${s.maxN}`,
    '',
    renderTable([
      ['design', 'r1/n1', 'r/n', 'EN(p0)', 'PET(p0)', 'EN(p1)', 'PET(p1)', 'alpha', 'power'],
      designRow('optimal', s.optimal),
      designRow('minimax', s.minimax),
    ]),
    'Stop after n1 patients if at most r1 respond; reject H0 if more than r of n respond. EN: expected sample',
    'size, PET: probability of early termination, under p0 and under p1; alpha and power: P(reject H0) under p0, p1.',
    '',
  ].join('\n');
}

function designJson(d: SimonDesign): Record<string, number> {
  return { r1: d.r1, n1: d.n1, r: d.r, n: d.n, en0: d.en0, pet0: d.pet0, en1: d.en1, pet1: d.pet1, alpha: d.alpha, power: d.power };
}

export const samplesizeCommand: Command = {
  name: 'samplesize',
  usage,
  run: (args, io: CliIo) => {
    const negatives: string[] = [];
    const masked = args.map((arg) => (negativeNumber.test(arg) ? `${maskPrefix}${negatives.push(arg) - 1}` : arg));
    const unmask = (text: string | undefined): string | undefined =>
      text?.startsWith(maskPrefix) === true ? negatives[Number(text.slice(1))] : text;
    const { values, positionals } = parseCommandArgs('samplesize', masked, options);
    const design = positionals.length === 1 ? positionals[0] : undefined;
    if (design !== 'binomial' && design !== 'simon') {
      const shown = positionals.map((p) => unmask(p)).join(' ');
      throw new InputError(`expected one design, binomial or simon, got ${JSON.stringify(shown)}\n\n${usage}`, [
        issue('bad-argument', ['design'], shown, 'binomial or simon'),
      ]);
    }
    const [p0, p1, alpha, power] = rateFlags.map(([flag, key, expected]) =>
      numberArg('samplesize', flag, required(flag, unmask(values[key]), expected), Number.NaN),
    );
    const rawMaxN = unmask(values['max-n']);

    if (design === 'simon') {
      for (const flag of ['dropout', 'dropout-method'] as const) {
        if (values[flag] !== undefined) {
          throw new InputError(`--${flag} applies to samplesize binomial only`, [
            issue('bad-argument', [`--${flag}`], unmask(values[flag]), 'no dropout option for simon (inflate n yourself)'),
          ]);
        }
      }
      const maxN = numberArg('samplesize', '--max-n', rawMaxN, defaultSimonMaxN);
      const result = valueOrThrow(computeSimonTwoStage({ p0, p1, alpha, power, maxN }));
      io.out(
        values.json === true
          ? toJson({
              optimal: designJson(result.optimal),
              minimax: designJson(result.minimax),
              p0: result.p0,
              p1: result.p1,
              targetAlpha: result.targetAlpha,
              targetPower: result.targetPower,
              maxN: result.maxN,
            })
          : renderSimon(result),
      );
      return 0;
    }

    const dropout = numberArg('samplesize', '--dropout', unmask(values.dropout), 0);
    const dropoutMethod = unmask(values['dropout-method']) ?? 'multiply';
    const searchMaxN = numberArg('samplesize', '--max-n', rawMaxN, defaultSearchMaxN);
    const result = valueOrThrow(computeExactSingleArmDesign({ p0, p1, alpha, power, dropout, dropoutMethod, searchMaxN }));
    io.out(
      values.json === true
        ? toJson({
            n: result.n,
            r: result.r,
            alpha: result.alpha,
            power: result.power,
            // A single stage never stops early: it always treats n.
            en0: result.n,
            pet0: 0,
            en1: result.n,
            pet1: 0,
            nEnrolled: result.nEnrolled,
            dropout: result.dropout,
            dropoutMethod: result.dropoutMethod,
            sawtoothN: result.sawtooth?.n ?? null,
            sawtoothR: result.sawtooth?.r ?? null,
            sawtoothAlpha: result.sawtooth?.alpha ?? null,
            sawtoothPower: result.sawtooth?.power ?? null,
            p0: result.p0,
            p1: result.p1,
            targetAlpha: result.targetAlpha,
            targetPower: result.targetPower,
            searchMaxN: result.searchMaxN,
            method: 'one-sided exact binomial test, single stage',
          })
        : renderBinomial(result),
    );
    return 0;
  },
};
