import { parseIsoDate, type AdslRow, type TrialData } from '../clinical/index.js';
import type { DiseaseMeasurementRow } from '../report/index.js';

/**
 * The M-protein measurements the waterfall reads, from the central (IRC) disease assessments: serum
 * M-protein (SPEP, g/L), urine M-protein (UPEP, mg/24 h) and the difference between involved and
 * uninvolved free light chain (DFLC, mg/L; involved = the subject's light-chain type, else the larger).
 * Study day 1 is the first dose, as in ADaM. ADaM does not carry these values yet (see reportDatasets).
 */
export function diseaseMeasurementsFromTrial(trial: TrialData, adsl: readonly AdslRow[]): DiseaseMeasurementRow[] {
  const bySubjectId = new Map(adsl.map((r) => [r.SUBJID, r]));
  const out: DiseaseMeasurementRow[] = [];
  for (const record of trial.subjects) {
    const subject = bySubjectId.get(record.subject.subjectId);
    const start = subject?.TRTSDT === null || subject === undefined ? null : parseIsoDate(subject.TRTSDT);
    if (subject === undefined || start === null) continue;
    const lightChain = (subject.LCTYPE ?? '').toLowerCase();
    for (const form of record.diseaseAssessments) {
      if (form.source !== 'central') continue;
      const day = parseIsoDate(form.date);
      if (day === null) continue;
      const ADY = day - start + 1;
      const push = (PARAMCD: string, AVAL: number | undefined) => {
        if (AVAL !== undefined) out.push({ USUBJID: subject.USUBJID, PARAMCD, ADY, AVAL });
      };
      push('SPEP', form.serumMProteinGPerL);
      push('UPEP', form.urineMProteinMgPer24h);
      const { kappaFlcMgPerL: kappa, lambdaFlcMgPerL: lambda } = form;
      if (kappa !== undefined && lambda !== undefined) {
        const involvedKappa = lightChain.startsWith('k') ? true : lightChain.startsWith('l') ? false : kappa >= lambda;
        push('DFLC', involvedKappa ? kappa - lambda : lambda - kappa);
      }
    }
  }
  return out;
}
