import { completeRows, describeOmitted, factorColumn, levelIndex, numericColumn, readCsvFile, type FactorColumn } from '../../io/index.js';
import { InputError, issue } from '../../result/index.js';
import { cumulativeIncidenceByGroupKernel, type CumulativeIncidenceResult } from '../../stats/competingrisks/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { prettyBreaks } from '../prettyBreaks.js';
import { formatNumber, formatP, renderTable, toJson } from '../render.js';
import { checkReferencesUsed, parseReferences, readFactor, requireRows } from '../survivalColumns.js';

const usage = `Usage: trialkit cif <file.csv> --time <col> --event <col> --event-of-interest <v> --censor-value <v>
                    [--group <col>] [--reference <col>=<level>] [--at t1,t2,...] [--json]

Cumulative incidence of each event type in the presence of competing events (Aalen-Johansen), with
cmprsk's variance, and Gray's test (rho = 0) between groups: R's cmprsk::cuminc and timepoints.

  --time <col>               follow-up time (numbers >= 0)
  --event <col>              what ended follow-up: an event code or the censoring code. Codes may be
                             numbers (0, 1, 2) or text ("progression", "death")
  --event-of-interest <v>    the event type of interest; every other code but --censor-value is a
                             competing event (each its own type)
  --censor-value <v>         the code of a censored subject
  --group <col>              one curve per group and event type, and Gray's test per event type. The
                             groups are a factor as R makes one (numbers by value, text as R sorts it)
  --reference <c>=<v>        list group v first (R's relevel)
  --at <t1,t2,...>           times for the estimates; default: the times cmprsk's print shows,
                             pretty(c(0, largest time), 5) without its ends. After a group's last
                             follow-up time the estimate is null (cmprsk: NA)
  --json                     JSON: eventOfInterest, censorValue, competing, atTimes, n, omitted,
                             levels, reference, curves [{group, event, n, events, at [{time, estimate,
                             variance}]}] for every event type (cuminc's order: event types sorted,
                             then groups), gray [{event, chisq, df, p}]

Rows with an empty or NA cell in the time, event or group column are left out and counted, as R's
na.omit.
`;

