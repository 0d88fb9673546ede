import { readCsvFile, type FactorColumn } from '../../io/index.js';
import { InputError, issue } from '../../result/index.js';
import { restrictedMeanOfCurve, rmstDifference, type RestrictedMean, type RmstDifference } from '../../stats/rmst/index.js';
import {
  CONF_TYPES,
  isConfType,
  kaplanMeierFromCounts,
  logRankFromTable,
  medianFollowUpFromCounts,
  survivalAtKernel,
  survivalQuantilesKernel,
  tabulateSurvivalTimes,
  type ConfType,
  type KaplanMeierCurve,
  type SurvivalAtTime,
  type SurvivalQuantile,
} from '../../stats/survival/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { formatNumber, formatP, renderTable, toJson } from '../render.js';
import {
  checkReferencesUsed,
  describeOmitted,
  parseReferences,
  readFactor,
  readSurvivalColumns,
  statusJson,
  statusLine,
} from '../survivalColumns.js';

const usage = `Usage: trialkit km <file.csv> --time <col> --event <col> [options]

Kaplan-Meier curves (product-limit, Greenwood variance) with pointwise confidence limits, median with
its Brookmeyer-Crowley interval (as R quantile.survfit), survival at landmark times (as R
summary(survfit, times)), the log-rank test between groups (as R survdiff) and the median follow-up
by reverse Kaplan-Meier.

Options:
  --time <col>          follow-up time column (numbers >= 0)
  --event <col>         event indicator column. Without --event-value it is read as R's Surv reads a
                        status: 0/1 (1 = event), 1/2 when the largest value is 2 (2 = event, as R's
                        lung data), or TRUE/FALSE; any other coding is an error asking for --event-value
  --event-value <v>     the value of --event that marks an event; any other value is censoring
  --group <col>         one curve per value of this column, and a log-rank test between them. The
                        groups are a factor as R makes one: numbers sorted by value, text sorted as R
                        sorts it; the first is the reference (of the RMST differences)
  --reference <c>=<v>   make level v of column c the reference (first) group, as R's relevel
  --strata <col>        stratify the log-rank test by this column (needs --group)
  --conf-type <t>       log-log (default, as SAS LIFETEST), log (R's default) or plain
  --conf-level <p>      two-sided confidence level (default 0.95)
  --at <t1,t2,...>      landmark times for survival estimates and numbers at risk
  --rmst <tau>          restricted mean survival time up to tau per curve, as R's
                        print(survfit(...), rmean = tau) (the curve held flat past its last time;
                        tau may not precede the smallest time, as in R), and each group's difference
                        from the reference group with its confidence interval
  --json                machine-readable output

Rows with an empty or NA cell in a column used (time, event, group, strata) are left out, as R's
na.omit, and counted ("omitted" in the JSON).
`;

const options = {
  time: { type: 'string' },
  event: { type: 'string' },
  'event-value': { type: 'string' },
  group: { type: 'string' },
  strata: { type: 'string' },
  'conf-type': { type: 'string' },
  'conf-level': { type: 'string' },
  at: { type: 'string' },
  reference: { type: 'string', multiple: true },
  rmst: { type: 'string' },
  json: { type: 'boolean' },
} as const;

interface CurveReport {
  readonly group: string | null;
  readonly n: number;
  readonly events: number;
  readonly censored: number;
  readonly steps: readonly {
    readonly time: number;
    readonly atRisk: number;
    readonly events: number;
    readonly censored: number;
    readonly survival: number;
    readonly stdErr: number | null;
    readonly stdErrLogSurvival: number | null;
    readonly lower: number | null;
    readonly upper: number | null;
  }[];
  readonly median: { readonly estimate: number | null; readonly lower: number | null; readonly upper: number | null };
  readonly quantiles: readonly SurvivalQuantile[];
  readonly at: readonly SurvivalAtTime[];
  rmst?: RestrictedMean;
}

function fail(message: string, flag: string, value: unknown, expected: string): never {
  throw new InputError(message, [issue('bad-argument', [flag], value, expected)]);
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') fail(`${flag} <col> is required`, flag, value, 'a column name');
  return value;
}

function parseTimes(raw: string | undefined): number[] {
  if (raw === undefined) return [];
  return raw.split(',').map((part) => numberArg('km', '--at', part.trim(), Number.NaN, { min: 0 }));
}

