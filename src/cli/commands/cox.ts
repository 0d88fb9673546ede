import { covariateColumn, readCsvFile, type CsvTable, type RowSelection } from '../../io/index.js';
import { InputError, issue, unwrap } from '../../result/index.js';
import { computeCoxPh, type CoxFit, type CoxTest } from '../../stats/cox/index.js';
import { treatmentContrastsKernel } from '../../stats/design/index.js';
import { parseCommandArgs, numberArg } from '../args.js';
import type { Command } from '../command.js';
import { formatNumber, formatP, renderTable, toJson } from '../render.js';
import {
  checkReferencesUsed,
  describeOmitted,
  parseReferences,
  readFactor,
  readSurvivalColumns,
  statusJson,
  statusLine,
  withReference,
} from '../survivalColumns.js';

const usage = `Usage: trialkit cox <file.csv> --time <col> --event <col> [--event-value <v>]
                    --covariate <col> [--covariate <col> ...] [--factor <col> ...]
                    [--reference <col>=<level> ...] [--strata <col>]
                    [--ties efron|breslow] [--conf-level 0.95] [--json]

Cox proportional hazards regression, as R's coxph (survival 3.5): Efron (default) or Breslow ties,
optional strata (a separate baseline hazard per stratum), Wald confidence intervals for the hazard
ratios, and the likelihood-ratio, Wald and score (log-rank) tests.

  --time <col>         follow-up time, a number >= 0
  --event <col>        event indicator. Without --event-value it is read as R's Surv reads a status:
                       0/1 (1 = event), 1/2 when the largest value is 2 (2 = event), or TRUE/FALSE
  --event-value <v>    the value of an event; any other value is censored
  --covariate <col>    a covariate; repeat for several. A column of numbers is a numeric covariate; a
                       column of text is a factor, coded as R codes it (treatment contrasts against
                       the first level in sorted order, one term per other level, named as R names
                       them: column and level, e.g. sexM, rxLev+5FU)
  --factor <col>       read this covariate as a factor even though its values are numbers (R's
                       factor(x)); terms e.g. ph.ecog1, ph.ecog2
  --reference <c>=<v>  the reference level of factor c (R's relevel), e.g. --reference rx=Obs
  --strata <col>       stratify by this column's labels
  --ties <method>      efron (default) or breslow
  --conf-level <p>     confidence level of the hazard-ratio intervals (default 0.95)
  --json               JSON: coefficients [{term, coef, hr, se, lower, upper, z, p, reason}], logLik
                       [at beta = 0, fitted] as R's fit$loglik, lrTest/waldTest/scoreTest {chisq, df, p}
                       (the Wald statistic is R's fit$wald.test), n, events, omitted, eventValue,
                       statusCoding, covariates [{column, kind, levels, reference, terms}], strata,
                       iterations, converged, warnings

Rows with an empty or NA cell in a column the model uses (time, event, covariates, strata) are left
out and counted, as R's na.omit; other columns do not matter. A value that is not missing and cannot
be read (text in a numeric column, a negative time) is an error naming the column, the first rows and
how many there are.

A constant covariate, or one determined by the others or the strata, has no estimate (R's NA): it is
listed with null values and its reason, and a warning is printed.
`;

