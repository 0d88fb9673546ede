import {
  createRecistResponseBinding,
  createRegimenCodelists,
  createScreeningForm,
  createStandardForms,
  RECIST_1_1,
  RECIST_1_1_SCALE,
  responseScaleCodelist,
  SCREENING_CODELISTS,
  STANDARD_CODELISTS,
  DEVIATION_SEVERITY_CODELIST,
} from '../../clinical/index.js';
import type { Codelist, LabAnalyte, ProtocolDefinition } from '../../clinical/index.js';
import { RET_CABO_2_ANALYSIS_PLAN } from './analysisPlan.js';
import { RET_CABO_2_SIGNATURE_MEANINGS } from './signatureMeanings.js';
import { RET_CABO_2_ELIGIBILITY } from './eligibility.js';
import { DIAGNOSIS_FIELDS, RET_CABO_2_DEVIATION_FORM, RET_CABO_2_CODELISTS, RET_CABO_2_DISEASE_FORMS, RET_CABO_2_SDTM_ANNOTATIONS } from './forms.js';
import { RET_CABO_2_REGIMEN } from './regimen.js';
import { RET_CABO_2_TRIAL_SUMMARY } from './trialSummary.js';
import { RET_CABO_2_SUBJECT_VARIABLES } from './subjectVariables.js';

const MODEL = 'Drilon A, Rekhtman N, Arcila M, et al. Cabozantinib in patients with advanced RET-rearranged non-small-cell lung cancer: an open-label, single-centre, phase 2, single-arm trial. Lancet Oncol 2016;17:1653-60. ClinicalTrials.gov NCT01639508';

const responseCodelist: Codelist = responseScaleCodelist(RECIST_1_1_SCALE);
const LAB_ANALYTES: readonly LabAnalyte[] = ['neutrophils', 'leukocytes', 'platelets', 'lymphocytes', 'hemoglobin', 'potassium', 'bilirubin', 'alt', 'ast', 'creatinine', 'albumin', 'calcium'];
const labCodelist: Codelist = { id: 'LBTEST', label: 'Laboratory analyte', items: LAB_ANALYTES.map((code) => ({ code, label: code })) };

/**
 * RET-CABO-2: an example protocol of the kind a team would bring as its own next trial, modelled on a real
 * registered design (NCT01639508): single-arm, open-label, multicentre phase 2 of cabozantinib 60 mg daily in
 * RET fusion-positive non-small-cell lung cancer; primary endpoint objective response per RECIST 1.1 by
 * independent review (IRC), Simon minimax two-stage design, imaging every 8 weeks. Where it departs from the
 * model trial (multicentre, IRC-read primary endpoint, explicit p0/p1, ECOG for Karnofsky) is written in
 * README.md. It is not NCT01639508 and no result of it is claimed.
 */
