import type { DefineDataset, DefinePackage, XptDataset, XptRow } from '../cdisc/index.js';
import { xptDatasetFromDefine } from '../cdisc/index.js';

/**
 * A small SYNTHETIC submission package in both models, for the define.xml writer, the conformance checker and the
 * CLI tests, and as a worked example of the package description the SDTM and ADaM mappings produce: SDTM DM and
 * AE (collected values with aCRF pages, CDISC codelists with NCI codes), ADaM ADSL and ADTTE (predecessors,
 * derivations with methods, PARAMCD value-level metadata for AVAL).
 */
export interface SamplePackage {
  readonly define: DefinePackage;
  readonly datasets: readonly XptDataset[];
}

const study = { oid: 'STDY.TK-SYNTH-001', name: 'TK-SYNTH-001', description: 'SYNTHETIC single-arm test study', protocolName: 'TK-SYNTH-001' };

const dm: DefineDataset = {
  name: 'DM',
  label: 'Demographics',
  domain: 'DM',
  class: 'SPECIAL PURPOSE',
  structure: 'One record per subject',
  repeating: false,
  standardId: 'STD.SDTMIG.3.4',
  file: 'dm.xpt',
  keys: ['STUDYID', 'USUBJID'],
  variables: [
    { name: 'STUDYID', label: 'Study Identifier', dataType: 'text', length: 12, mandatory: true, role: 'Identifier', origin: { type: 'Protocol', source: 'Sponsor' } },
    { name: 'DOMAIN', label: 'Domain Abbreviation', dataType: 'text', length: 2, mandatory: true, role: 'Identifier', origin: { type: 'Assigned', source: 'Sponsor' } },
    { name: 'USUBJID', label: 'Unique Subject Identifier', dataType: 'text', length: 20, mandatory: true, role: 'Identifier', origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'MT.USUBJID' },
    { name: 'SUBJID', label: 'Subject Identifier for the Study', dataType: 'text', length: 7, mandatory: true, role: 'Topic', origin: { type: 'Collected', source: 'Investigator', documents: [{ documentId: 'LF.ACRF', pages: [1] }] } },
    { name: 'RFSTDTC', label: 'Subject Reference Start Date/Time', dataType: 'date', length: 10, mandatory: false, role: 'Record Qualifier', origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'MT.RFSTDTC' },
    { name: 'SITEID', label: 'Study Site Identifier', dataType: 'text', length: 3, mandatory: true, role: 'Record Qualifier', origin: { type: 'Assigned', source: 'Sponsor' } },
    { name: 'AGE', label: 'Age', dataType: 'integer', length: 2, mandatory: false, role: 'Record Qualifier', origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'MT.AGE' },
    { name: 'AGEU', label: 'Age Units', dataType: 'text', length: 5, mandatory: false, role: 'Variable Qualifier', codelistId: 'CL.AGEU', origin: { type: 'Assigned', source: 'Sponsor' } },
    { name: 'SEX', label: 'Sex', dataType: 'text', length: 1, mandatory: true, role: 'Record Qualifier', codelistId: 'CL.SEX', origin: { type: 'Collected', source: 'Investigator', documents: [{ documentId: 'LF.ACRF', pages: [1] }] } },
    { name: 'ARMCD', label: 'Planned Arm Code', dataType: 'text', length: 8, mandatory: true, role: 'Record Qualifier', origin: { type: 'Assigned', source: 'Sponsor' } },
    { name: 'ARM', label: 'Description of Planned Arm', dataType: 'text', length: 20, mandatory: true, role: 'Synonym Qualifier', origin: { type: 'Assigned', source: 'Sponsor' } },
    { name: 'COUNTRY', label: 'Country', dataType: 'text', length: 3, mandatory: true, role: 'Record Qualifier', origin: { type: 'Collected', source: 'Investigator' } },
  ],
};

