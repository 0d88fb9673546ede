import { z } from 'zod';
import {
  RECIST_1_1,
  computeRecistResponse,
  type RecistPatientInput,
  type RecistResult,
  type RecistTimePoint,
} from '../../clinical/recist/index.js';
import { readJsonFile } from '../../io/index.js';
import { InputError, formatIssue, issue, type Issue, type IssuePath } from '../../result/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { renderTable, toJson } from '../render.js';

const thresholds = RECIST_1_1.thresholds;

const usage = `Usage: trialkit recist <assessments.json> [--confirmation-days ${thresholds.confirmationDays}] [--sd-min-days ${thresholds.stableDiseaseMinimumDays}] [--json]

RECIST 1.1 response (Eisenhauer EA et al., Eur J Cancer 2009;45:228-247) for each patient: target,
non-target and overall response at every assessment (Tables 1 and 2), the best overall response with
confirmation of CR and PR (Table 3), the date of the first confirmed response and of progression.

Input: { "patients": [ { "id": "P01",
           "baseline": { "date": "YYYY-MM-DD",
             "lesions": [ { "id": "T1", "kind": "target" | "non-target", "nodal": true | false,
                            "diameterMm": 23.5, "organ": "liver" (optional) } ] },
           "assessments": [ { "date": "YYYY-MM-DD",
             "lesions": [ { "id": "T1", "diameterMm": 12 }            (target: 0 = disappeared,
                          { "id": "NT1", "status": "present" } ],       null = not evaluated)
             "newLesion": "no" | "yes" | "equivocal" } ] } ] }
Diameters in mm: longest diameter, short axis for lymph nodes. Non-target status: "absent" (a node:
< 10 mm), "present", "unequivocal-progression", "not-evaluated". Every baseline lesion needs a result
at every assessment. Baseline targets must be measurable (>= ${thresholds.measurableLesionMm} mm; nodes >= ${thresholds.measurableNodeShortAxisMm} mm short axis), at most
${thresholds.maxTargetLesions} in all and ${thresholds.maxTargetLesionsPerOrgan} per organ (all lymph nodes are one organ).

  --confirmation-days <d>  a CR/PR is confirmed by a CR/PR at least d days later (default ${thresholds.confirmationDays})
  --sd-min-days <d>        SD as best response needs an assessment at least d days after the
                           baseline date (default ${thresholds.stableDiseaseMinimumDays}; RECIST leaves it to the protocol)
  --json                   JSON: { patients: [ { id, assessments: [ { date, sumMm, percentFromBaseline,
                           percentFromNadir, target, nonTarget, overall } ], bestOverallResponse,
                           confirmed, firstResponseDate, progressionDate } ] }, full precision

Target: CR PR SD PD NE NA; non-target: CR NON-CR/NON-PD PD NE NA (NA = none at baseline, "none" in the
text table); overall and best: CR PR SD NON-CR/NON-PD PD NE. The readings of points RECIST leaves open (nodal CR, equivocal new
lesions, reappearance after CR, the nadir, ...) are listed in src/clinical/recist/README.md.
Bad input (malformed JSON, a wrong field in any patient) exits 2, naming the file, the JSON path, the
value and what was expected; nothing is written to standard output then.
`;

const options = {
  json: { type: 'boolean' },
  'confirmation-days': { type: 'string' },
  'sd-min-days': { type: 'string' },
} as const;

// zod finds fields that are not part of the contract (a misspelt "diameterMM" would otherwise be read as a
// missing diameter); every other check is the engine's own validation, which names path, value and expectation.
const any = z.unknown();
const lesionResult = z.strictObject({ id: any, diameterMm: any, status: any });
const patientFields = z.strictObject({
  id: any,
  baseline: z.strictObject({ date: any, lesions: z.array(z.strictObject({ id: any, kind: any, nodal: any, diameterMm: any, organ: any })) }),
  assessments: z.array(z.strictObject({ date: any, lesions: z.array(lesionResult), newLesion: any })),
});
const fileSchema = z.strictObject({ patients: z.array(any) });

