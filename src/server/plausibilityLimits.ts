import { PROTOCOL_REGIMEN, type LabAnalyte } from '../clinical/index.js';

/**
 * Per-field plausibility limits of the CRF forms, as data read by `checkPlausibility`.
 *
 * Source: these are trialkit's own plausibility limits (not reference ranges, not eligibility limits, not a
 * published standard). They are set wide enough that no real result of an adult with myeloma falls
 * outside them: a value outside a `soft` limit is possible but rare enough to be confirmed at source, so it
 * raises a query (check code RANGE or DOSE-LEVEL) and is saved; a value outside a `hard` limit cannot be
 * real (a negative count or concentration, a date after today) and the save is refused with 422 naming
 * the field path, the value and what was expected. Protocol-derived rows (dose levels, cycles) read the
 * regimen (PROTOCOL_REGIMEN, NCT05236621) instead of copying its numbers.
 *
 * Field paths are dotted paths in the form's data; `*` stands for every element of an array or every key
 * of an object (`labs.*.date`). `when` and `convertFrom.unitField` name a sibling of the checked value.
 */
export const PLAUSIBILITY_LIMITS_VERSION = 'trialkit-plausibility-v1';

export type LimitSeverity = 'hard' | 'soft';

interface LimitBase {
  readonly formType: string;
  readonly field: string;
  readonly severity: LimitSeverity;
  /** Only values whose sibling `field` equals `equals` (e.g. a lab row of one analyte). */
  readonly when?: { readonly field: string; readonly equals: string };
  /** Why the limit is where it is. */
  readonly note: string;
}

export interface RangeLimit extends LimitBase {
  readonly kind: 'range';
  /** The unit of low and high; null = any unit (a zero bound holds in every unit: conversions are factors). */
  readonly unit: string | null;
  /** The value's unit is read from a sibling field and the value converted (src/clinical/units) into `unit`. */
  readonly convertFrom?: { readonly analyte: LabAnalyte; readonly unitField: string };
  readonly low?: number;
  readonly high?: number;
}

export interface AllowedValuesLimit extends LimitBase {
  readonly kind: 'allowed';
  readonly unit: string;
  readonly values: readonly number[];
}

export interface NotFutureLimit extends LimitBase {
  readonly kind: 'not-future';
  /** Days after "today" (the server's UTC date) still accepted: a site east of UTC is a day ahead. */
  readonly toleranceDays: number;
}

export type PlausibilityLimit = RangeLimit | AllowedValuesLimit | NotFutureLimit;

const NEGATIVE = 'a count, concentration or activity cannot be negative';

/** Soft limits per lab analyte, in its SI unit (STANDARD_UNITS); values in other accepted units are converted. */
const LAB_SOFT: readonly { analyte: LabAnalyte; unit: string; low?: number; high?: number; note: string }[] = [
  { analyte: 'neutrophils', unit: '10^9/L', high: 100, note: 'a neutrophil count above 100 x 10^9/L (leukaemoid reaction range) is exceptional' },
  { analyte: 'leukocytes', unit: '10^9/L', high: 1000, note: 'beyond hyperleukocytosis of acute or plasma cell leukaemia' },
  { analyte: 'lymphocytes', unit: '10^9/L', high: 1000, note: 'beyond the highest lymphocytosis of lymphoid leukaemia' },
  { analyte: 'platelets', unit: '10^9/L', high: 3000, note: 'beyond extreme thrombocytosis' },
  { analyte: 'hemoglobin', unit: 'g/L', low: 20, high: 250, note: 'below 20 g/L or above 250 g/L is not compatible with a living outpatient' },
  { analyte: 'potassium', unit: 'mmol/L', low: 1, high: 10, note: 'outside 1-10 mmol/L is not compatible with life (or a haemolysed sample)' },
  { analyte: 'calcium', unit: 'mmol/L', low: 0.5, high: 6, note: 'total calcium: beyond hypocalcaemic tetany and hypercalcaemic crisis of myeloma' },
  { analyte: 'bilirubin', unit: 'umol/L', high: 1000, note: 'total bilirubin above about 58 mg/dL is exceptional' },
  { analyte: 'alt', unit: 'U/L', high: 20000, note: 'beyond ischaemic or toxic hepatitis' },
  { analyte: 'ast', unit: 'U/L', high: 20000, note: 'beyond ischaemic or toxic hepatitis' },
  { analyte: 'creatinine', unit: 'umol/L', low: 10, high: 3000, note: 'beyond end-stage renal failure (cast nephropathy) and extreme sarcopenia' },
  { analyte: 'uricAcid', unit: 'umol/L', high: 2500, note: 'beyond tumour lysis syndrome' },
  { analyte: 'albumin', unit: 'g/L', low: 5, high: 70, note: 'beyond nephrotic syndrome and dehydration' },
  { analyte: 'totalProtein', unit: 'g/L', low: 20, high: 250, note: 'a paraprotein rarely brings total protein above 150 g/L' },
  { analyte: 'beta2Microglobulin', unit: 'mg/L', high: 200, note: 'beyond myeloma with renal failure' },
  { analyte: 'ldh', unit: 'U/L', low: 20, high: 50000, note: 'beyond haemolysis and tumour lysis' },
];

