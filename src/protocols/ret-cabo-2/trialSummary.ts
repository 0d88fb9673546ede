import type { TrialSummaryFacts } from '../../clinical/index.js';

/**
 * The trial summary (SDTM TS) facts of RET-CABO-2 beyond its identity, eligibility and regimen (protocol.ts and
 * analysisPlan.ts). It is an example protocol: it has no registry number and no sponsor, which TS
 * says with null flavours. Dictionary codes (UNII, MED-RT, SNOMED) are left out: trialkit could not verify them.
 */
export const RET_CABO_2_TRIAL_SUMMARY: TrialSummaryFacts = {
  STYPE: ['INTERVENTIONAL'],
  INTMODEL: ['SINGLE GROUP'],
  INTTYPE: ['DRUG'],
  TBLIND: ['OPEN LABEL'],
  TCNTRL: ['NONE'],
  RANDOM: ['N'],
  ADDON: ['N'],
  // A two-stage design that may stop for futility after stage 1: a group sequential design, which the FDA's
  // guidance "Adaptive Designs for Clinical Trials of Drugs and Biologics" (2019) counts as adaptive.
  ADAPT: ['Y'],
  HLTSUBJI: ['N'],
  TINDTP: ['TREATMENT'],
  TTYPE: ['EFFICACY', 'SAFETY'],
  SEXPOP: ['BOTH'],
  // Simon minimax: 25 evaluable patients (analysisPlan.ts); no drop-out allowance is planned.
  PLANSUB: ['25'],
  STOPRULE: ['Simon minimax two-stage design: stop for futility when 1 or no objective response is seen in the first 15 evaluable patients'],
  OBJPRIM: ['To evaluate the objective response rate (confirmed complete or partial response, RECIST 1.1) assessed by independent review'],
  OBJSEC: ['To evaluate progression-free survival, overall survival, duration of response and time to response', 'To evaluate the safety of cabozantinib'],
  OUTMSPRI: ['Objective response rate by independent review (RECIST 1.1)'],
  OUTMSSEC: ['Progression-free survival', 'Overall survival', 'Duration of response', 'Time to response', 'Adverse events (CTCAE v5.0)'],
  // The FDA Established Pharmacologic Class of cabozantinib (its label); the MED-RT code is not given (not verified).
  PCLAS: ['Kinase Inhibitor'],
  TDIGRP: ['Non-small cell lung cancer'],
  REGID: { nullFlavor: 'NA', why: 'an example protocol, not registered' },
  SPONSOR: { nullFlavor: 'NA', why: 'an example protocol without a sponsor' },
  COMPTRT: { nullFlavor: 'NA', why: 'single-arm trial, no comparator' },
  CURTRT: { nullFlavor: 'NA', why: 'the trial treatment is not added to a current therapy' },
  LENGTH: { nullFlavor: 'NI', why: 'treatment continues until progression; the protocol states no planned trial length' },
  SENDTC: { nullFlavor: 'NI', why: 'the end of the study is not recorded in the trial data' },
};
