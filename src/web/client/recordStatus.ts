// The record status of a subject, visit by visit and form by form, from what the server already holds: the
// protocol's schedule (visits and the forms each collects), the subject's records and drafts, and the queries.
// Pure (no DOM): the status grids and the visit navigation draw from it, and it is tested in Node.
import { recordDateOf, type FormDefinition } from '../../clinical/crf/index.js';

/**
 * A cell's status, worst first. verified, signed and locked are read from the record when the server
 * reports them (recordFlags); until it does, a record is 'complete'.
 */
export type CellStatus = 'query' | 'incomplete' | 'not-started' | 'complete' | 'verified' | 'signed' | 'locked' | 'none-recorded' | 'not-applicable';

export const STATUS_WORDS: Readonly<Record<CellStatus, string>> = {
  query: 'open query',
  incomplete: 'incomplete',
  'not-started': 'not started',
  complete: 'complete',
  verified: 'verified',
  signed: 'signed',
  locked: 'locked',
  'none-recorded': 'none recorded',
  'not-applicable': 'not collected',
};

export interface ScheduleVisit {
  readonly id: string;
  readonly label: string;
  readonly kind?: string;
  readonly forms: readonly string[];
}

export interface StatusRecord {
  readonly recordId: number;
  readonly formType: string;
  readonly visit: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  /** Optional flags the server may add to a record (source data verified, signed, locked). */
  readonly verified?: unknown;
  readonly signed?: unknown;
  readonly locked?: unknown;
}

export interface StatusQuery {
  readonly recordId: number | null;
  readonly status: string;
}

/** The form a draft is kept for (a record of form type 'draft' holds status, formType and data). */
export const DRAFT_FORM_TYPE = 'draft';

export interface DraftOf {
  readonly recordId: number;
  readonly formType: string;
  readonly visit: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  readonly version: number;
}

export function draftOf(record: StatusRecord & { readonly version: number }): DraftOf | undefined {
  if (record.formType !== DRAFT_FORM_TYPE) return undefined;
  const data = record.data as { status?: unknown; formType?: unknown; data?: unknown };
  if (data.status !== 'draft' || typeof data.formType !== 'string') return undefined;
  const values = data.data !== null && typeof data.data === 'object' ? (data.data as Record<string, unknown>) : {};
  return { recordId: record.recordId, formType: data.formType, visit: record.visit, data: values, version: record.version };
}

/** Forms that record events as they happen: a visit without one is 'none recorded', not missing. */
const EVENT_ROLES: ReadonlySet<string> = new Set(['adverse-event', 'new-therapy', 'death']);
export const isEventForm = (form: FormDefinition): boolean => EVENT_ROLES.has(form.role);

