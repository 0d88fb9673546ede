/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A site's subjects and one subject: the timeline of every saved form (tables built from the forms'
// metadata), the response on the protocol's scale, the dose the regimen proposes, and the entry and
// correction of any form of the protocol, each rendered from its metadata with its live panel.
import type { FieldDefinition, FormDefinition } from '../../clinical/crf/index.js';
import { api } from './api.js';
import { crfForm } from './crfForm.js';
import { announce, append, clear, h, table } from './dom.js';
import { labPanelForm } from './labPanelForm.js';
import { deriveSubjectStatus, STATUS_WORDS, type SubjectStatus, type VisitInstance } from './recordStatus.js';
import { subjectStatusPanel } from './subjectStatusPanel.js';
import { ensureWorkflowStyles, siteGrid, statusIcon, statusLegend, subjectGrid } from './statusGrid.js';
import { displayValue, fieldId } from './formRenderer.js';
import { gradesText, liveAdverseEvent, liveGrades, liveResponse, proposalView, responseSummary, type Evaluation } from './livePanels.js';
import { loadProtocol, type ClientProtocol } from './protocol.js';
import { dayText } from './reviewText.js';
import { renderScreening } from './screeningScreen.js';
import type { QueryRow, RecordRow, RecordView, Shell, SubjectRow } from './shell.js';
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
  return `cycle ${last.cycle + 1} day 1, ${dayText(addDays(last.startDate, protocol.view.regimen.cycleLengthDays))}`;
}

const canWriteRole = (shell: Shell): boolean => shell.session.role === 'investigator' || shell.session.role === 'coordinator';

async function queriesOf(subjectId?: string): Promise<QueryRow[]> {
  return (await api<{ queries: QueryRow[] }>('GET', `/queries${subjectId === undefined ? '' : `?subjectId=${enc(subjectId)}`}`)).queries;
}

/** A subject's record status from its records, drafts and queries (recordStatus.ts). */
function statusOf(protocol: ClientProtocol, subject: SubjectRow, records: readonly RecordRow[], queries: readonly QueryRow[]): SubjectStatus {
  return deriveSubjectStatus({
    visits: protocol.view.visits,
    forms: protocol.view.forms,
    records,
    queries: queries.filter((q) => q.subjectId === subject.subjectId),
    enrolled: subject.status !== 'screening' && subject.status !== 'screen_failure',
    followUp: subject.status === 'follow_up' || subject.status === 'off_study',
  });
}

/** Visit ids in the schedule's order, each template's occurrences in turn ('C1D1', 'C2D1', ...). */
function visitOrder(protocol: ClientProtocol, statuses: readonly SubjectStatus[]): string[] {
  const templates = protocol.view.visits.map((v) => v.id);
  const instances = new Map<string, VisitInstance>();
  for (const status of statuses) for (const i of status.instances) instances.set(i.id, i);
  return [...instances.values()].sort((a, b) => templates.indexOf(a.template) - templates.indexOf(b.template) || (a.n ?? 0) - (b.n ?? 0)).map((i) => i.id);
}

