import { booleanField, codeField, createProtocolDeviationForm, dateField, groupField, numberField, opt, textField } from '../../clinical/index.js';
import type { Codelist, FieldDefinition, FormDefinition, SdtmFormAnnotations } from '../../clinical/index.js';

/**
 * The disease-specific case report forms of RET-CABO-2: the tumour assessment (RECIST 1.1 target and
 * non-target lesions, new lesions) read by the IRC ('central') and by the investigator ('local'), and its
 * fields on the disease history (histology, RET fusion partner and test, smoking, brain metastases).
 */

const codelist = (id: string, label: string, items: readonly (readonly [string, string])[], source?: string): Codelist => ({
  id,
  label,
  items: items.map(([code, text]) => ({ code, label: text })),
  ...(source === undefined ? {} : { source }),
});

export const RET_CABO_2_CODELISTS: readonly Codelist[] = [
  codelist('HISTOL', 'Histology', [
    ['adenocarcinoma', 'Adenocarcinoma'],
    ['squamous', 'Squamous cell carcinoma'],
    ['large-cell', 'Large cell carcinoma'],
    ['other', 'Other / not otherwise specified'],
  ]),
  codelist('RETPART', 'RET fusion partner', [
    ['KIF5B', 'KIF5B'],
    ['CCDC6', 'CCDC6'],
    ['NCOA4', 'NCOA4'],
    ['other', 'Other partner'],
    ['unknown', 'Unknown (break-apart FISH)'],
  ]),
  codelist('RETTEST', 'RET test', [
    ['ngs', 'Next-generation sequencing'],
    ['fish', 'FISH break-apart'],
    ['rt-pcr', 'RT-PCR'],
  ]),
  codelist('SMOKING', 'Smoking history', [
    ['never', 'Never (< 100 cigarettes)'],
    ['former', 'Former'],
    ['current', 'Current'],
  ]),
  codelist('LESKIND', 'Lesion (RECIST 1.1)', [
    ['target', 'Target'],
    ['non-target', 'Non-target'],
  ], 'RECIST 1.1 (Eisenhauer 2009) section 3'),
  codelist('NTSTATUS', 'Non-target lesion status', [
    ['absent', 'Absent'],
    ['present', 'Present'],
    ['unequivocal-progression', 'Unequivocal progression'],
    ['not-evaluated', 'Not evaluated'],
  ], 'RECIST 1.1 Table 2'),
  codelist('NEWLES', 'New lesion', [
    ['no', 'No'],
    ['yes', 'Yes'],
    ['equivocal', 'Equivocal'],
  ], 'RECIST 1.1 section 4.3.2'),
  // The deviation categories of the protocol's deviation log (ICH E3 10.2 lists these kinds; SDTM DV.DVCAT);
  // a tumour assessment outside its window is its own category: it can move the primary endpoint.
  codelist('DVCAT', 'Protocol deviation category', [
    ['eligibility', 'Eligibility criteria not met'],
    ['informed-consent', 'Informed consent'],
    ['study-treatment', 'Study drug / dosing (not per the dose-modification rules)'],
    ['visit-schedule', 'Treatment visit outside its window'],
    ['tumour-assessment', 'Tumour assessment outside its window or not done'],
    ['concomitant-medication', 'Prohibited concomitant medication'],
    ['other', 'Other'],
  ], 'ICH E3 section 10.2; CDISC SDTMIG DV (DVCAT)'),
];

/** The protocol deviation log (categories: DVCAT above). */
export const RET_CABO_2_DEVIATION_FORM: FormDefinition = createProtocolDeviationForm({ id: 'protocolDeviation', categoryCodelist: 'DVCAT' });

export const DIAGNOSIS_FIELDS: readonly FieldDefinition[] = [
  codeField('histology', 'Histology', 'HISTOL'),
  codeField('retFusionPartner', 'RET fusion partner', 'RETPART'),
  codeField('retTestMethod', 'RET test method', 'RETTEST'),
  codeField('smokingStatus', 'Smoking history', 'SMOKING'),
  booleanField('brainMetastases', 'Brain metastases at study entry (treated, stable)'),
];

const LESION = textField('lesionId', 'Lesion', 20, { pattern: { source: '[A-Za-z0-9-]+', description: 'letters, digits and - (e.g. T1, NT2)' }, help: 'The id given at baseline, e.g. T1 (target), NT1 (non-target)' });

