import type { AdaeRow, AdrsRow, AdslRow, AdslValue, AdtteRow, ProtocolDefinition } from '../../clinical/index.js';
import { subjectAnchor } from './anchors/index.js';
import { escapeHtml } from './escapeHtml.js';

/** One subject's derived records, grouped by dataset (rows of that subject only). */
export interface SubjectRecords {
  readonly adsl: AdslRow;
  readonly adrs: readonly AdrsRow[];
  readonly adtte: readonly AdtteRow[];
  readonly adae: readonly AdaeRow[];
}

function text(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '\u2013' : escapeHtml(String(value));
}

/**
 * One part of a profile: its heading and records. The heading is the first row of the table's head, which
 * print repeats on every page the records go on to, with the subject's id (shown in print only), so that
 * a page of a long profile always says whose records and which they are; no records: the heading and 'None.'.
 */
function records(title: string, subject: string, headings: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const who = `<span class="who"> \u2013 ${escapeHtml(subject)}</span>`;
  if (rows.length === 0) return `<h5>${escapeHtml(title)}${who}</h5><p class="back">None.</p>`;
  const part = `<tr class="part"><th colspan="${headings.length}">${escapeHtml(title)}${who}</th></tr>`;
  const head = headings.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((v) => `<td>${text(v)}</td>`).join('')}</tr>`).join('');
  return `<table class="records"><thead>${part}<tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function populations(s: AdslRow, protocol: ProtocolDefinition): string {
  if (s.ENRLFL !== 'Y') return 'Screen failure';
  const sets = protocol.analysisSets.filter((set) => s[set.flag] === 'Y');
  // 'Enrolled' unless the protocol has an analysis set of the enrolled subjects (it names it: 'Enrolled set'), not both.
  const enrolledSet = protocol.analysisSets.some((set) => set.rule.kind === 'enrolled');
  return [...(enrolledSet ? [] : ['Enrolled']), ...sets.map((set) => set.name)].join(', ');
}

function show(value: AdslValue | undefined): string {
  return value === null || value === undefined || value === '' ? '\u2013' : String(value);
}

/** 'DISCONTINUED' (a CDISC status term) as 'Discontinued'. */
function sentenceCase(term: string): string {
  return term.charAt(0).toUpperCase() + term.slice(1).toLowerCase();
}

/** A reason code of a criterion ('no-postbaseline', 'not-confirmed') in words: 'No postbaseline', 'Not confirmed'. */
function reasonWords(code: string | null): string | null {
  return code === null || code === '' ? code : sentenceCase(code.replace(/-/g, ' '));
}

function status(state: string | null, date: string | null, reason: string | null): string {
  if (state === null) return '\u2013';
  return [sentenceCase(state), date, reason].filter((x) => x !== null && x !== '').join(', ');
}

/** A response rule id in the words of the protocol's response criteria (ruleLabels); an id they do not label as its words, so that nothing is hidden. */
function ruleLabel(protocol: ProtocolDefinition, id: string | null): string | null {
  return id === null || id === '' ? id : (protocol.response.ruleLabels?.get(id) ?? sentenceCase(id.replace(/-/g, ' ')));
}

/**
 * The label of a code in the protocol's code list (as the listings print them: 'not-recovered' ->
 * 'Not recovered/not resolved'); a code the list does not have prints as itself, so nothing is hidden.
 */
function codeLabels(protocol: ProtocolDefinition, codelistId: string): (code: string | null) => string | null {
  const labels = new Map((protocol.codelists.find((c) => c.id === codelistId)?.items ?? []).map((item) => [item.code, item.label]));
  return (code) => (code === null ? null : (labels.get(code) ?? code));
}

/**
 * A CDISC description stored upper-case (ADTTE EVNTDESC and CNSDTDSC: 'LAST KNOWN ALIVE', 'NO PROGRESSION
 * OR DEATH: LAST ADEQUATE ASSESSMENT') in words, as sentence case; the abbreviations the protocol writes
 * upper-case (response category codes, evaluators, endpoint codes, the words of its responder label) keep
 * theirs, so that 'OR' the conjunction is lower-cased and a category code is not. Lower-case text is unchanged.
 */
