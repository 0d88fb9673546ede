import { readJsonFile } from '../../io/index.js';
import { z } from 'zod';
import {
  IMWG_2016_STANDARD,
  IMWG_2016_TRIAL,
  computeImwgResponse,
  validateImwgPatient,
  type ImwgPatientInput,
  type ImwgResult,
  type ImwgRuleSet,
  type MeasurableParameters,
} from '../../clinical/imwg/index.js';
import { InputError, formatIssue, formatPath, issue, type Issue, type IssuePath } from '../../result/index.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { renderTable, toJson } from '../render.js';

const usage = `Usage: trialkit imwg <assessments.json> [--rule-set trial|standard] [--json]

IMWG 2016 response (Kumar et al., Lancet Oncol 2016;17:e328) for each patient: the response at every
assessment, confirmation (two consecutive assessments; marrow and imaging findings need none), the best
confirmed response, the date of first response (PR or better) and of confirmed progression.

Input: { "patients": [ { "id": "P01",
           "baseline": { measurements, optional "date" },
           "assessments": [ { "date": "YYYY-MM-DD", measurements }, ... ],
           "newTherapyDate": "YYYY-MM-DD" (optional: assessments on/after it are ignored),
           "deathDate": "YYYY-MM-DD" (optional: confirms a PD at the last assessment) } ] }
Measurements (omit or null = not done): serumMProteinGPerL, urineMProteinMgPer24h, kappaFlcMgPerL,
lambdaFlcMgPerL, serumImmunofixation and urineImmunofixation ("positive"|"negative"),
boneMarrowPlasmaCellsPct, plasmacytomaSpdCm2, newLesion (true|false), clonalPlasmaCellsInMarrow.

  --rule-set <name>  trial (default): measurable serum M-protein >= 5 g/L, SD needs confirmation;
                     standard: IMWG's >= 10 g/L, SD needs no confirmation
  --json             JSON: { ruleSet, citation, patients: [ { id, assessments: [ { date, response,
                     rule, confirmed, confirmedResponse, percentChangeFromBaseline, nadir } ],
                     bestResponse, bestResponseReason, bestResponseDate, firstResponseDate,
                     progressionDate, progressionRule, measurableParameters, issues } ] }

Responses: sCR CR VGPR PR MR SD PD NE. bestResponse NE comes with bestResponseReason no-postbaseline,
not-evaluable or not-confirmed. A patient whose data have errors gets bestResponse null and its issues;
the other patients are still derived. Malformed JSON exits 2.
`;

const options = {
  json: { type: 'boolean' },
  'rule-set': { type: 'string' },
} as const;

const number = z.number().nullish();
const immunofixation = z.enum(['positive', 'negative']).nullish();
const flag = z.boolean().nullish();
const measurementFields = {
  serumMProteinGPerL: number,
  urineMProteinMgPer24h: number,
  kappaFlcMgPerL: number,
  lambdaFlcMgPerL: number,
  serumImmunofixation: immunofixation,
  urineImmunofixation: immunofixation,
  boneMarrowPlasmaCellsPct: number,
  plasmacytomaSpdCm2: number,
  newLesion: flag,
  clonalPlasmaCellsInMarrow: flag,
};
const patientSchema = z.strictObject({
  id: z.union([z.string(), z.number()]),
  baseline: z.strictObject({ ...measurementFields, date: z.string().nullish() }),
  assessments: z.array(z.strictObject({ date: z.string(), ...measurementFields })),
  newTherapyDate: z.string().nullish(),
  deathDate: z.string().nullish(),
});
const fileSchema = z.object({ patients: z.array(z.unknown()) });

/** The value at a JSON path, for messages (undefined when the path does not exist). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function zodIssues(error: z.ZodError, root: unknown, prefix: IssuePath): Issue[] {
  const out: Issue[] = [];
  for (const item of error.issues) {
    const path = item.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (item.code === 'unrecognized_keys') {
      for (const key of item.keys) {
        out.push(issue('unknown-field', [...prefix, ...path, key], valueAt(root, [...path, key]), 'no other fields than those listed by --help (check the spelling)'));
      }
      continue;
    }
    out.push(issue(item.code.replaceAll('_', '-'), [...prefix, ...path], valueAt(root, path), item.message.replace(/^Invalid (input|option): (expected )?/, '')));
  }
  return out;
}

/** JSON null means "not done", as an absent field does. */
function withoutNulls<T extends object>(record: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)) as { [K in keyof T]: Exclude<T[K], null> };
}

function toPatientInput(patient: z.infer<typeof patientSchema>): ImwgPatientInput {
  const rest = withoutNulls({ newTherapyDate: patient.newTherapyDate, deathDate: patient.deathDate });
  return {
    baseline: withoutNulls(patient.baseline),
    assessments: patient.assessments.map((a) => withoutNulls(a)),
    ...rest,
  };
}

interface PatientReport {
  readonly id: string | number | null;
  readonly result: ImwgResult | null;
  readonly issues: readonly Issue[];
}

function followed(m: MeasurableParameters): string[] {
  const names: string[] = [];
  if (m.serum) names.push('serum');
  if (m.urine) names.push('urine');
  if (m.flc) names.push(`flc-${m.involvedChain ?? '?'}`);
  if (m.bmpc) names.push('bmpc');
  if (m.plasmacytoma) names.push('plasmacytoma');
  return names;
}

