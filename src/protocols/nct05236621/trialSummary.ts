import type { TrialSummaryFacts } from '../../clinical/index.js';

/**
 * The trial summary (SDTM TS) facts of NCT05236621 beyond its identity, eligibility and regimen, as the
 * publication (Zhou H et al. Ann Hematol 2023, Methods) and the registry record state them. Codes of CDISC CT
 * terms are added by the SDTM mapping; dictionary codes (UNII, MED-RT, SNOMED) are left out where trialkit
 * could not verify them, rather than guessed.
 */
export const NCT05236621_TRIAL_SUMMARY: TrialSummaryFacts = {
  STYPE: ['INTERVENTIONAL'],
  INTMODEL: ['SINGLE GROUP'],
  INTTYPE: ['DRUG'],
  TBLIND: ['OPEN LABEL'],
  TCNTRL: ['NONE'],
  RANDOM: ['N'],
  ADDON: ['N'],
  ADAPT: ['N'],
  HLTSUBJI: ['N'],
  TINDTP: ['TREATMENT'],
  TTYPE: ['EFFICACY', 'SAFETY'],
  SEXPOP: ['BOTH'],
  // 66 evaluable patients for 80% power, 79 to be enrolled allowing 20% drop-out (Methods, "Statistical analysis").
  PLANSUB: ['79'],
  OBJPRIM: ['To evaluate the overall response rate (partial response or better, IMWG criteria) assessed by the independent review committee'],
  OBJSEC: [
    'To evaluate progression-free survival, overall survival, duration of response and time to response',
    'To evaluate the safety of generic pomalidomide plus low-dose dexamethasone',
  ],
  OUTMSPRI: ['Overall response rate by the independent review committee (IMWG 2016)'],
  OUTMSSEC: ['Progression-free survival', 'Overall survival', 'Duration of response', 'Time to response', 'Adverse events (CTCAE v5.0)'],
  // The FDA Established Pharmacologic Class of pomalidomide (its label); the MED-RT code is not given (not verified).
  PCLAS: ['Thalidomide Analog'],
  TDIGRP: ['Multiple myeloma'],
  COMPTRT: { nullFlavor: 'NA', why: 'single-arm trial, no comparator' },
  CURTRT: { nullFlavor: 'NA', why: 'the trial treatment is not added to a current therapy' },
  LENGTH: { nullFlavor: 'NI', why: 'treatment continues until progression; the publication states no planned trial length' },
  STOPRULE: { nullFlavor: 'NI', why: 'the publication states no interim analysis or stopping rule' },
  SENDTC: { nullFlavor: 'NI', why: 'the end of the study is not recorded in the trial data' },
};
