/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { api, ApiError } from './api.js';
import { drawChart } from './chart.js';
import { announce, clear, h, table } from './dom.js';
import { fieldId, placeIssues, type PathIssue } from './formRenderer.js';
import { trackDirty } from './forms.js';
import { loadProtocol, type ClientProtocol } from './protocol.js';
import type { Shell } from './shell.js';

// The IRC's screens: the queue of blinded cases (pending or adjudicated, disagreements flagged) and one
// case with the trajectory of the measurements behind the response (the protocol's response parameters),
// the response derived by the protocol's criteria, the investigator's call and the IRC's adjudication side by
// side. Nothing the API sends names a site, a subject or a record; the categories are the protocol's scale.

type ResponseCategory = string;

const enc = encodeURIComponent;
const FORM_ID = 'adjudicate';

interface Adjudication {
  readonly response: ResponseCategory;
  readonly derivedResponse: ResponseCategory | null;
  readonly investigatorResponse: ResponseCategory | null;
  readonly reason: string | null;
  readonly version: number;
  readonly adjudicatedAt: string;
  readonly adjudicatedBy: string;
}

interface CaseAssessment {
  readonly date: string;
  readonly baseline: boolean;
  /** Measurement by parameter code. */
  readonly values: Readonly<Record<string, number>>;
  readonly derivedResponse: ResponseCategory | null;
  readonly confirmed: boolean | null;
  readonly investigatorResponse: ResponseCategory | null;
  readonly irc: Adjudication | null;
}

interface Disagreement {
  readonly scope: 'assessment' | 'bestOverall';
  readonly assessmentDate: string | null;
  readonly kind: 'investigator-vs-derived' | 'irc-vs-derived' | 'irc-vs-investigator';
  readonly text: string;
}

interface IrcCase {
  readonly caseId: string;
  readonly status: 'pending' | 'adjudicated';
  readonly parameters: readonly { readonly code: string; readonly label: string; readonly unit: string }[];
  readonly assessments: readonly CaseAssessment[];
  readonly bestOverall: { readonly derivedResponse: ResponseCategory | null; readonly investigatorResponse: ResponseCategory | null; readonly irc: Adjudication | null };
  readonly disagreements: readonly Disagreement[];
}

const KIND_LABEL: Readonly<Record<Disagreement['kind'], string>> = {
  'investigator-vs-derived': 'investigator ≠ derived',
  'irc-vs-derived': 'IRC ≠ derived',
  'irc-vs-investigator': 'IRC ≠ investigator',
};

const fetchCases = async (): Promise<IrcCase[]> => (await api<{ cases: IrcCase[] }>('GET', '/irc/assessments')).cases;

function statusBadge(status: IrcCase['status']): HTMLElement {
  return h('span', { class: `badge status-${status}`, 'data-case-status': status }, status);
}

function flagList(disagreements: readonly Disagreement[]): HTMLElement | string {
  const kinds = [...new Set(disagreements.map((d) => d.kind))];
  if (kinds.length === 0) return h('span', { class: 'muted', 'data-flags': 'none' }, 'none');
  return h('span', { 'data-flags': kinds.join(' ') }, ...kinds.map((k) => h('span', { class: 'badge flag' }, `⚑ ${KIND_LABEL[k]}`)));
}