const options = {
  time: { type: 'string' },
  event: { type: 'string' },
  'event-value': { type: 'string' },
  covariate: { type: 'string', multiple: true },
  factor: { type: 'string', multiple: true },
  reference: { type: 'string', multiple: true },
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

interface CovariateReport {
  readonly column: string;
  readonly kind: 'numeric' | 'factor';
  readonly levels?: readonly string[];
  readonly reference?: string;
  readonly terms: readonly string[];
}

interface Design {
  readonly covariates: readonly CovariateReport[];
  readonly terms: string[];
  readonly columns: Float64Array[];
}

/** The model matrix: numeric covariates as they are, factors as treatment contrasts (R's defaults). */
function buildDesign(table: CsvTable, names: readonly string[], factors: ReadonlySet<string>, references: ReadonlyMap<string, string>, selection: RowSelection): Design {
  const covariates: CovariateReport[] = [];
  const terms: string[] = [];
  const columns: Float64Array[] = [];
  for (const name of names) {
    const read = covariateColumn(table, name, { rows: selection.rows, factor: factors.has(name) });
    if (read.kind === 'numeric') {
      covariates.push({ column: name, kind: 'numeric', terms: [name] });
      terms.push(name);
      columns.push(read.values);
      continue;
    }
    const factor = withReference(read, references, table.file);
    if (factor.levels.length < 2) {
      throw new InputError(
        `${table.file}: column '${name}' has one level ('${factor.levels[0]}') in the rows used; a factor needs two or more (R: contrasts can be applied only to factors with 2 or more levels)`,
        [issue('too-few-levels', [table.file, name], factor.levels, 'a factor with two or more levels')],
      );
    }
    const coded = treatmentContrastsKernel(name, factor.codes, factor.levels);
    covariates.push({ column: name, kind: 'factor', levels: factor.levels, reference: coded.reference, terms: coded.terms });
    terms.push(...coded.terms);
    columns.push(...coded.columns);
  }
  return { covariates, terms, columns };
}

function describeCovariate(c: CovariateReport): string {
  return c.kind === 'numeric' ? `${c.column}: numeric` : `${c.column}: factor, reference ${c.reference ?? ''} (levels ${(c.levels ?? []).join(', ')})`;
}

function renderText(file: string, fit: CoxFit, warnings: readonly string[], preamble: readonly string[]): string {
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
    ...preamble,
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

    const factorNames = values.factor ?? [];
    for (const name of factorNames) {
      if (!covariateNames.includes(name)) {
        throw new InputError(`--factor ${name}: '${name}' is not a --covariate`, [issue('bad-argument', ['--factor'], name, `one of the covariates: ${covariateNames.join(', ')}`)]);
      }
    }
    const references = parseReferences(values.reference);

    const used = [...covariateNames, ...(values.strata === undefined ? [] : [values.strata])];
    const table = readCsvFile(file, { columns: [values.time, values.event, ...used] });
    const { selection, time, status } = readSurvivalColumns(table, { time: values.time, event: values.event, eventValue: values['event-value'], used });
    const design = buildDesign(table, covariateNames, new Set(factorNames), references, selection);
    checkReferencesUsed(references, design.covariates.filter((c) => c.kind === 'factor').map((c) => c.column), 'a factor covariate');
    let strata: string[] | undefined;
    if (values.strata !== undefined) {
      const factor = readFactor(table, values.strata, selection, new Map());
      strata = Array.from(factor.codes, (code) => factor.levels[code]);
    }

    const outcome = computeCoxPh({ time, status: status.status, covariates: design.columns, terms: design.terms, strata, ties, confLevel });
    const fit = unwrap(outcome, `${file}: cannot fit the Cox model`);
    const warnings = outcome.issues.map((w) => {
      const term = w.path.length > 1 ? `${String(w.path[1])}: ` : '';
      return `${term}expected ${w.expected} (${w.code})`;
    });
    const omitted = describeOmitted(selection);
    if (values.json === true) {
      io.out(
        toJson({
          file,
          time: values.time,
          event: values.event,
          ...statusJson(status),
          omitted: selection.omitted,
          covariates: design.covariates,
          ...fit,
          warnings: outcome.issues,
        }),
      );
      // JSON goes to a program; the warnings also go to whoever is watching.
      for (const w of warnings) io.err(`trialkit cox: warning: ${w}\n`);
    } else {
      const preamble = [
        statusLine(values.event, status),
        ...(omitted === undefined ? [] : [omitted]),
        ...design.covariates.filter((c) => c.kind === 'factor').map(describeCovariate),
      ];
      io.out(renderText(file, fit, warnings, preamble));
    }
    return 0;
  },
};
