/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The statistician's and sponsor's analysis dashboard: the latest snapshot's report numbers, tables and
// figures (the report's own Vega-Lite specs), every count clickable to its subjects when the role may see them.
import { api } from './api.js';
import { drawFigure } from './dashboardChart.js';
import { ensureDashboardStyles } from './dashboardStyles.js';
import type { AnalysisDashboard, DashboardAnswer, DashboardCell, DashboardFigure, DashboardSnapshot, DashboardTable, DesignStatus, KeyNumber, SimonStageState } from './dashboardTypes.js';
import { append, clear, h, table } from './dom.js';
import type { Shell } from './shell.js';

/** Splits the report's '23.3% (95% CI, 9.93–42.28)' into the number and its interval. */
function splitEstimate(text: string): { main: string; ci: string } {
  const match = /^(.*?)\s*\((.*CI.*)\)$/.exec(text);
  return match === null ? { main: text, ci: '' } : { main: match[1], ci: match[2] };
}

interface DrillDown {
  /** Opens the list of the subjects behind `what`. */
  show(what: string, subjects: readonly string[]): void;
  readonly dialog: HTMLDialogElement;
}

/** The data manager may open a subject's records; the statistician sees the derived facts only. */
function drillDialog(dashboard: AnalysisDashboard, canOpenSubjects: boolean): DrillDown {
  const title = h('h3', { id: 'drill-title' });
  const body = h('div', { class: 'drill-body' });
  const close = h('button', { type: 'button', class: 'secondary', id: 'drill-close' }, 'Close');
  const dialog = h('dialog', { id: 'drill', 'aria-labelledby': 'drill-title' }, h('div', { class: 'drill-head' }, title, close), body);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  return {
    dialog,
    show(what, subjects) {
      clear(title);
      clear(body);
      append(title, `${what}: ${subjects.length} subject${subjects.length === 1 ? '' : 's'}`);
      const rows = subjects.map((id) => {
        const f = dashboard.subjects[id];
        if (f === undefined) return [id, '—', '—', '—', '—'];
        const pfs = f.pfsMonths === null ? '—' : `${f.pfsMonths.toFixed(1)} (${f.pfsEvent === true ? 'event' : 'censored'})`;
        const name = canOpenSubjects ? h('a', { href: `/subjects/${encodeURIComponent(f.subjectId)}`, 'data-link': true, 'data-subject': f.subjectId }, f.subjectId) : h('span', { 'data-subject': f.subjectId }, f.subjectId);
        return [name, f.siteId, f.enrolmentDate ?? '—', f.bestResponseIrc ?? '—', pfs];
      });
      append(body, table(['Subject', 'Site', 'Enrolled', 'Best response (IRC)', 'PFS, months'], rows, `Subjects behind ${what}`));
      if (!dialog.open) dialog.showModal();
      close.focus();
    },
  };
}

/** A count: a button to its subjects with drill-down, plain text otherwise. */
function countNode(cell: DashboardCell, what: string, drill: DrillDown | null): Node {
  if (drill === null || cell.subjects.length === 0) return document.createTextNode(cell.text);
  const button = h('button', { type: 'button', class: 'link', 'data-count': what, title: `Show the ${cell.subjects.length} subject${cell.subjects.length === 1 ? '' : 's'}` }, cell.text);
  button.addEventListener('click', () => drill.show(what, cell.subjects));
  return button;
}

function keyNumberCard(k: KeyNumber, drill: DrillDown | null): HTMLElement {
  const { main, ci } = splitEstimate(k.text);
  return h(
    'section',
    { class: 'key-number', 'data-key': k.id, 'aria-labelledby': `key-${k.id}` },
    h('h3', { id: `key-${k.id}` }, k.label),
    h('div', { class: 'big' }, main),
    h('div', { class: 'ci' }, ci),
    k.count === null ? null : h('div', { class: 'count' }, countNode(k.count, `${k.label}, ${k.countLabel}`, drill), ` ${k.countLabel} of ${k.population.N} (${k.population.name.toLowerCase()})`),
  );
}

const STATE_WORDS: Record<SimonStageState['state'], string> = { met: 'met', 'not-met': 'not met', pending: 'pending', accruing: 'accruing' };

/** One stage's rule as a bar of its places: responders, non-responders, still assessed, not yet accrued. */
function stageBar(label: string, s: SimonStageState): HTMLElement {
  const open = s.size - s.accrued;
  const part = (cls: string, count: number, title: string): HTMLElement | null =>
    count === 0 ? null : h('span', { class: `seg ${cls}`, style: `flex-grow: ${count}`, title: `${count} ${title}` });
  return h(
    'div',
    { class: `stage ${s.state}` },
    h('div', { class: 'stage-head' }, h('strong', {}, label), ` (more than ${s.threshold} of ${s.size} responders): `, h('span', { class: 'state' }, STATE_WORDS[s.state])),
    h(
      'div',
      { class: 'bar', role: 'img', 'aria-label': `${s.responders} responders, ${s.nonResponders} non-responders, ${s.pending} being assessed, ${open} not yet accrued, of ${s.size}` },
      part('responder', s.responders, 'responders'),
      part('non-responder', s.nonResponders, 'non-responders'),
      part('pending', s.pending, 'still being assessed'),
      part('open', open, 'not yet accrued'),
    ),
  );
}