function descriptionWords(protocol: ProtocolDefinition): (text: string | null) => string | null {
  const sources = [
    ...protocol.response.scale.categories.flatMap((c) => [c.code, c.label]),
    protocol.response.scale.responderLabel,
    protocol.response.scale.diseaseControlLabel,
    ...protocol.response.evaluators.map((e) => e.label),
    // The endpoints' codes: 'CENSORED FOR OS (STILL IN FOLLOW-UP)' keeps its 'OS'.
    ...protocol.endpoints.map((e) => e.paramcd),
  ];
  const kept = new Map<string, string>();
  for (const word of sources.join(' ').split(/[^A-Za-z0-9-]+/)) if (/[A-Z].*[A-Z]/.test(word) && word.length >= 2) kept.set(word.toUpperCase(), word);
  return (text) => {
    if (text === null || text === '' || text !== text.toUpperCase()) return text;
    const lower = text.replace(/[A-Za-z0-9-]+/g, (word) => kept.get(word) ?? word.toLowerCase());
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  };
}

/** The protocol's words a profile prints (labels of drugs, codes, evaluators), made once per protocol: a report prints thousands of profiles. */
interface ProfileTerms {
  readonly drugLabel: ReadonlyMap<string, string>;
  readonly reason: (code: string | null) => string | null;
  readonly deathCause: (code: string | null) => string | null;
  readonly outcome: (code: string | null) => string | null;
  readonly evaluator: (id: string | null) => string | null;
  readonly words: (text: string | null) => string | null;
  /** The code labels of each subject variable (a code list named as the variable). */
  readonly variableLabels: ReadonlyMap<string, (code: string | null) => string | null>;
}

function profileTerms(protocol: ProtocolDefinition): ProfileTerms {
  // ADRS/ADTTE EVALUATOR holds the evaluator's id ('INVESTIGATOR'): printed by the protocol's label for it ('Investigator').
  const evaluatorLabel = new Map(protocol.response.evaluators.map((e) => [e.id, e.label]));
  return {
    drugLabel: new Map(protocol.regimen.drugs.map((d) => [d.id, d.label])),
    reason: codeLabels(protocol, 'DCREAS'),
    deathCause: codeLabels(protocol, 'DTHCAUS'),
    outcome: codeLabels(protocol, 'AEOUT'),
    evaluator: (id) => (id === null ? null : (evaluatorLabel.get(id) ?? id)),
    words: descriptionWords(protocol),
    variableLabels: new Map(protocol.subjectVariables.variables.map((v) => [v.name, codeLabels(protocol, v.name)])),
  };
}

/**
 * A subject's profile: key ADSL facts (with the protocol's own subject variables), then the derived records
 * behind every count the subject is in: response at each assessment (ADRS, per evaluator, with the deciding
 * rule of the response criteria) and best response, time-to-event values with event or censoring reason
 * (ADTTE), and adverse events with grade and the drugs they are related to (ADAE).
 */
export function renderSubjectProfile(subject: SubjectRecords, protocol: ProtocolDefinition): string {
  return subjectProfileRenderer(protocol)(subject);
}

/** renderSubjectProfile for many subjects of one protocol: the protocol's words are looked up once. */
export function subjectProfileRenderer(protocol: ProtocolDefinition): (subject: SubjectRecords) => string {
  const terms = profileTerms(protocol);
  return (subject) => profile(subject, protocol, terms);
}