/** The queue: every blinded case with its status, the three best responses side by side and its disagreement flags. */
export async function renderIrcQueue(shell: Shell): Promise<void> {
  const protocol = await loadProtocol();
  const cases = await fetchCases();
  // pending first; within a status by the blinded id, so the order reveals nothing about sites or enrolment
  const ordered = [...cases].sort((a, b) => (a.status === b.status ? a.caseId.localeCompare(b.caseId) : a.status === 'pending' ? -1 : 1));
  const pending = cases.filter((c) => c.status === 'pending').length;
  const flagged = cases.filter((c) => c.disagreements.length > 0).length;
  const filters: Readonly<Record<string, { label: string; keep: (c: IrcCase) => boolean }>> = {
    all: { label: 'All cases', keep: () => true },
    pending: { label: 'Pending', keep: (c) => c.status === 'pending' },
    adjudicated: { label: 'Adjudicated', keep: (c) => c.status === 'adjudicated' },
    flagged: { label: 'With a disagreement', keep: (c) => c.disagreements.length > 0 },
  };
  const filter = h('select', { id: 'queue-filter' }, ...Object.entries(filters).map(([value, f]) => h('option', { value }, f.label)));
  const rows = ordered.map((c) => [
    h('a', { href: `/irc/cases/${enc(c.caseId)}`, 'data-link': true, class: 'nowrap' }, c.caseId),
    statusBadge(c.status),
    String(c.assessments.filter((a) => !a.baseline).length),
    c.bestOverall.derivedResponse ?? '—',
    c.bestOverall.investigatorResponse ?? 'not recorded',
    c.bestOverall.irc?.response ?? '—',
    flagList(c.disagreements),
  ]);
  shell.show(
    'IRC review queue',
    h('p', { class: 'muted' }, `${protocol.view.identity.registryId}: the assessments the IRC reads, per blinded case: no site, subject or record identity. Open a case to adjudicate it.`),
    h('p', { id: 'queue-summary' }, `${cases.length} ${cases.length === 1 ? 'case' : 'cases'}: ${pending} pending, ${cases.length - pending} adjudicated; ${flagged} with a disagreement.`),
    h('p', { class: 'field inline' }, h('label', { for: 'queue-filter' }, 'Show '), filter),
    cases.length === 0
      ? h('p', {}, 'No cases to review.')
      : h('div', { id: 'irc-queue', class: 'irc-table' }, table(['Case', 'Status', 'Assessments', `Derived best (${protocol.view.response.scale.name})`, 'Investigator best', 'IRC best', 'Disagreements'], rows, 'Blinded cases to adjudicate')),
  );
  // the rows stay in the page (no layout jump of the controls); a filter hides the others
  const bodyRows = [...document.querySelectorAll<HTMLTableRowElement>('#irc-queue tbody tr')];
  filter.addEventListener('change', () => {
    const keep = filters[filter.value]?.keep ?? (() => true);
    ordered.forEach((c, i) => {
      const row = bodyRows[i] as HTMLTableRowElement | undefined;
      if (row !== undefined) row.hidden = !keep(c);
    });
    announce(`${ordered.filter((c) => keep(c)).length} cases shown`);
  });
}

/** One small chart per measurement parameter (their units differ), each point labelled with the derived response. */
function trajectoryCharts(c: IrcCase): HTMLElement {
  // ticks at the assessment dates themselves (UTC, as the dates are written), thinned by Vega when they crowd
  const ticks = [...new Set(c.assessments.map((a) => Date.parse(a.date)))];
  const x = { field: 'date', type: 'temporal', title: 'Assessment date', scale: { type: 'utc' }, axis: { values: ticks, labelExpr: "utcFormat(datum.value, '%Y-%m-%d')", labelAngle: -30, labelOverlap: true } };
  const charts = c.parameters.map((parameter) => {
    const points = c.assessments
      .filter((a) => typeof a.values[parameter.code] === 'number')
      .map((a) => ({ date: a.date, value: a.values[parameter.code], label: a.baseline ? 'baseline' : (a.derivedResponse ?? '—') }));
    const text = points.map((p) => `${p.date} ${p.value} ${parameter.unit}`).join(', ');
    const chart = h('div', { class: 'chart', id: `chart-${parameter.code}`, 'data-parameter': parameter.code, role: 'img', 'aria-label': `${parameter.label} over time: ${text}` });
    void drawChart(chart, {
      width: 360,
      height: 170,
      title: `${parameter.label} (derived response at each point)`,
      data: { values: points },
      layer: [
        { mark: { type: 'line', point: true }, encoding: { x, y: { field: 'value', type: 'quantitative', title: `${parameter.label} (${parameter.unit})` } } },
        { mark: { type: 'text', dy: -10 }, encoding: { x, y: { field: 'value', type: 'quantitative' }, text: { field: 'label' } } },
      ],
    }).catch(() => (chart.textContent = 'The chart could not be drawn.'));
    return chart;
  });
  return h('div', { class: 'charts' }, ...(charts.length === 0 ? [h('p', { class: 'muted' }, 'No measurement of the response parameters in this case.')] : charts));
}