/** Where the trial stands against its two-stage design: the stage-1 decision first, then the final rule. */
function designCard(d: DesignStatus): HTMLElement {
  return h(
    'section',
    { class: 'design-card', id: 'design-status', 'aria-labelledby': 'design-title' },
    h('h3', { id: 'design-title' }, `Simon two-stage design (${d.optimality}): p0 = ${d.p0}, p1 = ${d.p1}, alpha = ${d.alpha}, power = ${d.power}`),
    h('p', { class: 'decision', id: 'design-stage1' }, d.stage1Text),
    stageBar(`Stage 1, first ${d.n1}`, d.decision.stage1),
    h('p', { class: 'decision', id: 'design-final' }, d.finalText),
    stageBar(`Both stages, ${d.n}`, d.decision.final),
    h('p', { class: 'muted' }, `${d.population.name}, ${d.evaluator} calls, in order of enrolment. ${d.rule}`),
  );
}

function reportTable(t: DashboardTable, drill: DrillDown | null): HTMLElement {
  const head = h('tr', {}, h('th', { scope: 'col' }, t.stubLabel), ...t.columns.map((c) => h('th', { scope: 'col', class: 'num' }, c.label, c.N === null ? null : h('span', { class: 'col-n' }, `(N = ${c.N})`))));
  const rows = t.rows.map((r) => {
    if (r.cells.length === 0) return h('tr', { class: 'heading' }, h('td', { colspan: String(t.columns.length + 1) }, r.label));
    return h(
      'tr',
      {},
      h('td', { class: `indent-${Math.min(r.indent, 2)}` }, r.label),
      ...r.cells.map((c, i) => h('td', { class: 'num' }, countNode(c, `${t.number === '' ? t.title : t.number}: ${r.label}, ${t.columns[i]?.label ?? ''}`, drill))),
    );
  });
  return h(
    'section',
    { class: 'table-card', 'data-table': t.id, 'aria-labelledby': `${t.id}-title` },
    h('h3', { id: `${t.id}-title` }, `${t.number === '' ? '' : `${t.number}. `}${t.title}`),
    h('p', { class: 'population' }, `${t.population.name}, N = ${t.population.N}`),
    h('table', { class: 'report-table' }, h('caption', { class: 'sr-only' }, t.title), h('thead', {}, head), h('tbody', {}, ...rows)),
    t.footnotes.length === 0 ? null : h('ul', { class: 'footnotes' }, ...t.footnotes.map((f) => h('li', {}, f))),
  );
}

function figureCard(f: DashboardFigure, dashboard: AnalysisDashboard, drill: DrillDown | null, draws: (() => Promise<void>)[]): HTMLElement {
  const chart = h('div', { class: 'chart', role: 'img', 'aria-label': f.description });
  const onDrill = drill === null ? null : (index: number) => drill.show(f.title, dashboard.subjectLists[index] ?? []);
  draws.push(() => drawFigure(chart, f.spec, onDrill).catch(() => void (chart.textContent = 'The figure could not be drawn.')));
  const clickable = drill !== null && f.kind !== 'kaplan-meier';
  return h(
    'section',
    { class: 'figure-card', 'data-figure': f.id, 'aria-labelledby': `${f.id}-title` },
    h('h3', { id: `${f.id}-title` }, `${f.number === '' ? '' : `${f.number}. `}${f.title}`),
    f.population === null ? null : h('p', { class: 'population' }, `${f.population.name}, N = ${f.population.N}`),
    h('div', { class: 'figure-scroll' }, chart),
    clickable ? h('p', { class: 'hint' }, 'Click a mark to list its subjects.') : null,
  );
}

/** The report of the snapshot: the full one with drill-down, else (the sponsor) its aggregate edition, which the server serves to that role. */
function reportLinks(dashboard: AnalysisDashboard): HTMLElement {
  const href = (format: string) => `/api/v1/analysis/report?format=${format}&snapshotId=${dashboard.snapshot.snapshotId}`;
  return h(
    'span',
    { class: 'report-links', title: dashboard.drillDown ? undefined : 'The same tables and figures as the full report, without subject-level data' },
    dashboard.drillDown ? 'Full report:' : 'Report (aggregate edition):',
    h('a', { href: href('html'), target: '_blank', rel: 'noopener', id: 'report-html' }, 'HTML'),
    h('a', { href: href('pdf'), download: true, id: 'report-pdf' }, 'PDF'),
    h('a', { href: href('docx'), download: true, id: 'report-docx' }, 'DOCX'),
  );
}