const labRows = (): PlausibilityLimit[] => [
  { kind: 'range', formType: 'lab', field: 'value', unit: null, low: 0, severity: 'hard', note: NEGATIVE },
  { kind: 'range', formType: 'lab', field: 'lln', unit: null, low: 0, severity: 'hard', note: 'a normal range cannot be negative' },
  { kind: 'range', formType: 'lab', field: 'uln', unit: null, low: 0, severity: 'hard', note: 'a normal range cannot be negative' },
  ...LAB_SOFT.map(
    (row): RangeLimit => ({
      kind: 'range',
      formType: 'lab',
      field: 'value',
      when: { field: 'analyte', equals: row.analyte },
      unit: row.unit,
      convertFrom: { analyte: row.analyte, unitField: 'unit' },
      ...(row.low === undefined ? {} : { low: row.low }),
      ...(row.high === undefined ? {} : { high: row.high }),
      severity: 'soft',
      note: row.note,
    }),
  ),
];

const labSoft = (analyte: LabAnalyte): (typeof LAB_SOFT)[number] => {
  const row = LAB_SOFT.find((r) => r.analyte === analyte);
  if (row === undefined) throw new Error(`no plausibility row for ${analyte}`);
  return row;
};

/** A form field in a fixed unit, with the soft limits of the lab analyte it measures. */
const fixedUnit = (formType: string, field: string, analyte: LabAnalyte): RangeLimit => {
  const row = labSoft(analyte);
  return { kind: 'range', formType, field, unit: row.unit, ...(row.low === undefined ? {} : { low: row.low }), ...(row.high === undefined ? {} : { high: row.high }), severity: 'soft', note: row.note };
};

/** A screening lab (value with its own unit), with the soft limits of the analyte. */
const screeningLab = (key: string, analyte: LabAnalyte): RangeLimit => {
  const row = labSoft(analyte);
  return {
    kind: 'range',
    formType: 'screening',
    field: `labs.${key}.value`,
    unit: row.unit,
    convertFrom: { analyte, unitField: 'unit' },
    ...(row.low === undefined ? {} : { low: row.low }),
    ...(row.high === undefined ? {} : { high: row.high }),
    severity: 'soft',
    note: row.note,
  };
};

const soft = (formType: string, field: string, unit: string, low: number | undefined, high: number | undefined, note: string): RangeLimit => ({
  kind: 'range',
  formType,
  field,
  unit,
  ...(low === undefined ? {} : { low }),
  ...(high === undefined ? {} : { high }),
  severity: 'soft',
  note,
});

const WEIGHT = 'adult body weight outside 20-300 kg is exceptional';
const HEIGHT = 'adult height outside 120-230 cm is exceptional';
const M_PROTEIN = 'a serum M-protein above 200 g/L is beyond any reported myeloma';
const URINE_M_PROTEIN = 'Bence Jones proteinuria above 50 g/24 h is beyond any reported myeloma';
const FLC = 'a free light chain above 100 000 mg/L is beyond any reported light-chain myeloma';

const dexamethasoneLevels = [...new Set(Object.values(PROTOCOL_REGIMEN.dexamethasone.laddersMg).flat())].sort((a, b) => b - a);
const pomalidomideLevels = [...PROTOCOL_REGIMEN.pomalidomide.levelsMg];
const LEVELS_NOTE = `the dose levels of ${PROTOCOL_REGIMEN.protocol} (${PROTOCOL_REGIMEN.source}); another dose is a deviation to confirm`;

