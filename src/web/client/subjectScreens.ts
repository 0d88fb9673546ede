/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import {
  AE_ACTIONS,
  AE_OUTCOMES,
  DATA_SOURCES,
  DOSE_MODIFICATION_REASONS,
  IMMUNOFIXATION_RESULTS,
  RELATIONSHIPS,
  RESPONSE_CATEGORIES,
  STUDY_DRUGS,
  adverseEventFormSchema,
  diseaseAssessmentFormSchema,
  dosingFormSchema,
  labFormSchema,
  responseCallFormSchema,
  type DiseaseAssessmentForm,
  type DosingForm,
  type LabForm,
  type AdverseEventForm,
  type ResponseCallForm,
} from '../../clinical/crf/index.js';
import { CTCAE_V5_LAB_CRITERIA, computeCtcaeGrade } from '../../clinical/ctcae/index.js';
import { computeImwgResponse, type ImwgResult } from '../../clinical/imwg/index.js';
import { LAB_ANALYTES, STANDARD_UNITS, acceptedUnits, isLabAnalyte } from '../../clinical/units/index.js';
import { api } from './api.js';
import { auditSection } from './auditTrail.js';
import { crfForm } from './crfForm.js';
import { append, clear, h, table } from './dom.js';
import { fieldId } from './forms.js';
import { renderScreening } from './screeningForm.js';
import type { RecordRow, RecordView, Shell, SubjectRow } from './shell.js';

const CYCLE_DAYS = 28;
const enc = encodeURIComponent;

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function recordsOf(subjectId: string): Promise<RecordRow[]> {
  return (await api<{ records: RecordRow[] }>('GET', `/subjects/${enc(subjectId)}/records`)).records;
}

function nextVisitDue(records: readonly RecordRow[]): string {
  const dosing = records.filter((r) => r.formType === 'dosing').map((r) => r.data as DosingForm);
  if (dosing.length === 0) return 'cycle 1 day 1';
  const last = dosing.reduce((a, b) => (b.cycle > a.cycle || (b.cycle === a.cycle && b.startDate > a.startDate) ? b : a));
  return `cycle ${last.cycle + 1} day 1, ${addDays(last.startDate, CYCLE_DAYS)}`;
}

/** The site's subjects with their status and next visit due; a site role can register a new one. */
export async function renderSubjectList(shell: Shell): Promise<void> {
  const { subjects } = await api<{ subjects: SubjectRow[] }>('GET', '/subjects');
  const rows = await Promise.all(
    subjects.map(async (s) => {
      const due = s.status === 'enrolled' ? nextVisitDue(await recordsOf(s.subjectId)) : s.status === 'screening' ? 'screening in progress' : '—';
      return [h('a', { href: `/subjects/${enc(s.subjectId)}`, 'data-link': true }, s.subjectId), s.siteId, s.screeningNumber, s.status.replace('_', ' '), due];
    }),
  );
  const canWrite = shell.session.role === 'investigator' || shell.session.role === 'coordinator';
  const add = canWrite ? h('button', { type: 'button', id: 'new-subject' }, 'Register a new subject for screening') : null;
  add?.addEventListener('click', () => {
    api<SubjectRow>('POST', '/subjects', {})
      .then((subject) => shell.navigate(`/subjects/${enc(subject.subjectId)}/screening`))
      .catch((error: unknown) => shell.error(error));
  });
  shell.show(
    shell.session.siteId === null ? 'Subjects' : `Subjects of site ${shell.session.siteId}`,
    h('p', {}, add),
    subjects.length === 0 ? h('p', { class: 'muted' }, 'No subjects yet.') : table(['Subject', 'Site', 'Screening no.', 'Status', 'Next visit due'], rows, 'Subjects'),
  );
}

function editing(edit: RecordRow | undefined): { existing?: { recordId: number; version: number; data: Readonly<Record<string, unknown>> } } {
  return edit === undefined ? {} : { existing: { recordId: edit.recordId, version: edit.version, data: edit.data } };
}

function gradeBadge(grade: number | null): HTMLElement {
  return h('span', { class: `badge grade-${grade ?? 'none'}` }, grade === null ? 'not gradable' : `grade ${grade}`);
}