/** A picker of the snapshot to analyse (newest first); choosing one opens /analysis?snapshot=<id>. */
function snapshotPicker(shell: Shell, snapshots: readonly DashboardSnapshot[], current: number): HTMLElement | null {
  if (snapshots.length < 2) return null;
  const select = h(
    'select',
    { id: 'snapshot-picker' },
    ...snapshots.map((s, i) => h('option', { value: String(s.snapshotId), selected: s.snapshotId === current }, `${s.name} (cutoff ${s.cutoffDate})${i === 0 ? ', latest' : ''}`)),
  );
  select.addEventListener('change', () => shell.navigate(`/analysis?snapshot=${encodeURIComponent(select.value)}`));
  return h('span', { class: 'snapshot-pick' }, h('label', { for: 'snapshot-picker' }, 'Snapshot '), select);
}

/** The analysis dashboard of the latest snapshot, or of ?snapshot=<id> (statistician, sponsor, data manager). */
export async function renderAnalysis(shell: Shell): Promise<void> {
  ensureDashboardStyles();
  const asked = new URLSearchParams(location.search).get('snapshot');
  const answer = await api<DashboardAnswer>('GET', `/analysis/dashboard${asked === null ? '' : `?snapshotId=${encodeURIComponent(asked)}`}`);
  if (answer.state === 'no-snapshot') {
    shell.show('Analysis', h('p', { class: 'banner', id: 'no-snapshot' }, answer.message));
    return;
  }
  if (answer.state === 'not-analysable') {
    shell.show(
      'Analysis',
      h('div', { class: 'analysis-meta' }, snapshotPicker(shell, answer.snapshots, answer.snapshot.snapshotId)),
      h('p', { class: 'banner bad' }, `Snapshot ${answer.snapshot.name} cannot be analysed: ${answer.message}`),
      table(['Where', 'Expected'], answer.issues.map((i) => [i.path.join('.'), i.expected]), 'Problems in the snapshot'),
    );
    return;
  }
  const dashboard = answer.dashboard;
  const drill = dashboard.drillDown ? drillDialog(dashboard, shell.session.role === 'data_manager') : null;
  const draws: (() => Promise<void>)[] = [];
  const figure = (id: string): HTMLElement | null => {
    const f = dashboard.figures.find((x) => x.id === id);
    return f === undefined ? null : figureCard(f, dashboard, drill, draws);
  };
  // the survival endpoints of the protocol's plan: a Kaplan-Meier figure each, and its table (f-km-<x> -> t-<x>)
  const survival = dashboard.figures.filter((f) => f.kind === 'kaplan-meier');
  const tableOf = (id: string): HTMLElement | null => {
    const t = dashboard.tables.find((x) => x.id === id);
    return t === undefined ? null : reportTable(t, drill);
  };
  const taken = new Date(dashboard.snapshot.createdAt);
  const meta = h(
    'div',
    { class: 'analysis-meta' },
    dashboard.synthetic ? h('span', { class: 'synthetic' }, 'SYNTHETIC DATA') : null,
    h('span', { id: 'snapshot-name' }, `Snapshot “${dashboard.snapshot.name}” (data cutoff ${dashboard.dataCutoffDate}, taken ${taken.toISOString().slice(0, 10)})`),
    h('span', {}, `Study ${dashboard.protocolId}`),
    snapshotPicker(shell, answer.snapshots, dashboard.snapshot.snapshotId),
    reportLinks(dashboard),
  );
  const content: (Node | null)[] = [
    meta,
    h('div', { class: 'key-numbers', role: 'group', 'aria-label': 'Key results' }, ...dashboard.keyNumbers.map((k) => keyNumberCard(k, drill))),
    dashboard.design === null ? null : designCard(dashboard.design),
    ...(dashboard.drillDown ? [] : [h('p', { class: 'muted', id: 'aggregates-note' }, 'Aggregates only: the subjects behind each count are shown to the study statistician and data manager; the report is its aggregate edition.')]),
    h('h3', {}, 'Enrolment'),
    figure('f-enrolment') ?? h('p', {}, 'No enrolment.'),
    h('details', { class: 'more', id: 'enrolment-table' }, h('summary', {}, 'Enrolment by site as a table'), tableOf('t-enrolment-site')),
    h('h3', {}, 'Efficacy'),
    tableOf('t-response-rate') ?? h('p', {}, 'No response data.'),
    h('div', { class: 'analysis-grid' }, ...survival.map((f) => figure(f.id))),
    h('details', { class: 'more', id: 'survival-tables' }, h('summary', {}, 'Time-to-event endpoints by subgroup: medians, landmark rates, log-rank P'), ...survival.map((f) => tableOf(`t-${f.id.slice('f-km-'.length)}`))),
    figure('f-forest-orr'),
    h('details', { class: 'more', id: 'subgroup-table' }, h('summary', {}, 'Response by subgroup as a table: ORR and DCR with CIs, Fisher P'), tableOf('t-subgroup-response')),
    figure('f-swimmer'),
    h('h3', {}, 'Safety overview'),
    tableOf('t-teae-overview') ?? h('p', {}, 'No safety data.'),
  ];
  if (drill !== null) content.push(drill.dialog);
  shell.show('Analysis', ...content.filter((node): node is Node => node !== null));
  // drawn once on the page, so that the charts lay out in their real containers
  await Promise.all(draws.map((draw) => draw()));
}
