import { booleanField, codeField, createProtocolDeviationForm, dateField, numberField, opt, recordField, textField } from '../../clinical/index.js';
import type { Codelist, FieldDefinition, FormDefinition, SdtmFormAnnotations } from '../../clinical/index.js';

/**
 * The disease-specific case report forms of NCT05236621 (IMWG 2016 measurements, marrow, baseline staging
 * panel) and its fields on the standard forms (myeloma isotype and light chain on the disease history; ASCT
 * on a prior line). Soft limits raise a query in the EDC; they are set so that no real result of an adult
 * with myeloma falls outside them.
 */

const codelist = (id: string, label: string, items: readonly (readonly [string, string])[], source?: string): Codelist =>
  Object.freeze({ id, label, items: Object.freeze(items.map(([code, text]) => Object.freeze({ code, label: text }))), ...(source === undefined ? {} : { source }) });

export const NCT05236621_CODELISTS: readonly Codelist[] = Object.freeze([
  codelist('MMTYPE', 'Myeloma isotype', [
    ['IgG', 'IgG'],
    ['IgA', 'IgA'],
    ['IgD', 'IgD'],
    ['IgM', 'IgM'],
    ['IgE', 'IgE'],
    ['light-chain', 'Light chain only (Bence Jones)'],
    ['non-secretory', 'Non-secretory'],
  ]),
  codelist('LCTYPE', 'Light-chain type', [
    ['kappa', 'Kappa'],
    ['lambda', 'Lambda'],
  ]),
  codelist('FISH', 'FISH result', [
    ['positive', 'Positive'],
    ['negative', 'Negative'],
    ['not-done', 'Not done'],
  ]),
  codelist('IFE', 'Immunofixation', [
    ['positive', 'Positive'],
    ['negative', 'Negative'],
  ]),
  codelist('CLONALPC', 'Clonal plasma cells', [
    ['present', 'Present'],
    ['absent', 'Absent'],
    ['not-done', 'Not done'],
  ]),
  codelist('BMMETHOD', 'Marrow sampling', [
    ['aspirate', 'Aspirate'],
    ['biopsy', 'Biopsy'],
    ['both', 'Aspirate and biopsy'],
  ]),
  // The deviation categories of the protocol's deviation log (ICH E3 10.2 lists these kinds; SDTM DV.DVCAT).
  codelist('DVCAT', 'Protocol deviation category', [
    ['eligibility', 'Eligibility criteria not met'],
    ['informed-consent', 'Informed consent'],
    ['study-treatment', 'Study drug / dosing (not per the dose-modification rules)'],
    ['visit-schedule', 'Visit schedule / assessment outside its window'],
    ['concomitant-medication', 'Prohibited concomitant medication'],
    ['other', 'Other'],
  ], 'ICH E3 section 10.2; CDISC SDTMIG DV (DVCAT)'),
]);

/** The protocol deviation log (categories: DVCAT above). */
export const NCT05236621_DEVIATION_FORM: FormDefinition = createProtocolDeviationForm({ id: 'protocolDeviation', categoryCodelist: 'DVCAT' });

const M_PROTEIN = { max: 200, note: 'a serum M-protein above 200 g/L is beyond any reported myeloma' };
const URINE_M_PROTEIN = { max: 50000, note: 'Bence Jones proteinuria above 50 g/24 h is beyond any reported myeloma' };
const FLC = { max: 100000, note: 'a free light chain above 100 000 mg/L is beyond any reported light-chain myeloma' };
const NOT_NEGATIVE = { min: 0, note: 'a concentration cannot be negative' };
const PERCENT = { min: 0, max: 100, note: 'a percentage of marrow cells' };

export const DIAGNOSIS_FIELDS: readonly FieldDefinition[] = Object.freeze([
  codeField('subtype', 'Isotype of the myeloma protein', 'MMTYPE'),
  codeField('lightChainType', 'Light-chain type', 'LCTYPE'),
]);

export const PRIOR_THERAPY_FIELDS: readonly FieldDefinition[] = Object.freeze([booleanField('asct', 'Autologous stem-cell transplant in this line')]);

const fish = (key: string, label: string) => codeField(key, label, 'FISH');