function reportCurve(group: string | null, curve: KaplanMeierCurve, at: readonly number[]): CurveReport {
  const quantiles = survivalQuantilesKernel(curve, [0.25, 0.5, 0.75]);
  const median = quantiles[1];
  return {
    group,
    n: curve.n,
    events: curve.events,
    censored: curve.censored,
    steps: curve.steps.map((s) => ({
      time: s.time,
      atRisk: s.atRisk,
      events: s.events,
      censored: s.censored,
      survival: s.survival,
      stdErr: s.stdErrSurvival,
      stdErrLogSurvival: s.stdErrLogSurvival,
      lower: s.lower,
      upper: s.upper,
    })),
    median: { estimate: median.estimate, lower: median.lower, upper: median.upper },
    quantiles,
    at: survivalAtKernel(curve, at),
  };
}

function interval(estimate: number | null, lower: number | null, upper: number | null, digits: number): string {
  return `${formatNumber(estimate, digits)} (${formatNumber(lower, digits)}-${formatNumber(upper, digits)})`;
}

function renderRmst(curves: readonly CurveReport[], differences: readonly RmstDifference[], tau: number, percent: string): string {
  const rows = curves.map((c) => [c.group ?? '(all)', String(c.n), String(c.events), formatNumber(c.rmst?.estimate ?? null, 2), formatNumber(c.rmst?.se ?? null, 2)]);
  const lines = [`Restricted mean survival time up to ${tau} (as R's print(survfit, rmean = ${tau}))\n`, renderTable([['group', 'n', 'events', 'RMST', 'se'], ...rows])];
  for (const d of differences) {
    lines.push(
      `RMST difference ${d.group} - ${d.reference}: ${formatNumber(d.estimate, 2)} (${percent} CI ${formatNumber(d.lower, 2)} to ${formatNumber(d.upper, 2)}), p = ${formatP(d.p)}\n`,
    );
  }
  return lines.join('');
}