/** One occurrence of a visit of the schedule: 'C3D1' of the template 'C{n}D1'. */
export interface VisitInstance {
  readonly id: string;
  readonly label: string;
  readonly forms: readonly string[];
  readonly template: string;
  readonly n: number | null;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function templatePattern(id: string): RegExp {
  return new RegExp(`^${escapeRegExp(id).replace('\\{n\\}', '(\\d+)')}$`, 'i');
}

function instanceOf(visit: ScheduleVisit, n: number | null): VisitInstance {
  if (n === null) return { id: visit.id, label: visit.label, forms: visit.forms, template: visit.id, n: null };
  return { id: visit.id.replace('{n}', String(n)), label: visit.label.replace(/\bn\b/, String(n)), forms: visit.forms, template: visit.id, n };
}

export interface SubjectStatusInput {
  readonly visits: readonly ScheduleVisit[];
  readonly forms: readonly FormDefinition[];
  readonly records: readonly (StatusRecord & { readonly version: number })[];
  readonly queries: readonly StatusQuery[];
  /** The subject is past screening (enrolled or later): the first treatment visit is due. */
  readonly enrolled: boolean;
  /** The subject is in follow-up or off study: the first follow-up visit is due. */
  readonly followUp: boolean;
}

export interface Placed {
  readonly visitId: string;
  readonly formType: string;
  readonly record: StatusRecord & { readonly version: number };
  readonly draft: DraftOf | undefined;
}

export interface SubjectStatus {
  readonly instances: readonly VisitInstance[];
  /** Records and drafts that no visit of the schedule collects (shown as 'unscheduled'). */
  readonly unscheduled: readonly Placed[];
  readonly placed: readonly Placed[];
  cell(visitId: string, formType: string): CellStatus;
  /** The records and drafts of one cell, oldest first. */
  entries(visitId: string, formType: string): readonly Placed[];
  /** One visit summed up: the worst status of its forms (event forms only when they hold a record). */
  visit(visitId: string): CellStatus;
}

/** The flags of a record as the server reports them (a later part of the workflow adds them); absent = not yet. */
function recordStatusOf(record: StatusRecord): CellStatus {
  if (record.locked === true) return 'locked';
  if (record.signed === true || (record.signed !== null && typeof record.signed === 'object')) return 'signed';
  if (record.verified === true || (record.verified !== null && typeof record.verified === 'object')) return 'verified';
  return 'complete';
}

const ORDER: readonly CellStatus[] = ['query', 'incomplete', 'not-started', 'complete', 'verified', 'signed', 'locked', 'none-recorded', 'not-applicable'];
export const worstStatus = (statuses: readonly CellStatus[]): CellStatus => statuses.reduce<CellStatus>((worst, s) => (ORDER.indexOf(s) < ORDER.indexOf(worst) ? s : worst), 'not-applicable');

/**
 * Places every record and draft of a subject in a visit of the schedule and derives each cell's status:
 * 1. a visit label that names a visit ('C3D1', 'SCREENING') places the record there;
 * 2. a dosing row goes to the treatment visit of its cycle;
 * 3. a dated record goes to the visit (collecting its form) that holds another record of the same date, else
 *    to the treatment cycle running on its date, else to screening when it is dated before the first dose;
 * 4. anything else is unscheduled.
 * Template visits are expanded to the highest occurrence seen, plus the next one due.
 */
export function deriveSubjectStatus(input: SubjectStatusInput): SubjectStatus {
  const forms = new Map(input.forms.map((f) => [f.id, f]));
  const templates = input.visits.map((visit) => ({ visit, pattern: visit.id.includes('{n}') ? templatePattern(visit.id) : null }));
  const entries = input.records.map((record) => {
    const draft = draftOf(record);
    return { record, draft, formType: draft?.formType ?? record.formType, data: draft?.data ?? record.data, visitLabel: draft?.visit ?? record.visit };
  });
  const labelled = (label: string | null): { visit: ScheduleVisit; n: number | null } | undefined => {
    if (label === null) return undefined;
    for (const { visit, pattern } of templates) {
      if (pattern === null && visit.id.toLowerCase() === label.toLowerCase()) return { visit, n: null };
      const match = pattern?.exec(label);
      if (match !== null && match !== undefined) return { visit, n: Number(match[1]) };
    }
    return undefined;
  };
  const treatment = templates.find((t) => t.visit.kind === 'treatment' && t.pattern !== null)?.visit;
  const screening = input.visits.find((v) => v.kind === 'screening');
  // each cycle's first dose: the treatment visit a dated record falls in
  const cycleStarts = new Map<number, string>();
  for (const e of entries) {
    const form = forms.get(e.formType);
    const cycle = e.data.cycle;
    const date = recordDateOf(form, e.data);
    if (form?.role !== 'dosing' || typeof cycle !== 'number' || date === undefined || e.draft !== undefined) continue;
    const known = cycleStarts.get(cycle);
    if (known === undefined || date < known) cycleStarts.set(cycle, date);
  }
  const firstDose = [...cycleStarts.values()].sort()[0];
  const placedAt = new Map<number, { visit: ScheduleVisit; n: number | null }>();
  // pass 1: labels and cycles
  for (const e of entries) {
    const form = forms.get(e.formType);
    const byLabel = labelled(e.visitLabel);
    if (byLabel !== undefined) placedAt.set(e.record.recordId, byLabel);
    else if (form?.role === 'dosing' && typeof e.data.cycle === 'number' && treatment !== undefined) placedAt.set(e.record.recordId, { visit: treatment, n: e.data.cycle });
  }
  // pass 2: dates
  for (const e of entries) {
    if (placedAt.has(e.record.recordId)) continue;
    const form = forms.get(e.formType);
    const date = recordDateOf(form, e.data);
    if (date === undefined) {
      if (form?.cardinality === 'one' && screening?.forms.includes(e.formType) === true) placedAt.set(e.record.recordId, { visit: screening, n: null });
      continue;
    }
    const sameDay = entries.find((other) => other !== e && placedAt.has(other.record.recordId) && recordDateOf(forms.get(other.formType), other.data) === date && placedAt.get(other.record.recordId)?.visit.forms.includes(e.formType) === true);
    if (sameDay !== undefined) {
      placedAt.set(e.record.recordId, placedAt.get(sameDay.record.recordId) as { visit: ScheduleVisit; n: number | null });
      continue;
    }
    const running = [...cycleStarts.entries()].filter(([, start]) => start <= date).sort((a, b) => a[1].localeCompare(b[1]) || a[0] - b[0]).at(-1);
    if (running !== undefined && treatment?.forms.includes(e.formType) === true) placedAt.set(e.record.recordId, { visit: treatment, n: running[0] });
    else if ((firstDose === undefined || date < firstDose) && screening?.forms.includes(e.formType) === true) placedAt.set(e.record.recordId, { visit: screening, n: null });
  }
  // the instances: every fixed visit; each template up to its highest occurrence, plus the next one due
  const highest = new Map<string, number>();
  for (const where of placedAt.values()) if (where.n !== null) highest.set(where.visit.id, Math.max(highest.get(where.visit.id) ?? 0, where.n));
  const instances: VisitInstance[] = [];
  for (const visit of input.visits) {
    if (!visit.id.includes('{n}')) {
      instances.push(instanceOf(visit, null));
      continue;
    }
    const seen = highest.get(visit.id) ?? 0;
    const due = visit.kind === 'follow-up' ? input.followUp : visit.kind === 'screening' ? false : input.enrolled && !input.followUp;
    const last = seen + (due ? 1 : 0);
    for (let n = 1; n <= last; n++) instances.push(instanceOf(visit, n));
  }
  const placed: Placed[] = [];
  const unscheduled: Placed[] = [];
  for (const e of entries) {
    const where = placedAt.get(e.record.recordId);
    const item = { visitId: where === undefined ? '' : instanceOf(where.visit, where.n).id, formType: e.formType, record: e.record, draft: e.draft };
    (where === undefined ? unscheduled : placed).push(item);
  }
  const open = new Set(input.queries.filter((q) => q.status !== 'closed' && q.recordId !== null).map((q) => q.recordId));
  const byInstance = new Map(instances.map((i) => [i.id, i]));
  const entriesOf = (visitId: string, formType: string): Placed[] => placed.filter((p) => p.visitId === visitId && p.formType === formType);
  const cell = (visitId: string, formType: string): CellStatus => {
    const instance = byInstance.get(visitId);
    const mine = entriesOf(visitId, formType);
    if (instance !== undefined && !instance.forms.includes(formType) && mine.length === 0) return 'not-applicable';
    if (mine.some((p) => open.has(p.record.recordId))) return 'query';
    if (mine.some((p) => p.draft !== undefined)) return 'incomplete';
    if (mine.length === 0) {
      const form = forms.get(formType);
      return form !== undefined && isEventForm(form) ? 'none-recorded' : 'not-started';
    }
    return worstStatus(mine.map((p) => recordStatusOf(p.record)));
  };
  return {
    instances,
    placed,
    unscheduled,
    cell,
    entries: entriesOf,
    visit(visitId) {
      const instance = byInstance.get(visitId);
      if (instance === undefined) return 'not-applicable';
      const statuses = instance.forms.filter((f) => forms.has(f)).map((f) => cell(visitId, f));
      const any = statuses.some((s) => s !== 'not-started' && s !== 'none-recorded' && s !== 'not-applicable');
      if (!any) return 'not-started';
      const worst = worstStatus(statuses.filter((s) => s !== 'none-recorded'));
      // some forms entered, others not yet: the visit is incomplete
      return worst === 'not-started' ? 'incomplete' : worst;
    },
  };
}