export const RET_CABO_2_PROTOCOL: ProtocolDefinition = {
  id: 'ret-cabo-2',
  version: '1.0',
  identity: {
    registryId: 'RET-CABO-2',
    title: 'Cabozantinib in RET fusion-positive advanced non-small-cell lung cancer: a single-arm, open-label, multicentre phase 2 study (example protocol modelled on NCT01639508)',
    shortTitle: 'Cabozantinib in RET fusion-positive NSCLC',
    phase: '2',
    design: 'single-arm, open-label, multicentre; Simon minimax two-stage',
    indication: 'RET fusion-positive metastatic or unresectable non-small-cell lung cancer',
    sponsor: 'trialkit example protocol (no sponsor)',
    citation: MODEL,
    armLabel: 'Cabozantinib 60 mg daily',
  },
  eligibility: RET_CABO_2_ELIGIBILITY,
  regimen: RET_CABO_2_REGIMEN,
  schedule: {
    visits: [
      { id: 'SCREENING', label: 'Screening', kind: 'screening', windowDays: 28, forms: ['screening', 'demographics', 'diagnosis', 'priorTherapy', 'lab', 'tumourAssessment'] },
      { id: 'C{n}D1', label: 'Cycle n day 1', kind: 'treatment', everyDays: 28, windowDays: 3, forms: ['dosing', 'lab', 'adverseEvent'] },
      { id: 'TA{n}', label: 'Tumour assessment n (every 8 weeks)', kind: 'response-assessment', everyDays: 56, windowDays: 7, forms: ['tumourAssessment', 'responseCall'] },
      { id: 'EOT', label: 'End of treatment', kind: 'end-of-treatment', windowDays: 7, forms: ['disposition', 'lab', 'tumourAssessment'] },
      { id: 'FU{n}', label: 'Survival follow-up', kind: 'follow-up', everyDays: 84, windowDays: 14, forms: ['survivalContact', 'newTherapy', 'death'] },
    ],
    responseAssessmentEveryDays: 56,
    responseAssessmentWindowDays: 7,
  },
  forms: [
    createScreeningForm(RET_CABO_2_ELIGIBILITY, responseCodelist.id),
    ...createStandardForms({ drugs: RET_CABO_2_REGIMEN.drugs, responseCodelist: responseCodelist.id, labAnalyteCodelist: labCodelist.id, extensions: { diagnosis: DIAGNOSIS_FIELDS } }),
    ...RET_CABO_2_DISEASE_FORMS,
    RET_CABO_2_DEVIATION_FORM,
  ],
  codelists: [...STANDARD_CODELISTS, ...SCREENING_CODELISTS, ...createRegimenCodelists(RET_CABO_2_REGIMEN.drugs), responseCodelist, labCodelist, ...RET_CABO_2_CODELISTS, DEVIATION_SEVERITY_CODELIST],
  labAnalytes: LAB_ANALYTES,
  response: createRecistResponseBinding({
    ruleSet: RECIST_1_1,
    confirmationDays: 28,
    sdMinDays: 42,
    evaluators: [
      { id: 'IRC', label: 'IRC', source: 'central', recordedBy: 'irc', paramSuffix: '' },
      { id: 'INVESTIGATOR', label: 'Investigator', source: 'local', recordedBy: 'investigator', paramSuffix: 'INV' },
    ],
    assessmentForm: 'tumourAssessment',
  }),
  endpoints: [
    { paramcd: 'PFS', kind: 'progression-free-survival', label: 'Progression-Free Survival by IRC', evaluator: 'IRC' },
    { paramcd: 'TTR', kind: 'time-to-response', label: 'Time to Response by IRC', evaluator: 'IRC' },
    { paramcd: 'DOR', kind: 'duration-of-response', label: 'Duration of Response by IRC', evaluator: 'IRC' },
    { paramcd: 'PFSINV', kind: 'progression-free-survival', label: 'Progression-Free Survival by Investigator', evaluator: 'INVESTIGATOR' },
    { paramcd: 'DORINV', kind: 'duration-of-response', label: 'Duration of Response by Investigator', evaluator: 'INVESTIGATOR' },
    { paramcd: 'OS', kind: 'overall-survival', label: 'Overall Survival' },
    { paramcd: 'FOLLOWUP', kind: 'follow-up', label: 'Follow-up, reverse Kaplan-Meier' },
    { paramcd: 'TRTDUR', kind: 'treatment-duration', label: 'Duration of Treatment' },
  ],
  censoring: { missedAssessments: 2, newTherapyLabel: 'anticancer therapy' },
  analysisSets: [
    { flag: 'ITTFL', name: 'Enrolled set', rule: { kind: 'enrolled' }, description: 'Every enrolled subject.' },
    { flag: 'SAFFL', name: 'Safety set', rule: { kind: 'treated', drugs: 'any' }, description: 'At least one dose of cabozantinib.' },
    { flag: 'FASFL', name: 'Full analysis set', rule: { kind: 'treated-and-assessed', drugs: 'any' }, description: 'At least one dose and a baseline tumour assessment.' },
    {
      flag: 'EFFFL',
      name: 'Response-evaluable set',
      rule: { kind: 'response-evaluable', drugs: 'any' },
      description: 'At least one dose, a baseline tumour assessment and at least one post-baseline assessment (the model trial\'s "assessable patients").',
    },
  ],
  subjectVariables: RET_CABO_2_SUBJECT_VARIABLES,
  ageGroups: [
    { label: '<65', maxYears: 64 },
    { label: '>=65', minYears: 65 },
  ],
  priorTherapyGroups: [
    { flag: 'PRPLATFL', label: 'Platinum chemotherapy', agents: ['cisplatin', 'carboplatin'] },
    { flag: 'PRIOFL', label: 'Immune checkpoint inhibitor', agents: ['pembrolizumab', 'nivolumab', 'atezolizumab', 'durvalumab'] },
    { flag: 'PRMKIFL', label: 'Multikinase inhibitor', agents: ['vandetanib', 'sunitinib', 'sorafenib', 'lenvatinib', 'alectinib'] },
  ],
  aeGroups: [
    { id: 'hepatotoxicity', label: 'Hepatotoxicity', preferredTerms: ['Alanine aminotransferase increased', 'Aspartate aminotransferase increased', 'Blood bilirubin increased', 'Hepatotoxicity'], systemOrganClasses: [] },
    { id: 'ppe', label: 'Palmar-plantar erythrodysaesthesia', preferredTerms: ['Palmar-plantar erythrodysaesthesia syndrome', 'Palmar-plantar erythrodysesthesia syndrome'], systemOrganClasses: [] },
    { id: 'hypertension', label: 'Hypertension', preferredTerms: ['Hypertension', 'Blood pressure increased'], systemOrganClasses: [] },
    { id: 'haemorrhage', label: 'Haemorrhage', preferredTerms: ['Haemoptysis', 'Epistaxis', 'Gastrointestinal haemorrhage', 'Haemorrhage'], systemOrganClasses: [] },
    { id: 'thromboembolism', label: 'Thromboembolic events', preferredTerms: ['Pulmonary embolism', 'Deep vein thrombosis', 'Myocardial infarction', 'Cerebral infarction'], systemOrganClasses: [] },
    { id: 'gi-perforation', label: 'Gastrointestinal perforation or fistula', preferredTerms: ['Gastrointestinal perforation', 'Fistula'], systemOrganClasses: [] },
  ],
  teaeWindowDaysAfterLastDose: 30,
  analysisPlan: RET_CABO_2_ANALYSIS_PLAN,
  signatureMeanings: RET_CABO_2_SIGNATURE_MEANINGS,
  // An example protocol with invented sites: they are placed in the country of its model trial (NCT01639508, New York).
  sdtm: { country: 'USA', forms: RET_CABO_2_SDTM_ANNOTATIONS, trialSummary: RET_CABO_2_TRIAL_SUMMARY },
};