function liveGrades(data: Record<string, unknown>, panel: HTMLElement): void {
  const analyte = data.analyte;
  const value = data.value;
  const unit = data.unit;
  append(panel, h('h4', {}, 'CTCAE v5.0 grade (live)'));
  if (!isLabAnalyte(analyte) || typeof value !== 'number' || typeof unit !== 'string') {
    append(panel, h('p', { class: 'muted' }, 'Choose the analyte, type the value and its unit.'));
    return;
  }
  const criteria = CTCAE_V5_LAB_CRITERIA.filter((c) => c.analyte === analyte);
  if (criteria.length === 0) append(panel, h('p', { class: 'muted' }, `No CTCAE lab criterion for ${analyte}.`));
  for (const criterion of criteria) {
    const outcome = computeCtcaeGrade({
      term: criterion.term,
      value,
      unit,
      lln: typeof data.lln === 'number' ? data.lln : null,
      uln: typeof data.uln === 'number' ? data.uln : null,
    });
    if (outcome.ok) {
      append(
        panel,
        h(
          'p',
          { 'data-term': outcome.value.term, 'data-grade': String(outcome.value.grade) },
          `${outcome.value.term}: `,
          gradeBadge(outcome.value.grade),
          h('br'),
          h('span', { class: 'values' }, `${outcome.value.value} ${outcome.value.unit}${outcome.value.reason === undefined ? '' : ` — ${outcome.value.reason}`}`),
        ),
      );
    } else append(panel, h('p', { class: 'error' }, outcome.issues.map((i) => `${i.path.join('.')}: expected ${i.expected}`).join('; ')));
  }
}

function labFormSection(shell: Shell, subject: SubjectRow, reload: () => void, edit?: RecordRow): HTMLElement {
  const section = crfForm({
    formId: edit === undefined ? 'lab' : 'edit',
    ...editing(edit),
    formType: 'lab',
    subjectId: subject.subjectId,
    title: 'Lab result',
    fields: [
      { path: 'date', label: 'Sample date', kind: 'date' },
      { path: 'visit', label: 'Visit', kind: 'text', hint: "e.g. 'C1D15'" },
      { path: 'analyte', label: 'Analyte', kind: 'select', options: LAB_ANALYTES },
      { path: 'value', label: 'Value', kind: 'number' },
      { path: 'unit', label: 'Unit', kind: 'select', options: [] },
      { path: 'lln', label: 'LLN', kind: 'number', hint: 'in the same unit' },
      { path: 'uln', label: 'ULN', kind: 'number', hint: 'in the same unit' },
      { path: 'source', label: 'Laboratory', kind: 'select', options: DATA_SOURCES, value: 'local' },
    ],
    schema: labFormSchema,
    live: liveGrades,
    saved: (view) => {
      const grades = ((view.derived?.ctcae ?? []) as { term: string; grade: number | null }[]).map((g) => `${g.term}: grade ${String(g.grade)}`);
      document.getElementById('lab-result')?.append(h('p', { id: 'lab-saved-grade' }, `Server: ${grades.join('; ') || 'no grade'}`));
      reload();
    },
  });
  // units follow the analyte: only units the converter knows, the SI unit first and chosen
  const analyte = section.querySelector<HTMLSelectElement>(`#${fieldId('lab', 'analyte')}`);
  const unit = section.querySelector<HTMLSelectElement>(`#${fieldId('lab', 'unit')}`);
  analyte?.addEventListener('change', () => {
    if (unit === null || !isLabAnalyte(analyte.value)) return;
    clear(unit);
    const standard = STANDARD_UNITS[analyte.value];
    for (const u of [standard, ...acceptedUnits(analyte.value).filter((x) => x !== standard)]) unit.append(h('option', { value: u }, u));
    unit.value = standard;
  });
  void shell;
  return section;
}

