import { CHART_CONFIG, CHART_FONT } from '../report/charts/index.js';

const STYLE = `
:root { --ink: #1d2430; --muted: #5b6472; --line: #d5dae1; --accent: #1f5fa8; --bad: #b3261e; --good: #1e7a3c; --warn: #8a5a00; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 ${CHART_FONT}, system-ui, sans-serif; color: var(--ink); background: var(--bg); }
header { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.2rem; background: #fff; border-bottom: 1px solid var(--line); min-height: 3.2rem; }
header h1 { font-size: 1.1rem; margin: 0; }
nav ul { display: flex; gap: .3rem; list-style: none; margin: 0; padding: 0; }
nav a { display: inline-block; padding: .35rem .7rem; border-radius: 4px; color: var(--accent); text-decoration: none; }
nav a[aria-current="page"] { background: var(--accent); color: #fff; }
#who { margin-left: auto; color: var(--muted); }
main { max-width: 1180px; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
h2 { font-size: 1.25rem; margin: .4rem 0 1rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .5rem; }
section.card, form.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.2rem; margin-bottom: 1rem; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { overflow-wrap: anywhere; text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: .85rem; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .8rem; padding: .6rem .9rem .8rem; }
legend { font-weight: 600; padding: 0 .3rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: .4rem 1rem; }
.field { display: flex; flex-direction: column; }
.field label { font-size: .85rem; color: var(--muted); }
.field input, .field select, .field textarea, textarea { font: inherit; padding: .3rem .4rem; border: 1px solid #9aa3ae; border-radius: 4px; background: #fff; }
.field input[aria-invalid="true"], .field select[aria-invalid="true"] { border-color: var(--bad); outline-color: var(--bad); }
.field .error { color: var(--bad); font-size: .8rem; min-height: 1.1em; }
.unit { color: var(--muted); font-size: .8rem; }
button { font: inherit; padding: .4rem .9rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
button:disabled { opacity: .55; cursor: not-allowed; }
:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.layout-2 { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
.status-met { color: var(--good); font-weight: 600; }
.status-not-met { color: var(--bad); font-weight: 600; }
.status-not-evaluable { color: var(--warn); font-weight: 600; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .85rem; background: #e7ecf3; }
.grade-3, .grade-4, .grade-5 { background: #fbe3e1; color: var(--bad); font-weight: 600; }
.banner { padding: .6rem .8rem; border-radius: 6px; margin: .5rem 0; border: 1px solid var(--line); background: #fff; }
.banner.bad { border-color: var(--bad); color: var(--bad); }
.banner.good { border-color: var(--good); color: var(--good); }
.muted { color: var(--muted); }
.checklist li { margin-bottom: .35rem; }
.values { font-size: .85rem; color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.live-panel { position: sticky; top: .5rem; min-height: 12rem; }
.chart { min-height: 220px; }
#conflict td { color: var(--ink); }
#conflict tr.differs td { background: #fff4e5; font-weight: 600; }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.login { max-width: 420px; margin: 3rem auto; }
#lock-form .field { max-width: 260px; }
.banner.warn { border-color: var(--warn); color: var(--warn); background: #fff8eb; }
.banner.warn ul { margin: .3rem 0 0; padding-left: 1.2rem; color: var(--ink); }
.badge.flag { background: #fff0d6; color: var(--warn); font-weight: 600; margin: 0 .3rem .2rem 0; }
.badge.status-pending { background: #e7ecf3; color: var(--accent); font-weight: 600; }
.badge.status-adjudicated { background: #e3f3e8; color: var(--good); font-weight: 600; }
.differs { color: var(--warn); font-weight: 600; }
.flag-inline { font-size: .8rem; }
.charts .chart { min-height: 0; margin-bottom: .8rem; }
.irc-case { grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); align-items: start; margin-bottom: 1rem; }
.irc-case section.card { margin-bottom: 0; overflow-x: auto; }
.irc-table th, .irc-table td { overflow-wrap: normal; }
.irc-table .badge, .nowrap { white-space: nowrap; }
#adjudicate .values { margin: .2rem 0 0; }
#adjudicate h3 { margin-top: 0; }
.flag-inline { white-space: nowrap; }
#recorded-adjudications h4 { margin: 1rem 0 .3rem; }
.field.inline { flex-direction: row; align-items: center; gap: .5rem; }
@media (max-width: 900px) { .irc-case { grid-template-columns: minmax(0, 1fr); } }
.field.wide { grid-column: 1 / -1; }
.adjudication-grid { grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); }
.case-nav { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem; }
.help { color: var(--muted); font-size: .8rem; }
.required { color: var(--bad); }
fieldset fieldset { background: #fbfcfd; }
fieldset.group-row { border-style: dashed; }
.group-row.compact { display: flex; align-items: flex-start; gap: .6rem; padding: .2rem 0; border-bottom: 1px dashed var(--line); }
.group-row.compact > .record { flex: 1; }
.group-row.compact .grid { grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); }
.group-row.compact > button { margin-top: 1.3rem; }
.row-number { color: var(--muted); margin-top: 1.5rem; min-width: 1.4rem; }
.field input[type="checkbox"] { align-self: flex-start; width: 1.2rem; height: 1.2rem; margin: .35rem 0; }
.group-rows { margin-bottom: .4rem; }
button.small { padding: .15rem .6rem; font-size: .85rem; }
.text-list { display: flex; flex-direction: column; gap: .3rem; margin-bottom: .3rem; }
.crf-fields > .record > .grid { margin-bottom: .6rem; }
ul.proposal { margin: .3rem 0 0; padding-left: 1.2rem; }
.entry { margin: 1.2rem 0; }
.timeline-form { margin-bottom: 1rem; overflow-x: auto; }
@media (max-width: 1000px) { .layout-2 { grid-template-columns: minmax(0, 1fr); } .live-panel { position: static; min-height: 0; } }
`;

/**
 * The single page of the web application. The client modules import zod by its bare name, mapped here to
 * zod's own ES modules; Vega and Vega-Lite (the report's charting library) are their browser builds, and the
 * report's chart theme is handed over as JSON so the screens and the report draw alike.
 */
export const IMPORT_MAP = JSON.stringify({ imports: { zod: '/vendor/zod/index.js' } });

export function indexHtml(): string {
  const chartConfig = JSON.stringify(CHART_CONFIG).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>trialkit EDC</title>
<style>${STYLE}</style>
<script type="importmap">${IMPORT_MAP}</script>
<script id="chart-config" type="application/json">${chartConfig}</script>
<script src="/vendor/vega.min.js" defer></script>
<script src="/vendor/vega-lite.min.js" defer></script>
<script type="module" src="/js/web/client/main.js"></script>
</head>
<body>
<a class="sr-only" href="#main">Skip to content</a>
<header><h1>trialkit EDC</h1><nav aria-label="Main"><ul id="nav"></ul></nav><span id="who" aria-live="polite"></span></header>
<main id="main" tabindex="-1"><p class="muted">Loading…</p></main>
<div id="announcer" class="sr-only" aria-live="assertive"></div>
</body>
</html>
`;
}
