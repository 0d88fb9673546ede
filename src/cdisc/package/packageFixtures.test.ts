import { addDays, exampleSubject, validateTrialData } from '../../clinical/index.js';
import type { ProtocolDefinition, SubjectRecord, TrialData } from '../../clinical/index.js';
import { NCT05236621_PROTOCOL } from '../../protocols/nct05236621/protocol.js';
import { exampleAdverseEvent, nctSubject, nctTrial } from '../../protocols/nct05236621/testing/index.js';
import { RET_CABO_2_PROTOCOL } from '../../protocols/ret-cabo-2/protocol.js';
import { retSubject, retTrial } from '../../protocols/ret-cabo-2/testing/index.js';

// The fixture trials of the CDISC tests, one per protocol, built from each protocol's own fixture builders:
// responders, progressions, a death, an adverse event, labs, an investigator's call and a screen failure
// without demographics, so every domain of the package has records. Both pass validateTrialData.

function screenFailure(base: SubjectRecord, reason: string): SubjectRecord {
  const { enrolmentDate: _enrolment, ...subject } = base.subject;
  const { demographics: _demographics, diagnosis: _diagnosis, ...rest } = base;
  return { ...rest, subject: { ...subject, screenFailure: true, screenFailureReason: reason }, dosing: [], labs: [], adverseEvents: [], responseCalls: [], diseaseForms: {} };
}

function checked(trial: TrialData, protocol: ProtocolDefinition): TrialData {
  const result = validateTrialData(trial, protocol);
  if (!result.ok) throw new Error(`fixture trial of ${protocol.id} is invalid: ${JSON.stringify(result.issues.slice(0, 5))}`);
  return result.value;
}

/** Six enrolled subjects (PR, PD, SD, a death) and one screen failure under the lesion-read protocol. */
export function lesionProtocolTrial(): { readonly trial: TrialData; readonly protocol: ProtocolDefinition } {
  const first = retSubject(1, { t1Mm: [30, 10, 9, 8] });
  const subjects: SubjectRecord[] = [
    {
      ...first,
      labs: [
        { date: '2024-03-08', visit: 'SCREENING', analyte: 'hemoglobin', value: 12.1, unit: 'g/dL', lln: 12, uln: 16, source: 'local' },
        { date: '2024-04-08', visit: 'C2D1', analyte: 'alt', value: 88, unit: 'U/L', uln: 40, source: 'local' },
      ],
      adverseEvents: [
        {
          sequence: 1,
          reportedTerm: 'Diarrhoea',
          preferredTerm: 'Diarrhoea',
          systemOrganClass: 'Gastrointestinal disorders',
          onsetDate: '2024-03-20',
          endDate: '2024-04-02',
          grade: 2,
          serious: false,
          relatedness: { cabozantinib: 'probable' },
          actionTaken: { cabozantinib: 'interrupted' },
          ledToStudyDiscontinuation: false,
          outcome: 'recovered',
        },
      ],
      responseCalls: [{ date: '2024-05-06', evaluator: 'investigator', response: 'PR' }],
      // One prior line (CM with its SUPPCM qualifiers) and, for subject 3 below, a subsequent therapy.
      priorTherapies: [{ lineNumber: 1, agents: ['carboplatin', 'pemetrexed'], cycles: 4, startDate: '2023-05-02', endDate: '2023-08-01', bestResponse: 'SD', refractory: true, progressionDate: '2023-12-12' }],
    },
    retSubject(2, { t1Mm: [30, 30, 45] }),
    {
      ...retSubject(3, { t1Mm: [30, 42], cycles: 3 }),
      death: { date: '2024-07-15', cause: 'progressive-disease' },
      disposition: { endOfTreatment: { date: '2024-05-10', reason: 'progressive-disease' }, endOfStudy: { date: '2024-07-15', reason: 'death' } },
      newTherapies: [{ startDate: '2024-05-24', agents: ['docetaxel'] }],
    },
    retSubject(4, { t1Mm: [30, 30, 30, 30] }),
    retSubject(5, { t1Mm: [30, 12, 11, 48] }),
    retSubject(6, { t1Mm: [30, 31, 42] }),
    screenFailure(retSubject(7), 'Creatinine clearance below the limit'),
  ];
  return { trial: checked(retTrial(subjects), RET_CABO_2_PROTOCOL), protocol: RET_CABO_2_PROTOCOL };
}

/** Five enrolled subjects (PR, PD, SD, a death, an AE) and one screen failure under the laboratory-response protocol. */
export function laboratoryProtocolTrial(): { readonly trial: TrialData; readonly protocol: ProtocolDefinition } {
  const first = nctSubject(1, { serumMProteinGPerL: [30, 14, 13, 12] });
  const subjects: SubjectRecord[] = [
    {
      ...first,
      adverseEvents: [exampleAdverseEvent('2021-06-20', { sequence: 1 }), exampleAdverseEvent('2021-06-10', { sequence: 2, grade: 3, serious: true })],
      responseCalls: [{ date: '2021-06-29', evaluator: 'investigator', response: 'PR' }],
    },
    nctSubject(2, { serumMProteinGPerL: [30, 30, 40, 42] }),
    {
      ...nctSubject(3, { serumMProteinGPerL: [30, 45] }),
      death: { date: addDays('2021-06-01', 90), cause: 'progressive-disease' },
      disposition: { endOfTreatment: { date: addDays('2021-06-01', 60), reason: 'progressive-disease' }, endOfStudy: { date: addDays('2021-06-01', 90), reason: 'death' } },
    },
    nctSubject(4, { serumMProteinGPerL: [30, 29, 31, 30] }),
    nctSubject(5, { serumMProteinGPerL: [30, 12, 11, 25] }),
    screenFailure(exampleSubject(6), 'Platelets below the limit'),
  ];
  return { trial: checked(nctTrial(subjects), NCT05236621_PROTOCOL), protocol: NCT05236621_PROTOCOL };
}

export const FIXTURE_TRIALS = [
  { name: 'lesion-read protocol', make: lesionProtocolTrial },
  { name: 'laboratory-response protocol', make: laboratoryProtocolTrial },
] as const;
