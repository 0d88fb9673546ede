/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// What the clinical engines say beside a form, chosen by the role of the form in the protocol: the CTCAE
// grade of a lab as it is typed (the grading engine runs in the browser), the eligibility checklist of the
// screening record (the protocol's criteria, served as data, run by the same engine as on the server), the
// dose the regimen proposes for each drug and the response on the protocol's scale (both derived on the
// server from everything saved for the subject: shown from the last save, and again after each save).
import { CTCAE_V5_LAB_CRITERIA, computeCtcaeGrade } from '../../clinical/ctcae/index.js';
import { computeEligibility, type EligibilityResult } from '../../clinical/eligibility/index.js';
import { isLabAnalyte } from '../../clinical/units/index.js';
import { append, h } from './dom.js';
import type { ClientProtocol } from './protocol.js';
import type { RecordView } from './shell.js';

function gradeBadge(grade: number | null): HTMLElement {
  return h('span', { class: `badge grade-${grade ?? 'none'}` }, grade === null ? 'not gradable' : `grade ${grade}`);
}

/** The CTCAE v5.0 grades of a lab result as typed (every criterion of its analyte). */
export function liveGrades(data: Record<string, unknown>, panel: HTMLElement): void {
  const { analyte, value, unit } = data;
  append(panel, h('h4', {}, 'CTCAE v5.0 grade (live)'));
  if (!isLabAnalyte(analyte) || typeof value !== 'number' || typeof unit !== 'string') {
    append(panel, h('p', { class: 'muted' }, 'Choose the analyte, type the value and its unit.'));
    return;
  }
  const criteria = CTCAE_V5_LAB_CRITERIA.filter((c) => c.analyte === analyte);
  if (criteria.length === 0) append(panel, h('p', { class: 'muted' }, `No CTCAE lab criterion for ${analyte}.`));
  for (const criterion of criteria) {
    const outcome = computeCtcaeGrade({ term: criterion.term, value, unit, lln: typeof data.lln === 'number' ? data.lln : null, uln: typeof data.uln === 'number' ? data.uln : null });
    if (outcome.ok) {
      append(
        panel,
        h(
          'p',
          { 'data-term': outcome.value.term, 'data-grade': String(outcome.value.grade) },
          `${outcome.value.term}: `,
          gradeBadge(outcome.value.grade),
          h('br'),
          h('span', { class: 'values' }, `${outcome.value.value} ${outcome.value.unit}${outcome.value.reason === undefined ? '' : ` — ${outcome.value.reason}`}`),
        ),
      );
    } else append(panel, h('p', { class: 'error' }, outcome.issues.map((i) => `${i.path.join('.')}: expected ${i.expected}`).join('; ')));
  }
}

/** The CTCAE grades of a saved lab, as a table cell. */
export function gradesText(lab: Readonly<Record<string, unknown>>): string {
  if (!isLabAnalyte(lab.analyte) || typeof lab.value !== 'number' || typeof lab.unit !== 'string') return '—';
  const { value, unit } = lab;
  const grades = CTCAE_V5_LAB_CRITERIA.filter((c) => c.analyte === lab.analyte).map((c) =>
    computeCtcaeGrade({ term: c.term, value, unit, lln: typeof lab.lln === 'number' ? lab.lln : null, uln: typeof lab.uln === 'number' ? lab.uln : null }),
  );
  return grades.map((g) => (g.ok ? `${g.value.term}: ${String(g.value.grade)}` : 'not gradable')).join('; ') || '—';
}

/** An adverse event's grade as typed: the regimen's modification rules act on grade 3 and above. */
export function liveAdverseEvent(data: Record<string, unknown>, panel: HTMLElement): void {
  const grade = typeof data.grade === 'number' ? data.grade : null;
  append(
    panel,
    h('h4', {}, 'Dose modification'),
    grade !== null && grade >= 3
      ? h('p', { class: 'banner bad' }, `Grade ${grade}: a related grade 3 or higher toxicity may hold or reduce a drug at the next dose, by the regimen's rules; the proposal is derived when the record is saved.`)
      : h('p', { class: 'muted' }, "The regimen's dose proposal for the next cycle takes this event into account once it is saved."),
  );
}

interface DrugProposal {
  readonly drug: string;
  readonly label: string;
  readonly doseMg: number | null;
  readonly action: string;
  readonly dosingDay: boolean | null;
  readonly reason: string;
}

interface DoseProposal {
  readonly cycle: number;
  readonly date: string;
  readonly action: string;
  readonly drugs: readonly DrugProposal[];
  readonly reason: string;
}