function profile(subject: SubjectRecords, protocol: ProtocolDefinition, terms: ProfileTerms): string {
  const s = subject.adsl;
  const { drugLabel, reason, deathCause, outcome, evaluator, words, variableLabels } = terms;
  const facts: [string, string][] = [
    ['Site', s.SITEID],
    ['Populations', populations(s, protocol)],
    ['Age / sex', `${show(s.AGE)} / ${show(s.SEX)}`],
    ['ECOG', show(s.ECOGBL)],
    ['Prior lines', String(s.PRLINES)],
    // A coded variable by the label of its level, else of its code list (a code list named as the variable: HISTOL), as the tables print it.
    ...protocol.subjectVariables.variables.map((v): [string, string] => {
      const value = s[v.name];
      const level = v.levels?.find((l) => l.value === value)?.label;
      return [v.label, level ?? (typeof value === 'string' ? (variableLabels.get(v.name) ?? codeLabels(protocol, v.name))(value) : null) ?? show(value)];
    }),
    ['Treatment', s.TRTSDT === null ? 'not treated' : `${s.TRTSDT} to ${s.TRTEDT ?? 'ongoing'}`],
    ['End of treatment', status(s.EOTSTT, s.EOTDT, reason(s.DCTREAS))],
    ['End of study', status(s.EOSSTT, s.EOSDT, reason(s.DCSREAS))],
    ['Death', s.DTHFL === 'Y' ? [s.DTHDT, deathCause(s.DTHCAUS)].filter((x) => x !== null && x !== '').join(', ') : 'No'],
  ];
  const dl = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${text(v)}</dd>`).join('');
  const visits = subject.adrs
    .filter((r) => r.PARAMCD === 'OVRLRESP')
    .sort((a, b) => a.EVALUATOR.localeCompare(b.EVALUATOR) || (a.ADY ?? 0) - (b.ADY ?? 0))
    .map((r) => [evaluator(r.EVALUATOR), r.AVISIT, r.ADY, r.ADT, r.AVALC, r.CONFFL, ruleLabel(protocol, r.RULE), r.RECCALL]);
  const best = subject.adrs
    .filter((r) => r.PARAMCD === 'BOR')
    .map((r) => [evaluator(r.EVALUATOR), r.AVALC, r.RSPFL, r.DCRFL, r.RSPDT, r.PDDT, reasonWords(r.BORREAS)]);
  const tte = subject.adtte.map((r) => [r.PARAM, evaluator(r.EVALUATOR), r.AVAL, r.AVALM.toFixed(2), r.CNSR === 0 ? 'Event' : `Censored (${r.CNSR})`, words(r.CNSR === 0 ? r.EVNTDESC : r.CNSDTDSC)]);
  const aes = subject.adae
    .slice()
    .sort((a, b) => a.AESEQ - b.AESEQ)
    .map((r) => [r.AESEQ, r.AEDECOD, r.AEBODSYS, r.ASTDY, r.AETOXGR, r.AESER, r.RELDRUGS.map((id) => drugLabel.get(id) ?? id).join(', ') || 'None', r.TRTEMFL, outcome(r.AEOUT)]);
  const id = s.USUBJID;
  return (
    `<section class="subject" id="${subjectAnchor(s.USUBJID)}"><h4>Subject ${escapeHtml(s.USUBJID)}</h4><dl>${dl}</dl>` +
    `${records('Response at each assessment (ADRS)', id, ['Evaluator', 'Visit', 'Study day', 'Date', 'Response', 'Confirmed', `${protocol.response.scale.name} rule`, 'Recorded call'], visits)}` +
    `${records('Best overall response (ADRS)', id, ['Evaluator', 'Best response', 'Responder', 'Disease control', 'Response date', 'Progression date', 'NE reason'], best)}` +
    `${records('Time to event (ADTTE)', id, ['Parameter', 'Evaluator', 'Days', 'Months', 'Event / censored', 'Event or censoring reason'], tte)}` +
    `${records('Adverse events (ADAE)', id, ['Seq', 'Preferred term', 'System organ class', 'Onset day', 'Grade', 'Serious', 'Related to', 'Treatment-emergent', 'Outcome'], aes)}` +
    '</section>'
  );
}