const ae: DefineDataset = {
  name: 'AE',
  label: 'Adverse Events',
  domain: 'AE',
  class: 'EVENTS',
  structure: 'One record per adverse event per subject',
  repeating: true,
  standardId: 'STD.SDTMIG.3.4',
  file: 'ae.xpt',
  keys: ['STUDYID', 'USUBJID', 'AETERM', 'AESTDTC'],
  variables: [
    { name: 'STUDYID', label: 'Study Identifier', dataType: 'text', length: 12, mandatory: true, role: 'Identifier', origin: { type: 'Protocol', source: 'Sponsor' } },
    { name: 'DOMAIN', label: 'Domain Abbreviation', dataType: 'text', length: 2, mandatory: true, role: 'Identifier', origin: { type: 'Assigned', source: 'Sponsor' } },
    { name: 'USUBJID', label: 'Unique Subject Identifier', dataType: 'text', length: 20, mandatory: true, role: 'Identifier', origin: { type: 'Predecessor', predecessor: 'DM.USUBJID' } },
    { name: 'AESEQ', label: 'Sequence Number', dataType: 'integer', length: 8, mandatory: true, role: 'Identifier', origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'MT.SEQ' },
    { name: 'AETERM', label: 'Reported Term for the Adverse Event', dataType: 'text', length: 40, mandatory: true, role: 'Topic', origin: { type: 'Collected', source: 'Investigator', documents: [{ documentId: 'LF.ACRF', pages: [5] }] } },
    { name: 'AEDECOD', label: 'Dictionary-Derived Term', dataType: 'text', length: 40, mandatory: true, role: 'Synonym Qualifier', origin: { type: 'Assigned', source: 'Sponsor' }, commentId: 'COM.AEDECOD' },
    { name: 'AESEV', label: 'Severity/Intensity', dataType: 'text', length: 8, mandatory: false, role: 'Record Qualifier', codelistId: 'CL.AESEV', origin: { type: 'Collected', source: 'Investigator', documents: [{ documentId: 'LF.ACRF', pages: [5] }] } },
    { name: 'AESTDTC', label: 'Start Date/Time of Adverse Event', dataType: 'partialDate', length: 10, mandatory: false, role: 'Timing', origin: { type: 'Collected', source: 'Investigator', documents: [{ documentId: 'LF.ACRF', pages: [5] }] } },
  ],
};

const adsl: DefineDataset = {
  name: 'ADSL',
  label: 'Subject-Level Analysis Dataset',
  class: 'SUBJECT LEVEL ANALYSIS DATASET',
  structure: 'One record per subject',
  repeating: false,
  standardId: 'STD.ADAMIG.1.3',
  file: 'adsl.xpt',
  keys: ['STUDYID', 'USUBJID'],
  variables: [
    { name: 'STUDYID', label: 'Study Identifier', dataType: 'text', length: 12, mandatory: true, origin: { type: 'Predecessor', predecessor: 'DM.STUDYID' } },
    { name: 'USUBJID', label: 'Unique Subject Identifier', dataType: 'text', length: 20, mandatory: true, origin: { type: 'Predecessor', predecessor: 'DM.USUBJID' } },
    { name: 'SUBJID', label: 'Subject Identifier for the Study', dataType: 'text', length: 7, mandatory: true, origin: { type: 'Predecessor', predecessor: 'DM.SUBJID' } },
    { name: 'SITEID', label: 'Study Site Identifier', dataType: 'text', length: 3, mandatory: true, origin: { type: 'Predecessor', predecessor: 'DM.SITEID' } },
    { name: 'AGE', label: 'Age', dataType: 'integer', length: 2, mandatory: true, origin: { type: 'Predecessor', predecessor: 'DM.AGE' } },
    { name: 'AGEU', label: 'Age Units', dataType: 'text', length: 5, mandatory: true, origin: { type: 'Predecessor', predecessor: 'DM.AGEU' } },
    { name: 'SEX', label: 'Sex', dataType: 'text', length: 1, mandatory: true, codelistId: 'CL.SEX', origin: { type: 'Predecessor', predecessor: 'DM.SEX' } },
    { name: 'RACE', label: 'Race', dataType: 'text', length: 5, mandatory: true, origin: { type: 'Predecessor', predecessor: 'DM.RACE' } },
    { name: 'ARM', label: 'Description of Planned Arm', dataType: 'text', length: 11, mandatory: true, origin: { type: 'Predecessor', predecessor: 'DM.ARM' } },
    { name: 'ACTARM', label: 'Description of Actual Arm', dataType: 'text', length: 11, mandatory: true, origin: { type: 'Predecessor', predecessor: 'DM.ACTARM' } },
    { name: 'TRT01P', label: 'Planned Treatment for Period 01', dataType: 'text', length: 20, mandatory: true, origin: { type: 'Predecessor', predecessor: 'DM.ARM' } },
    { name: 'TRTSDT', label: 'Date of First Exposure to Treatment', dataType: 'integer', length: 8, displayFormat: 'DATE9.', mandatory: false, origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'MT.TRTSDT' },
    { name: 'FASFL', label: 'Full Analysis Set Population Flag', dataType: 'text', length: 1, mandatory: true, codelistId: 'CL.NY', origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'MT.FASFL' },
    { name: 'SAFFL', label: 'Safety Population Flag', dataType: 'text', length: 1, mandatory: true, codelistId: 'CL.NY', origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'MT.SAFFL' },
  ],
};

