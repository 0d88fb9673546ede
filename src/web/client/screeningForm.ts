/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { acceptedUnits, STANDARD_UNITS } from '../../clinical/units/index.js';
import { computeEligibility, SCREENING_LAB_ANALYTES, type EligibilityResult } from '../../clinical/eligibility/index.js';
import { api, ApiError } from './api.js';
import { announce, append, clear, h } from './dom.js';
import { readForm, renderField, showIssues, trackDirty, type FieldSpec } from './forms.js';
import type { Shell, SubjectRow } from './shell.js';

const FORM_ID = 'screening';

const RESPONSES = ['sCR', 'CR', 'VGPR', 'PR', 'MR', 'SD', 'PD', 'NE'];

const LAB_LABELS: Readonly<Record<string, string>> = { anc: 'Absolute neutrophil count', platelets: 'Platelets', totalBilirubin: 'Total bilirubin', alt: 'ALT', ast: 'AST', creatinine: 'Creatinine' };
const LABS_WITH_ULN = new Set(['totalBilirubin', 'alt', 'ast', 'creatinine']);

function labFields(): FieldSpec[] {
  return Object.entries(SCREENING_LAB_ANALYTES).flatMap(([key, analyte]): FieldSpec[] => [
    { path: `labs.${key}.value`, label: LAB_LABELS[key] ?? key, kind: 'number' },
    { path: `labs.${key}.unit`, label: `${LAB_LABELS[key] ?? key} unit`, kind: 'select', options: acceptedUnits(analyte), value: STANDARD_UNITS[analyte] },
    ...(LABS_WITH_ULN.has(key) ? [{ path: `labs.${key}.upperLimitOfNormal`, label: `${LAB_LABELS[key] ?? key} ULN`, kind: 'number' as const, hint: 'in the unit chosen' }] : []),
  ]);
}

function lineFields(index: number): FieldSpec[] {
  const p = `priorTherapyLines.${index}`;
  return [
    { path: `${p}.agents`, label: 'Agents and cycles', kind: 'agents', hint: "e.g. 'bortezomib 4, dexamethasone 4'" },
    { path: `${p}.startDate`, label: 'Start', kind: 'date' },
    { path: `${p}.endDate`, label: 'End', kind: 'date' },
    { path: `${p}.progressionDate`, label: 'Progression', kind: 'date' },
    { path: `${p}.refractory`, label: 'Refractory', kind: 'tri' },
    { path: `${p}.bestResponse`, label: 'Best response', kind: 'select', options: RESPONSES },
  ];
}

const GROUPS: readonly { legend: string; fields: readonly FieldSpec[] }[] = [
  {
    legend: 'Patient',
    fields: [
      { path: 'screeningDate', label: 'Screening date', kind: 'date' },
      { path: 'consentDate', label: 'Informed consent', kind: 'date' },
      { path: 'enrolmentDate', label: 'Planned enrolment', kind: 'date' },
      { path: 'birthDate', label: 'Birth date', kind: 'date' },
      { path: 'sex', label: 'Sex', kind: 'select', options: ['female', 'male'] },
      { path: 'weightKg', label: 'Weight', kind: 'number', unit: 'kg' },
      { path: 'ecog', label: 'ECOG performance status', kind: 'int', hint: '0-5' },
      { path: 'diagnosis.rrmmPerChinese2020Guideline', label: 'RRMM per the 2020 guideline', kind: 'tri' },
    ],
  },
  { legend: 'Prior line 1', fields: lineFields(0) },
  { legend: 'Prior line 2', fields: lineFields(1) },
  { legend: 'Prior line 3 (most recent)', fields: lineFields(2) },
  { legend: 'Laboratory (units explicit)', fields: labFields() },
  {
    legend: 'Measurable disease',
    fields: [
      { path: 'disease.serumMProteinGPerL', label: 'Serum M-protein', kind: 'number', unit: 'g/L' },
      { path: 'disease.urineMProteinMgPer24h', label: 'Urine M-protein', kind: 'number', unit: 'mg/24 h' },
      { path: 'disease.involvedFlcMgPerL', label: 'Involved FLC', kind: 'number', unit: 'mg/L' },
      { path: 'disease.flcRatio', label: 'FLC ratio (involved/uninvolved)', kind: 'number' },
    ],
  },
  {
    legend: 'Exclusion facts',
    fields: [
      { path: 'exclusionFacts.intolerance.thalidomide', label: 'Thalidomide intolerance', kind: 'tri' },
      { path: 'exclusionFacts.intolerance.lenalidomide', label: 'Lenalidomide intolerance', kind: 'tri' },
      { path: 'exclusionFacts.intolerance.pomalidomide', label: 'Pomalidomide intolerance', kind: 'tri' },
      { path: 'exclusionFacts.hypersensitivity.proteasomeInhibitors', label: 'Hypersensitivity to proteasome inhibitors', kind: 'tri' },
      { path: 'exclusionFacts.hypersensitivity.dexamethasone', label: 'Hypersensitivity to dexamethasone', kind: 'tri' },
      { path: 'exclusionFacts.hypersensitivity.otherIngredients', label: 'Hypersensitivity to other ingredients', kind: 'tri' },
      { path: 'exclusionFacts.peripheralNeuropathyGrade', label: 'Peripheral neuropathy grade', kind: 'int', hint: 'CTCAE 0-5' },
      { path: 'exclusionFacts.nyhaClass', label: 'NYHA class', kind: 'int', hint: '1-4' },
      { path: 'exclusionFacts.priorMyocardialInfarction', label: 'Prior myocardial infarction', kind: 'tri' },
      { path: 'exclusionFacts.myocardialInfarctionDate', label: 'Date of the last MI', kind: 'date' },
      { path: 'exclusionFacts.unstableOrPoorlyControlledAngina', label: 'Unstable or poorly controlled angina', kind: 'tri' },
    ],
  },
];

