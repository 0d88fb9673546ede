import {
  createImwgResponseBinding,
  createRegimenCodelists,
  createScreeningForm,
  createStandardForms,
  IMWG_2016_TRIAL,
  responseScaleCodelist,
  SCREENING_CODELISTS,
  STANDARD_CODELISTS,
  IMWG_2016_SCALE,
  DEVIATION_SEVERITY_CODELIST,
} from '../../clinical/index.js';
import type { Codelist, ProtocolDefinition } from '../../clinical/index.js';
import { NCT05236621_ANALYSIS_PLAN } from './analysisPlan.js';
import { NCT05236621_SIGNATURE_MEANINGS } from './signatureMeanings.js';
import { NCT05236621_ELIGIBILITY } from './eligibility.js';
import { DIAGNOSIS_FIELDS, NCT05236621_DEVIATION_FORM, MARROW_MATCH_DAYS, NCT05236621_CODELISTS, NCT05236621_DISEASE_FORMS, NCT05236621_SDTM_ANNOTATIONS, PRIOR_THERAPY_FIELDS } from './forms.js';
import { NCT05236621_REGIMEN } from './regimen.js';
import { NCT05236621_TRIAL_SUMMARY } from './trialSummary.js';
import { NCT05236621_SUBJECT_VARIABLES } from './subjectVariables.js';

const PAPER = 'Zhou H et al. Generic pomalidomide plus low-dose dexamethasone in relapsed/refractory multiple myeloma. Ann Hematol 2023. doi:10.1007/s00277-023-05558-y';

const responseCodelist: Codelist = responseScaleCodelist(IMWG_2016_SCALE);

const LAB_ANALYTES = [
  'neutrophils',
  'leukocytes',
  'platelets',
  'lymphocytes',
  'hemoglobin',
  'potassium',
  'bilirubin',
  'alt',
  'ast',
  'creatinine',
  'uricAcid',
  'albumin',
  'totalProtein',
  'beta2Microglobulin',
  'ldh',
  'calcium',
] as const;

const labCodelist: Codelist = Object.freeze({ id: 'LBTEST', label: 'Laboratory analyte', items: Object.freeze(LAB_ANALYTES.map((code) => Object.freeze({ code, label: code }))) });

/**
 * NCT05236621: multicentre, open-label, single-arm phase 2 of generic pomalidomide plus low-dose
 * dexamethasone in relapsed/refractory multiple myeloma (32 centres in China), as published.
 */