const options = {
  time: { type: 'string' },
  event: { type: 'string' },
  'event-of-interest': { type: 'string' },
  'censor-value': { type: 'string' },
  group: { type: 'string' },
  reference: { type: 'string', multiple: true },
  at: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function required(value: string | undefined, flag: string, expected: string): string {
  if (value === undefined || value.trim() === '') {
    throw new InputError(`${flag} is required: ${expected}\n\n${usage}`, [issue('missing-argument', [flag], value, expected)]);
  }
  return value;
}

function parseTimes(raw: string | undefined): number[] | undefined {
  if (raw === undefined) return undefined;
  return raw.split(',').map((part) => numberArg('cif', '--at', part.trim(), Number.NaN, { min: 0 }));
}

/** The event column's codes: 0 censored, 1 + index into the event types (all levels but the censoring one). */
function eventCodes(events: FactorColumn, censorIndex: number): { cause: Uint32Array; types: string[] } {
  const types = events.levels.filter((_, i) => i !== censorIndex);
  const codeOfLevel = events.levels.map((_, i) => (i === censorIndex ? 0 : i < censorIndex || censorIndex < 0 ? i + 1 : i));
  const cause = new Uint32Array(events.codes.length);
  for (let k = 0; k < cause.length; k++) cause[k] = codeOfLevel[events.codes[k]];
  return { cause, types };
}

function renderText(file: string, result: CumulativeIncidenceResult, eventOfInterest: string, atTimes: readonly number[], header: readonly string[]): string {
  const ordered = [...result.curves.filter((c) => c.event === eventOfInterest), ...result.curves.filter((c) => c.event !== eventOfInterest)];
  const rows = ordered.map((c) => [
    c.event === eventOfInterest ? `${c.event} (of interest)` : c.event,
    c.group ?? '(all)',
    String(c.n),
    String(c.events),
    ...c.at.map((a) => (a.estimate === null ? 'NA' : `${formatNumber(a.estimate)} (${formatNumber(a.variance === null ? null : Math.sqrt(a.variance))})`)),
  ]);
  const table = renderTable([['event', 'group', 'n', 'events', ...atTimes.map((t) => `F(${t}) (se)`)], ...rows]);
  const gray =
    result.gray.length === 0
      ? ''
      : '\n' +
        renderTable([
          ['Gray test', 'chisq', 'df', 'p'],
          ...result.gray.map((g) => [g.event, g.chisq === null ? 'NA (singular variance)' : formatNumber(g.chisq, 3), String(g.df), formatP(g.p)]),
        ]);
  return [`Cumulative incidence (as cmprsk::cuminc): ${file}`, ...header, '', table].join('\n') + 'se = square root of cmprsk\'s variance\n' + gray;
}

function run(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('cif', args, options);
  if (positionals.length !== 1) {
    throw new InputError(`expected one CSV file, got ${positionals.length}\n\n${usage}`, [issue('bad-argument', ['file'], positionals.join(' '), 'one CSV file')]);
  }
  const file = positionals[0];
  const timeColumn = required(values.time, '--time', 'the follow-up time column');
  const eventColumnName = required(values.event, '--event', 'the column of event codes');
  const interest = required(values['event-of-interest'], '--event-of-interest', 'the code of the event of interest');
  const censor = required(values['censor-value'], '--censor-value', 'the code of a censored subject');
  const requestedTimes = parseTimes(values.at);
  const references = parseReferences(values.reference);
  checkReferencesUsed(references, values.group === undefined ? [] : [values.group], 'the --group column');

  const table = readCsvFile(file, { columns: [timeColumn, eventColumnName, ...(values.group === undefined ? [] : [values.group])] });
  const selection = completeRows(table, [timeColumn, eventColumnName, ...(values.group === undefined ? [] : [values.group])]);
  requireRows(table, selection);
  const time = numericColumn(table, timeColumn, { min: 0, rows: selection.rows });
  const events = factorColumn(table, eventColumnName, { rows: selection.rows });
  const shown = events.levels.map((l) => `'${l}'`).join(', ');
  const censorIndex = levelIndex(events, censor);
  const interestIndex = levelIndex(events, interest);
  if (interestIndex < 0) {
    throw new InputError(`--event-of-interest ${JSON.stringify(interest)} does not occur in column '${eventColumnName}' of ${file}; its values are ${shown}`, [
      issue('unknown-event', ['--event-of-interest'], interest, `one of ${events.levels.join(', ')}`),
    ]);
  }
  if (interestIndex === censorIndex) {
    throw new InputError('--event-of-interest and --censor-value name the same code', [issue('bad-argument', ['--event-of-interest'], interest, 'an event code other than the censoring code')]);
  }
  const warnings: string[] = [];
  if (censorIndex < 0) {
    warnings.push(`--censor-value ${JSON.stringify(censor)} does not occur in column '${eventColumnName}' (values ${shown}): no subject is censored`);
  }
  const groups = values.group === undefined ? undefined : readFactor(table, values.group, selection, references);
  const { cause, types } = eventCodes(events, censorIndex);
  const eventOfInterest = events.levels[interestIndex];
  const censorLabel = censorIndex < 0 ? censor : events.levels[censorIndex];

  let largest = 0;
  for (let k = 0; k < time.length; k++) if (time[k] > largest) largest = time[k];
  const atTimes = requestedTimes ?? prettyBreaks(0, largest, 5).slice(1, -1);
  const result = cumulativeIncidenceByGroupKernel(
    time,
    cause,
    types,
    groups?.codes ?? new Uint32Array(time.length),
    groups?.levels ?? null,
    atTimes,
    censorLabel,
  );
  const sortedTimes = [...new Set(atTimes)].sort((a, b) => a - b);
  const competing = types.filter((t) => t !== eventOfInterest);

  if (values.json === true) {
    const output: Record<string, unknown> = {
      file,
      time: timeColumn,
      event: eventColumnName,
      eventOfInterest,
      censorValue: censorLabel,
      competing,
      atTimes: sortedTimes,
      n: time.length,
      omitted: selection.omitted,
    };
    if (groups !== undefined) {
      output.group = groups.column;
      output.levels = groups.levels;
      output.reference = groups.levels[0];
    }
    output.curves = result.curves.map((c) => ({ group: c.group, event: c.event, n: c.n, events: c.events, at: c.at }));
    output.gray = result.gray;
    output.warnings = warnings;
    io.out(toJson(output));
    for (const w of warnings) io.err(`trialkit cif: warning: ${w}\n`);
    return 0;
  }
  const omitted = describeOmitted(selection);
  const header = [
    `time '${timeColumn}', event '${eventColumnName}': of interest ${eventOfInterest}, competing ${competing.join(', ') || '(none)'}, censored ${censorLabel}`,
    ...(omitted === undefined ? [] : [omitted]),
    ...(groups === undefined ? [] : [`groups '${groups.column}': ${groups.levels.join(', ')}`]),
    ...warnings.map((w) => `warning: ${w}`),
  ];
  io.out(renderText(file, result, eventOfInterest, sortedTimes, header));
  return 0;
}

export const cifCommand: Command = { name: 'cif', usage, run };