/** The site's subjects with their status and next visit due, and the record status grid of the site; a site role can register a new one. */
export async function renderSubjectList(shell: Shell): Promise<void> {
  ensureWorkflowStyles();
  const protocol = await loadProtocol();
  const { subjects } = await api<{ subjects: SubjectRow[] }>('GET', '/subjects');
  const queries = subjects.length === 0 ? [] : await queriesOf();
  const loaded = await Promise.all(subjects.map(async (s) => ({ subject: s, records: await recordsOf(s.subjectId) })));
  const rows = loaded.map(({ subject: s, records }) => {
    const due = s.status === 'enrolled' || s.status === 'on_treatment' ? nextVisitDue(protocol, records) : s.status === 'screening' ? 'screening in progress' : '—';
    return [h('a', { href: `/subjects/${enc(s.subjectId)}`, 'data-link': true }, s.subjectId), s.siteId, s.screeningNumber, s.status.replace('_', ' '), due];
  });
  const add = canWriteRole(shell) ? h('button', { type: 'button', id: 'new-subject' }, 'Register a new subject for screening') : null;
  add?.addEventListener('click', () => {
    api<SubjectRow>('POST', '/subjects', {})
      .then((subject) => shell.navigate(`/subjects/${enc(subject.subjectId)}/screening`))
      .catch((error: unknown) => shell.error(error));
  });
  const statuses = loaded.map(({ subject, records }) => ({ subjectId: subject.subjectId, statusWords: subject.status.replace('_', ' '), status: statusOf(protocol, subject, records, queries) }));
  const grid =
    subjects.length === 0
      ? null
      : h(
          'section',
          { class: 'card', 'aria-labelledby': 'site-grid-title' },
          h('h3', { id: 'site-grid-title' }, 'Record status by visit'),
          statusLegend(),
          siteGrid(statuses, visitOrder(protocol, statuses.map((r) => r.status)), (subjectId, visitId) => shell.navigate(`/subjects/${enc(subjectId)}?visit=${enc(visitId)}`)),
        );
  shell.show(
    shell.session.siteId === null ? 'Subjects' : `Subjects of site ${shell.session.siteId}`,
    h('p', { class: 'muted' }, `${protocol.view.identity.registryId}: ${protocol.view.identity.shortTitle}`),
    h('p', {}, add),
    subjects.length === 0 ? h('p', { class: 'muted' }, 'No subjects yet.') : table(['Subject', 'Site', 'Screening no.', 'Status', 'Next visit due'], rows, 'Subjects'),
    ...(grid === null ? [] : [grid]),
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

/** How a form is opened from a visit: where it starts, its draft, what comes after it. */
interface Opening {
  readonly domId?: string;
  readonly initial?: Readonly<Record<string, unknown>>;
  readonly visit?: string;
  readonly draft?: { readonly recordId: number; readonly version: number };
  readonly next?: () => void;
}

/** One form of the protocol with the live panel of its role. */
function formSection(protocol: ClientProtocol, form: FormDefinition, subject: SubjectRow, state: { evaluations: readonly Evaluation[] | null }, reload: () => void, existing?: Editing, opening: Opening = {}): HTMLElement {
  const domId = opening.domId ?? (existing === undefined ? form.id : 'edit');
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
    ...(opening.initial === undefined ? {} : { initial: opening.initial }),
    ...(opening.next === undefined ? {} : { next: opening.next }),
    ...(existing === undefined ? { drafts: { ...(opening.visit === undefined ? {} : { visit: opening.visit }), ...(opening.draft === undefined ? {} : { existing: opening.draft }), kept: reload } } : {}),
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

/** The values a form starts with at a visit: its visit field, and a dosing row's cycle. */
function initialAt(form: FormDefinition, instance: VisitInstance | undefined): Record<string, unknown> {
  if (instance === undefined) return {};
  const out: Record<string, unknown> = {};
  if (form.visitField !== undefined) out[form.visitField] = instance.id;
  if (form.role === 'dosing' && instance.n !== null && form.fields.some((f) => f.key === 'cycle')) out.cycle = instance.n;
  return out;
}

/** Tabs that show one panel at a time (the subject page fits a screen); arrow keys move between them. */
function tabs(items: readonly { readonly id: string; readonly label: string; readonly panel: HTMLElement }[], selected: string): { bar: HTMLElement; panels: HTMLElement[]; select(id: string): void } {
  const buttons = items.map((item) => h('button', { type: 'button', role: 'tab', id: `tab-${item.id}`, 'aria-controls': `tabpanel-${item.id}`, 'data-tab': item.id }, item.label));
  const panels = items.map((item) => h('div', { role: 'tabpanel', id: `tabpanel-${item.id}`, 'aria-labelledby': `tab-${item.id}` }, item.panel));
  const select = (id: string): void => {
    items.forEach((item, i) => {
      const on = item.id === id;
      buttons[i].setAttribute('aria-selected', on ? 'true' : 'false');
      buttons[i].tabIndex = on ? 0 : -1;
      panels[i].hidden = !on;
    });
  };
  buttons.forEach((button, i) => {
    button.addEventListener('click', () => select(items[i].id));
    button.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      const to = (i + step + items.length) % items.length;
      select(items[to].id);
      buttons[to].focus();
    });
  });
  select(selected);
  return { bar: h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Subject' }, ...buttons), panels, select };
}

/** One subject: visit by visit entry with the record status of each form, the status grid, the timeline, the records (each correctable with a reason), the audit trail for the data manager. */
export async function renderSubject(shell: Shell, subjectId: string, screening: boolean): Promise<void> {
  ensureWorkflowStyles();
  const protocol = await loadProtocol();
  const subject = await api<SubjectRow>('GET', `/subjects/${enc(subjectId)}`);
  if (screening) {
    renderScreening(shell, protocol, subject);
    return;
  }
  const [records, queries] = await Promise.all([recordsOf(subjectId), queriesOf(subjectId)]);
  const state: { evaluations: readonly Evaluation[] | null } = { evaluations: null };
  // saves can finish out of order: only the latest reload may draw, so an older proposal never overwrites a newer one
  let generation = 0;
  let corrections: ReturnType<typeof correctionSection> | null = null;
  let visits: ReturnType<typeof visitSection> | null = null;
  const timeline = h('div', { id: 'timeline' });
  const gridPanel = h('div', { id: 'status-grid-panel' });
  let status = statusOf(protocol, subject, records, queries);
  let page: ReturnType<typeof tabs> | null = null;
  const drawGrid = (): void => {
    clear(gridPanel);
    append(
      gridPanel,
      statusLegend(),
      subjectGrid(protocol.view.forms, status, (visitId, formType) => {
        page?.select('visits');
        visits?.open(visitId, formType);
      }),
      ...(status.unscheduled.length === 0 ? [] : [h('p', { class: 'muted' }, `Not placed in a visit: ${status.unscheduled.map((p) => `${protocol.form(p.formType)?.label ?? p.formType} (record ${p.record.recordId})`).join(', ')}.`)]),
    );
  };
  const reload = (): void => {
    const mine = ++generation;
    const current = (): boolean => mine === generation;
    const redraw = async (): Promise<void> => {
      const [latest, open] = await Promise.all([recordsOf(subjectId), queriesOf(subjectId)]);
      if (!current()) return;
      status = statusOf(protocol, subject, latest, open);
      visits?.update(status);
      const due = document.getElementById('next-visit-due');
      if (due !== null) due.textContent = `next: ${nextVisitDue(protocol, latest)}`;
      drawGrid();
      corrections?.update(latest);
      state.evaluations = await renderTimeline(timeline, protocol, subjectId, latest, current);
    };
    redraw().catch((error: unknown) => shell.error(error));
  };
  state.evaluations = await renderTimeline(timeline, protocol, subjectId, records);
  drawGrid();
  const canWrite = canWriteRole(shell);
  const entering = canWrite && subject.status !== 'screening' && subject.status !== 'screen_failure';
  visits = visitSection(protocol, subject, status, state, reload, entering);
  const params = new URLSearchParams(location.search);
  const items = [
    { id: 'visits', label: entering ? 'Visits and forms' : 'Visits', panel: visits.section },
    { id: 'grid', label: 'Status grid', panel: gridPanel },
    { id: 'timeline', label: 'Timeline', panel: timeline },
    ...(canWrite
      ? [
          {
            id: 'records',
            label: 'Records',
            panel: (corrections = correctionSection(protocol, records, (record) => {
              const form = protocol.form(record.formType);
              if (form === undefined) return null;
              if (form.role === 'screening') return null;
              return formSection(protocol, form, subject, state, reload, { recordId: record.recordId, version: record.version, data: record.data });
            })).section,
          },
        ]
      : []),
  ];
  page = tabs(items, 'visits');
  shell.show(
    `Subject ${subject.subjectId}`,
    h(
      'p',
      { class: 'subject-head' },
      h('span', {}, `Site ${subject.siteId}, screening number ${subject.screeningNumber}`),
      subject.status === 'screening' && canWrite ? h('span', {}, h('a', { href: `/subjects/${enc(subjectId)}/screening`, 'data-link': true }, 'continue screening')) : null,
      h('span', { class: 'muted', id: 'next-visit-due' }, `next: ${nextVisitDue(protocol, records)}`),
    ),
    // the subject's state and the moves the site may record from it (re-screening goes to the screening form)
    subjectStatusPanel(shell, subject, canWrite, (moved) => shell.navigate(`/subjects/${enc(moved.subjectId)}${moved.status === 'screening' ? '/screening' : ''}`)),
    page.bar,
    ...page.panels,
    // Locks, verification and signatures, under every tab (the lock banner it places goes above them).
    subjectReviewSection(shell, subject.subjectId),
  );
  visits.open(params.get('visit') ?? undefined, params.get('form') ?? undefined, false);
}

/** The forms a site enters at a visit (the screening record has its own screen). */
function visitForms(protocol: ClientProtocol, instance: VisitInstance): FormDefinition[] {
  const entry = new Set(entryForms(protocol).map((f) => f.id));
  return instance.forms.filter((id) => entry.has(id)).flatMap((id) => protocol.form(id) ?? []);
}

/**
 * Visit by visit: the visits of the schedule down the side (each with its status), the forms of the chosen
 * visit as tabs (each with its status), the chosen form below: a new entry (prefilled with the visit), its
 * draft to finish, its saved records to correct; a lab draw as one grid. 'Save and next form' moves to the
 * visit's next form, then to the next visit. Any form of the protocol can still be entered outside a visit.
 */
function visitSection(protocol: ClientProtocol, subject: SubjectRow, initial: SubjectStatus, state: { evaluations: readonly Evaluation[] | null }, reload: () => void, entering: boolean): { section: HTMLElement; open(visitId?: string, formType?: string, focus?: boolean): void; update(status: SubjectStatus): void } {
  let status = initial;
  let visitId: string | undefined;
  let formType: string | undefined;
  const list = h('ul', { class: 'visit-list', id: 'visit-list', 'aria-label': 'Visits' });
  const heading = h('h3', { id: 'visit-title', tabindex: '-1' });
  const formTabs = h('div', { class: 'form-tabs', id: 'form-tabs', role: 'tablist', 'aria-label': 'Forms of the visit' });
  const area = h('div', { id: 'form-area' });
  const forms = entryForms(protocol);
  const picker = h('select', { id: 'form-picker' }, h('option', { value: '' }, '— choose a form —'), ...forms.map((f) => h('option', { value: f.id }, f.label)));
  const instanceOf = (id: string | undefined): VisitInstance | undefined => status.instances.find((i) => i.id === id);
  const drawList = (): void => {
    clear(list);
    for (const instance of status.instances) {
      const button = h('button', { type: 'button', 'data-visit': instance.id, 'aria-current': instance.id === visitId ? 'true' : undefined }, statusIcon(status.visit(instance.id)), h('span', {}, instance.label));
      button.addEventListener('click', () => open(instance.id));
      list.append(h('li', {}, button));
    }
  };
  const drawTabs = (): void => {
    clear(formTabs);
    const instance = instanceOf(visitId);
    if (instance === undefined) return;
    for (const form of visitForms(protocol, instance)) {
      const cell = status.cell(instance.id, form.id);
      const button = h('button', { type: 'button', role: 'tab', 'data-form-tab': form.id, 'aria-selected': form.id === formType ? 'true' : 'false', 'aria-label': `${form.label}: ${STATUS_WORDS[cell]}` }, statusIcon(cell), form.label);
      button.addEventListener('click', () => open(instance.id, form.id));
      formTabs.append(button);
    }
    if (instance.forms.some((id) => protocol.form(id)?.role === 'screening')) {
      formTabs.append(h('a', { href: `/subjects/${enc(subject.subjectId)}/screening`, 'data-link': true, class: 'muted' }, 'screening record'));
    }
  };
  /** The visit's next form after the current one, else the next visit's first. */
  const nextOf = (instance: VisitInstance, current: string): (() => void) => {
    return () => {
      const mine = visitForms(protocol, instance);
      const at = mine.findIndex((f) => f.id === current);
      if (at >= 0 && at + 1 < mine.length) {
        open(instance.id, mine[at + 1].id);
        return;
      }
      const visits = status.instances;
      const following = visits[visits.findIndex((v) => v.id === instance.id) + 1] as VisitInstance | undefined;
      if (following === undefined) announce('That was the last form of the last visit');
      else open(following.id, visitForms(protocol, following)[0]?.id);
    };
  };
  const drawForm = (focus: boolean): void => {
    clear(area);
    const instance = instanceOf(visitId);
    const form = formType === undefined ? undefined : protocol.form(formType);
    if (instance === undefined || form === undefined) {
      area.append(h('p', { class: 'muted' }, instance === undefined ? 'Choose a visit.' : 'Choose a form of the visit above.'));
      return;
    }
    const entries = status.entries(instance.id, form.id);
    const saved = entries.filter((e) => e.draft === undefined);
    const draft = entries.find((e) => e.draft !== undefined)?.draft;
    const canCorrect = entering;
    const editArea = h('div', { id: 'visit-edit-area' });
    if (saved.length > 0) {
      const rows = saved.map((e) => {
        const button = h('button', { type: 'button', class: 'secondary small', 'data-open-record': String(e.record.recordId) }, canCorrect ? 'Open to correct' : 'Open');
        button.addEventListener('click', () => {
          clear(editArea);
          const full = e.record as RecordRow;
          // a role that reads only sees the record's values; a site role gets its correction (with a reason)
          editArea.append(canCorrect ? formSection(protocol, form, subject, state, reload, { recordId: full.recordId, version: full.version, data: full.data }, { domId: 'visit-edit' }) : recordTable(protocol, form, [full]));
          editArea.querySelector<HTMLElement>('input, select')?.focus();
        });
        const date = form.dateField === undefined ? undefined : e.record.data[form.dateField];
        return [String(e.record.recordId), date === undefined ? '—' : displayValue(protocol, form.fields.find((f) => f.key === form.dateField), date), STATUS_WORDS[status.cell(instance.id, form.id)], button];
      });
      area.append(h('div', { id: 'visit-records' }, h('h4', {}, `Saved at this visit`), table(['Record', 'Date', 'Status', ''], rows, `${form.label} at ${instance.label}`)));
    }
    area.append(editArea);
    if (!entering) return;
    if (form.cardinality === 'one' && saved.length > 0) {
      area.append(h('p', { class: 'muted' }, `${form.label} is kept once per subject: correct it above.`));
      return;
    }
    const next = nextOf(instance, form.id);
    if (form.role === 'lab' && draft === undefined) {
      area.append(labPanelForm({ form, protocol, subjectId: subject.subjectId, initial: initialAt(form, instance), saved: () => reload(), next }));
    } else {
      area.append(
        formSection(protocol, form, subject, state, reload, undefined, {
          domId: form.id,
          initial: draft === undefined ? initialAt(form, instance) : draft.data,
          visit: instance.id,
          ...(draft === undefined ? {} : { draft: { recordId: draft.recordId, version: draft.version } }),
          next,
        }),
      );
      if (draft !== undefined) area.prepend(h('p', { class: 'banner', id: 'draft-banner' }, `An incomplete ${form.label} (draft ${draft.recordId}) was kept for this visit: finish it below.`));
    }
    if (focus) area.querySelector<HTMLElement>('input:not([type=hidden]), select')?.focus();
  };
  const open = (id?: string, form?: string, focus = true): void => {
    const instance = instanceOf(id) ?? status.instances.find((i) => ['incomplete', 'query', 'not-started'].includes(status.visit(i.id)) && visitForms(protocol, i).length > 0) ?? status.instances[0];
    visitId = instance.id;
    const mine = visitForms(protocol, instance);
    formType = mine.find((f) => f.id === form)?.id ?? mine.find((f) => ['incomplete', 'query', 'not-started'].includes(status.cell(instance.id, f.id)))?.id ?? mine[0]?.id;
    picker.value = '';
    heading.textContent = `${instance.label}${instance.label === instance.id ? '' : ` (${instance.id})`}`;
    drawList();
    drawTabs();
    drawForm(focus);
  };
  picker.addEventListener('change', () => {
    const form = protocol.form(picker.value);
    if (form === undefined) return;
    clear(area);
    formType = undefined;
    drawTabs();
    heading.textContent = `${form.label}, outside a visit`;
    area.append(formSection(protocol, form, subject, state, reload));
  });
  const section = h(
    'section',
    { class: 'visit-layout', 'aria-label': 'Visits and forms' },
    h('div', { role: 'navigation', 'aria-label': 'Visits' }, list),
    h(
      'div',
      {},
      heading,
      formTabs,
      area,
      entering ? h('p', { class: 'field inline', id: 'any-form' }, h('label', { for: 'form-picker' }, 'Another form, outside a visit: '), picker) : null,
    ),
  );
  return {
    section,
    open,
    update(next) {
      status = next;
      drawList();
      drawTabs();
    },
  };
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