export const NCT05236621_PROTOCOL: ProtocolDefinition = {
  id: 'nct05236621',
  version: '1.0',
  identity: {
    registryId: 'NCT05236621',
    title: 'Generic pomalidomide plus low-dose dexamethasone in relapsed/refractory multiple myeloma: a multicentre, open-label, single-arm phase 2 study',
    shortTitle: 'Pomalidomide + low-dose dexamethasone in RRMM',
    phase: '2',
    design: 'single-arm, open-label, multicentre',
    indication: 'Relapsed/refractory multiple myeloma',
    sponsor: 'Chia Tai Tianqing Pharmaceutical Group (generic pomalidomide)',
    citation: PAPER,
    armLabel: 'Pomalidomide + Low-dose dexamethasone',
  },
  eligibility: NCT05236621_ELIGIBILITY,
  regimen: NCT05236621_REGIMEN,
  schedule: {
    visits: [
      { id: 'SCREENING', label: 'Screening', kind: 'screening', windowDays: 28, forms: ['screening', 'demographics', 'diagnosis', 'priorTherapy', 'baselineDisease', 'lab', 'diseaseAssessment', 'boneMarrow'] },
      { id: 'C{n}D1', label: 'Cycle n day 1', kind: 'treatment', everyDays: 28, windowDays: 7, forms: ['dosing', 'lab', 'diseaseAssessment', 'adverseEvent', 'responseCall'] },
      { id: 'EOT', label: 'End of treatment', kind: 'end-of-treatment', windowDays: 7, forms: ['disposition', 'lab', 'diseaseAssessment'] },
      { id: 'FU{n}', label: 'Survival follow-up', kind: 'follow-up', everyDays: 84, windowDays: 14, forms: ['survivalContact', 'newTherapy', 'death'] },
    ],
    responseAssessmentEveryDays: 28,
    responseAssessmentWindowDays: 7,
  },
  forms: [
    createScreeningForm(NCT05236621_ELIGIBILITY, responseCodelist.id),
    ...createStandardForms({
      drugs: NCT05236621_REGIMEN.drugs,
      responseCodelist: responseCodelist.id,
      labAnalyteCodelist: labCodelist.id,
      extensions: { diagnosis: DIAGNOSIS_FIELDS, priorTherapy: PRIOR_THERAPY_FIELDS },
    }),
    ...NCT05236621_DISEASE_FORMS,
    NCT05236621_DEVIATION_FORM,
  ],
  codelists: [...STANDARD_CODELISTS, ...SCREENING_CODELISTS, ...createRegimenCodelists(NCT05236621_REGIMEN.drugs), responseCodelist, labCodelist, ...NCT05236621_CODELISTS, DEVIATION_SEVERITY_CODELIST],
  labAnalytes: LAB_ANALYTES,
  response: createImwgResponseBinding({
    ruleSet: IMWG_2016_TRIAL,
    evaluators: [
      { id: 'IRC', label: 'IRC', source: 'central', recordedBy: 'irc', paramSuffix: '' },
      { id: 'INVESTIGATOR', label: 'Investigator', source: 'local', recordedBy: 'investigator', paramSuffix: 'INV' },
    ],
    assessmentForm: 'diseaseAssessment',
    marrowForm: 'boneMarrow',
    marrowMatchDays: MARROW_MATCH_DAYS,
    lightChainField: 'lightChainType',
  }),
  endpoints: [
    { paramcd: 'PFS', kind: 'progression-free-survival', label: 'Progression-Free Survival by IRC', evaluator: 'IRC' },
    { paramcd: 'TTR', kind: 'time-to-response', label: 'Time to Response by IRC', evaluator: 'IRC' },
    { paramcd: 'DOR', kind: 'duration-of-response', label: 'Duration of Response by IRC', evaluator: 'IRC' },
    { paramcd: 'PFSINV', kind: 'progression-free-survival', label: 'Progression-Free Survival by Investigator', evaluator: 'INVESTIGATOR' },
    { paramcd: 'TTRINV', kind: 'time-to-response', label: 'Time to Response by Investigator', evaluator: 'INVESTIGATOR' },
    { paramcd: 'DORINV', kind: 'duration-of-response', label: 'Duration of Response by Investigator', evaluator: 'INVESTIGATOR' },
    { paramcd: 'OS', kind: 'overall-survival', label: 'Overall Survival' },
    { paramcd: 'FOLLOWUP', kind: 'follow-up', label: 'Follow-up, reverse Kaplan-Meier' },
    { paramcd: 'TRTDUR', kind: 'treatment-duration', label: 'Duration of Treatment' },
  ],
  censoring: { missedAssessments: 2, newTherapyLabel: 'anti-myeloma therapy' },
  analysisSets: [
    { flag: 'ITTFL', name: 'Intent-to-treat', rule: { kind: 'enrolled' }, description: 'Every enrolled subject.' },
    {
      flag: 'FASFL',
      name: 'Full analysis set',
      rule: { kind: 'treated-and-assessed', drugs: ['pomalidomide'] },
      description: 'At least one dose of pomalidomide and at least one disease assessment (baseline counts).',
    },
    { flag: 'SAFFL', name: 'Safety set', rule: { kind: 'treated', drugs: 'any' }, description: 'At least one dose of any study drug.' },
  ],
  subjectVariables: NCT05236621_SUBJECT_VARIABLES,
  ageGroups: [
    { label: '<65', maxYears: 64 },
    { label: '65-75', minYears: 65, maxYears: 75 },
    { label: '>75', minYears: 76 },
  ],
  priorTherapyGroups: [
    { flag: 'PRLENFL', label: 'Lenalidomide', agents: ['lenalidomide'] },
    { flag: 'PRBORFL', label: 'Bortezomib', agents: ['bortezomib'] },
    { flag: 'PRDEXFL', label: 'Dexamethasone', agents: ['dexamethasone'] },
    { flag: 'PRCYCFL', label: 'Cyclophosphamide', agents: ['cyclophosphamide'] },
    { flag: 'PRDARAFL', label: 'Daratumumab', agents: ['daratumumab'] },
    { flag: 'PRISAFL', label: 'Isatuximab', agents: ['isatuximab'] },
    { flag: 'PRCD38FL', label: 'Anti-CD38 antibody', agents: ['daratumumab', 'isatuximab'] },
    { flag: 'PRPIFL', label: 'Proteasome inhibitor', agents: ['bortezomib', 'ixazomib', 'carfilzomib'] },
    { flag: 'PRIMIDFL', label: 'Immunomodulatory drug', agents: ['thalidomide', 'lenalidomide', 'pomalidomide'] },
  ],
  aeGroups: [
    {
      id: 'thrombosis',
      label: 'Thromboembolic events',
      preferredTerms: [
        // CTCAE v5.0 grades every venous thrombosis and embolism as 'Thromboembolic event'; the MedDRA terms follow.
        'Thromboembolic event',
        'Deep vein thrombosis',
        'Pulmonary embolism',
        'Thrombosis',
        'Venous thrombosis limb',
        'Venous thrombosis',
        'Embolism',
        'Embolism venous',
        'Jugular vein thrombosis',
        'Arterial thrombosis',
        'Myocardial infarction',
        'Ischaemic stroke',
        'Cerebral infarction',
      ],
      systemOrganClasses: [],
    },
    {
      id: 'neuropathy',
      label: 'Peripheral neuropathy',
      preferredTerms: ['Peripheral neuropathy', 'Neuropathy peripheral', 'Peripheral sensory neuropathy', 'Peripheral motor neuropathy', 'Polyneuropathy', 'Paraesthesia', 'Hypoaesthesia'],
      systemOrganClasses: [],
    },
    {
      id: 'infection',
      label: 'Infections',
      preferredTerms: ['Pneumonia', 'Upper respiratory tract infection', 'Upper respiratory infection', 'Lung infection', 'Sepsis', 'Herpes zoster', 'Shingles'],
      systemOrganClasses: ['Infections and infestations'],
    },
  ],
  teaeWindowDaysAfterLastDose: 28,
  analysisPlan: NCT05236621_ANALYSIS_PLAN,
  signatureMeanings: NCT05236621_SIGNATURE_MEANINGS,
  // Every centre of the published trial is in China (DM.COUNTRY).
  sdtm: { country: 'CHN', forms: NCT05236621_SDTM_ANNOTATIONS, trialSummary: NCT05236621_TRIAL_SUMMARY },
};
