import { eventColumn, labelColumn, numericColumn, readCsvFile } from '../../io/index.js';
import { InputError, issue } from '../../result/index.js';
import {
  CONF_TYPES,
  encodeGroups,
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

const usage = `Usage: trialkit km <file.csv> --time <col> --event <col> [options]

Kaplan-Meier curves (product-limit, Greenwood variance) with pointwise confidence limits, median with
its Brookmeyer-Crowley interval (as R quantile.survfit), survival at landmark times (as R
summary(survfit, times)), the log-rank test between groups (as R survdiff) and the median follow-up
by reverse Kaplan-Meier.

Options:
  --time <col>          follow-up time column (numbers >= 0)
  --event <col>         event indicator column
  --event-value <v>     the value of --event that marks an event (default 1); any other is censoring
  --group <col>         one curve per value of this column, and a log-rank test between them
                        (groups are listed in order of first appearance in the file)
  --strata <col>        stratify the log-rank test by this column (needs --group)
  --conf-type <t>       log-log (default, as SAS LIFETEST), log (R's default) or plain
  --conf-level <p>      two-sided confidence level (default 0.95)
  --at <t1,t2,...>      landmark times for survival estimates and numbers at risk
  --json                machine-readable output
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

function run(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('km', args, options);
  if (positionals.length !== 1) fail(`expected one CSV file, got ${positionals.length}`, 'file', positionals, 'one CSV file');
  const file = positionals[0];
  const timeColumn = required(values.time, '--time');
  const eventColumnName = required(values.event, '--event');
  const eventValue = values['event-value'] ?? '1';
  const confTypeRaw = values['conf-type'] ?? 'log-log';
  if (!isConfType(confTypeRaw)) {
    fail(`--conf-type ${JSON.stringify(confTypeRaw)} is not valid; expected one of ${CONF_TYPES.join(', ')}`, '--conf-type', confTypeRaw, CONF_TYPES.join(', '));
  }
  const confType: ConfType = confTypeRaw;
  const confLevel = numberArg('km', '--conf-level', values['conf-level'], 0.95, { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true });
  const at = parseTimes(values.at);
  if (values.strata !== undefined && values.group === undefined) {
    fail('--strata stratifies the log-rank test between groups; it needs --group', '--strata', values.strata, '--group <col> as well');
  }

  const table = readCsvFile(file);
  const time = numericColumn(table, timeColumn, { min: 0 });
  const status = eventColumn(table, eventColumnName, eventValue);
  const groupLabels = values.group === undefined ? undefined : labelColumn(table, values.group);
  const strataLabels = values.strata === undefined ? undefined : labelColumn(table, values.strata);
  if (time.length === 0) {
    throw new InputError(`${file} has no data rows`, [issue('empty-input', [file], 0, 'at least one data row')]);
  }

  const groups = groupLabels === undefined ? undefined : encodeGroups(groupLabels);
  const labels = groups?.labels ?? [''];
  const counts = tabulateSurvivalTimes(time, status, groups?.codes, labels.length);
  const width = counts.times.length;
  const curves = labels.map((label, g) =>
    reportCurve(
      groups === undefined ? null : label,
      kaplanMeierFromCounts(
        counts.times,
        counts.events.subarray(g * width, (g + 1) * width),
        counts.censored.subarray(g * width, (g + 1) * width),
        confType,
        confLevel,
      ),
      at,
    ),
  );

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
    if (groups.labels.length < 2) {
      logrank = null;
      logrankNote = `only one group in '${values.group ?? ''}': no log-rank test`;
    } else {
      let table = counts;
      if (strataLabels !== undefined) {
        const strata = encodeGroups(strataLabels);
        const k = groups.labels.length;
        const combined = new Uint32Array(groups.codes.length);
        for (let i = 0; i < combined.length; i++) combined[i] = strata.codes[i] * k + groups.codes[i];
        table = tabulateSurvivalTimes(time, status, combined, strata.labels.length * k);
      }
      const result = logRankFromTable(table, groups.labels);
      logrank = { chisq: result.chisq, df: result.df, p: result.p, stratified: strataLabels !== undefined, groups: result.groups };
      if (Number.isNaN(result.p)) logrankNote = 'no log-rank test: fewer than two groups at risk at an event time';
    }
  }

  if (values.json === true) {
    const output: Record<string, unknown> = {
      file,
      time: timeColumn,
      event: eventColumnName,
      eventValue,
      confType,
      confLevel,
      curves,
    };
    if (logrank !== undefined) output.logrank = logrank;
    output.followUp = { estimate: followUp.estimate, lower: followUp.lower, upper: followUp.upper };
    io.out(toJson(output));
    return 0;
  }

  const percent = `${Number((confLevel * 100).toPrecision(6))}%`;
  io.out(
    `Kaplan-Meier: ${file}, time '${timeColumn}', event '${eventColumnName}' = ${eventValue}, ${confType} ${percent} limits\n\n`,
  );
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
  return 0;
}

export const kmCommand: Command = {
  name: 'km',
  usage,
  run,
};