function dosingFormSection(subject: SubjectRow, reload: () => void, edit?: RecordRow): HTMLElement {
  return crfForm({
    formId: edit === undefined ? 'dosing' : 'edit',
    ...editing(edit),
    formType: 'dosing',
    subjectId: subject.subjectId,
    title: 'Dosing (one cycle, one drug)',
    fields: [
      { path: 'cycle', label: 'Cycle', kind: 'int' },
      { path: 'drug', label: 'Drug', kind: 'select', options: STUDY_DRUGS, value: 'pomalidomide' },
      { path: 'startDate', label: 'First dose', kind: 'date' },
      { path: 'endDate', label: 'Last dose', kind: 'date' },
      { path: 'plannedDoseMg', label: 'Planned dose', kind: 'number', unit: 'mg' },
      { path: 'plannedDays', label: 'Planned days', kind: 'int' },
      { path: 'doseGivenMg', label: 'Dose given', kind: 'number', unit: 'mg' },
      { path: 'daysGiven', label: 'Days given', kind: 'int' },
      { path: 'delayed', label: 'Cycle delayed', kind: 'bool' },
      { path: 'interrupted', label: 'Doses held', kind: 'bool' },
      { path: 'reduced', label: 'Dose reduced', kind: 'bool' },
      { path: 'modificationReason', label: 'Reason for modification', kind: 'select', options: DOSE_MODIFICATION_REASONS },
    ],
    schema: dosingFormSchema,
    live: (_data, panel) => append(panel, h('p', { class: 'muted' }, "The protocol's dose for the next cycle is proposed when the row is saved.")),
    saved: (view) => {
      // a slot the timeline refreshes after every later save (AE, lab, dosing), so it never shows a stale proposal
      document.getElementById('dosing-result')?.append(h('div', { id: 'dosing-proposal', 'aria-live': 'polite' }, proposalView(view, false)));
      reload();
    },
  });
}

function adverseEventSection(subject: SubjectRow, reload: () => void, edit?: RecordRow): HTMLElement {
  return crfForm({
    formId: edit === undefined ? 'ae' : 'edit',
    ...editing(edit),
    formType: 'adverseEvent',
    subjectId: subject.subjectId,
    title: 'Adverse event',
    fields: [
      { path: 'sequence', label: 'AE number', kind: 'int' },
      { path: 'reportedTerm', label: 'Reported term', kind: 'text' },
      { path: 'preferredTerm', label: 'Preferred term (CTCAE)', kind: 'text', hint: "e.g. 'Neutrophil count decreased'" },
      { path: 'onsetDate', label: 'Onset', kind: 'date' },
      { path: 'endDate', label: 'Resolved', kind: 'date' },
      { path: 'grade', label: 'CTCAE grade', kind: 'int', hint: '1-5' },
      { path: 'serious', label: 'Serious', kind: 'bool' },
      { path: 'relationshipPomalidomide', label: 'Related to pomalidomide', kind: 'select', options: RELATIONSHIPS },
      { path: 'relationshipDexamethasone', label: 'Related to dexamethasone', kind: 'select', options: RELATIONSHIPS },
      { path: 'actionPomalidomide', label: 'Action, pomalidomide', kind: 'select', options: AE_ACTIONS },
      { path: 'actionDexamethasone', label: 'Action, dexamethasone', kind: 'select', options: AE_ACTIONS },
      { path: 'ledToStudyDiscontinuation', label: 'Led to study discontinuation', kind: 'bool' },
      { path: 'outcome', label: 'Outcome', kind: 'select', options: AE_OUTCOMES },
    ],
    schema: adverseEventFormSchema,
    live: (data, panel) => {
      const grade = typeof data.grade === 'number' ? data.grade : null;
      append(panel, grade !== null && grade >= 3 ? h('p', { class: 'banner bad' }, `Grade ${grade}: a related grade 3-4 toxicity holds the drug at the next cycle.`) : null);
    },
    saved: () => reload(),
  });
}

function assessmentInput(forms: readonly DiseaseAssessmentForm[]): Parameters<typeof computeImwgResponse>[0] | null {
  const sorted = [...forms].sort((a, b) => a.date.localeCompare(b.date));
  const strip = ({ visit: _v, source: _s, ...rest }: DiseaseAssessmentForm): Omit<DiseaseAssessmentForm, 'visit' | 'source'> => rest;
  const [baseline, ...later] = sorted.map(strip);
  if (baseline === undefined) return null;
  return { baseline, assessments: later };
}

function imwgOf(forms: readonly DiseaseAssessmentForm[]): ImwgResult | null {
  const input = assessmentInput(forms);
  if (input === null || input.assessments.length === 0) return null;
  const outcome = computeImwgResponse(input);
  return outcome.ok ? outcome.value : null;
}

