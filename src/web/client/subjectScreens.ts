/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A site's subjects and one subject: the timeline of every saved form (tables built from the forms'
// metadata), the response on the protocol's scale, the dose the regimen proposes, and the entry and
// correction of any form of the protocol, each rendered from its metadata with its live panel.
import type { FieldDefinition, FormDefinition } from '../../clinical/crf/index.js';
import { api } from './api.js';
import { crfForm } from './crfForm.js';
import { append, clear, h, table } from './dom.js';
import { displayValue, fieldId } from './formRenderer.js';
import { gradesText, liveAdverseEvent, liveGrades, liveResponse, proposalView, responseSummary, type Evaluation } from './livePanels.js';
import { loadProtocol, type ClientProtocol } from './protocol.js';
import { renderScreening } from './screeningScreen.js';
import type { RecordRow, RecordView, Shell, SubjectRow } from './shell.js';
import { subjectReviewSection } from './subjectReview.js';

const enc = encodeURIComponent;

/** A form value as a sort key (dates are text). */
const sortKey = (value: unknown): string => (typeof value === 'string' ? value : '');

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function recordsOf(subjectId: string): Promise<RecordRow[]> {
  return (await api<{ records: RecordRow[] }>('GET', `/subjects/${enc(subjectId)}/records`)).records;
}

/** The next cycle's day 1: a cycle length after the latest dosing row's first dose. */
function nextVisitDue(protocol: ClientProtocol, records: readonly RecordRow[]): string {
  const dosingForm = protocol.formOfRole('dosing');
  const rows = records.filter((r) => r.formType === dosingForm?.id).map((r) => r.data as { cycle?: number; startDate?: string });
  const last = rows.filter((d) => typeof d.cycle === 'number' && typeof d.startDate === 'string').sort((a, b) => (a.cycle ?? 0) - (b.cycle ?? 0) || (a.startDate ?? '').localeCompare(b.startDate ?? '')).at(-1);
  if (last?.cycle === undefined || last.startDate === undefined) return 'cycle 1 day 1';
  return `cycle ${last.cycle + 1} day 1, ${addDays(last.startDate, protocol.view.regimen.cycleLengthDays)}`;
}

const canWriteRole = (shell: Shell): boolean => shell.session.role === 'investigator' || shell.session.role === 'coordinator';

/** The site's subjects with their status and next visit due; a site role can register a new one. */
export async function renderSubjectList(shell: Shell): Promise<void> {
  const protocol = await loadProtocol();
  const { subjects } = await api<{ subjects: SubjectRow[] }>('GET', '/subjects');
  const rows = await Promise.all(
    subjects.map(async (s) => {
      const due = s.status === 'enrolled' || s.status === 'on_treatment' ? nextVisitDue(protocol, await recordsOf(s.subjectId)) : s.status === 'screening' ? 'screening in progress' : '—';
      return [h('a', { href: `/subjects/${enc(s.subjectId)}`, 'data-link': true }, s.subjectId), s.siteId, s.screeningNumber, s.status.replace('_', ' '), due];
    }),
  );
  const add = canWriteRole(shell) ? h('button', { type: 'button', id: 'new-subject' }, 'Register a new subject for screening') : null;
  add?.addEventListener('click', () => {
    api<SubjectRow>('POST', '/subjects', {})
      .then((subject) => shell.navigate(`/subjects/${enc(subject.subjectId)}/screening`))
      .catch((error: unknown) => shell.error(error));
  });
  shell.show(
    shell.session.siteId === null ? 'Subjects' : `Subjects of site ${shell.session.siteId}`,
    h('p', { class: 'muted' }, `${protocol.view.identity.registryId}: ${protocol.view.identity.shortTitle}`),
    h('p', {}, add),
    subjects.length === 0 ? h('p', { class: 'muted' }, 'No subjects yet.') : table(['Subject', 'Site', 'Screening no.', 'Status', 'Next visit due'], rows, 'Subjects'),
  );
}

/** The columns of a form's table in the timeline: its fields up to a width a screen can hold (a repeating group as one column, its rows summarised). */
function columnsOf(form: FormDefinition): readonly FieldDefinition[] {
  return form.fields.filter((f) => f.origin !== 'assigned').slice(0, 8);
}

