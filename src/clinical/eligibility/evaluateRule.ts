import { formatIsoDate, parseIsoDate, type DayNumber } from '../dates/index.js';
import { computeCreatinineClearance } from '../renal/index.js';
import { convertLabValue } from '../units/index.js';
import { addCalendarMonths } from './calendarMonths.js';
import type { EligibilityRule, ScreeningLab } from './eligibilityRule.js';
import type { ScreeningRecord } from './screeningRecord.js';

export type CriterionStatus = 'met' | 'not met' | 'not evaluable';

/** A value the decision used, in the unit it was compared in; `reported` keeps the value as entered when it was converted. */
export interface EligibilityValue {
  readonly value: number | string | boolean | null;
  readonly unit?: string;
  readonly reported?: string;
}

export interface RuleResult {
  readonly status: CriterionStatus;
  readonly values: Readonly<Record<string, EligibilityValue>>;
  readonly reasons: readonly string[];
}

/** What the engine knows about the record beyond its fields: the reference dates and the derived age. */
export interface ScreeningContext {
  readonly record: ScreeningRecord;
  readonly screeningDay: DayNumber;
  /** Reference for "before enrolment": the enrolment date, else the screening date. */
  readonly enrolmentDay: DayNumber;
  readonly ageYears: number | null;
  /** The criteria set's screening labs, by key. */
  readonly labs: ReadonlyMap<string, ScreeningLab>;
}

// Unit conversion multiplies by factors such as 1/17.1 or 1/88.4, so a value entered exactly at a limit in
// another unit can land a few ulps to the wrong side; comparisons allow this much relative slack.
const RELATIVE_TOLERANCE = 1e-9;

function atLeast(value: number, limit: number): boolean {
  return value >= limit - RELATIVE_TOLERANCE * Math.abs(limit);
}

function atMost(value: number, limit: number): boolean {
  return value <= limit + RELATIVE_TOLERANCE * Math.abs(limit);
}

function result(status: CriterionStatus, values: Record<string, EligibilityValue>, reasons: string[] = []): RuleResult {
  return { status, values, reasons };
}

type Converted = { ok: true; value: number; unit: string; reported: string } | { ok: false; reason: string };

function labLabel(ctx: ScreeningContext, key: string): string {
  return ctx.labs.get(key)?.label ?? key;
}

function labIn(ctx: ScreeningContext, key: string, unit?: string): Converted {
  const definition = ctx.labs.get(key);
  const lab = ctx.record.labs?.[key];
  if (lab === null || lab === undefined || definition === undefined) return { ok: false, reason: `${labLabel(ctx, key)} not recorded` };
  const converted = convertLabValue(definition.analyte, lab.value, lab.unit, unit);
  if (!converted.ok) return { ok: false, reason: `${definition.label} unit ${JSON.stringify(lab.unit)} cannot be converted${unit === undefined ? '' : ` to ${unit}`}` };
  return { ok: true, value: converted.value.value, unit: converted.value.unit, reported: `${lab.value} ${lab.unit}` };
}

function ordinalFact(record: ScreeningRecord, fact: string): number | null {
  if (fact === 'ecog') return record.ecog ?? null;
  const value = record.facts?.[fact];
  return typeof value === 'number' ? value : null;
}

function booleanFact(record: ScreeningRecord, fact: string): boolean | null {
  const value = record.facts?.[fact];
  return typeof value === 'boolean' ? value : null;
}

function dateFact(record: ScreeningRecord, fact: string): string | null {
  const value = record.facts?.[fact];
  return typeof value === 'string' ? value : null;
}

