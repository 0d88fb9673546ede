/// <reference lib="dom" />
// The review screens' own styles (queries, field history, verification, signatures, lock banner), added
// to the page once (the page's policy allows inline styles).

const CSS = `
.query-table td, .query-table th, .review-table td, .review-table th { vertical-align: top; overflow-wrap: normal; word-break: normal; }
.query-table .nowrap, .review-table .nowrap { white-space: nowrap; }
.query-actions { display: flex; flex-direction: column; gap: .3rem; min-width: 12rem; }
.query-actions textarea, .query-actions input { width: 100%; box-sizing: border-box; }
.query-actions .buttons { display: flex; gap: .3rem; flex-wrap: wrap; }
.status-badge { display: inline-block; padding: .05rem .45rem; border-radius: 999px; font-size: .8rem; border: 1px solid var(--line); white-space: nowrap; }
.status-badge.open { border-color: var(--bad); color: var(--bad); }
.status-badge.answered { border-color: var(--warn); color: var(--warn); }
.status-badge.closed { border-color: var(--good); color: var(--good); }
.status-badge.verified, .status-badge.signed { border-color: var(--good); color: var(--good); }
.status-badge.cleared, .status-badge.invalidated { border-color: var(--warn); color: var(--warn); }
.status-badge.locked { border-color: var(--bad); color: var(--bad); }
.lock-banner { border: 2px solid var(--bad); background: #fdecea; color: var(--ink); padding: .6rem .9rem; border-radius: 6px; margin: .5rem 0 1rem; }
.lock-banner strong { color: var(--bad); }
.history-list { list-style: none; margin: 0; padding: 0; }
.history-list li { padding: .35rem 0; border-bottom: 1px solid var(--line); }
.history-list .when { color: var(--muted); font-size: .85rem; }
.signature-block { border-left: 4px solid var(--good); padding: .3rem .7rem; margin: .3rem 0; background: #f3faf4; }
.signature-block.invalidated { border-left-color: var(--warn); background: #fff8eb; }
.confirm-box .error { color: var(--bad); font-weight: 600; }
.confirm-box { border: 1px solid var(--accent); border-radius: 6px; padding: .6rem .8rem; margin: .5rem 0; background: #f5f8ff; }
.review-scroll { overflow-x: auto; }
.meaning-choice { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .5rem; padding: .3rem .7rem .5rem; }
.meaning-choice legend { font-weight: 600; padding: 0 .3rem; }
.review-table { width: 100%; }
.review-table .signature-block { max-width: 28rem; }
/* Below the width of a desktop window the review tables (records, queries, locks) are stacked: one card per
   row, each value on its own labelled line (labelStackedCells), so nothing scrolls sideways on a tablet
   (768 px) and every action stays in view. */
@media (max-width: 1000px) {
  .stack-table, .stack-table tbody, .stack-table tr, .stack-table td { display: block; width: auto; }
  .stack-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .stack-table tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .6rem; padding: .35rem .6rem; background: #fff; }
  .stack-table td { border: none; padding: .2rem 0 .2rem 11rem; position: relative; min-height: 1.2rem; }
  .stack-table td::before { content: attr(data-label); position: absolute; left: 0; width: 10.3rem; font-weight: 600; color: var(--muted); font-size: .85rem; }
  .stack-table td:first-child { font-weight: 600; }
  .stack-table td[data-label=""] { padding-left: 0; }
  .stack-table td[data-label=""]::before { content: none; }
  .stack-table .query-actions { min-width: 0; max-width: 32rem; }
}
@media (max-width: 560px) {
  .stack-table td { padding-left: 0; }
  .stack-table td::before { position: static; display: block; width: auto; }
}
`;

let added = false;

export function ensureReviewStyles(): void {
  if (added) return;
  added = true;
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
}

/** Marks a table to be stacked below desktop width: each body cell carries its column's header as its label. */
export function labelStackedCells(list: HTMLTableElement, headers: readonly string[]): HTMLTableElement {
  list.classList.add('stack-table');
  for (const row of list.tBodies[0]?.rows ?? []) for (const [i, cell] of [...row.cells].entries()) cell.dataset.label = headers[i] ?? '';
  return list;
}