/** A response cell: the value, marked when it differs from the one it is compared with. */
function responseCell(value: ResponseCategory | null, compareWith: ResponseCategory | null, empty: string, what: string): HTMLElement {
  const differs = value !== null && compareWith !== null && value !== compareWith;
  return h('span', { class: differs ? 'differs' : '', 'data-differs': differs ? 'true' : undefined }, value ?? empty, differs ? h('span', { class: 'flag-inline' }, h('span', { 'aria-hidden': 'true' }, ' ⚑ '), what) : null);
}

/** The measurements (the parameters this case has) and the three responses per assessment, then the best overall. */
function sideBySide(c: IrcCase, scaleName: string): HTMLElement {
  const columns = c.parameters.map((p) => ({ header: `${p.label} (${p.unit})`, cell: (a: CaseAssessment) => (typeof a.values[p.code] === 'number' ? String(a.values[p.code]) : '—') }));
  const rows = c.assessments.map((a) => [
    h('span', { class: 'nowrap' }, a.date),
    ...columns.map((col) => col.cell(a)),
    a.baseline ? h('span', { class: 'muted' }, 'baseline') : h('span', {}, a.derivedResponse ?? 'none', h('span', { class: 'values' }, a.confirmed === true ? ' confirmed' : a.confirmed === false ? ' unconfirmed' : '')),
    a.baseline ? '—' : responseCell(a.investigatorResponse, a.derivedResponse, 'not recorded', '≠ derived'),
    a.baseline ? '—' : responseCell(a.irc?.response ?? null, a.derivedResponse, 'pending', 'override'),
  ]);
  const best = c.bestOverall;
  const bestRow = [
    h('strong', {}, 'Best overall'),
    ...columns.map(() => ''),
    h('strong', {}, best.derivedResponse ?? 'none'),
    responseCell(best.investigatorResponse, best.derivedResponse, 'not recorded', '≠ derived'),
    responseCell(best.irc?.response ?? null, best.derivedResponse, 'pending', 'override'),
  ];
  const headers = ['Date', ...columns.map((col) => col.header), `Derived (${scaleName})`, "Investigator's call", 'IRC'];
  const recorded = [
    ...(best.irc === null ? [] : [{ what: 'Best overall', irc: best.irc }]),
    ...c.assessments.flatMap((a) => (a.irc === null ? [] : [{ what: a.date, irc: a.irc }])),
  ];
  return h(
    'div',
    { class: 'irc-table' },
    table(headers, [...rows, bestRow], `Case ${c.caseId}: measurements and the three responses side by side`),
    recorded.length === 0
      ? h('p', { class: 'muted', id: 'recorded-adjudications' }, 'No adjudication recorded yet.')
      : h(
          'div',
          { id: 'recorded-adjudications' },
          h('h4', {}, 'Recorded adjudications'),
          table(
            ['Response of', 'IRC', 'Reason', 'By'],
            recorded.map((r) => [h('span', { class: 'nowrap' }, r.what), r.irc.response, r.irc.reason ?? h('span', { class: 'muted' }, 'agrees with the derived response'), h('span', { class: 'nowrap', title: r.irc.adjudicatedAt }, `${r.irc.adjudicatedBy} (v${r.irc.version})`)]),
            'Adjudications recorded by the IRC',
          ),
        ),
  );
}

interface Target {
  readonly value: string;
  readonly label: string;
  readonly scope: 'assessment' | 'bestOverall';
  readonly assessmentDate?: string;
  readonly derived: ResponseCategory | null;
  readonly investigator: ResponseCategory | null;
  readonly irc: Adjudication | null;
}

function targetsOf(c: IrcCase): Target[] {
  const best = c.bestOverall;
  return [
    { value: 'bestOverall', label: 'Best overall response', scope: 'bestOverall', derived: best.derivedResponse, investigator: best.investigatorResponse, irc: best.irc },
    ...c.assessments
      .filter((a) => !a.baseline)
      .map((a): Target => ({ value: `assessment:${a.date}`, label: `Assessment of ${a.date}`, scope: 'assessment', assessmentDate: a.date, derived: a.derivedResponse, investigator: a.investigatorResponse, irc: a.irc })),
  ];
}

function errorSpan(id: string): HTMLElement {
  return h('span', { id: `${id}-error`, class: 'error', role: 'status' });
}

