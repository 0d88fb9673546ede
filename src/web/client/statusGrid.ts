/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The record status grids a site works from: per site (subjects x visits) and per subject (visits x forms),
// each cell a status icon with its words for screen readers, a click away from the visit or the form.
import type { FormDefinition } from '../../clinical/crf/index.js';
import { h } from './dom.js';
import { STATUS_WORDS, type CellStatus, type SubjectStatus } from './recordStatus.js';

const CSS = `
.st { display: inline-flex; align-items: center; justify-content: center; width: 1.35rem; height: 1.35rem; border-radius: 50%; font-size: .8rem; font-weight: 700; line-height: 1; border: 2px solid currentColor; box-sizing: border-box; }
.st-not-started { color: #8a94a3; background: #fff; }
.st-incomplete { color: #b26a00; background: linear-gradient(90deg, #f5c16c 50%, #fff 50%); }
.st-complete { color: #1a7f37; background: #1a7f37; }
.st-query { color: #b42318; background: #fbe3e1; }
.st-verified { color: #0b5cad; background: #dcecff; }
.st-signed { color: #5b2a86; background: #efe3fa; }
.st-locked { color: #3d4652; background: #d9dee5; border-radius: 3px; }
.st-none-recorded { color: #c2c8d0; border-style: dotted; background: #fff; }
.st-not-applicable { visibility: hidden; }
.status-legend { display: flex; flex-wrap: wrap; gap: .3rem 1rem; margin: .3rem 0 .6rem; font-size: .85rem; color: var(--muted); align-items: center; }
.status-legend span.item { display: inline-flex; gap: .35rem; align-items: center; }
.grid-scroll { overflow-x: auto; max-width: 100%; }
table.status-grid { width: auto; border-collapse: collapse; }
table.status-grid th, table.status-grid td { padding: .15rem .3rem; text-align: center; border: 1px solid var(--line); overflow-wrap: normal; }
table.status-grid th[scope="row"] { text-align: left; white-space: nowrap; color: var(--ink); font-weight: 600; }
table.status-grid thead th { font-size: .75rem; vertical-align: bottom; max-width: 6.5rem; }
table.status-grid button.cell { background: none; border: none; padding: .15rem; cursor: pointer; color: inherit; }
table.status-grid button.cell:hover .st { box-shadow: 0 0 0 2px #f0b400; }
table.status-grid tr.current th[scope="row"] { background: #eef4fb; }
.tabs { display: flex; gap: .2rem; border-bottom: 2px solid var(--line); margin: .2rem 0 .8rem; flex-wrap: wrap; }
.tabs [role="tab"] { background: #fff; color: var(--accent); border: 1px solid var(--line); border-bottom: none; border-radius: 4px 4px 0 0; padding: .35rem .8rem; }
.tabs [role="tab"][aria-selected="true"] { background: var(--accent); color: #fff; border-color: var(--accent); }
.visit-layout { display: grid; grid-template-columns: 11.5rem minmax(0, 1fr); gap: 1rem; align-items: start; }
.visit-list { list-style: none; margin: 0; padding: 0; max-height: 34rem; overflow-y: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.visit-list button { display: flex; gap: .45rem; align-items: center; width: 100%; background: #fff; color: var(--ink); border: none; border-bottom: 1px solid var(--line); border-radius: 0; text-align: left; padding: .35rem .5rem; font-size: .9rem; }
.visit-list button[aria-current="true"] { background: #eef4fb; font-weight: 600; box-shadow: inset 3px 0 0 var(--accent); }
.form-tabs { display: flex; flex-wrap: wrap; gap: .25rem; margin-bottom: .5rem; }
.form-tabs button { display: inline-flex; gap: .35rem; align-items: center; background: #fff; color: var(--ink); border: 1px solid var(--line); padding: .25rem .55rem; font-size: .85rem; }
.form-tabs button[aria-selected="true"] { border-color: var(--accent); box-shadow: inset 0 -3px 0 var(--accent); font-weight: 600; }
.form-tabs .st { width: 1rem; height: 1rem; font-size: .6rem; }
form .actions { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; margin-top: .6rem; position: sticky; bottom: 0; z-index: 3; background: #fff; border-top: 1px solid var(--line); padding: .5rem .3rem; box-shadow: 0 -6px 8px -8px rgba(0, 0, 0, .35); }
form .actions > [role="alert"] { flex-basis: 100%; }
form .actions > [role="alert"]:empty { display: none; }
form .actions > [role="alert"] p { margin: 0 0 .2rem; color: var(--bad); font-weight: 600; }
form .actions button { padding: .4rem .6rem; font-size: .88rem; }
.status-moves { display: flex; flex-wrap: wrap; gap: .4rem .5rem; align-items: center; margin: .2rem 0 .7rem; }
.status-moves #status-move-area { flex-basis: 100%; }
.status-moves #status-move-area:empty { display: none; }
.status-moves .confirm-box input[type="text"] { width: min(32rem, 100%); box-sizing: border-box; font: inherit; padding: .3rem .45rem; border: 1px solid #9aa3ae; border-radius: 4px; }
.status-moves .confirm-box label { display: block; margin-bottom: .2rem; }
.status-moves .confirm-box .buttons { margin-top: .5rem; }
.subject-head { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; align-items: baseline; margin: -.6rem 0 .2rem; }
input.date { max-width: 10rem; text-transform: uppercase; }
table.lab-panel { width: 100%; }
table.lab-panel td, table.lab-panel th { padding: .2rem .35rem; vertical-align: top; }
table.lab-panel input, table.lab-panel select { font: inherit; padding: .2rem .3rem; border: 1px solid #9aa3ae; border-radius: 4px; width: 100%; box-sizing: border-box; min-width: 4.5rem; }
table.lab-panel input[aria-invalid="true"], table.lab-panel select[aria-invalid="true"] { border-color: var(--bad); }
table.lab-panel .error { color: var(--bad); font-size: .78rem; display: block; }
table.lab-panel .limits { font-size: .75rem; color: var(--muted); }
table.lab-panel th[scope="row"] { white-space: nowrap; color: var(--ink); }
@media (max-width: 900px) { .visit-layout { grid-template-columns: 1fr; } .visit-list { display: flex; flex-wrap: wrap; max-height: none; } .visit-list li { flex: 0 0 auto; } .visit-list button { border-right: 1px solid var(--line); } }
`;