const adtte: DefineDataset = {
  name: 'ADTTE',
  label: 'Time-to-Event Analysis Dataset',
  class: 'BASIC DATA STRUCTURE',
  subClass: 'TIME-TO-EVENT',
  structure: 'One record per subject per parameter',
  repeating: true,
  standardId: 'STD.ADAMIG.1.3',
  file: 'adtte.xpt',
  keys: ['STUDYID', 'USUBJID', 'PARAMCD'],
  variables: [
    { name: 'STUDYID', label: 'Study Identifier', dataType: 'text', length: 12, mandatory: true, origin: { type: 'Predecessor', predecessor: 'ADSL.STUDYID' } },
    { name: 'USUBJID', label: 'Unique Subject Identifier', dataType: 'text', length: 20, mandatory: true, origin: { type: 'Predecessor', predecessor: 'ADSL.USUBJID' } },
    { name: 'PARAMCD', label: 'Parameter Code', dataType: 'text', length: 3, mandatory: true, codelistId: 'CL.PARAMCD', origin: { type: 'Assigned', source: 'Sponsor' } },
    { name: 'PARAM', label: 'Parameter', dataType: 'text', length: 32, mandatory: true, codelistId: 'CL.PARAM', origin: { type: 'Assigned', source: 'Sponsor' } },
    {
      name: 'AVAL',
      label: 'Analysis Value',
      dataType: 'integer',
      length: 8,
      mandatory: true,
      origin: { type: 'Derived', source: 'Sponsor' },
      methodId: 'MT.ADTTE.AVAL',
      valueLevel: [
        { where: [{ variable: 'PARAMCD', comparator: 'EQ', values: ['PFS'] }], description: 'Progression-free survival (days)', dataType: 'integer', length: 4, mandatory: true, origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'MT.AVAL.PFS' },
        { where: [{ variable: 'PARAMCD', comparator: 'EQ', values: ['OS'] }], description: 'Overall survival (days)', dataType: 'integer', length: 4, mandatory: true, origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'MT.AVAL.OS' },
      ],
    },
    { name: 'STARTDT', label: 'Time-to-Event Origin Date for Subject', dataType: 'integer', length: 8, displayFormat: 'DATE9.', mandatory: true, origin: { type: 'Predecessor', predecessor: 'ADSL.TRTSDT' } },
    { name: 'CNSR', label: 'Censor', dataType: 'integer', length: 1, mandatory: true, codelistId: 'CL.CNSR', origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'MT.CNSR' },
    { name: 'EVNTDESC', label: 'Event or Censoring Description', dataType: 'text', length: 40, mandatory: false, origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'MT.EVNTDESC' },
  ],
};

const subjects = [
  { id: 'S01-001', site: 'S01', age: 61, sex: 'M', start: '2021-03-29', trtsdt: 22368 },
  { id: 'S01-002', site: 'S01', age: 70, sex: 'F', start: '2021-04-02', trtsdt: 22372 },
  { id: 'S02-001', site: 'S02', age: 55, sex: 'F', start: '2021-05-10', trtsdt: 22410 },
];
const usubjid = (id: string): string => `TK-SYNTH-001-${id}`;