function assessmentSection(subject: SubjectRow, existing: readonly DiseaseAssessmentForm[], reload: () => void, edit?: RecordRow): HTMLElement {
  return crfForm({
    formId: edit === undefined ? 'assessment' : 'edit',
    ...editing(edit),
    formType: 'diseaseAssessment',
    subjectId: subject.subjectId,
    title: 'Disease assessment',
    fields: [
      { path: 'date', label: 'Date', kind: 'date' },
      { path: 'visit', label: 'Visit', kind: 'text' },
      { path: 'source', label: 'Laboratory', kind: 'select', options: DATA_SOURCES, value: 'central' },
      { path: 'serumMProteinGPerL', label: 'Serum M-protein', kind: 'number', unit: 'g/L' },
      { path: 'urineMProteinMgPer24h', label: 'Urine M-protein', kind: 'number', unit: 'mg/24 h' },
      { path: 'kappaFlcMgPerL', label: 'Kappa FLC', kind: 'number', unit: 'mg/L' },
      { path: 'lambdaFlcMgPerL', label: 'Lambda FLC', kind: 'number', unit: 'mg/L' },
      { path: 'serumImmunofixation', label: 'Serum immunofixation', kind: 'select', options: IMMUNOFIXATION_RESULTS },
      { path: 'urineImmunofixation', label: 'Urine immunofixation', kind: 'select', options: IMMUNOFIXATION_RESULTS },
      { path: 'boneMarrowPlasmaCellsPct', label: 'Marrow plasma cells', kind: 'number', unit: '%' },
      { path: 'newLesion', label: 'New lesion', kind: 'bool' },
    ],
    schema: diseaseAssessmentFormSchema,
    live: (data, panel) => {
      append(panel, h('h4', {}, 'IMWG 2016 response (live)'));
      const parsed = diseaseAssessmentFormSchema.safeParse(data);
      if (!parsed.success) {
        append(panel, h('p', { class: 'muted' }, 'Enter the date, visit, laboratory and the measurements.'));
        return;
      }
      const form = parsed.data;
      const sameSource = existing.filter((f) => f.source === form.source && f.date !== form.date);
      if (sameSource.length === 0) {
        append(panel, h('p', { id: 'imwg-live' }, 'Baseline: the first assessment of this laboratory.'));
        return;
      }
      const result = imwgOf([...sameSource, form]);
      const here = result?.assessments.find((a) => a.date === form.date);
      append(panel, here === undefined ? h('p', { class: 'muted', id: 'imwg-live' }, 'Not evaluable yet.') : h('p', { id: 'imwg-live', 'data-response': here.response }, `This assessment: `, h('strong', {}, here.response), ` (rule ${here.rule}${here.confirmed ? ', confirmed' : ', unconfirmed'})`));
    },
    saved: (view) => {
      const imwg = view.derived?.imwg as { assessment?: { response: string } | null; bestResponse?: string; role?: string } | null | undefined;
      document.getElementById('assessment-result')?.append(h('p', { id: 'imwg-saved' }, imwg?.role === 'baseline' ? 'Server: baseline assessment.' : `Server: response ${imwg?.assessment?.response ?? 'NE'}, best confirmed ${imwg?.bestResponse ?? 'NE'}.`));
      reload();
    },
  });
}

/** The investigator's response call per assessment: the IRC sees it beside the derived response. */
function responseCallSection(subject: SubjectRow, reload: () => void, edit?: RecordRow): HTMLElement {
  return crfForm({
    formId: edit === undefined ? 'call' : 'edit',
    ...editing(edit),
    formType: 'responseCall',
    subjectId: subject.subjectId,
    title: "Investigator's response call",
    fields: [
      { path: 'date', label: 'Assessment date', kind: 'date' },
      { path: 'evaluator', label: 'Evaluator', kind: 'select', options: ['investigator'], value: 'investigator' },
      { path: 'response', label: 'Response (IMWG 2016)', kind: 'select', options: RESPONSE_CATEGORIES },
    ],
    schema: responseCallFormSchema,
    live: (data, panel) => append(panel, h('p', { class: 'muted' }, typeof data.date === 'string' ? `Your call for the assessment of ${data.date}; the IRC adjudicates it blinded, beside the response derived from the central-lab values.` : 'Enter the date of the assessment you are calling.')),
    saved: () => reload(),
  });
}

interface DoseProposal {
  readonly cycle: number;
  readonly date: string;
  readonly pomalidomideMg: number | null;
  readonly dexamethasoneMg: number | null;
  readonly action: string;
  readonly dexamethasoneAction?: string;
  readonly reason: string;
}