function camelCase(label: string): string {
  return label.replace(/[^a-zA-Z0-9]+(.)/g, (_m, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toLowerCase());
}

function day(text: string | null | undefined): DayNumber | null {
  return text === null || text === undefined ? null : parseIsoDate(text);
}

/** The generic engine: one rule of the criteria vocabulary against one screening record. */
export function evaluateRule(rule: EligibilityRule, ctx: ScreeningContext): RuleResult {
  const record = ctx.record;
  switch (rule.type) {
    case 'age': {
      const values: Record<string, EligibilityValue> = { ageYears: { value: ctx.ageYears, unit: 'years' }, minimumAgeYears: { value: rule.minYears, unit: 'years' } };
      if (rule.maxYears !== undefined) values.maximumAgeYears = { value: rule.maxYears, unit: 'years' };
      if (ctx.ageYears === null) return result('not evaluable', values, ['age not recorded (birthDate or ageYears)']);
      if (!atLeast(ctx.ageYears, rule.minYears)) return result('not met', values, [`age ${ctx.ageYears} years is below ${rule.minYears}`]);
      if (rule.maxYears !== undefined && !atMost(ctx.ageYears, rule.maxYears)) return result('not met', values, [`age ${ctx.ageYears} years is above ${rule.maxYears}`]);
      return result('met', values);
    }

    case 'ordinal-range': {
      const value = ordinalFact(record, rule.fact);
      const range = rule.min !== undefined && rule.min === rule.max ? String(rule.min) : `${rule.min ?? '-'}-${rule.max ?? '-'}`;
      const values = { [rule.fact]: { value }, [`${rule.fact}Allowed`]: { value: range } };
      if (value === null) return result('not evaluable', values, [`${rule.label} not recorded`]);
      const ok = (rule.min === undefined || value >= rule.min) && (rule.max === undefined || value <= rule.max);
      return ok ? result('met', values) : result('not met', values, [`${rule.label} ${value} is outside ${range}`]);
    }

    case 'facts': {
      const values: Record<string, EligibilityValue> = {};
      const wrong: string[] = [];
      const missing: string[] = [];
      for (const fact of rule.facts) {
        const value = booleanFact(record, fact);
        values[fact] = { value };
        if (value === null) missing.push(fact);
        else if (value !== rule.required) wrong.push(fact);
      }
      if (wrong.length > 0)
        return result('not met', values, wrong.map((fact) => (rule.required ? `${fact} is not confirmed` : `${fact} is present`)));
      if (missing.length > 0) return result('not evaluable', values, missing.map((fact) => `${fact} not recorded`));
      return result('met', values);
    }

    case 'prior-therapy': {
      const lines = record.priorTherapyLines;
      const values: Record<string, EligibilityValue> = { priorLines: { value: lines?.length ?? null, unit: 'lines' } };
      values.minimumPriorLines = { value: rule.minLines, unit: 'lines' };
      if (lines === null || lines === undefined) return result('not evaluable', values, ['prior therapy lines not recorded']);
      if (rule.maxLines !== undefined) values.maximumPriorLines = { value: rule.maxLines, unit: 'lines' };
      const parts: RuleResult[] = [
        lines.length >= rule.minLines
          ? result('met', {})
          : result('not met', {}, [`${lines.length} prior line(s), fewer than ${rule.minLines}`]),
      ];
      if (rule.maxLines !== undefined && lines.length > rule.maxLines) parts.push(result('not met', {}, [`${lines.length} prior line(s), more than ${rule.maxLines}`]));
      for (const requirement of rule.agentRequirements) {
        const wanted = new Set(requirement.agents.map((a) => a.trim().toLowerCase()));
        let best: number | null = null;
        let unknownCycles = false;
        for (const line of lines) {
          for (const exposure of line.agents) {
            if (!wanted.has(exposure.agent.trim().toLowerCase())) continue;
            if (exposure.cycles === null || exposure.cycles === undefined) unknownCycles = true;
            else best = Math.max(best ?? 0, exposure.cycles);
          }
        }
        values[`${camelCase(requirement.label)}MaxCyclesInOneLine`] = { value: best, unit: 'cycles' };
        if (best !== null && best >= requirement.minCyclesInOneLine) parts.push(result('met', {}));
        else if (unknownCycles)
          parts.push(result('not evaluable', {}, [`cycles of ${requirement.label} (${requirement.agents.join(' or ')}) not recorded`]));
        else
          parts.push(
            result('not met', {}, [
              best === null
                ? `no prior ${requirement.label} (${requirement.agents.join(' or ')})`
                : `at most ${best} cycle(s) of ${requirement.label} in one line, fewer than ${requirement.minCyclesInOneLine}`,
            ]),
          );
      }
      return combine('all-of', parts, values);
    }

    case 'progression-after-last-line': {
      const lines = record.priorTherapyLines;
      const values: Record<string, EligibilityValue> = { maximumDaysAfterEnd: { value: rule.maxDaysAfterEnd, unit: 'days' } };
      if (lines === null || lines === undefined) return result('not evaluable', values, ['prior therapy lines not recorded']);
      const last = lines.at(-1);
      if (last === undefined) return result('not met', values, ['no prior therapy']);
      const end = day(last.endDate);
      const progression = day(last.progressionDate);
      values.lastLineEndDate = { value: last.endDate ?? null };
      values.progressionDate = { value: last.progressionDate ?? null };
      values.lastLineRefractory = { value: last.refractory ?? null };
      let daysAfterEnd: number | null = last.progressionDaysAfterEnd ?? null;
      if (daysAfterEnd === null && progression !== null) {
        // A line with no end date was still running, so the progression happened on it.
        daysAfterEnd = end === null ? 0 : progression - end;
      }
      values.progressionDaysAfterEnd = { value: daysAfterEnd, unit: 'days' };
      if (daysAfterEnd !== null) {
        if (daysAfterEnd <= 0) return result('met', values, ['progression during the last line']);
        return daysAfterEnd <= rule.maxDaysAfterEnd
          ? result('met', values, [`progression ${daysAfterEnd} days after the end of the last line`])
          : result('not met', values, [`progression ${daysAfterEnd} days after the end of the last line, more than ${rule.maxDaysAfterEnd}`]);
      }
      // Without dates, the refractory flag says the same thing (progression on or within 60 days).
      if (last.refractory === true) return result('met', values, ['last line flagged refractory (no progression dates recorded)']);
      if (last.refractory === false) return result('not met', values, ['last line flagged not refractory and no progression recorded']);
      return result('not evaluable', values, ['progression after the last line not recorded']);
    }

    case 'measure': {
      const value = record.measures?.[rule.measure] ?? null;
      const values = { [rule.measure]: { value, unit: rule.unit }, [`${rule.measure}Minimum`]: { value: rule.min, unit: rule.unit } };
      if (value === null) return result('not evaluable', values, [`${rule.label} not recorded`]);
      return atLeast(value, rule.min)
        ? result('met', values, [`${rule.label} ${value} ${rule.unit} >= ${rule.min}`])
        : result('not met', values, [`${rule.label} ${value} ${rule.unit} below ${rule.min}`]);
    }

    case 'measure-with-abnormal-ratio': {
      const measure = record.measures?.[rule.measure] ?? null;
      const ratio = record.measures?.[rule.ratio] ?? null;
      const values = {
        [rule.measure]: { value: measure, unit: rule.unit },
        [`${rule.measure}Minimum`]: { value: rule.min, unit: rule.unit },
        [rule.ratio]: { value: ratio },
        [`${rule.ratio}NormalRange`]: { value: `${rule.normalRatio.low}-${rule.normalRatio.high}` },
      };
      if (measure === null) return result('not evaluable', values, [`${rule.label} not recorded`]);
      if (!atLeast(measure, rule.min)) return result('not met', values, [`${rule.label} ${measure} ${rule.unit} below ${rule.min}`]);
      if (ratio === null) return result('not evaluable', values, [`${rule.ratioLabel} not recorded (needed with ${rule.label} >= ${rule.min} ${rule.unit})`]);
      const normal = ratio >= rule.normalRatio.low && ratio <= rule.normalRatio.high;
      return normal
        ? result('not met', values, [`${rule.ratioLabel} ${ratio} is normal`])
        : result('met', values, [`${rule.label} ${measure} ${rule.unit} >= ${rule.min} with abnormal ${rule.ratioLabel} ${ratio}`]);
    }

    case 'lab': {
      const lab = labIn(ctx, rule.lab, rule.unit);
      const limit = { value: rule.limit, unit: rule.unit };
      const limitKey = `${rule.lab}${rule.comparator === '>=' ? 'Minimum' : 'Maximum'}`;
      if (!lab.ok) return result('not evaluable', { [rule.lab]: { value: null, unit: rule.unit }, [limitKey]: limit }, [lab.reason]);
      const values = { [rule.lab]: { value: lab.value, unit: lab.unit, reported: lab.reported }, [limitKey]: limit };
      const ok = rule.comparator === '>=' ? atLeast(lab.value, rule.limit) : atMost(lab.value, rule.limit);
      const text = `${labLabel(ctx, rule.lab)} ${round(lab.value)} ${lab.unit}`;
      return ok
        ? result('met', values, [`${text} ${rule.comparator} ${rule.limit}`])
        : result('not met', values, [`${text} ${rule.comparator === '>=' ? 'below' : 'above'} ${rule.limit}`]);
    }

    case 'lab-times-uln': {
      const lab = labIn(ctx, rule.lab);
      const raw = record.labs?.[rule.lab];
      const limitValues = { [`${rule.lab}MaximumTimesUln`]: { value: rule.maxTimesUln, unit: 'x ULN' } };
      if (!lab.ok) return result('not evaluable', { [rule.lab]: { value: null }, ...limitValues }, [lab.reason]);
      const ulnRaw = raw?.upperLimitOfNormal ?? null;
      if (raw === null || raw === undefined || ulnRaw === null)
        return result('not evaluable', { [rule.lab]: { value: lab.value, unit: lab.unit, reported: lab.reported }, ...limitValues }, [
          `${labLabel(ctx, rule.lab)} upper limit of normal not recorded`,
        ]);
      const analyte = ctx.labs.get(rule.lab)?.analyte;
      if (analyte === undefined) return result('not evaluable', limitValues, [`${rule.lab} is not a screening lab of the criteria set`]);
      const uln = convertLabValue(analyte, ulnRaw, raw.unit);
      if (!uln.ok) return result('not evaluable', { [rule.lab]: { value: lab.value, unit: lab.unit }, ...limitValues }, [`ULN unit ${raw.unit} cannot be converted`]);
      const times = lab.value / uln.value.value;
      const values = {
        [rule.lab]: { value: lab.value, unit: lab.unit, reported: lab.reported },
        [`${rule.lab}Uln`]: { value: uln.value.value, unit: uln.value.unit },
        [`${rule.lab}TimesUln`]: { value: times, unit: 'x ULN' },
        ...limitValues,
      };
      return atMost(times, rule.maxTimesUln)
        ? result('met', values, [`${labLabel(ctx, rule.lab)} ${round(times)} x ULN <= ${rule.maxTimesUln}`])
        : result('not met', values, [`${labLabel(ctx, rule.lab)} ${round(times)} x ULN above ${rule.maxTimesUln}`]);
    }

    case 'creatinine-clearance': {
      const creatinine = labIn(ctx, rule.lab, 'mg/dL');
      const weightKg = record.weightKg ?? null;
      const sex = record.sex ?? null;
      const values: Record<string, EligibilityValue> = {
        creatinineClearance: { value: null, unit: 'mL/min' },
        creatinineClearanceMinimum: { value: rule.minMlPerMin, unit: 'mL/min' },
        ageYears: { value: ctx.ageYears, unit: 'years' },
        weightKg: { value: weightKg, unit: 'kg' },
        sex: { value: sex },
        serumCreatinine: creatinine.ok ? { value: creatinine.value, unit: creatinine.unit, reported: creatinine.reported } : { value: null, unit: 'mg/dL' },
      };
      const missing: string[] = [];
      if (ctx.ageYears === null) missing.push('age');
      if (weightKg === null) missing.push('weight');
      if (sex === null) missing.push('sex');
      if (!creatinine.ok) missing.push(creatinine.reason);
      if (ctx.ageYears === null || weightKg === null || sex === null || !creatinine.ok)
        return result('not evaluable', values, [`Cockcroft-Gault needs ${missing.join(', ')}`]);
      const crcl = computeCreatinineClearance({ ageYears: ctx.ageYears, weightKg, serumCreatinineMgPerDl: creatinine.value, sex });
      if (!crcl.ok) return result('not evaluable', values, crcl.issues.map((i) => `Cockcroft-Gault input ${i.path.join('.')}: expected ${i.expected}`));
      const value = crcl.value.creatinineClearanceMlPerMin;
      values.creatinineClearance = { value, unit: 'mL/min' };
      return atLeast(value, rule.minMlPerMin)
        ? result('met', values, [`creatinine clearance ${round(value)} mL/min >= ${rule.minMlPerMin} (Cockcroft-Gault)`])
        : result('not met', values, [`creatinine clearance ${round(value)} mL/min below ${rule.minMlPerMin} (Cockcroft-Gault)`]);
    }

    case 'no-recent-event': {
      const prior = booleanFact(record, rule.historyFact);
      const eventDate = dateFact(record, rule.dateFact);
      const eventDay = day(eventDate);
      const windowStart = addCalendarMonths(ctx.enrolmentDay, -rule.withinMonths);
      const values = {
        [rule.historyFact]: { value: prior },
        [rule.dateFact]: { value: eventDate },
        referenceDate: { value: formatIsoDate(ctx.enrolmentDay) },
        windowStartDate: { value: formatIsoDate(windowStart) },
      };
      if (prior === false) return result('met', values);
      if (eventDay === null) return result('not evaluable', values, [prior === true ? `date of the ${rule.label} not recorded` : `history of ${rule.label} not recorded`]);
      return eventDay >= windowStart
        ? result('not met', values, [`${rule.label} on ${formatIsoDate(eventDay)}, within ${rule.withinMonths} months before ${formatIsoDate(ctx.enrolmentDay)}`])
        : result('met', values, [`last ${rule.label} on ${formatIsoDate(eventDay)}, more than ${rule.withinMonths} months before enrolment`]);
    }

    case 'consent-before-procedures': {
      const consent = day(record.consentDate);
      const procedures: [string, DayNumber][] = [['screening', ctx.screeningDay]];
      for (const [key, lab] of Object.entries(record.labs ?? {})) {
        const labDay = day(lab?.date);
        if (labDay !== null) procedures.push([`${key} sample`, labDay]);
      }
      procedures.sort((a, b) => a[1] - b[1]);
      const [firstName, firstDay] = procedures[0];
      const values = { consentDate: { value: record.consentDate ?? null }, firstProcedureDate: { value: formatIsoDate(firstDay) }, firstProcedure: { value: firstName } };
      if (consent === null) return result('not evaluable', values, ['consent date not recorded']);
      return consent <= firstDay
        ? result('met', values)
        : result('not met', values, [`consent on ${formatIsoDate(consent)} after the ${firstName} on ${formatIsoDate(firstDay)}`]);
    }

    case 'any-of':
    case 'all-of':
      return combine(rule.type, rule.rules.map((sub) => evaluateRule(sub, ctx)), {});
  }
}

/**
 * any-of: met if one part is met, not met if every part is not met, else not evaluable (an unknown part
 * could still satisfy it). all-of: not met if one part is not met, met if all are met, else not evaluable.
 */
function combine(kind: 'any-of' | 'all-of', parts: readonly RuleResult[], extraValues: Record<string, EligibilityValue>): RuleResult {
  const values: Record<string, EligibilityValue> = { ...extraValues };
  for (const part of parts) Object.assign(values, part.values);
  const pick = (status: CriterionStatus): string[] => parts.filter((p) => p.status === status).flatMap((p) => p.reasons);
  const anyMet = parts.some((p) => p.status === 'met');
  const anyNotMet = parts.some((p) => p.status === 'not met');
  const allMet = parts.every((p) => p.status === 'met');
  const allNotMet = parts.every((p) => p.status === 'not met');
  if (kind === 'any-of') {
    if (anyMet) return result('met', values, pick('met'));
    if (allNotMet) return result('not met', values, pick('not met'));
    return result('not evaluable', values, [...pick('not evaluable'), ...pick('not met')]);
  }
  if (anyNotMet) return result('not met', values, pick('not met'));
  if (allMet) return result('met', values, pick('met'));
  return result('not evaluable', values, pick('not evaluable'));
}

/** For reasons (human text) only: four significant digits; `values` keep full precision. */
function round(value: number): string {
  return String(Number(value.toPrecision(4)));
}