const dmRows: XptRow[] = subjects.map((s) => ({ STUDYID: 'TK-SYNTH-001', DOMAIN: 'DM', USUBJID: usubjid(s.id), SUBJID: s.id, RFSTDTC: s.start, SITEID: s.site, AGE: s.age, AGEU: 'YEARS', SEX: s.sex, ARMCD: 'POMDEX', ARM: 'POM + LoDEX', COUNTRY: 'CHN' }));
const aeRows: XptRow[] = [
  { STUDYID: 'TK-SYNTH-001', DOMAIN: 'AE', USUBJID: usubjid('S01-001'), AESEQ: 1, AETERM: 'NEUTROPENIA', AEDECOD: 'Neutropenia', AESEV: 'SEVERE', AESTDTC: '2021-04-12' },
  { STUDYID: 'TK-SYNTH-001', DOMAIN: 'AE', USUBJID: usubjid('S01-001'), AESEQ: 2, AETERM: 'FATIGUE', AEDECOD: 'Fatigue', AESEV: 'MILD', AESTDTC: '2021-05' },
  { STUDYID: 'TK-SYNTH-001', DOMAIN: 'AE', USUBJID: usubjid('S02-001'), AESEQ: 1, AETERM: 'PNEUMONIA', AEDECOD: 'Pneumonia', AESEV: 'MODERATE', AESTDTC: '2021-06-01' },
];
const adslRows: XptRow[] = subjects.map((s) => ({ STUDYID: 'TK-SYNTH-001', USUBJID: usubjid(s.id), SUBJID: s.id, SITEID: s.site, AGE: s.age, AGEU: 'YEARS', SEX: s.sex, RACE: 'ASIAN', ARM: 'POM + LoDEX', ACTARM: 'POM + LoDEX', TRT01P: 'POM + LoDEX', TRTSDT: s.trtsdt, FASFL: 'Y', SAFFL: 'Y' }));
const adtteRows: XptRow[] = subjects.flatMap((s, i) => [
  { STUDYID: 'TK-SYNTH-001', USUBJID: usubjid(s.id), PARAMCD: 'PFS', PARAM: 'Progression-free survival (days)', AVAL: 120 + 30 * i, STARTDT: s.trtsdt, CNSR: i % 2, EVNTDESC: i % 2 === 0 ? 'PROGRESSIVE DISEASE' : 'LAST ADEQUATE ASSESSMENT' },
  { STUDYID: 'TK-SYNTH-001', USUBJID: usubjid(s.id), PARAMCD: 'OS', PARAM: 'Overall survival (days)', AVAL: 400 + 10 * i, STARTDT: s.trtsdt, CNSR: 1, EVNTDESC: 'LAST KNOWN ALIVE' },
]);

const common = {
  creationDateTime: '2026-12-06T12:00:00',
  originator: 'trialkit',
  sourceSystem: { name: 'trialkit', version: '0.1.0' },
  context: 'Other' as const,
  study,
};

export function sampleSdtmPackage(): SamplePackage {
  const define: DefinePackage = {
    ...common,
    model: 'SDTM',
    fileOid: 'trialkit.TK-SYNTH-001.SDTM',
    metaDataVersion: { oid: 'MDV.TK-SYNTH-001.SDTMIG.3.4', name: 'SYNTHETIC SDTM', description: 'SYNTHETIC test package' },
    standards: [
      { id: 'STD.SDTMIG.3.4', name: 'SDTMIG', type: 'IG', version: '3.4' },
      { id: 'STD.CT.SDTM.2024-03-29', name: 'CDISC/NCI', type: 'CT', publishingSet: 'SDTM', version: '2024-03-29' },
    ],
    documents: [{ id: 'LF.ACRF', title: 'Annotated CRF (SYNTHETIC)', href: 'acrf.pdf' }],
    annotatedCrfId: 'LF.ACRF',
    datasets: [dm, ae],
    codelists: [
      { id: 'CL.SEX', name: 'Sex', dataType: 'text', nciCode: 'C66731', standardId: 'STD.CT.SDTM.2024-03-29', items: [{ value: 'F', decode: 'Female', nciCode: 'C16576' }, { value: 'M', decode: 'Male', nciCode: 'C20197' }, { value: 'U', decode: 'Unknown', nciCode: 'C17998' }] },
      { id: 'CL.AGEU', name: 'Age Unit', dataType: 'text', nciCode: 'C66781', standardId: 'STD.CT.SDTM.2024-03-29', items: [{ value: 'YEARS', nciCode: 'C29848' }] },
      { id: 'CL.AESEV', name: 'Severity/Intensity Scale for Adverse Events', dataType: 'text', nciCode: 'C66769', standardId: 'STD.CT.SDTM.2024-03-29', items: [{ value: 'MILD', nciCode: 'C41338' }, { value: 'MODERATE', nciCode: 'C41339' }, { value: 'SEVERE', nciCode: 'C41340' }] },
    ],
    methods: [
      { id: 'MT.USUBJID', name: 'Algorithm to derive USUBJID', type: 'Computation', description: 'STUDYID, "-" and SUBJID concatenated' },
      { id: 'MT.RFSTDTC', name: 'Algorithm to derive RFSTDTC', type: 'Computation', description: 'Date of the first dose of study treatment (EX.EXSTDTC)' },
      { id: 'MT.AGE', name: 'Algorithm to derive AGE', type: 'Computation', description: 'Whole years from BRTHDTC to RFSTDTC' },
      { id: 'MT.SEQ', name: 'Algorithm to derive --SEQ', type: 'Computation', description: 'Sequential number of the record within USUBJID, ordered by the start date', expressions: [{ context: 'TypeScript (trialkit)', code: 'rows.sort(byStartDate).map((row, i) => ({ ...row, AESEQ: i + 1 }))' }] },
    ],
    comments: [{ id: 'COM.AEDECOD', text: 'Not coded with MedDRA: the verbatim term in title case (SYNTHETIC).' }],
  };
  return { define, datasets: [xptDatasetFromDefine(dm, dmRows), xptDatasetFromDefine(ae, aeRows)] };
}