interface Extra {
  readonly header: string;
  readonly cell: (record: RecordRow) => string | HTMLElement;
}

function recordTable(protocol: ClientProtocol, form: FormDefinition, records: readonly RecordRow[], extra: readonly Extra[] = []): HTMLElement {
  const columns = columnsOf(form);
  const dateField = form.dateField;
  const sorted = dateField === undefined ? records : [...records].sort((a, b) => sortKey(a.data[dateField]).localeCompare(sortKey(b.data[dateField])) || a.recordId - b.recordId);
  return h(
    'section',
    { class: 'timeline-form', 'data-timeline': form.id },
    h('h3', {}, form.label),
    table(
      [...columns.map((f) => f.label + ((f.type === 'number' || f.type === 'integer') && f.unit !== undefined ? ` (${f.unit})` : '')), ...extra.map((e) => e.header)],
      sorted.map((record) => [...columns.map((f) => displayValue(protocol, f.type === 'number' || f.type === 'integer' ? { ...f, unit: undefined } : f, record.data[f.key])), ...extra.map((e) => e.cell(record))]),
      form.label,
    ),
  );
}

/** The response of an assessment row: the category its evaluator derived for its date. */
function responseCell(evaluations: readonly Evaluation[], form: FormDefinition, record: RecordRow): string {
  const date = form.dateField === undefined ? undefined : record.data[form.dateField];
  const source = record.data.source;
  const mine = evaluations.filter((e) => typeof source !== 'string' || e.source === source);
  const found = mine.flatMap((e) => e.assessments.filter((a) => a.date === date).map((a) => `${a.response}${a.confirmed ? '' : ' (unconfirmed)'}`));
  if (found.length > 0) return found.join(' / ');
  const baseline = mine.some((e) => typeof date === 'string' && date <= e.referenceDate);
  return baseline ? 'baseline' : '—';
}

/**
 * The subject's timeline: every form with saved records as a table (fields from the metadata, codes by
 * their labels), the CTCAE grades of labs, the response of each assessment and per evaluator (derived on the
 * server: GET /subjects/:id/response), and the regimen's proposal for the next cycle (derived from every
 * dosing row, adverse event and lab so far: asked for again on every redraw).
 */
async function renderTimeline(target: HTMLElement, protocol: ClientProtocol, subjectId: string, records: readonly RecordRow[], current: () => boolean = () => true): Promise<readonly Evaluation[]> {
  const dosingForm = protocol.formOfRole('dosing');
  const dosing = records.filter((r) => r.formType === dosingForm?.id).sort((a, b) => sortKey(a.data.startDate).localeCompare(sortKey(b.data.startDate)) || a.recordId - b.recordId);
  const lastDosing = dosing.at(-1);
  const [latest, response] = await Promise.all([
    lastDosing === undefined ? null : api<RecordView>('GET', `/records/${lastDosing.recordId}`),
    api<{ evaluations: Evaluation[] }>('GET', `/subjects/${enc(subjectId)}/response`),
  ]);
  if (!current()) return response.evaluations;
  const slot = document.getElementById('dosing-proposal');
  if (slot !== null && latest !== null) {
    clear(slot);
    slot.append(proposalView(protocol, latest, false));
  }
  const sections: HTMLElement[] = [];
  for (const form of protocol.view.forms) {
    if (form.role === 'screening') continue;
    const mine = records.filter((r) => r.formType === form.id);
    if (mine.length === 0) continue;
    const extra: Extra[] = [];
    if (form.role === 'lab') extra.push({ header: 'CTCAE', cell: (r) => gradesText(r.data) });
    if (protocol.isAssessmentForm(form.id) && form.dateField !== undefined) extra.push({ header: `Response (${protocol.view.response.scale.name})`, cell: (r) => responseCell(response.evaluations, form, r) });
    sections.push(recordTable(protocol, form, mine, extra));
    if (form.role === 'dosing' && latest !== null) sections.push(h('div', { id: 'dose-proposal' }, proposalView(protocol, latest)));
  }
  clear(target);
  append(
    target,
    h('h3', {}, `Response (${protocol.view.response.scale.name})`),
    responseSummary(protocol, response.evaluations),
    ...(sections.length === 0 ? [h('p', { class: 'muted' }, 'No forms saved yet.')] : sections),
  );
  return response.evaluations;
}