function proposalView(view: RecordView, withId = true): HTMLElement {
  const proposal = view.derived?.doseProposal as DoseProposal | null | undefined;
  if (proposal === undefined || proposal === null) {
    const reason = view.derived?.reason;
    return h('p', { class: 'muted' }, typeof reason === 'string' ? reason : 'No dose proposal.');
  }
  return h(
    'div',
    { class: `banner ${proposal.action === 'continue' ? '' : 'bad'}`, 'data-action': proposal.action, id: withId ? `proposal-${view.record.recordId}` : undefined },
    h('strong', {}, `Proposed for cycle ${proposal.cycle} (${proposal.date}): ${proposal.action}`),
    ` — pomalidomide ${proposal.pomalidomideMg ?? '—'} mg, dexamethasone ${proposal.dexamethasoneMg ?? '—'} mg`,
    h('div', { class: 'values' }, proposal.reason),
  );
}

/** One subject: cycles with the protocol's proposed dose, labs graded, assessments with their IMWG response, AEs, and the entry forms. */
export async function renderSubject(shell: Shell, subjectId: string, screening: boolean): Promise<void> {
  const subject = await api<SubjectRow>('GET', `/subjects/${enc(subjectId)}`);
  if (screening) {
    renderScreening(shell, subject);
    return;
  }
  const records = await recordsOf(subjectId);
  // saves can finish out of order: only the latest reload may draw, so an older proposal never overwrites a newer one
  let generation = 0;
  let corrections: ReturnType<typeof correctionSection> | null = null;
  const reload = (): void => {
    const mine = ++generation;
    const current = (): boolean => mine === generation;
    const redraw = async (): Promise<void> => {
      const latest = await recordsOf(subjectId);
      if (!current()) return;
      corrections?.update(latest);
      await renderTimeline(timeline, subjectId, latest, current);
    };
    redraw().catch((error: unknown) => shell.error(error));
  };
  const timeline = h('div', { id: 'timeline' });
  await renderTimeline(timeline, subjectId, records);
  const canWrite = shell.session.role === 'investigator' || shell.session.role === 'coordinator';
  const assessments = records.filter((r) => r.formType === 'diseaseAssessment').map((r) => r.data as DiseaseAssessmentForm);
  const forms = canWrite && subject.status === 'enrolled'
    ? [labFormSection(shell, subject, reload), dosingFormSection(subject, reload), adverseEventSection(subject, reload), assessmentSection(subject, assessments, reload), responseCallSection(subject, reload)]
    : [];
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
    ...forms,
    ...(shell.session.role === 'data_manager' ? [auditSection(records)] : []),
    ...(canWrite ? [(corrections = correctionSection(records, (record) => {
      const others = assessments.filter((a) => a !== record.data);
      const builders: Readonly<Record<string, (() => HTMLElement) | undefined>> = {
        lab: () => labFormSection(shell, subject, reload, record),
        dosing: () => dosingFormSection(subject, reload, record),
        adverseEvent: () => adverseEventSection(subject, reload, record),
        diseaseAssessment: () => assessmentSection(subject, others, reload, record),
        responseCall: () => responseCallSection(subject, reload, record),
      };
      return builders[record.formType]?.() ?? null;
    })).section] : []),
  );
}

/** A site's list of its records, each correctable (with a reason) in place; `update` redraws the list after a save (an open correction stays). */
function correctionSection(records: readonly RecordRow[], editor: (record: RecordRow) => HTMLElement | null): { section: HTMLElement; update(records: readonly RecordRow[]): void } {
  const area = h('div', { id: 'edit-area' });
  const list = h('div', { id: 'record-list' });
  const update = (current: readonly RecordRow[]): void => {
    const rows = current.map((record) => {
      const button = h('button', { type: 'button', class: 'secondary', 'data-correct': String(record.recordId) }, 'Correct');
      button.addEventListener('click', () => {
        const form = editor(record);
        clear(area);
        append(area, form ?? h('p', { class: 'muted' }, `Correcting a ${record.formType} record is not offered here yet.`));
        area.querySelector<HTMLElement>('input, select')?.focus();
      });
      return [String(record.recordId), record.formType, record.visit ?? '—', String(record.version), button];
    });
    clear(list);
    append(list, table(['Record', 'Form', 'Visit', 'Version', ''], rows, 'Records'));
  };
  update(records);
  return { section: h('section', { class: 'card' }, h('h3', {}, 'Records'), list, area), update };
}

/**
 * The subject's timeline. The dose proposal is derived on the server from every dosing row, AE and lab so far,
 * so it is asked for again on every redraw, and the dosing form's copy of it is redrawn too.
 */