export function sampleAdamPackage(): SamplePackage {
  const define: DefinePackage = {
    ...common,
    model: 'ADaM',
    fileOid: 'trialkit.TK-SYNTH-001.ADaM',
    metaDataVersion: { oid: 'MDV.TK-SYNTH-001.ADAMIG.1.3', name: 'SYNTHETIC ADaM' },
    standards: [
      { id: 'STD.ADAMIG.1.3', name: 'ADaMIG', type: 'IG', version: '1.3' },
      { id: 'STD.CT.ADAM.2024-03-29', name: 'CDISC/NCI', type: 'CT', publishingSet: 'ADaM', version: '2024-03-29' },
      { id: 'STD.CT.SDTM.2024-03-29', name: 'CDISC/NCI', type: 'CT', publishingSet: 'SDTM', version: '2024-03-29' },
    ],
    documents: [{ id: 'LF.ADRG', title: 'Analysis Data Reviewer\'s Guide (SYNTHETIC)', href: 'adrg.pdf' }],
    supplementalDocIds: ['LF.ADRG'],
    datasets: [adsl, adtte],
    codelists: [
      { id: 'CL.SEX', name: 'Sex', dataType: 'text', nciCode: 'C66731', standardId: 'STD.CT.SDTM.2024-03-29', items: [{ value: 'F', decode: 'Female', nciCode: 'C16576' }, { value: 'M', decode: 'Male', nciCode: 'C20197' }] },
      { id: 'CL.NY', name: 'No Yes Response', dataType: 'text', nciCode: 'C66742', standardId: 'STD.CT.SDTM.2024-03-29', items: [{ value: 'N', decode: 'No', nciCode: 'C49487' }, { value: 'Y', decode: 'Yes', nciCode: 'C49488' }] },
      { id: 'CL.PARAMCD', name: 'Parameter Code', dataType: 'text', isNonStandard: true, items: [{ value: 'PFS', decode: 'Progression-free survival (days)' }, { value: 'OS', decode: 'Overall survival (days)' }] },
      { id: 'CL.PARAM', name: 'Parameter', dataType: 'text', isNonStandard: true, items: [{ value: 'Progression-free survival (days)' }, { value: 'Overall survival (days)' }] },
      { id: 'CL.CNSR', name: 'Censor', dataType: 'integer', isNonStandard: true, items: [{ value: '0', decode: 'Event' }, { value: '1', decode: 'Censored' }] },
    ],
    methods: [
      { id: 'MT.TRTSDT', name: 'Algorithm to derive TRTSDT', type: 'Computation', description: 'Date of the first dose (EX.EXSTDTC of the first exposure record) as a SAS date' },
      { id: 'MT.FASFL', name: 'Algorithm to derive FASFL', type: 'Computation', description: 'Y if the subject received at least one dose of study treatment, else N' },
      { id: 'MT.SAFFL', name: 'Algorithm to derive SAFFL', type: 'Computation', description: 'Y if the subject received at least one dose of study treatment, else N' },
      { id: 'MT.ADTTE.AVAL', name: 'Algorithm to derive AVAL', type: 'Computation', description: 'ADT - STARTDT + 1 (days); see the parameter-level methods' },
      { id: 'MT.AVAL.PFS', name: 'Algorithm to derive AVAL for PFS', type: 'Computation', description: 'Days from STARTDT to progression or death, censored at the last adequate assessment (FDA 2018)' },
      { id: 'MT.AVAL.OS', name: 'Algorithm to derive AVAL for OS', type: 'Computation', description: 'Days from STARTDT to death, censored at the last date known alive' },
      { id: 'MT.CNSR', name: 'Algorithm to derive CNSR', type: 'Computation', description: '0 for an event, 1 for a censored time' },
      { id: 'MT.EVNTDESC', name: 'Algorithm to derive EVNTDESC', type: 'Computation', description: 'The event or the reason for censoring' },
    ],
    comments: [],
  };
  return { define, datasets: [xptDatasetFromDefine(adsl, adslRows), xptDatasetFromDefine(adtte, adtteRows)] };
}
