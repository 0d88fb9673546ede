/** Plain-text rendering shared by the commands: aligned tables and number formatting. */

/** Formats a number for people: fixed decimals, `NR` (not reached) for null, `NA` for NaN. */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return 'NR';
  if (Number.isNaN(value)) return 'NA';
  if (value !== 0 && Math.abs(value) < 10 ** -digits) return value.toExponential(2);
  return value.toFixed(digits);
}

/** Formats a p-value as R prints small ones: `< 1e-16` below machine precision, else 4 significant digits. */
export function formatP(p: number | null): string {
  if (p === null || Number.isNaN(p)) return 'NA';
  if (p < 2.2e-16) return '< 2.2e-16';
  if (p < 1e-4) return p.toExponential(2);
  return p.toPrecision(4);
}

/** Renders rows as an aligned text table; the first row is the header. Numbers align right. */
export function renderTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const numeric = /^[-+<]?\s?[\d.]+(e[-+]?\d+)?%?$|^NR$|^NA$/;
  const lines = rows.map((row, r) =>
    row
      .map((cell, i) => (r > 0 && numeric.test(cell) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [lines[0], rule, ...lines.slice(1)].join('\n') + '\n';
}

/** JSON output: NaN and Infinity are not JSON, so they become null (documented as "not computable"). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