/** The workflow screens' styles, added to the page once (the page's policy allows inline styles). */
export function ensureWorkflowStyles(): void {
  if (document.getElementById('workflow-styles') !== null) return;
  const style = document.createElement('style');
  style.id = 'workflow-styles';
  style.textContent = CSS;
  document.head.appendChild(style);
}

const GLYPH: Readonly<Record<CellStatus, string>> = {
  query: '!',
  incomplete: '',
  'not-started': '',
  complete: '',
  verified: '✓',
  signed: 'S',
  locked: 'L',
  'none-recorded': '',
  'not-applicable': '',
};

/** A status as an icon: shape and colour for the eye, its words for a screen reader and as a tooltip. */
export function statusIcon(status: CellStatus): HTMLElement {
  return h('span', { class: `st st-${status}`, title: STATUS_WORDS[status], 'data-status': status }, h('span', { 'aria-hidden': 'true' }, GLYPH[status]), h('span', { class: 'sr-only' }, STATUS_WORDS[status]));
}

const LEGEND: readonly CellStatus[] = ['not-started', 'incomplete', 'complete', 'query', 'verified', 'signed', 'locked', 'none-recorded'];

export function statusLegend(): HTMLElement {
  return h('p', { class: 'status-legend', 'aria-hidden': 'true' }, ...LEGEND.map((s) => h('span', { class: 'item' }, statusIcon(s), STATUS_WORDS[s])));
}

/** The forms a grid has columns for: every form a visit of the schedule collects, in the protocol's order. */
export function gridForms(forms: readonly FormDefinition[], status: SubjectStatus): readonly FormDefinition[] {
  const collected = new Set(status.instances.flatMap((i) => i.forms));
  return forms.filter((f) => collected.has(f.id) && f.siteHidden !== true && f.role !== 'adjudication');
}

/** One subject: visits (rows) x forms (columns); a cell opens its form at that visit. */
export function subjectGrid(forms: readonly FormDefinition[], status: SubjectStatus, open: (visitId: string, formType: string) => void, current?: string): HTMLElement {
  const columns = gridForms(forms, status);
  const rows = status.instances.map((instance) =>
    h(
      'tr',
      { class: instance.id === current ? 'current' : '' },
      h('th', { scope: 'row' }, instance.id === instance.label ? instance.label : `${instance.label}`),
      ...columns.map((form) => {
        const cell = status.cell(instance.id, form.id);
        if (cell === 'not-applicable') return h('td', {});
        const button = h('button', { type: 'button', class: 'cell', 'data-cell': `${instance.id}|${form.id}`, 'data-status': cell, 'aria-label': `${instance.label}, ${form.label}: ${STATUS_WORDS[cell]}` }, statusIcon(cell));
        button.addEventListener('click', () => open(instance.id, form.id));
        return h('td', {}, button);
      }),
    ),
  );
  return h(
    'div',
    { class: 'grid-scroll', id: 'subject-status-grid' },
    h('table', { class: 'status-grid' }, h('caption', { class: 'sr-only' }, 'Record status by visit and form'), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Visit'), ...columns.map((f) => h('th', { scope: 'col' }, f.label)))), h('tbody', {}, ...rows)),
  );
}

export interface SiteGridRow {
  readonly subjectId: string;
  readonly statusWords: string;
  readonly status: SubjectStatus;
}

/** A site: subjects (rows) x visits (columns), each cell the visit summed up; a cell opens the subject at that visit. */
export function siteGrid(rows: readonly SiteGridRow[], visitOrder: readonly string[], open: (subjectId: string, visitId: string) => void): HTMLElement {
  const seen = new Set(rows.flatMap((r) => r.status.instances.map((i) => i.id)));
  const columns = visitOrder.filter((id) => seen.has(id));
  const body = rows.map((row) => {
    const mine = new Set(row.status.instances.map((i) => i.id));
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('a', { href: `/subjects/${encodeURIComponent(row.subjectId)}`, 'data-link': true }, row.subjectId), h('span', { class: 'muted' }, ` ${row.statusWords}`)),
      ...columns.map((visitId) => {
        if (!mine.has(visitId)) return h('td', {});
        const cell = row.status.visit(visitId);
        const button = h('button', { type: 'button', class: 'cell', 'data-cell': `${row.subjectId}|${visitId}`, 'data-status': cell, 'aria-label': `${row.subjectId}, ${visitId}: ${STATUS_WORDS[cell]}` }, statusIcon(cell));
        button.addEventListener('click', () => open(row.subjectId, visitId));
        return h('td', {}, button);
      }),
    );
  });
  return h(
    'div',
    { class: 'grid-scroll', id: 'site-status-grid' },
    h('table', { class: 'status-grid' }, h('caption', { class: 'sr-only' }, 'Record status by subject and visit'), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Subject'), ...columns.map((id) => h('th', { scope: 'col' }, id)))), h('tbody', {}, ...body)),
  );
}