/** Lab units follow the analyte: the units the converter accepts for it are offered, its SI unit first. */
function wireLabUnits(protocol: ClientProtocol, section: HTMLElement, domId: string): void {
  const analyte = section.querySelector<HTMLSelectElement>(`#${fieldId(domId, ['analyte'])}`);
  const unit = section.querySelector<HTMLInputElement>(`#${fieldId(domId, ['unit'])}`);
  if (analyte === null || unit === null) return;
  const list = h('datalist', { id: `${domId}-units` });
  unit.setAttribute('list', list.id);
  unit.after(list);
  const fill = (): void => {
    const known = protocol.view.labAnalytes.find((a) => a.code === analyte.value);
    clear(list);
    if (known === undefined) return;
    for (const u of [known.standardUnit, ...known.acceptedUnits.filter((x) => x !== known.standardUnit)]) list.append(h('option', { value: u }));
    if (!known.acceptedUnits.includes(unit.value)) unit.value = known.standardUnit;
    unit.dispatchEvent(new Event('input', { bubbles: true }));
  };
  analyte.addEventListener('change', fill);
}

/** The forms a site enters for an enrolled subject: every form of the protocol but the screening record and those hidden from sites. */
function entryForms(protocol: ClientProtocol): readonly FormDefinition[] {
  return protocol.view.forms.filter((f) => f.role !== 'screening' && f.role !== 'adjudication' && f.siteHidden !== true);
}