function derive(raw: unknown, index: number, ruleSet: ImwgRuleSet): PatientReport {
  const rawId = valueAt(raw, ['id']);
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  const prefix = ['patients', index];
  const parsed = patientSchema.safeParse(raw);
  if (!parsed.success) {
    // The engine's own checks read raw values defensively: add what they find (negative values, date order)
    // so that one run reports every problem of the patient, not only the wrongly typed fields.
    const typed = zodIssues(parsed.error, raw, prefix);
    const seen = new Set(typed.map((i) => formatPath(i.path)));
    const semantic =
      typeof raw === 'object' && raw !== null
        ? validateImwgPatient(raw as ImwgPatientInput)
            .map((item) => issue(item.code, [...prefix, ...item.path], item.value, item.expected, item.severity))
            .filter((item) => item.value !== null && !seen.has(formatPath(item.path)))
        : [];
    return { id, result: null, issues: [...typed, ...semantic] };
  }
  const outcome = computeImwgResponse(toPatientInput(parsed.data), ruleSet);
  const issues = outcome.issues.map((item) => issue(item.code, [...prefix, ...item.path], item.value, item.expected, item.severity));
  return { id, result: outcome.ok ? outcome.value : null, issues };
}

function jsonPatient(report: PatientReport): unknown {
  const r = report.result;
  const issues = report.issues.map((i) => ({ code: i.code, path: formatPath(i.path), value: i.value ?? null, expected: i.expected, severity: i.severity }));
  if (r === null) {
    return { id: report.id, assessments: [], bestResponse: null, bestResponseReason: null, bestResponseDate: null, firstResponseDate: null, progressionDate: null, progressionRule: null, measurableParameters: [], issues };
  }
  return {
    id: report.id,
    assessments: r.assessments,
    bestResponse: r.bestResponse,
    bestResponseReason: r.bestResponseReason,
    bestResponseDate: r.bestResponseDate,
    firstResponseDate: r.firstResponseDate,
    progressionDate: r.progressionDate,
    progressionRule: r.progressionRule,
    progressionConfirmedBy: r.progressionConfirmedBy,
    ignoredAssessmentDates: r.ignoredAssessmentDates,
    measurableParameters: followed(r.measurableParameters),
    issues,
  };
}

function percent(value: number | null): string {
  return value === null ? '' : `${value >= 0 ? '+' : ''}${value.toFixed(1)}%`;
}

function renderText(reports: readonly PatientReport[], ruleSet: ImwgRuleSet): string {
  const lines: string[] = [`IMWG response, ${ruleSet.standard} (${ruleSet.variant}): ${ruleSet.citation}`, ''];
  lines.push(
    renderTable([
      ['patient', 'followed', 'best response', 'first response', 'progression', 'issues'],
      ...reports.map((p) => [
        String(p.id ?? '?'),
        p.result === null ? '-' : followed(p.result.measurableParameters).join('+'),
        p.result === null ? 'ERROR' : p.result.bestResponse + (p.result.bestResponseReason === null ? '' : ` (${p.result.bestResponseReason})`),
        p.result?.firstResponseDate ?? '-',
        p.result?.progressionDate === undefined || p.result.progressionDate === null ? '-' : `${p.result.progressionDate} (${p.result.progressionRule ?? ''})`,
        String(p.issues.length),
      ]),
    ]),
  );
  for (const p of reports) {
    lines.push('', `Patient ${String(p.id ?? '?')}`);
    if (p.result !== null && p.result.assessments.length > 0) {
      lines.push(
        renderTable([
          ['date', 'response', 'confirmed as', 'change', 'nadir', 'rule'],
          ...p.result.assessments.map((a) => [
            a.date,
            a.response,
            a.confirmedResponse ?? '-',
            percent(a.percentChangeFromBaseline),
            a.nadir === null ? '' : String(a.nadir),
            a.rule,
          ]),
        ]).trimEnd(),
      );
    } else if (p.result !== null) {
      lines.push('  (no post-baseline assessment)');
    }
    for (const item of p.issues) lines.push(`  ${item.severity}: ${formatIssue(item)}`);
  }
  return lines.join('\n') + '\n';
}


export const imwgCommand: Command = {
  name: 'imwg',
  usage,
  run: (args, io) => {
    const { values, positionals } = parseCommandArgs('imwg', args, options);
    if (positionals.length !== 1) {
      throw new InputError(`expected one file, got ${positionals.length}`, [
        issue('bad-argument', ['argv'], positionals.join(' '), 'trialkit imwg <assessments.json> [--json]'),
      ]);
    }
    const file = positionals[0];
    const ruleSetName = values['rule-set'] ?? 'trial';
    if (ruleSetName !== 'trial' && ruleSetName !== 'standard') {
      throw new InputError(`--rule-set ${JSON.stringify(ruleSetName)} is not known`, [issue('bad-argument', ['--rule-set'], ruleSetName, 'trial or standard')]);
    }
    const ruleSet = ruleSetName === 'trial' ? IMWG_2016_TRIAL : IMWG_2016_STANDARD;
    const data = readJsonFile(file, 'a JSON document { "patients": [...] }');
    const top = fileSchema.safeParse(data);
    if (!top.success) throw new InputError(`${file}: not an IMWG assessments file`, zodIssues(top.error, data, []));
    const reports = top.data.patients.map((raw, index) => derive(raw, index, ruleSet));
    if (values.json === true) {
      io.out(toJson({ ruleSet: `${ruleSet.standard} (${ruleSet.variant})`, citation: ruleSet.citation, patients: reports.map(jsonPatient) }));
    } else {
      io.out(renderText(reports, ruleSet));
    }
    const failed = reports.filter((r) => r.result === null).length;
    if (failed > 0) io.err(`trialkit imwg: ${failed} of ${reports.length} patient(s) not derived because of data errors (see their issues)\n`);
    return 0;
  },
};