async function renderTimeline(target: HTMLElement, subjectId: string, known?: readonly RecordRow[], current: () => boolean = () => true): Promise<void> {
  const records = known ?? (await recordsOf(subjectId));
  const dosing = records.filter((r) => r.formType === 'dosing').sort((a, b) => (a.data as DosingForm).startDate.localeCompare((b.data as DosingForm).startDate) || a.recordId - b.recordId);
  const lastDosing = dosing.at(-1);
  // the proposal is derived on the server from every dosing row and AE so far: ask for the latest row's
  const latest = lastDosing === undefined ? null : await api<RecordView>('GET', `/records/${lastDosing.recordId}`);
  if (!current()) return;
  const slot = document.getElementById('dosing-proposal');
  if (slot !== null && latest !== null) {
    clear(slot);
    slot.append(proposalView(latest, false));
  }
  const calls = new Map(records.filter((r) => r.formType === 'responseCall').map((r) => r.data as ResponseCallForm).filter((c) => c.evaluator === 'investigator').map((c) => [c.date, c.response]));
  const labs = records.filter((r) => r.formType === 'lab').map((r) => r.data as LabForm);
  const aes = records.filter((r) => r.formType === 'adverseEvent').map((r) => r.data as AdverseEventForm);
  const assessments = records.filter((r) => r.formType === 'diseaseAssessment').map((r) => r.data as DiseaseAssessmentForm);
  const bySource = new Map<string, ImwgResult | null>(DATA_SOURCES.map((s) => [s, imwgOf(assessments.filter((a) => a.source === s))]));
  clear(target);
  append(
    target,
    h('h3', {}, 'Treatment cycles'),
    dosing.length === 0
      ? h('p', { class: 'muted' }, 'No dosing yet.')
      : table(['Cycle', 'Drug', 'Start', 'Planned', 'Given', 'Modified'], dosing.map((r) => {
          const d = r.data as DosingForm;
          return [d.cycle, d.drug, d.startDate, `${d.plannedDoseMg} mg × ${d.plannedDays} d`, `${d.doseGivenMg} mg × ${d.daysGiven} d`, [d.delayed ? 'delayed' : '', d.interrupted ? 'held' : '', d.reduced ? 'reduced' : ''].filter(Boolean).join(', ') || '—'];
        }), 'Dosing'),
    latest === null ? null : h('div', { id: 'dose-proposal' }, proposalView(latest)),
    h('h3', {}, 'Laboratory'),
    labs.length === 0
      ? h('p', { class: 'muted' }, 'No lab results yet.')
      : table(['Date', 'Visit', 'Analyte', 'Value', 'CTCAE'], labs.map((l) => {
          const grades = CTCAE_V5_LAB_CRITERIA.filter((c) => c.analyte === l.analyte).map((c) => computeCtcaeGrade({ term: c.term, value: l.value, unit: l.unit, lln: l.lln ?? null, uln: l.uln ?? null }));
          return [l.date, l.visit, l.analyte, `${l.value} ${l.unit}`, grades.map((g) => (g.ok ? `${g.value.term}: ${String(g.value.grade)}` : 'not gradable')).join('; ')];
        }), 'Lab results'),
    h('h3', {}, 'Disease assessments'),
    assessments.length === 0
      ? h('p', { class: 'muted' }, 'No assessments yet.')
      : table(['Date', 'Visit', 'Lab', 'Serum M', 'Urine M', 'FLC κ/λ', 'IMWG', 'Investigator call'], [...assessments].sort((a, b) => a.date.localeCompare(b.date)).map((a) => {
          const result = bySource.get(a.source) ?? null;
          const here = result?.assessments.find((x) => x.date === a.date);
          return [a.date, a.visit, a.source, a.serumMProteinGPerL === undefined ? '—' : `${a.serumMProteinGPerL} g/L`, a.urineMProteinMgPer24h === undefined ? '—' : `${a.urineMProteinMgPer24h} mg/24 h`, `${a.kappaFlcMgPerL ?? '—'} / ${a.lambdaFlcMgPerL ?? '—'} mg/L`, here?.response ?? 'baseline', calls.get(a.date) ?? '—'];
        }), 'Disease assessments'),
    h('h3', {}, 'Adverse events'),
    aes.length === 0 ? h('p', { class: 'muted' }, 'No adverse events.') : table(['No.', 'Term', 'Onset', 'Grade', 'Serious', 'Related (pom/dex)'], aes.map((a) => [a.sequence, a.preferredTerm, a.onsetDate, a.grade, a.serious ? 'yes' : 'no', `${a.relationshipPomalidomide} / ${a.relationshipDexamethasone}`]), 'Adverse events'),
  );
}