export const NCT05236621_DISEASE_FORMS: readonly FormDefinition[] = Object.freeze([
  Object.freeze({
    id: 'baselineDisease',
    label: 'Baseline disease characteristics',
    role: 'disease' as const,
    cardinality: 'one' as const,
    description: 'Staging panel at screening: beta2-microglobulin, albumin, LDH (ISS / R-ISS) and FISH cytogenetics.',
    sdtmDomain: 'LB',
    dateField: 'sampleDate',
    fields: Object.freeze([
      dateField('sampleDate', 'Sample date'),
      opt(numberField('beta2MicroglobulinMgPerL', 'Beta2-microglobulin', { unit: 'mg/L', hard: NOT_NEGATIVE, soft: { max: 200, note: 'beyond myeloma with renal failure' } })),
      opt(numberField('albuminGPerL', 'Albumin', { unit: 'g/L', hard: NOT_NEGATIVE, soft: { min: 5, max: 70, note: 'beyond nephrotic syndrome and dehydration' } })),
      opt(numberField('ldhUPerL', 'LDH', { unit: 'U/L', hard: NOT_NEGATIVE, soft: { min: 20, max: 50000, note: 'beyond haemolysis and tumour lysis' } })),
      opt(numberField('ldhUlnUPerL', 'LDH upper limit of normal', { unit: 'U/L', hard: { min: 0, note: 'a normal range cannot be negative' }, soft: { min: 100, max: 1000, note: 'an LDH upper limit of normal outside 100-1000 U/L is not a laboratory normal range' } })),
      recordField('fish', 'FISH cytogenetics', [fish('del17p', 'del(17p)'), fish('t4_14', 't(4;14)'), fish('t14_16', 't(14;16)'), fish('gain1q21', 'gain(1q21)'), fish('del13q', 'del(13q)')]),
    ]),
    rules: Object.freeze([]),
  }),
  Object.freeze({
    id: 'diseaseAssessment',
    label: 'Disease assessment (IMWG)',
    role: 'disease' as const,
    cardinality: 'many' as const,
    description: "The IMWG 2016 measurements of one visit; 'central' results are what the IRC reads, 'local' the investigator's. Empty = not measured.",
    sdtmDomain: 'LB',
    dateField: 'date',
    visitField: 'visit',
    fields: Object.freeze([
      dateField('date', 'Assessment date'),
      textField('visit', 'Visit', 40),
      codeField('source', 'Laboratory', 'DATASRC'),
      opt(numberField('serumMProteinGPerL', 'Serum M-protein', { unit: 'g/L', hard: NOT_NEGATIVE, soft: M_PROTEIN })),
      opt(numberField('urineMProteinMgPer24h', 'Urine M-protein', { unit: 'mg/24h', hard: NOT_NEGATIVE, soft: URINE_M_PROTEIN })),
      opt(numberField('kappaFlcMgPerL', 'Serum free kappa', { unit: 'mg/L', hard: NOT_NEGATIVE, soft: FLC })),
      opt(numberField('lambdaFlcMgPerL', 'Serum free lambda', { unit: 'mg/L', hard: NOT_NEGATIVE, soft: FLC })),
      opt(codeField('serumImmunofixation', 'Serum immunofixation', 'IFE')),
      opt(codeField('urineImmunofixation', 'Urine immunofixation', 'IFE')),
      opt(numberField('boneMarrowPlasmaCellsPct', 'Bone-marrow plasma cells', { unit: '%', hard: PERCENT })),
      opt(numberField('plasmacytomaSpdCm2', 'Plasmacytoma SPD', { unit: 'cm2', hard: NOT_NEGATIVE, soft: { max: 1000, note: 'a plasmacytoma SPD above 1000 cm2 is exceptional' } })),
      opt(booleanField('newLesion', 'New bone lesion or plasmacytoma')),
    ]),
    rules: Object.freeze([]),
  }),
  Object.freeze({
    id: 'boneMarrow',
    label: 'Bone marrow',
    role: 'disease' as const,
    cardinality: 'many' as const,
    description: 'Bone-marrow aspirate or biopsy.',
    sdtmDomain: 'MB',
    dateField: 'date',
    fields: Object.freeze([
      dateField('date', 'Sample date'),
      numberField('plasmaCellsPct', 'Plasma cells', { unit: '%', hard: PERCENT }),
      codeField('clonalPlasmaCells', 'Clonal plasma cells', 'CLONALPC'),
      codeField('method', 'Method', 'BMMETHOD'),
    ]),
    rules: Object.freeze([]),
  }),
]);

export const MARROW_MATCH_DAYS = 14;

const SERUM = 'SERUM';
const URINE = 'URINE';
const MARROW = 'BONE MARROW';
const IFE_TERMS = { positive: 'POSITIVE', negative: 'NEGATIVE' } as const;