function unknownFields(value: unknown, schema: z.ZodType, prefix: IssuePath): Issue[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.flatMap((item) =>
    item.code === 'unrecognized_keys'
      ? item.keys.map((key) => {
          const path = [...prefix, ...item.path.filter((p): p is string | number => typeof p !== 'symbol'), key];
          return issue('unknown-field', path, valueAt(value, path.slice(prefix.length)), 'no other fields than those listed by trialkit recist --help (check the spelling)');
        })
      : [],
  );
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

interface PatientReport {
  readonly id: string | number;
  readonly result: RecistResult;
}

function derivePatient(raw: unknown, index: number, seen: Set<string | number>, confirmationDays: number, sdMinDays: number): { report: PatientReport | null; issues: Issue[] } {
  const prefix = ['patients', index];
  const issues = unknownFields(raw, patientFields, prefix);
  const id = valueAt(raw, ['id']);
  if (typeof id !== 'string' && typeof id !== 'number') {
    issues.push(issue('invalid-patient-id', [...prefix, 'id'], id, 'a patient id (text or number)'));
  } else if (seen.has(id)) {
    issues.push(issue('duplicate-patient-id', [...prefix, 'id'], id, 'each patient once in the file'));
  } else {
    seen.add(id);
  }
  const outcome = computeRecistResponse(raw as RecistPatientInput, { confirmationDays, sdMinDays });
  issues.push(...outcome.issues.map((item) => issue(item.code, [...prefix, ...item.path], item.value, item.expected, item.severity)));
  const errors = issues.filter((item) => item.severity === 'error');
  const ok = outcome.ok && errors.length === 0 && (typeof id === 'string' || typeof id === 'number');
  return { report: ok ? { id, result: outcome.value } : null, issues };
}

function jsonAssessment(point: RecistTimePoint): unknown {
  return {
    date: point.date,
    sumMm: point.sumMm,
    percentFromBaseline: point.percentFromBaseline,
    percentFromNadir: point.percentFromNadir,
    target: point.target,
    nonTarget: point.nonTarget,
    overall: point.overall,
  };
}

function jsonPatient({ id, result }: PatientReport): unknown {
  return {
    id,
    assessments: result.assessments.map(jsonAssessment),
    bestOverallResponse: result.bestOverallResponse,
    confirmed: result.confirmed,
    firstResponseDate: result.firstResponseDate,
    progressionDate: result.progressionDate,
  };
}

function percent(value: number | null): string {
  if (value === null) return '-';
  const text = value.toFixed(1);
  return `${value > 0 && text !== '0.0' ? '+' : ''}${text === '-0.0' ? '0.0' : text}%`;
}

/** 'NA' (no such disease at baseline) reads as a missing number in a table; people read "none" better. */
function shown(category: string): string {
  return category === 'NA' ? 'none' : category;
}

function describeDisease(result: RecistResult): string {
  if (result.disease === 'non-target-only') return 'non-target disease only';
  const sum = `target sum ${String(result.baselineSumMm)} mm`;
  return result.disease === 'target-only' ? `${sum}, no non-target disease` : `${sum}, with non-target disease`;
}

function patientSection({ id, result }: PatientReport, baselineDate: string): string[] {
  const lines = [`Patient ${String(id)} (baseline ${baselineDate}: ${describeDisease(result)})`];
  if (result.assessments.length === 0) return [...lines, '  (no assessment after baseline)'];
  const table = renderTable([
    ['date', 'day', 'sum mm', 'vs baseline', 'vs nadir', 'target', 'non-target', 'new lesion', 'overall'],
    ...result.assessments.map((a) => [
      a.date,
      String(a.daysFromBaseline),
      a.sumMm === null ? '-' : String(a.sumMm),
      percent(a.percentFromBaseline),
      percent(a.percentFromNadir),
      shown(a.target),
      shown(a.nonTarget),
      a.newLesion,
      a.overall,
    ]),
  ]);
  return [...lines, table.trimEnd()];
}

function progressionText(result: RecistResult): string {
  if (result.progressionDate === null) return '-';
  return result.progressionBackdatedFrom === null ? result.progressionDate : `${result.progressionDate} (new lesion confirmed ${result.progressionBackdatedFrom})`;
}

function renderText(reports: readonly PatientReport[], baselineDates: readonly string[], confirmationDays: number, sdMinDays: number): string {
  const lines = [
    `RECIST 1.1: ${RECIST_1_1.citation}`,
    `CR/PR confirmed by an assessment >= ${confirmationDays} days later; SD needs an assessment >= ${sdMinDays} days after baseline.`,
    '',
    renderTable([
      ['patient', 'best response', 'confirmed', 'first response', 'progression', 'why'],
      ...reports.map(({ id, result }) => [
        String(id),
        result.bestOverallResponse,
        result.confirmed ? 'yes' : 'no',
        result.firstResponseDate ?? '-',
        progressionText(result),
        result.bestOverallResponseReason,
      ]),
    ]).trimEnd(),
  ];
  reports.forEach((report, i) => lines.push('', ...patientSection(report, baselineDates[i])));
  return lines.join('\n') + '\n';
}

const SHOWN_ISSUES = 20;

/**
 * The data errors of the file, as main() prints an InputError (exit 2). Printed here because main() reads
 * any three-part path [text, number, text] as "file line N, column C" (its CSV convention), and JSON paths
 * such as patients[1].id have that shape.
 */
function reportDataErrors(io: CliIo, message: string, issues: readonly Issue[]): number {
  io.err(`trialkit recist: ${message}\n`);
  for (const item of issues.slice(0, SHOWN_ISSUES)) io.err(`  - ${formatIssue(item)}\n`);
  if (issues.length > SHOWN_ISSUES) io.err(`  ... and ${issues.length - SHOWN_ISSUES} more\n`);
  return 2;
}

export const recistCommand: Command = {
  name: 'recist',
  usage,
  run: (args, io) => {
    const { values, positionals } = parseCommandArgs('recist', args, options);
    if (positionals.length !== 1) {
      throw new InputError(`expected one file, got ${positionals.length}`, [
        issue('bad-argument', ['argv'], positionals.join(' '), 'trialkit recist <assessments.json> [--confirmation-days 28] [--sd-min-days 42] [--json]'),
      ]);
    }
    const days = { min: 0, integer: true };
    const confirmationDays = numberArg('recist', '--confirmation-days', values['confirmation-days'], thresholds.confirmationDays, days);
    const sdMinDays = numberArg('recist', '--sd-min-days', values['sd-min-days'], thresholds.stableDiseaseMinimumDays, days);
    const file = positionals[0];
    const data = readJsonFile(file, 'a JSON document { "patients": [...] }');
    const top = fileSchema.safeParse(data);
    if (!top.success) {
      const shape = top.error.issues.flatMap((item) =>
        item.code === 'unrecognized_keys'
          ? item.keys.map((key) => issue('unknown-field', [key], valueAt(data, [key]), 'only "patients" at the top level'))
          : [issue('not-a-recist-file', ['patients'], valueAt(data, ['patients']), 'an object { "patients": [ ... ] } at the top level')],
      );
      throw new InputError(`${file}: not a RECIST assessments file`, shape);
    }

    const seen = new Set<string | number>();
    const derived = top.data.patients.map((raw, index) => derivePatient(raw, index, seen, confirmationDays, sdMinDays));
    const problems = derived.flatMap((d) => d.issues);
    const failed = derived.filter((d) => d.report === null).length;
    if (failed > 0) return reportDataErrors(io, `${file}: ${failed} of ${derived.length} patient(s) have data errors; nothing was written`, problems);
    const reports = derived.map((d) => d.report).filter((r): r is PatientReport => r !== null);
    for (const warning of problems) io.err(`trialkit recist: ${file}: warning: ${formatIssue(warning)}\n`);
    if (values.json === true) {
      io.out(toJson({ patients: reports.map(jsonPatient) }));
    } else {
      const baselineDates = top.data.patients.map((raw) => String(valueAt(raw, ['baseline', 'date'])));
      io.out(renderText(reports, baselineDates, confirmationDays, sdMinDays));
    }
    return 0;
  },
};
