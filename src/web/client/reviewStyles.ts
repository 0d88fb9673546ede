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
.confirm-box { border: 1px solid var(--accent); border-radius: 6px; padding: .6rem .8rem; margin: .5rem 0; background: #f5f8ff; }
.review-scroll { overflow-x: auto; }
`;

let added = false;

export function ensureReviewStyles(): void {
  if (added) return;
  added = true;
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
}
