import type { RecistTimePoint } from './computeRecistTimePoints.js';

export interface RecistProgression {
  /** Index of the assessment progression is dated at; null when the patient has not progressed. */
  readonly index: number | null;
  /**
   * When progression was dated back to an equivocal new lesion: the index of the assessment where the new
   * lesion became unequivocal; otherwise null.
   */
  readonly backdatedFromIndex: number | null;
}

/**
 * The first overall PD, dated back for an equivocal new lesion: "If repeat scans confirm there is definitely
 * a new lesion, then progression should be declared using the date of the initial scan" (RECIST 1.1, section
 * 4.3.2). The initial scan is the first of the uninterrupted run of 'equivocal' assessments just before the
 * first 'yes'; an assessment with 'no' in between resolved the earlier finding, and breaks the run.
 */
export function findRecistProgression(points: readonly Pick<RecistTimePoint, 'overall' | 'newLesion'>[]): RecistProgression {
  const firstPd = points.findIndex((point) => point.overall === 'PD');
  if (firstPd === -1) return { index: null, backdatedFromIndex: null };
  const firstYes = points.findIndex((point) => point.newLesion === 'yes');
  let start = firstYes;
  while (start > 0 && points[start - 1].newLesion === 'equivocal') start -= 1;
  if (firstYes !== -1 && start < firstPd) return { index: start, backdatedFromIndex: firstYes };
  return { index: firstPd, backdatedFromIndex: null };
}