/** The dose the regimen proposes for each drug at the next cycle, from a saved dosing row's derived values. */
export function proposalView(protocol: ClientProtocol, view: RecordView, withId = true): HTMLElement {
  const proposal = view.derived?.doseProposal as DoseProposal | null | undefined;
  if (proposal === undefined || proposal === null) {
    const reason = view.derived?.reason;
    return h('p', { class: 'muted' }, typeof reason === 'string' ? reason : 'No dose proposal.');
  }
  const unitOf = (drug: string): string => protocol.view.regimen.drugs.find((d) => d.id === drug)?.doseUnit ?? 'mg';
  return h(
    'div',
    { class: `banner ${proposal.action === 'continue' ? '' : 'bad'}`, 'data-action': proposal.action, id: withId ? `proposal-${view.record.recordId}` : undefined },
    h('strong', {}, `Proposed for cycle ${proposal.cycle} (${proposal.date})`),
    h(
      'ul',
      { class: 'proposal' },
      ...proposal.drugs.map((d) =>
        h('li', { 'data-drug': d.drug, 'data-action': d.action, 'data-dose': d.doseMg === null ? '' : String(d.doseMg) }, h('strong', {}, d.label), `: ${d.action}, ${d.doseMg === null ? 'no dose' : `${d.doseMg} ${unitOf(d.drug)}`}`, h('div', { class: 'values' }, d.reason)),
      ),
    ),
  );
}

export interface Evaluation {
  readonly evaluator: string;
  readonly label: string;
  readonly source: string;
  readonly baselineFound: boolean;
  readonly referenceDate: string;
  readonly assessments: readonly { readonly date: string; readonly visit: string | null; readonly response: string; readonly confirmed: boolean; readonly rule: string | null }[];
  readonly best: string;
  readonly bestReason: string | null;
  readonly progressionDate: string | null;
}

/** The subject's response per evaluator: the best confirmed category and the latest assessment's. */
export function responseSummary(protocol: ClientProtocol, evaluations: readonly Evaluation[], id = 'response-summary'): HTMLElement {
  const scale = protocol.view.response.scale;
  const label = (code: string): string => scale.categories.find((c) => c.code === code)?.label ?? code;
  if (evaluations.length === 0) return h('p', { class: 'muted', id }, 'No response can be derived yet (no first dose, enrolment or assessment).');
  return h(
    'ul',
    { id, class: 'checklist' },
    ...evaluations.map((e) => {
      const last = e.assessments.at(-1);
      return h(
        'li',
        { 'data-evaluator': e.evaluator, 'data-best': e.best, 'data-latest': last?.response ?? '' },
        h('strong', {}, `${e.label} (${e.source} data): `),
        `best confirmed ${e.best} (${label(e.best)})`,
        last === undefined ? (e.baselineFound ? ' — baseline only' : ' — no baseline assessment yet') : ` — latest ${last.date}: ${last.response}${last.confirmed ? ', confirmed' : ', unconfirmed'}`,
        e.progressionDate === null ? null : h('span', { class: 'values' }, ` progression ${e.progressionDate}`),
      );
    }),
  );
}

/** The live panel of an assessment form: what the response is now, and that saving re-derives it. */
export function liveResponse(protocol: ClientProtocol, current: () => readonly Evaluation[] | null): (data: Record<string, unknown>, panel: HTMLElement) => void {
  return (_data, panel) => {
    const evaluations = current();
    append(
      panel,
      h('h4', {}, `${protocol.view.response.scale.name} response`),
      h('p', { class: 'muted' }, "Derived on the server by the protocol's criteria from every assessment saved for the subject; saving this record derives it again."),
      evaluations === null ? h('p', { class: 'muted' }, 'Loading the current response…') : responseSummary(protocol, evaluations, 'response-live'),
    );
  };
}

function formatValue(value: { value: unknown; unit?: string; reported?: string }): string {
  return `${String(value.value)}${value.unit === undefined ? '' : ` ${value.unit}`}${value.reported === undefined ? '' : ` (entered ${value.reported})`}`;
}

/** The eligibility checklist: every criterion with its status, the values it read and why. */
export function checklist(result: EligibilityResult): HTMLElement {
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

/** The eligibility of the screening record as typed, by the protocol's criteria run in the browser. */
export function liveEligibility(protocol: ClientProtocol): (data: Record<string, unknown>, panel: HTMLElement) => EligibilityResult | null {
  return (data, panel) => {
    append(panel, h('h3', { id: 'live-title' }, 'Eligibility (live)'));
    const target = h('div', { id: 'eligibility-live' });
    append(panel, target);
    const outcome = computeEligibility(data, protocol.view.eligibility, protocol.screeningSchema());
    if (!outcome.ok) {
      append(target, h('p', { class: 'banner' }, 'Complete or correct the marked fields to screen.'), ...outcome.issues.filter((i) => i.severity !== 'warning').slice(0, 8).map((i) => h('p', { class: 'error' }, `${i.path.join('.')}: expected ${i.expected}`)));
      return null;
    }
    append(target, checklist(outcome.value));
    return outcome.value;
  };
}