/** The adjudication form: what is adjudicated, the response (the derived one preselected), a reason when overriding or changing. */
function adjudicationForm(protocol: ClientProtocol, c: IrcCase, saved: (message: string) => void): HTMLElement {
  const scale = protocol.view.response.scale;
  const adjudication = protocol.formOfRole('adjudication');
  const schema = adjudication === undefined ? null : protocol.schema(adjudication);
  const targets = targetsOf(c);
  const targetId = fieldId(FORM_ID, ['assessmentDate']);
  const responseId = fieldId(FORM_ID, ['response']);
  const reasonId = fieldId(FORM_ID, ['reason']);
  const target = h('select', { id: targetId, 'data-path': 'assessmentDate', 'aria-describedby': `${targetId}-error` }, ...targets.map((t) => h('option', { value: t.value }, `${t.label}${t.irc === null ? '' : ' (adjudicated)'}`)));
  const response = h('select', { id: responseId, 'data-path': 'response', 'aria-describedby': `${responseId}-context ${responseId}-error` }, ...scale.categories.map((r) => h('option', { value: r.code }, r.code === r.label ? r.code : `${r.code} (${r.label})`)));
  const reason = h('textarea', { id: reasonId, 'data-path': 'reason', rows: '3', 'aria-describedby': `${reasonId}-hint ${reasonId}-error` });
  const context = h('p', { id: `${responseId}-context`, class: 'values', 'aria-live': 'polite' });
  const hint = h('span', { id: `${reasonId}-hint`, class: 'unit' });
  const errors = h('div', { id: `${FORM_ID}-errors`, role: 'alert' });
  const button = h('button', { type: 'submit' }, 'Record adjudication');
  const form = h(
    'form',
    { id: FORM_ID, class: 'card', novalidate: true, 'aria-labelledby': `${FORM_ID}-title` },
    h('h3', { id: `${FORM_ID}-title` }, 'Adjudicate'),
    h(
      'div',
      { class: 'grid adjudication-grid' },
      h('div', { class: 'field' }, h('label', { for: targetId }, 'Response to adjudicate'), target, errorSpan(targetId)),
      h('div', { class: 'field' }, h('label', { for: responseId }, `IRC response (${scale.name})`), response, context, errorSpan(responseId)),
      h('div', { class: 'field wide' }, h('label', { for: reasonId }, 'Reason'), reason, hint, errorSpan(reasonId)),
    ),
    errors,
    button,
  );
  const dirty = trackDirty(form);
  const chosen = (): Target => targets.find((t) => t.value === target.value) ?? targets[0];
  const formValue = (): Record<string, unknown> => {
    const t = chosen();
    const text = reason.value.trim();
    return {
      scope: t.scope,
      ...(t.assessmentDate === undefined ? {} : { assessmentDate: t.assessmentDate }),
      response: response.value,
      ...(t.derived === null ? {} : { derivedResponse: t.derived }),
      ...(t.investigator === null ? {} : { investigatorResponse: t.investigator }),
      ...(text === '' ? {} : { reason: text }),
    };
  };
  const describeTarget = (): void => {
    const t = chosen();
    const overriding = response.value !== t.derived;
    context.textContent = `Derived: ${t.derived ?? 'none'} · investigator: ${t.investigator ?? 'not recorded'}${t.irc === null ? '' : ` · IRC so far: ${t.irc.response} (version ${t.irc.version})`}`;
    hint.textContent = t.irc !== null ? 'Required: you are changing a recorded adjudication (kept in the audit trail).' : overriding ? 'Required: you are overriding the derived response.' : 'Optional when you agree with the derived response.';
    button.textContent = t.irc !== null ? 'Change adjudication' : overriding ? 'Record override' : 'Record agreement';
  };
  const pickTarget = (): void => {
    const t = chosen();
    response.value = t.irc?.response ?? t.derived ?? scale.notEvaluable;
    reason.value = '';
    describeTarget();
  };
  let touched = false;
  const validate = (): Record<string, unknown> | null => {
    const data = formValue();
    // the adjudication form's schema, built from its metadata (the server checks the same)
    const parsed = schema?.safeParse(data);
    const issues: PathIssue[] = parsed === undefined || parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map((k) => (typeof k === 'number' ? k : String(k))), expected: i.message }));
    if (chosen().irc !== null && data.reason === undefined) issues.push({ path: ['reason'], expected: 'a reason for changing the adjudication (kept in the audit trail)' });
    if (touched) placeIssues(form, FORM_ID, issues);
    return issues.length === 0 ? data : null;
  };
  target.addEventListener('change', () => {
    pickTarget();
    validate();
  });
  response.addEventListener('change', () => {
    describeTarget();
    validate();
  });
  reason.addEventListener('input', () => validate());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    touched = true;
    clear(errors);
    const data = validate();
    if (data === null) {
      errors.append(h('p', { class: 'error' }, 'Correct the marked fields.'));
      announce('The adjudication has errors');
      return;
    }
    const t = chosen();
    const body = {
      scope: t.scope,
      ...(t.assessmentDate === undefined ? {} : { assessmentDate: t.assessmentDate }),
      response: response.value,
      ...(data.reason === undefined ? {} : { reason: data.reason }),
      ...(t.irc === null ? {} : { version: t.irc.version }),
    };
    button.disabled = true;
    api<{ adjudication: Adjudication | null }>('POST', `/irc/cases/${enc(c.caseId)}/adjudications`, body)
      .then((answer) => {
        dirty.clean();
        saved(`${t.label}: IRC ${answer.adjudication?.response ?? response.value} recorded (version ${answer.adjudication?.version ?? '?'}).`);
      })
      .catch((error: unknown) => {
        button.disabled = false;
        if (error instanceof ApiError) {
          const unplaced = placeIssues(form, FORM_ID, error.issues);
          const conflict = error.code === 'version-conflict' ? ' Someone changed this adjudication: reload the case to see the current one.' : '';
          errors.append(h('p', { class: 'error' }, `${error.message} (${error.status}).${conflict}`), ...unplaced.map((i) => h('p', { class: 'error' }, `${i.path.join('.')}: expected ${i.expected}`)));
        } else errors.append(h('p', { class: 'error' }, String(error)));
      });
  });
  // the first response not yet adjudicated is offered first: the best overall response, else the first open assessment
  const open = targets.find((t) => t.irc === null);
  if (open !== undefined) target.value = open.value;
  pickTarget();
  return form;
}

