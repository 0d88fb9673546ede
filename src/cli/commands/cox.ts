import { readCsvFile, numericColumn, eventColumn, labelColumn } from '../../io/index.js';
import { InputError, issue, unwrap } from '../../result/index.js';
import { computeCoxPh, type CoxFit, type CoxTest } from '../../stats/cox/index.js';
import { parseCommandArgs, numberArg } from '../args.js';
import type { Command } from '../command.js';
import { formatNumber, formatP, renderTable, toJson } from '../render.js';

const usage = `Usage: trialkit cox <file.csv> --time <col> --event <col> [--event-value <v>]
                    --covariate <col> [--covariate <col> ...] [--strata <col>]
                    [--ties efron|breslow] [--conf-level 0.95] [--json]

Cox proportional hazards regression, as R's coxph (survival 3.5): Efron (default) or Breslow ties,
optional strata (a separate baseline hazard per stratum), Wald confidence intervals for the hazard
ratios, and the likelihood-ratio, Wald and score (log-rank) tests.

  --time <col>         follow-up time, a number >= 0
  --event <col>        event indicator; a cell equal to --event-value is an event, anything else censored
  --event-value <v>    the code of an event (default 1)
  --covariate <col>    a numeric covariate; repeat for several. Covariates must be numbers: code a factor
                       as 0/1 dummy columns (one per level but the reference)
  --strata <col>       stratify by this column's labels
  --ties <method>      efron (default) or breslow
  --conf-level <p>     confidence level of the hazard-ratio intervals (default 0.95)
  --json               JSON: coefficients [{term, coef, hr, se, lower, upper, z, p, reason}], logLik
                       [at beta = 0, fitted] as R's fit$loglik, lrTest/waldTest/scoreTest {chisq, df, p},
                       n, events, strata, iterations, converged, warnings

A constant covariate, or one determined by the others or the strata, has no estimate (R's NA): it is
listed with null values and its reason, and a warning is printed.
`;

const options = {
  time: { type: 'string' },
  event: { type: 'string' },
  'event-value': { type: 'string' },
  covariate: { type: 'string', multiple: true },
  strata: { type: 'string' },
  ties: { type: 'string' },
  'conf-level': { type: 'string' },
  json: { type: 'boolean' },
} as const;

function missingFlag(flag: string): InputError {
  return new InputError(`${flag} is required\n\n${usage}`, [issue('missing-argument', [flag], undefined, `${flag} <column>`)]);
}

function testRow(name: string, test: CoxTest): string[] {
  return [name, formatNumber(test.chisq, 3), String(test.df), formatP(test.p)];
}

function renderText(file: string, fit: CoxFit, warnings: readonly string[]): string {
  const level = `${Math.round(fit.confLevel * 1000) / 10}%`;
  const coefficients = renderTable([
    ['term', 'coef', 'HR', 'se(coef)', `lower ${level}`, `upper ${level}`, 'z', 'p'],
    ...fit.coefficients.map((c) =>
      c.coef === null
        ? [c.term, `NA (${c.reason ?? 'not estimable'})`, '', '', '', '', '', '']
        : [c.term, formatNumber(c.coef), formatNumber(c.hr), formatNumber(c.se), formatNumber(c.lower), formatNumber(c.upper), formatNumber(c.z, 3), formatP(c.p)],
    ),
  ]);
  const tests = renderTable([
    ['test', 'chisq', 'df', 'p'],
    testRow('likelihood ratio', fit.lrTest),
    testRow('Wald', fit.waldTest),
    testRow('score (log-rank)', fit.scoreTest),
  ]);
  const strata = fit.strata > 1 ? `, ${fit.strata} strata` : '';
  return [
    `Cox proportional hazards: ${file} (n = ${fit.n}, events = ${fit.events}${strata}, ties = ${fit.ties})`,
    '',
    coefficients,
    `log partial likelihood: ${formatNumber(fit.logLik[0], 3)} (beta = 0), ${formatNumber(fit.logLik[1], 3)} (fitted); ` +
      `${fit.iterations} iteration${fit.iterations === 1 ? '' : 's'}${fit.converged ? '' : ', NOT converged'}`,
    '',
    tests,
    ...warnings.map((w) => `warning: ${w}`),
  ].join('\n') + (warnings.length > 0 ? '\n' : '');
}

export const coxCommand: Command = {
  name: 'cox',
  usage,
  run: (args, io) => {
    const { values, positionals } = parseCommandArgs('cox', args, options);
    if (positionals.length !== 1) {
      throw new InputError(`expected one CSV file, got ${positionals.length}\n\n${usage}`, [
        issue('bad-argument', ['file'], positionals.join(' '), 'one CSV file'),
      ]);
    }
    const file = positionals[0];
    if (values.time === undefined) throw missingFlag('--time');
    if (values.event === undefined) throw missingFlag('--event');
    const covariateNames = values.covariate ?? [];
    if (covariateNames.length === 0) throw missingFlag('--covariate');
    const ties = values.ties ?? 'efron';
    if (ties !== 'efron' && ties !== 'breslow') {
      throw new InputError(`--ties ${JSON.stringify(ties)} is not valid; expected efron or breslow`, [
        issue('bad-argument', ['--ties'], ties, 'efron or breslow'),
      ]);
    }
    const confLevel = numberArg('cox', '--conf-level', values['conf-level'], 0.95, { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true });

    const table = readCsvFile(file);
    const time = numericColumn(table, values.time, { min: 0 });
    const status = eventColumn(table, values.event, values['event-value'] ?? '1');
    const covariates = covariateNames.map((name) => numericColumn(table, name));
    const strata = values.strata === undefined ? undefined : labelColumn(table, values.strata);

    const outcome = computeCoxPh({ time, status, covariates, terms: covariateNames, strata, ties, confLevel });
    const fit = unwrap(outcome, `${file}: cannot fit the Cox model`);
    const warnings = outcome.issues.map((w) => {
      const term = w.path.length > 1 ? `${String(w.path[1])}: ` : '';
      return `${term}expected ${w.expected} (${w.code})`;
    });
    if (values.json === true) {
      io.out(toJson({ ...fit, warnings: outcome.issues }));
      // JSON goes to a program; the warnings also go to whoever is watching.
      for (const w of warnings) io.err(`trialkit cox: warning: ${w}\n`);
    } else {
      io.out(renderText(file, fit, warnings));
    }
    return 0;
  },
};
