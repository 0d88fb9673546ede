import { z } from 'zod';
import { issue, type Issue } from '../result/index.js';
import { HttpError } from './httpError.js';
import type { ServedProtocol } from './servedProtocol.js';
import { reviewForm, type CheckedForm } from './subjectRoutes.js';

/** The most analytes one draw may carry: far above any panel, small enough for one transaction. */
const MAX_PANEL_ROWS = 64;

export const labPanelBody = z.strictObject({
  shared: z.record(z.string(), z.unknown()).describe('the values every analyte of the draw shares (the sample date, the visit, the laboratory): fields of the lab form'),
  results: z
    .array(z.record(z.string(), z.unknown()))
    .min(1)
    .max(MAX_PANEL_ROWS)
    .describe('one entry per analyte of the draw (analyte, value, unit, normal range): the other fields of the lab form'),
});

export type LabPanelBody = z.infer<typeof labPanelBody>;

/** One analyte of the panel, checked as a lab form. */
export interface CheckedPanelRow {
  readonly index: number;
  readonly form: CheckedForm;
}

/**
 * A lab panel as lab forms: each result merged with the shared values and checked as a single lab save
 * (schema, text limits, hard and plausibility limits). Every refusal of every row is collected and none is
 * saved: 422 whose paths name the shared field (['shared', 'date']) or the row's ('results', 2, 'value').
 */
export function reviewLabPanel(protocol: ServedProtocol, body: LabPanelBody, today: string): { readonly formType: string; readonly rows: readonly CheckedPanelRow[] } {
  const formType = protocol.formOfRole('lab')?.id;
  if (formType === undefined) throw new HttpError(422, 'unknown-form', `the protocol ${protocol.definition.id} has no laboratory form`, { issues: [issue('unknown-form', ['results'], undefined, 'a protocol with a lab form')] });
  const sharedKeys = new Set(Object.keys(body.shared));
  const clash = body.results.flatMap((row, index) => Object.keys(row).filter((key) => sharedKeys.has(key)).map((key) => issue('duplicate-field', ['results', index, key], row[key], 'a value given once: in shared or in the row')));
  const issues: Issue[] = [...clash];
  const rows: CheckedPanelRow[] = [];
  body.results.forEach((row, index) => {
    const review = reviewForm(protocol, formType, { ...body.shared, ...row }, today);
    if (review.ok) rows.push({ index, form: { data: review.data, findings: review.findings } });
    else {
      for (const item of review.error.issues) {
        const [, key, ...rest] = item.path;
        const path = typeof key === 'string' && sharedKeys.has(key) ? ['shared', key, ...rest] : ['results', index, ...item.path.slice(1)];
        issues.push({ ...item, path });
      }
    }
  });
  if (issues.length > 0) {
    // a shared field refused in every row is said once
    const seen = new Set<string>();
    const unique = issues.filter((item) => {
      const key = `${item.code} ${JSON.stringify(item.path)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    throw new HttpError(422, 'invalid-input', `the lab panel is not valid: ${unique.length} problem(s); nothing was saved`, { issues: unique });
  }
  return { formType, rows };
}