const doseRows = (): PlausibilityLimit[] => [
  { kind: 'allowed', formType: 'dosing', field: 'plannedDoseMg', when: { field: 'drug', equals: 'pomalidomide' }, unit: 'mg', values: pomalidomideLevels, severity: 'soft', note: LEVELS_NOTE },
  { kind: 'allowed', formType: 'dosing', field: 'doseGivenMg', when: { field: 'drug', equals: 'pomalidomide' }, unit: 'mg', values: [...pomalidomideLevels, 0], severity: 'soft', note: `${LEVELS_NOTE}; 0 = held` },
  { kind: 'allowed', formType: 'dosing', field: 'plannedDoseMg', when: { field: 'drug', equals: 'dexamethasone' }, unit: 'mg', values: dexamethasoneLevels, severity: 'soft', note: LEVELS_NOTE },
  { kind: 'allowed', formType: 'dosing', field: 'doseGivenMg', when: { field: 'drug', equals: 'dexamethasone' }, unit: 'mg', values: [...dexamethasoneLevels, 0], severity: 'soft', note: `${LEVELS_NOTE}; 0 = held` },
  soft('dosing', 'cycle', 'cycle', undefined, PROTOCOL_REGIMEN.maxCycles, `at most ${PROTOCOL_REGIMEN.maxCycles} cycles (${PROTOCOL_REGIMEN.maxTreatmentDays} days of treatment)`),
  soft('dosing', 'daysGiven', 'days', undefined, PROTOCOL_REGIMEN.cycleLengthDays, `a cycle has ${PROTOCOL_REGIMEN.cycleLengthDays} days`),
];

/** Every date field a site records: an observation cannot be dated after today. */
const DATE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // enrolmentDate of the screening record may be the planned date: not checked
  screening: ['screeningDate', 'consentDate', 'birthDate', 'priorTherapyLines.*.startDate', 'priorTherapyLines.*.endDate', 'priorTherapyLines.*.progressionDate', 'labs.*.date', 'exclusionFacts.myocardialInfarctionDate'],
  demographics: ['birthDate'],
  diagnosis: ['diagnosisDate'],
  priorTherapy: ['startDate', 'endDate', 'progressionDate'],
  baselineDisease: ['sampleDate'],
  lab: ['date'],
  diseaseAssessment: ['date'],
  boneMarrow: ['date'],
  dosing: ['startDate', 'endDate'],
  adverseEvent: ['onsetDate', 'endDate'],
  responseCall: ['date'],
  newTherapy: ['startDate'],
  disposition: ['endOfTreatment.date', 'endOfStudy.date'],
  death: ['date'],
  survivalContact: ['date'],
};

const dateRows = (): PlausibilityLimit[] =>
  Object.entries(DATE_FIELDS).flatMap(([formType, fields]) =>
    fields.map((field): NotFutureLimit => ({ kind: 'not-future', formType, field, toleranceDays: 1, severity: 'hard', note: 'a recorded observation cannot be dated after today' })),
  );

/** Version trialkit-plausibility-v1 of the limits. */
export const PLAUSIBILITY_LIMITS: readonly PlausibilityLimit[] = deepFreeze([
  soft('demographics', 'weightKg', 'kg', 20, 300, WEIGHT),
  soft('demographics', 'heightCm', 'cm', 120, 230, HEIGHT),
  soft('screening', 'weightKg', 'kg', 20, 300, WEIGHT),
  screeningLab('anc', 'neutrophils'),
  screeningLab('platelets', 'platelets'),
  screeningLab('totalBilirubin', 'bilirubin'),
  screeningLab('alt', 'alt'),
  screeningLab('ast', 'ast'),
  screeningLab('creatinine', 'creatinine'),
  soft('screening', 'disease.serumMProteinGPerL', 'g/L', undefined, 200, M_PROTEIN),
  soft('screening', 'disease.urineMProteinMgPer24h', 'mg/24h', undefined, 50000, URINE_M_PROTEIN),
  soft('screening', 'disease.involvedFlcMgPerL', 'mg/L', undefined, 100000, FLC),
  soft('priorTherapy', 'lineNumber', 'line', undefined, 20, 'more than 20 prior lines is exceptional'),
  soft('priorTherapy', 'cycles', 'cycles', undefined, 200, 'more than 200 cycles in one line is exceptional'),
  fixedUnit('baselineDisease', 'beta2MicroglobulinMgPerL', 'beta2Microglobulin'),
  fixedUnit('baselineDisease', 'albuminGPerL', 'albumin'),
  fixedUnit('baselineDisease', 'ldhUPerL', 'ldh'),
  soft('baselineDisease', 'ldhUlnUPerL', 'U/L', 100, 1000, 'an LDH upper limit of normal outside 100-1000 U/L is not a laboratory normal range'),
  ...labRows(),
  soft('diseaseAssessment', 'serumMProteinGPerL', 'g/L', undefined, 200, M_PROTEIN),
  soft('diseaseAssessment', 'urineMProteinMgPer24h', 'mg/24h', undefined, 50000, URINE_M_PROTEIN),
  soft('diseaseAssessment', 'kappaFlcMgPerL', 'mg/L', undefined, 100000, FLC),
  soft('diseaseAssessment', 'lambdaFlcMgPerL', 'mg/L', undefined, 100000, FLC),
  soft('diseaseAssessment', 'plasmacytomaSpdCm2', 'cm2', undefined, 1000, 'a plasmacytoma SPD above 1000 cm2 is exceptional'),
  ...doseRows(),
  ...dateRows(),
]);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