/** One case: trajectory, the three responses side by side, the disagreements, and the adjudication form. */
export async function renderIrcCase(shell: Shell, caseId: string, message?: string): Promise<void> {
  const protocol = await loadProtocol();
  const cases = await fetchCases();
  const c = cases.find((x) => x.caseId === caseId);
  if (c === undefined) {
    shell.show('Case not found', h('p', {}, `There is no case ${caseId}. `, h('a', { href: '/irc', 'data-link': true }, 'Back to the queue')));
    return;
  }
  const nextPending = [...cases].sort((a, b) => a.caseId.localeCompare(b.caseId)).find((x) => x.status === 'pending' && x.caseId !== caseId);
  const flags =
    c.disagreements.length === 0
      ? h('p', { class: 'banner good', id: 'disagreements' }, 'No disagreement between the derived response, the investigator and the IRC.')
      : h('div', { class: 'banner warn', id: 'disagreements', role: 'status' }, h('strong', {}, `⚑ ${c.disagreements.length} disagreement${c.disagreements.length === 1 ? '' : 's'}`), h('ul', {}, ...c.disagreements.map((d) => h('li', { 'data-kind': d.kind }, d.text))));
  const rerender = (text: string): void => {
    announce(text);
    void renderIrcCase(shell, caseId, text).catch((error: unknown) => shell.error(error));
  };
  shell.show(
    `Adjudication of ${c.caseId}`,
    h(
      'p',
      { class: 'case-nav' },
      h('a', { href: '/irc', 'data-link': true }, '← Review queue'),
      ' · status ',
      statusBadge(c.status),
      nextPending === undefined ? null : h('span', {}, ' · ', h('a', { href: `/irc/cases/${enc(nextPending.caseId)}`, 'data-link': true, id: 'next-pending' }, `Next pending case (${nextPending.caseId})`)),
    ),
    ...(message === undefined ? [] : [h('p', { class: 'banner good', id: 'adjudication-saved', role: 'status' }, message)]),
    flags,
    h('div', { class: 'side-by-side irc-case' }, h('section', { class: 'card', 'aria-label': 'Trajectory' }, trajectoryCharts(c)), h('section', { class: 'card', 'aria-label': 'Responses side by side' }, sideBySide(c, protocol.view.response.scale.name))),
    adjudicationForm(protocol, c, rerender),
  );
}