/**
 * The annotated CRF of NCT05236621's own fields: the IMWG measurements and the staging panel are laboratory
 * findings (LB, the specimen telling serum from urine, the method the M-protein quantified by electrophoresis from
 * its immunofixation; test codes of CDISC SDTM CT 2025-03-25, checked by src/cdisc/sdtm/testCodeReview.test.ts), the
 * plasmacytoma SPD a tumour result (TR), a new lesion the response domain's new-lesion indicator (RS), the central or site laboratory LBNAM. The disease
 * history fields are supplemental qualifiers of the MH record. Not mapped: the FISH panel (SDTM's genomic
 * findings domain is not implemented) and the ASCT of a prior line (CM is not implemented).
 */
export const NCT05236621_SDTM_ANNOTATIONS: SdtmFormAnnotations = Object.freeze({
  baselineDisease: {
    beta2MicroglobulinMgPerL: { domain: 'LB', testCode: 'B2MICG', test: 'Beta-2 Microglobulin', specimen: SERUM },
    albuminGPerL: { domain: 'LB', testCode: 'ALB', test: 'Albumin', specimen: SERUM },
    ldhUPerL: { domain: 'LB', testCode: 'LDH', test: 'Lactate Dehydrogenase', specimen: SERUM },
    ldhUlnUPerL: { domain: 'LB', variable: 'LBORNRHI', forTest: 'LDH' },
  },
  diseaseAssessment: {
    source: { domain: 'LB', variable: 'LBNAM', terms: { central: 'CENTRAL LABORATORY', local: 'SITE LABORATORY' } },
    serumMProteinGPerL: { domain: 'LB', testCode: 'MCPROT', test: 'Monoclonal Protein', specimen: SERUM, method: 'ELECTROPHORESIS' },
    urineMProteinMgPer24h: { domain: 'LB', testCode: 'MCPROT', test: 'Monoclonal Protein', specimen: URINE, method: 'ELECTROPHORESIS' },
    kappaFlcMgPerL: { domain: 'LB', testCode: 'KLCFR', test: 'Kappa Light Chain, Free', specimen: SERUM },
    lambdaFlcMgPerL: { domain: 'LB', testCode: 'LLCFR', test: 'Lambda Light Chain, Free', specimen: SERUM },
    serumImmunofixation: { domain: 'LB', testCode: 'MCPROT', test: 'Monoclonal Protein', specimen: SERUM, method: 'IMMUNOFIXATION ELECTROPHORESIS', terms: IFE_TERMS },
    urineImmunofixation: { domain: 'LB', testCode: 'MCPROT', test: 'Monoclonal Protein', specimen: URINE, method: 'IMMUNOFIXATION ELECTROPHORESIS', terms: IFE_TERMS },
    boneMarrowPlasmaCellsPct: { domain: 'LB', testCode: 'PLSTCECE', test: 'Total Plasma Cells/Total Cells', specimen: MARROW },
    plasmacytomaSpdCm2: { domain: 'TR', testCode: 'SUMPPD', test: 'Sum of Products of Perpendicular Diam' },
    newLesion: { domain: 'RS', testCode: 'NEWLIND', test: 'New Lesion Indicator', terms: { true: 'Y', false: 'N' } },
  },
  boneMarrow: {
    plasmaCellsPct: { domain: 'LB', testCode: 'PLSTCECE', test: 'Total Plasma Cells/Total Cells', specimen: MARROW },
    clonalPlasmaCells: { domain: 'LB', testCode: 'PLSNCE', test: 'Neoplastic Plasma Cells', specimen: MARROW, terms: { present: 'PRESENT', absent: 'ABSENT', 'not-done': 'NOT DONE' } },
    method: { domain: 'LB', variable: 'LBMETHOD', terms: { aspirate: 'ASPIRATION', biopsy: 'BIOPSY', both: 'ASPIRATION AND BIOPSY' } },
  },
  priorTherapy: {
    asct: { domain: 'CM', qnam: 'CMASCT', qlabel: 'Autologous Stem-Cell Transplant in Line', terms: { true: 'Y', false: 'N' } },
  },
  diagnosis: {
    subtype: { domain: 'MH', qnam: 'MMTYPE', qlabel: 'Isotype of the Monoclonal Protein' },
    lightChainType: { domain: 'MH', qnam: 'LCTYPE', qlabel: 'Light-Chain Type' },
  },
});