/** Empty prior lines are left out; the rest keep their order. */
function screeningRecord(form: HTMLFormElement, subject: SubjectRow): Record<string, unknown> {
  const data = readForm(form);
  const lines = Array.isArray(data.priorTherapyLines) ? (data.priorTherapyLines as unknown[]).filter((line) => line !== undefined && line !== null) : undefined;
  return { ...data, subjectId: subject.subjectId, siteId: subject.siteId, ...(lines === undefined ? {} : { priorTherapyLines: lines }) };
}

function formatValue(value: { value: unknown; unit?: string; reported?: string }): string {
  return `${String(value.value)}${value.unit === undefined ? '' : ` ${value.unit}`}${value.reported === undefined ? '' : ` (entered ${value.reported})`}`;
}

function checklist(result: EligibilityResult): HTMLElement {
  const verdict = result.eligible === true ? 'Eligible: every criterion is met' : result.eligible === false ? 'Not eligible' : 'Not yet decidable: some criteria cannot be evaluated';
  return h(
    'div',
    {},
    h('p', { class: `banner ${result.eligible === true ? 'good' : result.eligible === false ? 'bad' : ''}`, id: 'eligibility-verdict' }, verdict),
    h('p', { class: 'muted' }, `${result.protocol}, criteria ${result.criteriaVersion}: ${result.counts.met} met, ${result.counts['not met']} not met, ${result.counts['not evaluable']} not evaluable`),
    h(
      'ul',
      { class: 'checklist', 'aria-label': 'Eligibility criteria' },
      ...result.criteria.map((c) =>
        h(
          'li',
          { 'data-criterion': c.id, 'data-status': c.status },
          h('span', { class: `status-${c.status.replace(' ', '-')}` }, c.status),
          ` — ${c.kind === 'exclusion' ? 'Exclusion: ' : ''}${c.text}`,
          Object.keys(c.values).length === 0 ? null : h('div', { class: 'values' }, Object.entries(c.values).map(([name, v]) => `${name} = ${formatValue(v)}`).join('; ')),
          c.reason === undefined ? null : h('div', { class: 'values' }, c.reason),
        ),
      ),
    ),
  );
}