interface Editing {
  readonly recordId: number;
  readonly version: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/** One form of the protocol with the live panel of its role. */
function formSection(protocol: ClientProtocol, form: FormDefinition, subject: SubjectRow, state: { evaluations: readonly Evaluation[] | null }, reload: () => void, existing?: Editing): HTMLElement {
  const domId = existing === undefined ? form.id : 'edit';
  const live =
    form.role === 'lab'
      ? liveGrades
      : form.role === 'adverse-event'
        ? liveAdverseEvent
        : form.role === 'dosing'
          ? (_data: Record<string, unknown>, panel: HTMLElement) => append(panel, h('h4', {}, 'Dose proposal'), h('p', { class: 'muted' }, "The regimen's dose of each drug for the next cycle is proposed when the row is saved."))
          : protocol.isAssessmentForm(form.id)
            ? liveResponse(protocol, () => state.evaluations)
            : undefined;
  const section = crfForm({
    domId,
    form,
    protocol,
    subjectId: subject.subjectId,
    ...(existing === undefined ? {} : { existing }),
    ...(live === undefined ? {} : { live }),
    saved: (view) => {
      if (form.role === 'lab') {
        const grades = ((view.derived?.ctcae ?? []) as { term: string; grade: number | null }[]).map((g) => `${g.term}: grade ${String(g.grade)}`);
        document.getElementById(`${domId}-result`)?.append(h('p', { id: 'lab-saved-grade' }, `Server: ${grades.join('; ') || 'no grade'}`));
      }
      if (form.role === 'dosing') {
        // a slot the timeline refreshes after every later save (AE, lab, dosing), so it never shows a stale proposal
        document.getElementById(`${domId}-result`)?.append(h('div', { id: 'dosing-proposal', 'aria-live': 'polite' }, proposalView(protocol, view, false)));
      }
      const response = view.derived?.response as { evaluations: (Evaluation & { assessment: { response: string } | null })[] } | undefined;
      if (response !== undefined) {
        state.evaluations = response.evaluations;
        document
          .getElementById(`${domId}-result`)
          ?.append(h('p', { id: 'response-saved' }, `Server: ${response.evaluations.map((e) => `${e.label} ${e.assessment === null ? 'baseline' : e.assessment.response}, best confirmed ${e.best}`).join('; ') || 'no response derivable'}.`));
      }
      reload();
    },
  });
  if (form.role === 'lab') wireLabUnits(protocol, section, domId);
  return section;
}

/** One subject: the timeline, the entry of any form of the protocol, the records (each correctable with a reason), the audit trail for the data manager. */
export async function renderSubject(shell: Shell, subjectId: string, screening: boolean): Promise<void> {
  const protocol = await loadProtocol();
  const subject = await api<SubjectRow>('GET', `/subjects/${enc(subjectId)}`);
  if (screening) {
    renderScreening(shell, protocol, subject);
    return;
  }
  const records = await recordsOf(subjectId);
  const state: { evaluations: readonly Evaluation[] | null } = { evaluations: null };
  // saves can finish out of order: only the latest reload may draw, so an older proposal never overwrites a newer one
  let generation = 0;
  let corrections: ReturnType<typeof correctionSection> | null = null;
  const timeline = h('div', { id: 'timeline' });
  const reload = (): void => {
    const mine = ++generation;
    const current = (): boolean => mine === generation;
    const redraw = async (): Promise<void> => {
      const latest = await recordsOf(subjectId);
      if (!current()) return;
      corrections?.update(latest);
      state.evaluations = await renderTimeline(timeline, protocol, subjectId, latest, current);
    };
    redraw().catch((error: unknown) => shell.error(error));
  };
  state.evaluations = await renderTimeline(timeline, protocol, subjectId, records);
  const canWrite = canWriteRole(shell);
  const entry = canWrite && subject.status !== 'screening' && subject.status !== 'screen_failure' ? entrySection(protocol, subject, state, reload) : null;
  shell.show(
    `Subject ${subject.subjectId}`,
    h(
      'p',
      {},
      `Site ${subject.siteId}, screening number ${subject.screeningNumber}, status `,
      h('strong', { id: 'subject-status' }, subject.status.replace('_', ' ')),
      subject.status === 'screening' && canWrite ? h('span', {}, ' — ', h('a', { href: `/subjects/${enc(subjectId)}/screening`, 'data-link': true }, 'continue screening')) : null,
    ),
    timeline,
    ...(entry === null ? [] : [entry]),
    subjectReviewSection(shell, subject.subjectId),
    ...(canWrite
      ? [
          (corrections = correctionSection(protocol, records, (record) => {
            const form = protocol.form(record.formType);
            if (form === undefined) return null;
            if (form.role === 'screening') return null;
            return formSection(protocol, form, subject, state, reload, { recordId: record.recordId, version: record.version, data: record.data });
          })).section,
        ]
      : []),
  );
}

/** The entry of a form: the site picks one of the protocol's forms, which is rendered from its metadata below. */
function entrySection(protocol: ClientProtocol, subject: SubjectRow, state: { evaluations: readonly Evaluation[] | null }, reload: () => void): HTMLElement {
  const forms = entryForms(protocol);
  const picker = h('select', { id: 'form-picker' }, ...forms.map((f) => h('option', { value: f.id }, f.label)));
  const area = h('div', { id: 'form-area' });
  const show = (): void => {
    const form = protocol.form(picker.value);
    clear(area);
    if (form !== undefined) area.append(formSection(protocol, form, subject, state, reload));
  };
  picker.addEventListener('change', show);
  show();
  return h('section', { class: 'entry', 'aria-labelledby': 'entry-title' }, h('h3', { id: 'entry-title' }, 'Enter a form'), h('p', { class: 'field inline' }, h('label', { for: 'form-picker' }, 'Form '), picker), area);
}

/** A site's list of its records, each correctable (with a reason) in place; `update` redraws the list after a save (an open correction stays). */
function correctionSection(protocol: ClientProtocol, records: readonly RecordRow[], editor: (record: RecordRow) => HTMLElement | null): { section: HTMLElement; update(records: readonly RecordRow[]): void } {
  const area = h('div', { id: 'edit-area' });
  const list = h('div', { id: 'record-list' });
  const update = (current: readonly RecordRow[]): void => {
    const rows = current.map((record) => {
      const button = h('button', { type: 'button', class: 'secondary', 'data-correct': String(record.recordId) }, 'Correct');
      button.addEventListener('click', () => {
        const form = editor(record);
        clear(area);
        append(area, form ?? h('p', { class: 'muted' }, `The ${protocol.form(record.formType)?.label ?? record.formType} record is corrected on its own screen.`));
        area.querySelector<HTMLElement>('input, select')?.focus();
      });
      return [String(record.recordId), protocol.form(record.formType)?.label ?? record.formType, record.visit ?? '—', String(record.version), button];
    });
    clear(list);
    append(list, table(['Record', 'Form', 'Visit', 'Version', ''], rows, 'Records'));
  };
  update(records);
  return { section: h('section', { class: 'card' }, h('h3', {}, 'Records'), list, area), update };
}