function run(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('km', args, options);
  if (positionals.length !== 1) fail(`expected one CSV file, got ${positionals.length}`, 'file', positionals, 'one CSV file');
  const file = positionals[0];
  const timeColumn = required(values.time, '--time');
  const eventColumnName = required(values.event, '--event');
  const confTypeRaw = values['conf-type'] ?? 'log-log';
  if (!isConfType(confTypeRaw)) {
    fail(`--conf-type ${JSON.stringify(confTypeRaw)} is not valid; expected one of ${CONF_TYPES.join(', ')}`, '--conf-type', confTypeRaw, CONF_TYPES.join(', '));
  }
  const confType: ConfType = confTypeRaw;
  const confLevel = numberArg('km', '--conf-level', values['conf-level'], 0.95, { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true });
  const at = parseTimes(values.at);
  const tau = values.rmst === undefined ? undefined : numberArg('km', '--rmst', values.rmst, Number.NaN, { min: 0, exclusiveMin: true });
  if (values.strata !== undefined && values.group === undefined) {
    fail('--strata stratifies the log-rank test between groups; it needs --group', '--strata', values.strata, '--group <col> as well');
  }
  const references = parseReferences(values.reference);
  checkReferencesUsed(references, values.group === undefined ? [] : [values.group], 'the --group column');

  const used = [values.group, values.strata].filter((c): c is string => c !== undefined);
  const table = readCsvFile(file, { columns: [timeColumn, eventColumnName, ...used] });
  const { selection, time, status: statusRead } = readSurvivalColumns(table, {
    time: timeColumn,
    event: eventColumnName,
    eventValue: values['event-value'],
    used,
  });
  const status = statusRead.status;
  const groups: FactorColumn | undefined = values.group === undefined ? undefined : readFactor(table, values.group, selection, references);
  const strata: FactorColumn | undefined = values.strata === undefined ? undefined : readFactor(table, values.strata, selection, new Map());

  const labels = groups?.levels ?? [''];
  const counts = tabulateSurvivalTimes(time, status, groups?.codes, labels.length);
  const width = counts.times.length;
  if (tau !== undefined && tau < counts.times[0]) {
    fail(
      `--rmst ${tau} is before the smallest time, ${counts.times[0]}; R refuses this too ("Truncation point for the mean is < smallest survival")`,
      '--rmst',
      tau,
      `a time >= ${counts.times[0]}`,
    );
  }
  const kmCurves = labels.map((_, g) =>
    kaplanMeierFromCounts(
      counts.times,
      counts.events.subarray(g * width, (g + 1) * width),
      counts.censored.subarray(g * width, (g + 1) * width),
      confType,
      confLevel,
    ),
  );
  const curves = kmCurves.map((curve, g) => {
    const report = reportCurve(groups === undefined ? null : labels[g], curve, at);
    if (tau !== undefined) report.rmst = restrictedMeanOfCurve(curve, tau);
    return report;
  });
  const rmstDifferences: RmstDifference[] = [];
  if (tau !== undefined && groups !== undefined) {
    const reference = curves[0];
    for (const c of curves.slice(1)) {
      if (c.rmst !== undefined && reference.rmst !== undefined) {
        rmstDifferences.push(rmstDifference(c.group ?? '', c.rmst, reference.group ?? '', reference.rmst, confLevel));
      }
    }
  }

  // Follow-up pools every subject: the events and censorings at each time summed over groups.
  let allEvents = counts.events.subarray(0, width);
  let allCensored = counts.censored.subarray(0, width);
  if (labels.length > 1) {
    allEvents = new Uint32Array(width);
    allCensored = new Uint32Array(width);
    for (let g = 0; g < labels.length; g++) {
      for (let k = 0; k < width; k++) {
        allEvents[k] += counts.events[g * width + k];
        allCensored[k] += counts.censored[g * width + k];
      }
    }
  }
  const followUp = medianFollowUpFromCounts(counts.times, allEvents, allCensored, confType, confLevel);

  // The log-rank test runs on the tabulated counts (logRankFromTable: survdiff's sums per distinct
  // time, checked against computeLogRank in its tests), so it needs no per-subject sort.
  let logrank: { chisq: number; df: number; p: number; stratified: boolean; groups: readonly object[] } | null | undefined;
  let logrankNote: string | undefined;
  if (groups !== undefined) {
    if (groups.levels.length < 2) {
      logrank = null;
      logrankNote = `only one group in '${values.group ?? ''}': no log-rank test`;
    } else {
      let tabulated = counts;
      if (strata !== undefined) {
        const k = groups.levels.length;
        const combined = new Uint32Array(groups.codes.length);
        for (let i = 0; i < combined.length; i++) combined[i] = strata.codes[i] * k + groups.codes[i];
        tabulated = tabulateSurvivalTimes(time, status, combined, strata.levels.length * k);
      }
      const result = logRankFromTable(tabulated, groups.levels);
      logrank = { chisq: result.chisq, df: result.df, p: result.p, stratified: strata !== undefined, groups: result.groups };
      if (Number.isNaN(result.p)) logrankNote = 'no log-rank test: fewer than two groups at risk at an event time';
    }
  }
  const omitted = describeOmitted(selection);

  if (values.json === true) {
    const output: Record<string, unknown> = {
      file,
      time: timeColumn,
      event: eventColumnName,
      ...statusJson(statusRead),
      n: time.length,
      omitted: selection.omitted,
      confType,
      confLevel,
    };
    if (groups !== undefined) {
      output.group = groups.column;
      output.levels = groups.levels;
      output.reference = groups.levels[0];
    }
    output.curves = curves;
    if (logrank !== undefined) output.logrank = logrank;
    if (tau !== undefined) output.rmstDifferences = rmstDifferences;
    output.followUp = { estimate: followUp.estimate, lower: followUp.lower, upper: followUp.upper };
    io.out(toJson(output));
    return 0;
  }

  const percent = `${Number((confLevel * 100).toPrecision(6))}%`;
  io.out(`Kaplan-Meier: ${file}, time '${timeColumn}', ${statusLine(eventColumnName, statusRead)}, ${confType} ${percent} limits\n`);
  if (omitted !== undefined) io.out(`${omitted}\n`);
  if (groups !== undefined) io.out(`groups '${groups.column}': ${groups.levels.join(', ')} (reference ${groups.levels[0]})\n`);
  io.out('\n');
  const header = ['group', 'n', 'events', 'censored', `median (${percent} CI)`, ...at.map((t) => `S(${t}) (${percent} CI)`), ...at.map((t) => `at risk ${t}`)];
  const rows = curves.map((c) => [
    c.group ?? '(all)',
    String(c.n),
    String(c.events),
    String(c.censored),
    interval(c.median.estimate, c.median.lower, c.median.upper, 2),
    ...c.at.map((a) => (a.reason === null ? interval(a.survival, a.lower, a.upper, 4) : 'after last time')),
    ...c.at.map((a) => String(a.atRisk)),
  ]);
  io.out(renderTable([header, ...rows]));
  io.out('NR = not reached\n\n');
  if (logrank !== undefined && logrank !== null && !Number.isNaN(logrank.p)) {
    const strata = values.strata === undefined ? '' : `, stratified by '${values.strata}'`;
    io.out(`Log-rank test${strata}: chi-square ${formatNumber(logrank.chisq, 3)} on ${logrank.df} df, p = ${formatP(logrank.p)}\n`);
  } else if (logrankNote !== undefined) {
    io.out(`${logrankNote}\n`);
  }
  io.out(`Median follow-up (reverse Kaplan-Meier, all subjects): ${interval(followUp.estimate, followUp.lower, followUp.upper, 2)}\n`);
  if (tau !== undefined) io.out(`\n${renderRmst(curves, rmstDifferences, tau, percent)}`);
  return 0;
}

export const kmCommand: Command = {
  name: 'km',
  usage,
  run,
};
