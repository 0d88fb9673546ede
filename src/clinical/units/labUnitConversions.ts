import type { LabAnalyte } from './labAnalyte.js';

/**
 * One accepted unit of an analyte: how a value in it becomes a value in the analyte's SI unit
 * (`value * factor`, or `value / factor` when `divide` is set, so that exact decimal divisors such as 1000
 * or 4.008 are applied as written rather than through an inexact reciprocal), the spellings accepted
 * for it, and where the factor comes from.
 */
export interface LabUnitDefinition {
  /** The spelling trialkit reports. */
  readonly unit: string;
  /** Other spellings, compared after normaliseUnit (case, micro sign, spaces, exponent notation). */
  readonly aliases: readonly string[];
  readonly factor: number;
  readonly divide?: true;
  readonly source: string;
}

const SI = 'SI unit (identity)';

// Cell counts: 10^9/L is numerically the same as 10^3/uL (1 uL = 10^-6 L); G/L is the SI prefix giga.
const COUNT_UNITS: readonly LabUnitDefinition[] = [
  {
    unit: '10^9/L',
    aliases: ['x10^9/L', 'G/L', '10^3/uL', 'x10^3/uL', '10^3/mm^3', 'K/uL', 'thou/uL', '1000/uL'],
    factor: 1,
    source: `${SI}; 10^3/uL = 10^3 x 10^6/L = 10^9/L`,
  },
  {
    unit: '/uL',
    aliases: ['cells/uL', '1/uL', '#/uL', '/mm^3', 'cells/mm^3'],
    factor: 1000,
    divide: true,
    source: '1/uL = 10^6/L = 10^-3 x 10^9/L (1 mm^3 = 1 uL)',
  },
  {
    unit: '10^6/L',
    aliases: ['10^3/mL', 'x10^6/L'],
    factor: 1000,
    divide: true,
    source: '10^6/L = 10^-3 x 10^9/L',
  },
];

const ENZYME_UNITS: readonly LabUnitDefinition[] = [
  { unit: 'U/L', aliases: ['IU/L', 'units/L', 'U/l'], factor: 1, source: `${SI}; 1 U = 1 umol substrate/min` },
  { unit: 'ukat/L', aliases: [], factor: 60, source: '1 ukat = 1 umol/s = 60 umol/min = 60 U' },
];

const PROTEIN_UNITS: readonly LabUnitDefinition[] = [
  { unit: 'g/L', aliases: [], factor: 1, source: SI },
  { unit: 'g/dL', aliases: ['g/100mL', 'g%'], factor: 10, source: '1 dL = 0.1 L' },
];

/**
 * Every unit trialkit converts, per analyte. Molar factors are the conventional SI conversion factors
 * (mg/dL -> umol/L = 10 000 / molar mass in g/mol), as printed in laboratory SI conversion tables
 * (e.g. AMA Manual of Style SI conversion table; Young DS, Ann Intern Med 1987;106:114).
 */
export const LAB_UNIT_CONVERSIONS: Readonly<Record<LabAnalyte, readonly LabUnitDefinition[]>> = Object.freeze({
  neutrophils: COUNT_UNITS,
  leukocytes: COUNT_UNITS,
  platelets: COUNT_UNITS,
  lymphocytes: COUNT_UNITS,
  hemoglobin: [
    { unit: 'g/L', aliases: [], factor: 1, source: SI },
    { unit: 'g/dL', aliases: ['g/100mL', 'g%'], factor: 10, source: '1 dL = 0.1 L' },
    {
      unit: 'mmol/L',
      aliases: [],
      factor: 16.1145,
      source: 'haemoglobin monomer Hb(Fe), 16 114.5 g/mol (tetramer 64 458 g/mol / 4), as reported in the Netherlands and Scandinavia',
    },
  ],
  potassium: [
    { unit: 'mmol/L', aliases: ['mM'], factor: 1, source: SI },
    { unit: 'mEq/L', aliases: [], factor: 1, source: 'K+ is monovalent: 1 mEq = 1 mmol' },
  ],
  calcium: [
    { unit: 'mmol/L', aliases: ['mM'], factor: 1, source: SI },
    { unit: 'mg/dL', aliases: [], factor: 4.008, divide: true, source: 'Ca 40.078 g/mol: 1 mg/dL = 10 mg/L = 1/4.008 mmol/L' },
    { unit: 'mEq/L', aliases: [], factor: 2, divide: true, source: 'Ca2+ is divalent: 1 mEq = 0.5 mmol' },
  ],
  bilirubin: [
    { unit: 'umol/L', aliases: [], factor: 1, source: SI },
    { unit: 'mg/dL', aliases: [], factor: 17.1, source: 'bilirubin 584.66 g/mol: 1 mg/dL = 17.1 umol/L' },
    { unit: 'mg/L', aliases: [], factor: 1.71, source: 'bilirubin 584.66 g/mol: 1 mg/L = 1.71 umol/L' },
  ],
  creatinine: [
    { unit: 'umol/L', aliases: [], factor: 1, source: SI },
    { unit: 'mg/dL', aliases: [], factor: 88.4, source: 'creatinine 113.12 g/mol: 1 mg/dL = 88.4 umol/L' },
    { unit: 'mg/L', aliases: [], factor: 8.84, source: 'creatinine 113.12 g/mol: 1 mg/L = 8.84 umol/L' },
    { unit: 'mmol/L', aliases: [], factor: 1000, source: '1 mmol = 1000 umol' },
  ],
  uricAcid: [
    { unit: 'umol/L', aliases: [], factor: 1, source: SI },
    { unit: 'mg/dL', aliases: [], factor: 59.48, source: 'uric acid 168.11 g/mol: 1 mg/dL = 59.48 umol/L' },
    { unit: 'mmol/L', aliases: [], factor: 1000, source: '1 mmol = 1000 umol' },
  ],
  albumin: PROTEIN_UNITS,
  totalProtein: PROTEIN_UNITS,
  beta2Microglobulin: [
    { unit: 'mg/L', aliases: ['ug/mL'], factor: 1, source: `${SI}; 1 ug/mL = 1 mg/L` },
    { unit: 'mg/dL', aliases: [], factor: 10, source: '1 dL = 0.1 L' },
    { unit: 'ug/L', aliases: ['ng/mL'], factor: 1000, divide: true, source: '1 ug/L = 1 ng/mL = 10^-3 mg/L' },
  ],
  alt: ENZYME_UNITS,
  ast: ENZYME_UNITS,
  ldh: ENZYME_UNITS,
});