/** Screening: the form, the live eligibility checklist beside it (the protocol's engine run in the browser), save, enrol. */
export function renderScreening(shell: Shell, subject: SubjectRow): void {
  const form = h('form', { id: FORM_ID, novalidate: true, 'aria-describedby': 'screening-help' });
  for (const group of GROUPS) form.appendChild(h('fieldset', {}, h('legend', {}, group.legend), h('div', { class: 'grid' }, ...group.fields.map((f) => renderField(FORM_ID, f)))));
  const formErrors = h('div', { id: 'screening-errors', role: 'alert' });
  const saveButton = h('button', { type: 'submit' }, 'Save screening');
  form.append(formErrors, saveButton);
  const live = h('section', { class: 'card live-panel', 'aria-labelledby': 'live-title' }, h('h3', { id: 'live-title' }, 'Eligibility (live)'), h('div', { id: 'eligibility-live', 'aria-live': 'polite' }));
  const actions = h('div', { id: 'enrol-actions' });
  const dirty = trackDirty(form);

  const update = (): EligibilityResult | null => {
    const record = screeningRecord(form, subject);
    const outcome = computeEligibility(record);
    const target = live.querySelector('#eligibility-live');
    if (target === null) return null;
    clear(target);
    if (!outcome.ok) {
      const unplaced = showIssues(form, FORM_ID, outcome.issues.filter((i) => i.severity !== 'warning'));
      target.append(h('p', { class: 'banner' }, 'Complete or correct the marked fields to screen.'), ...unplaced.map((i) => h('p', { class: 'error' }, `${i.path.join('.')}: expected ${i.expected}`)));
      return null;
    }
    showIssues(form, FORM_ID, []);
    target.appendChild(checklist(outcome.value));
    return outcome.value;
  };
  form.addEventListener('input', () => void update());
  form.addEventListener('change', () => void update());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const result = update();
    if (result === null) {
      announce('The screening form has errors');
      return;
    }
    saveButton.disabled = true;
    api<{ derived: { eligibility: { eligible: boolean | null } | null } }>('POST', `/subjects/${encodeURIComponent(subject.subjectId)}/records`, { formType: 'screening', data: screeningRecord(form, subject) })
      .then((saved) => {
        dirty.clean();
        const eligible = saved.derived.eligibility?.eligible ?? null;
        announce('Screening saved');
        clear(actions);
        append(
          actions,
          h('p', { class: 'banner', id: 'screening-saved' }, `Saved. The server's eligibility: ${eligible === true ? 'eligible' : eligible === false ? 'not eligible' : 'not decidable'}.`),
          eligible === true ? h('button', { type: 'button', id: 'enrol' }, 'Enrol subject') : null,
          eligible === false ? h('button', { type: 'button', id: 'screen-fail', class: 'secondary' }, 'Record screen failure') : null,
        );
        actions.querySelector('#enrol')?.addEventListener('click', () => void changeStatus(shell, subject, 'enrolled', 'enrolled after eligible screening'));
        actions.querySelector('#screen-fail')?.addEventListener('click', () => void changeStatus(shell, subject, 'screen_failure', 'failed eligibility at screening'));
      })
      .catch((error: unknown) => {
        clear(formErrors);
        if (error instanceof ApiError) {
          const unplaced = showIssues(form, FORM_ID, error.issues, ['data']);
          formErrors.append(h('p', { class: 'error' }, error.message), ...unplaced.map((i) => h('p', { class: 'error' }, `${i.path.join('.')}: expected ${i.expected}`)));
        } else formErrors.append(h('p', { class: 'error' }, String(error)));
      })
      .finally(() => (saveButton.disabled = false));
  });

  shell.show(
    `Screening ${subject.subjectId}`,
    h('p', { id: 'screening-help', class: 'muted' }, 'Leave a field empty when it was not recorded: the criteria that need it stay "not evaluable". The same schema and eligibility engine run here and on the server.'),
    h('div', { class: 'layout-2' }, h('div', {}, form, actions), live),
  );
  update();
}

async function changeStatus(shell: Shell, subject: SubjectRow, status: 'enrolled' | 'screen_failure', reason: string): Promise<void> {
  try {
    const fresh = await api<SubjectRow>('GET', `/subjects/${encodeURIComponent(subject.subjectId)}`);
    await api('POST', `/subjects/${encodeURIComponent(subject.subjectId)}/status`, { status, version: fresh.version, reason });
    announce(status === 'enrolled' ? 'Subject enrolled' : 'Screen failure recorded');
    shell.navigate(`/subjects/${encodeURIComponent(subject.subjectId)}`);
  } catch (error) {
    shell.error(error);
  }
}