export const RET_CABO_2_DISEASE_FORMS: readonly FormDefinition[] = [
  {
    id: 'tumourAssessment',
    label: 'Tumour assessment (RECIST 1.1)',
    role: 'disease',
    cardinality: 'many',
    description:
      "CT/MRI read of one time point. Baseline: every target (up to 5, 2 per organ; longest diameter, lymph nodes short axis) and non-target lesion. Follow-up: the same lesion ids with their diameter (0 = disappeared, empty = not evaluated) or status. 'central' = the IRC's read, 'local' = the investigator's.",
    sdtmDomain: 'TR',
    dateField: 'date',
    visitField: 'visit',
    fields: [
      dateField('date', 'Scan date'),
      textField('visit', 'Visit', 40),
      codeField('source', 'Read by', 'DATASRC'),
      groupField(
        'lesions',
        'Lesions',
        [
          LESION,
          opt(codeField('kind', 'Target or non-target (baseline)', 'LESKIND')),
          opt(booleanField('nodal', 'Lymph node (baseline)')),
          opt(textField('organ', 'Organ (baseline)', 40)),
          opt(numberField('diameterMm', 'Diameter (target)', { unit: 'mm', hard: { min: 0, max: 1000, note: 'a diameter in mm' }, soft: { max: 300, note: 'a target lesion above 30 cm is exceptional' } })),
          opt(codeField('status', 'Status (non-target)', 'NTSTATUS')),
        ],
        { minItems: 0, maxItems: 40, uniqueKey: 'lesionId' },
      ),
      codeField('newLesion', 'New lesion', 'NEWLES'),
    ],
    rules: [],
  },
];

const EVALUATOR_TERMS = { central: 'INDEPENDENT ASSESSOR', local: 'INVESTIGATOR' } as const;

/**
 * The annotated CRF of RET-CABO-2's own fields (SDTMIG 3.4 oncology domains): each tumour read gives one TU
 * record per lesion identified at baseline (TUMIDENT, the lesion id as TULNKID, its organ as TULOC), one TR
 * record per measured target diameter and per non-target status, and the new-lesion answer in RS; the reader
 * (IRC or site) is --EVAL. The disease history fields have no SDTM variable: they are supplemental qualifiers
 * of the subject's MH record.
 */
export const RET_CABO_2_SDTM_ANNOTATIONS: SdtmFormAnnotations = {
  tumourAssessment: {
    source: { variable: '--EVAL', terms: EVALUATOR_TERMS },
    newLesion: { domain: 'RS', testCode: 'NEWLIND', test: 'New Lesion Indicator', terms: { no: 'N', yes: 'Y', equivocal: 'EQUIVOCAL' } },
    'lesions.lesionId': { variable: '--LNKID' },
    'lesions.kind': { domain: 'TU', testCode: 'TUMIDENT', test: 'Tumor Identification', terms: { target: 'TARGET', 'non-target': 'NON-TARGET' } },
    'lesions.organ': { domain: 'TU', variable: 'TULOC' },
    'lesions.nodal': { domain: 'TU', qnam: 'TUNODAL', qlabel: 'Lymph Node Lesion', terms: { true: 'Y', false: 'N' } },
    'lesions.diameterMm': { domain: 'TR', testCode: 'DIAMETER', test: 'Diameter' },
    'lesions.status': { domain: 'TR', testCode: 'TUMSTATE', test: 'Tumor State', terms: { absent: 'ABSENT', present: 'PRESENT', 'unequivocal-progression': 'UNEQUIVOCAL PROGRESSION', 'not-evaluated': 'NOT EVALUATED' } },
  },
  diagnosis: {
    histology: { domain: 'MH', qnam: 'HISTOL', qlabel: 'Histology' },
    retFusionPartner: { domain: 'MH', qnam: 'FUSPART', qlabel: 'Fusion Partner' },
    retTestMethod: { domain: 'MH', qnam: 'FUSTEST', qlabel: 'Fusion Test Method' },
    smokingStatus: { domain: 'MH', qnam: 'SMOKHX', qlabel: 'Smoking History' },
    brainMetastases: { domain: 'MH', qnam: 'BRAINMET', qlabel: 'Brain Metastases at Study Entry', terms: { true: 'Y', false: 'N' } },
  },
};
