import type { ScheduleOfAssessments } from '../../clinical/index.js';

/**
 * VISIT and VISITNUM of a visit label as a form records it, from the protocol's schedule of assessments:
 * the n-th visit of the schedule has VISITNUM n x 1000, and a repeating visit (`C{n}D1`, `TA{n}`) adds its
 * number (C3D1 of the second schedule entry is 2003), so VISITNUM orders the visits of one kind and never
 * collides. A label the schedule does not define keeps its text and has no VISITNUM (unplanned).
 */
export function computeVisit(schedule: ScheduleOfAssessments, label: string | null | undefined): { readonly VISIT: string | null; readonly VISITNUM: number | null } {
  if (label === null || label === undefined || label.trim() === '') return { VISIT: null, VISITNUM: null };
  const text = label.trim();
  for (const [index, visit] of schedule.visits.entries()) {
    if (!visit.id.includes('{n}')) {
      if (visit.id.toUpperCase() === text.toUpperCase()) return { VISIT: visit.id, VISITNUM: (index + 1) * 1000 };
      continue;
    }
    const [before, after] = visit.id.split('{n}');
    const pattern = new RegExp(`^${escape(before)}(\\d{1,3})${escape(after)}$`, 'i');
    const match = pattern.exec(text);
    if (match !== null) return { VISIT: text.toUpperCase(), VISITNUM: (index + 1) * 1000 + Number(match[1]) };
  }
  return { VISIT: text, VISITNUM: null };
}

/** The label of the n-th visit of the schedule's first repeating visit of a kind (e.g. cycle 3 -> 'C3D1'). */
export function repeatingVisitLabel(schedule: ScheduleOfAssessments, kind: 'treatment' | 'response-assessment' | 'follow-up', n: number): string | null {
  const visit = schedule.visits.find((v) => v.kind === kind && v.id.includes('{n}'));
  return visit === undefined ? null : visit.id.replace('{n}', String(n));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
