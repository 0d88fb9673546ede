/// <reference lib="dom" />
// The analysis dashboard's own styles, added to the page once (the page's policy allows inline styles).

const CSS = `
.analysis-meta { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: baseline; margin: -.4rem 0 .8rem; color: var(--muted); }
.analysis-meta .report-links { margin-left: auto; display: flex; gap: .4rem; align-items: center; flex-wrap: wrap; }
.report-links a { display: inline-block; padding: .3rem .7rem; border: 1px solid var(--accent); border-radius: 4px; color: var(--accent); text-decoration: none; background: #fff; }
.report-links a:hover { background: var(--accent); color: #fff; }
.key-numbers { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: .8rem; margin-bottom: 1rem; }
.design-card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .7rem .9rem; margin: .8rem 0; }
.design-card h3 { margin: 0 0 .4rem; font-size: .95rem; }
.design-card .decision { margin: .5rem 0 .25rem; font-weight: 600; }
.design-card .stage-head { font-size: .85rem; margin-bottom: .2rem; }
.design-card .stage.met .state { color: #1a7f37; font-weight: 700; }
.design-card .stage.not-met .state { color: #b42318; font-weight: 700; }
.design-card .bar { display: flex; height: .9rem; border: 1px solid var(--line); border-radius: 3px; overflow: hidden; }
.design-card .seg { display: block; min-width: 2px; }
.design-card .seg.responder { background: #2e7d32; }
.design-card .seg.non-responder { background: #9e9e9e; }
.design-card .seg.pending { background: repeating-linear-gradient(45deg, #f9a825 0 4px, #fff3c4 4px 8px); }
.design-card .seg.open { background: #fff; }
.key-number { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .7rem .9rem; }
.key-number h3 { margin: 0 0 .3rem; font-size: .9rem; font-weight: 600; color: var(--muted); }
.key-number .big { font-size: 1.6rem; font-weight: 700; line-height: 1.2; }
.key-number .ci { font-size: .85rem; color: var(--muted); min-height: 1.2em; }
.key-number .count { margin-top: .35rem; font-size: .9rem; }
button.link { background: none; border: none; padding: 0; color: var(--accent); text-decoration: underline; cursor: pointer; font: inherit; }
.analysis-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 500px), 1fr)); gap: 0 1rem; align-items: start; }
.analysis-grid .figure-scroll svg { max-width: 100%; height: auto; }
details.more { margin-bottom: 1rem; }
details.more > summary { cursor: pointer; color: var(--accent); padding: .3rem 0; margin-bottom: .5rem; }
.figure-card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin-bottom: 1rem; min-width: 0; }
.figure-card h3, .table-card h3 { margin: 0 0 .2rem; font-size: 1rem; }
.figure-card .population, .table-card .population { margin: 0 0 .5rem; color: var(--muted); font-size: .85rem; }
.figure-scroll { overflow-x: auto; }
.figure-scroll .chart { min-height: 0; }
.figure-card .hint { font-size: .8rem; color: var(--muted); margin: .3rem 0 0; }
.table-card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin-bottom: 1rem; overflow-x: auto; min-width: 0; }
.report-table td, .report-table th { overflow-wrap: normal; }
.report-table td:first-child, .report-table th:first-child { min-width: 13rem; }
.report-table td.num, .report-table th.num { text-align: right; min-width: 6.5rem; }
.report-table td.indent-1 { padding-left: 1.3rem; }
.report-table td.indent-2 { padding-left: 2.3rem; }
.report-table tr.heading td { font-weight: 600; background: #f3f5f8; }
.report-table .col-n { display: block; font-weight: normal; }
.footnotes { font-size: .8rem; color: var(--muted); margin: .4rem 0 0; padding-left: 1rem; }
dialog#drill { border: 1px solid var(--line); border-radius: 8px; padding: 0; width: min(760px, 94vw); max-height: 85vh; }
dialog#drill::backdrop { background: rgba(20, 28, 40, .35); }
dialog#drill .drill-head { display: flex; align-items: start; gap: 1rem; padding: .8rem 1rem; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: #fff; }
dialog#drill .drill-head h3 { margin: 0; font-size: 1rem; flex: 1; }
dialog#drill .drill-body { padding: .6rem 1rem 1rem; overflow: auto; }
.snapshot-pick select { font: inherit; padding: .2rem .3rem; border: 1px solid #9aa3ae; border-radius: 4px; background: #fff; }
.synthetic { color: var(--warn); font-weight: 700; }
/* tablet: two key numbers a row, a narrower label column */
@media (max-width: 1000px) { .key-numbers { grid-template-columns: 1fr 1fr; } .report-table td:first-child, .report-table th:first-child { min-width: 9rem; } }
`;

export function ensureDashboardStyles(): void {
  if (document.getElementById('dashboard-styles') !== null) return;
  const style = document.createElement('style');
  style.id = 'dashboard-styles';
  style.textContent = CSS;
  document.head.appendChild(style);
}
