import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdverseEventForm, ProtocolDefinition, ResponseBinding, ResponseScale, SubgroupDefinition, TrialData } from '../clinical/index.js';
import { createAdamDatasets } from '../clinical/index.js';
import { figureSpec } from './charts/index.js';
import { renderReportCsv } from './csv/index.js';
import { formatValue } from './format/index.js';
import { renderReportHtml } from './html/index.js';
import { createAggregateEdition, createReportModel, findCell, findFigure, findTable, findValue, type ReportModel } from './model/index.js';
import { buildTestTrial, TEST_PROTOCOL } from '../protocols/nct05236621/testing/reportTestTrial.js';

// A second, minimal protocol built here from the reference one: two drugs renamed, a 4-category response
// scale, other evaluators, endpoints, analysis sets, subgroups and a Simon design. The report must read all of
// it from the protocol: no wording of the reference protocol may reach a table, figure or file.

const REFERENCE = TEST_PROTOCOL;

/** The reference scale's categories onto the 4 of the test scale (responders stay responders). */
function toTestCategory(code: string): string {
  const category = REFERENCE.response.scale.categories.find((c) => c.code === code);
  if (category === undefined) return code;
  if (category.responder) return 'RESP';
  if (category.diseaseControl) return 'STAB';
  return code === REFERENCE.response.scale.progression ? 'PROG' : 'UNEV';
}

const SCALE: ResponseScale = {
  id: 'test-4',
  name: 'Four-step criteria 1.0',
  version: '1.0',
  citation: 'Invented for this test',
  categories: [
    { code: 'RESP', label: 'Responding', responder: true, diseaseControl: true },
    { code: 'STAB', label: 'Stable', responder: false, diseaseControl: true },
    { code: 'PROG', label: 'Progressing', responder: false, diseaseControl: false },
    { code: 'UNEV', label: 'Unevaluable', responder: false, diseaseControl: false },
  ],
  progression: 'PROG',
  notEvaluable: 'UNEV',
  responderLabel: 'responding',
  diseaseControlLabel: 'responding or stable',
};

const [firstParameter, ...otherParameters] = REFERENCE.response.parameters;
const PARAMETERS = new Map([firstParameter, ...otherParameters].map((p, i) => [p.code, { code: `SIZE${i + 1}`, label: `Marker ${i + 1}`, unit: 'mm' }]));

const base = REFERENCE.response;
const RESPONSE: ResponseBinding = {
  scale: SCALE,
  evaluators: [
    { ...base.evaluators[0], id: 'CENTRAL', label: 'Central review', paramSuffix: '' },
    { ...base.evaluators[1], id: 'SITE', label: 'Site review', paramSuffix: 'SITE' },
  ],
  assessmentForms: base.assessmentForms,
  evaluate(input) {
    const { result, issues } = base.evaluate(input);
    return {
      issues,
      result: { ...result, best: toTestCategory(result.best), assessments: result.assessments.map((a) => ({ ...a, response: toTestCategory(a.response), rule: null })) },
    };
  },
  parameters: [...PARAMETERS.values()],
  measurements(record, source) {
    return base.measurements(record, source).map((p) => ({ ...p, parameter: PARAMETERS.get(p.parameter)?.code ?? p.parameter }));
  },
};

const DRUG_IDS = new Map(REFERENCE.regimen.drugs.map((d) => [d.id, d.role === 'investigational' ? 'alpha' : 'beta']));
const byRole = { investigational: { id: 'alpha', label: 'Alphamab', code: 'ALP' }, combination: { id: 'beta', label: 'Betanib', code: 'BET' } } as const;

const SEX: SubgroupDefinition = { id: 'sex', label: 'Sex', variable: 'SEX', levels: [{ value: 'M', label: 'Men' }, { value: 'F', label: 'Women' }], comparisons: [['M', 'F']] };

const OTHER: ProtocolDefinition = {
  ...REFERENCE,
  id: 'test-0002',
  version: '1.0',
  identity: {
    registryId: 'TEST-0002',
    title: 'A test protocol',
    shortTitle: 'Test protocol',
    phase: '2',
    design: 'single-arm',
    indication: 'A test disease',
    sponsor: 'Nobody',
    citation: 'Invented for a test',
    armLabel: 'Alphamab + Betanib',
  },
  regimen: { ...REFERENCE.regimen, drugs: REFERENCE.regimen.drugs.map((d) => ({ ...d, ...byRole[d.role] })) },
  response: RESPONSE,
  endpoints: [
    { paramcd: 'EFI', kind: 'progression-free-survival', label: 'Event-free interval (central review)', evaluator: 'CENTRAL' },
    { paramcd: 'DUR', kind: 'duration-of-response', label: 'Duration of benefit (central review)', evaluator: 'CENTRAL' },
    { paramcd: 'SURV', kind: 'overall-survival', label: 'Survival' },
    { paramcd: 'FUP', kind: 'follow-up', label: 'Follow-up' },
    { paramcd: 'TDUR', kind: 'treatment-duration', label: 'Time on treatment' },
  ],
  censoring: { missedAssessments: 2, newTherapyLabel: 'new anticancer therapy' },
  analysisSets: [
    { flag: 'ALLFL', name: 'All enrolled', rule: { kind: 'enrolled' }, description: 'Every enrolled subject.' },
    { flag: 'EFFFL', name: 'Evaluable set', rule: { kind: 'treated-and-assessed', drugs: ['alpha'] }, description: 'Treated with alpha and assessed.' },
    { flag: 'TRTFL', name: 'Treated set', rule: { kind: 'treated', drugs: 'any' }, description: 'At least one dose.' },
  ],
  subjectVariables: { variables: [], derive: () => ({ values: {}, issues: [] }) },
  ageGroups: [{ label: 'under 70', maxYears: 69 }, { label: '70 and over', minYears: 70 }],
  priorTherapyGroups: [],
  aeGroups: [{ id: 'skin', label: 'Skin reactions', preferredTerms: ['Pruritus'], systemOrganClasses: [] }],
  teaeWindowDaysAfterLastDose: 30,
  analysisPlan: {
    design: { kind: 'simon-two-stage', p0: 0.1, p1: 0.3, alpha: 0.05, power: 0.8, optimality: 'optimal', n1: 10, r1: 1, n: 29, r: 5, citation: 'Simon 1989' },
    primaryEvaluator: 'CENTRAL',
    efficacyPopulation: 'EFFFL',
    safetyPopulation: 'TRTFL',
    baselinePopulation: 'ALLFL',
    confLevel: 0.9,
    baselineCharacteristics: [
      { kind: 'heading', id: 'demography', label: 'Demography' },
      { kind: 'continuous', variable: 'AGE', label: 'Age, years, median (range)' },
      { kind: 'categorical', variable: 'AGEGR1', label: 'Age band', indentOnly: true, levels: [{ values: ['under 70'], label: 'Under 70' }, { values: ['70 and over'], label: '70 and over' }], missing: 'never', denominator: 'all' },
      { kind: 'categorical', variable: 'SEX', label: 'Sex, n (%)', levels: [{ values: ['M'], label: 'Men' }, { values: ['F'], label: 'Women' }], missing: 'when-any', denominator: 'all' },
    ],
    baselineNotes: { footnotes: [], abbreviations: [] },
    responseSubgroups: [SEX],
    survivalSubgroups: [SEX],
    timeToEventEndpoints: [
      { paramcd: 'EFI', landmarkMonths: [2], withFollowUp: false },
      { paramcd: 'SURV', landmarkMonths: [4], withFollowUp: true },
      { paramcd: 'DUR', landmarkMonths: [1], withFollowUp: false },
    ],
    atRiskEveryMonths: 2,
    aeTermThreshold: 0.1,
    earlyDeathDays: 30,
    swimmerMaxLanes: 10,
    paperReferences: {},
    waterfallReferenceLines: [{ percentChange: -30, label: '−30% (threshold)' }],
    abbreviations: [{ abbreviation: 'TDUR', meaning: 'time on treatment' }],
  },
};

/** The reference test trial recorded under the other protocol: drug ids of dosing rows and AE forms renamed. */
function underOtherProtocol(trial: TrialData): TrialData {
  const rename = <V>(byDrug: Readonly<Record<string, V>>): Record<string, V> => Object.fromEntries(Object.entries(byDrug).map(([drug, v]) => [DRUG_IDS.get(drug) ?? drug, v]));
  return {
    ...trial,
    protocolId: OTHER.identity.registryId,
    subjects: trial.subjects.map((s) => ({
      ...s,
      dosing: s.dosing.map((d) => ({ ...d, drug: DRUG_IDS.get(d.drug) ?? d.drug })),
      adverseEvents: s.adverseEvents.map((ae): AdverseEventForm => ({ ...ae, relatedness: rename(ae.relatedness), actionTaken: rename(ae.actionTaken) })),
    })),
  };
}

/** Words of the reference protocol that must not appear in the other protocol's report. */
function referenceWords(): { readonly word: string; readonly pattern: RegExp }[] {
  const caseInsensitive = ['myeloma', 'M-protein', 'FLC', 'ISS', 'R-ISS', 'IMWG', REFERENCE.identity.registryId, ...REFERENCE.regimen.drugs.flatMap((d) => [d.id, d.label])];
  const exact = [
    REFERENCE.identity.armLabel,
    ...REFERENCE.regimen.drugs.map((d) => d.code),
    REFERENCE.response.scale.name,
    REFERENCE.response.scale.responderLabel,
    REFERENCE.response.scale.diseaseControlLabel,
    // NE is also the statistics' 'not estimable', and 'Progressive disease' a reason for discontinuation
    // on the standard disposition form: their codes and labels are not the reference protocol's own.
    ...REFERENCE.response.scale.categories.filter((c) => c.code !== REFERENCE.response.scale.notEvaluable).map((c) => c.code),
    ...REFERENCE.response.scale.categories.filter((c) => c.code !== REFERENCE.response.scale.notEvaluable && c.code !== REFERENCE.response.scale.progression).map((c) => c.label),
    ...REFERENCE.response.evaluators.map((e) => e.id),
    'IRC',
    ...REFERENCE.response.parameters.flatMap((p) => [p.code, p.label]),
    ...REFERENCE.endpoints.map((e) => e.label),
    ...REFERENCE.analysisSets.map((s) => s.name),
    ...REFERENCE.analysisPlan.responseSubgroups.map((s) => s.label),
    ...REFERENCE.analysisPlan.baselineCharacteristics.filter((b) => b.kind !== 'heading').map((b) => b.label),
    ...(REFERENCE.analysisPlan.waterfallReferenceLines ?? []).map((l) => l.label),
  ];
  // Words the other protocol uses itself (e.g. a 'Sex, n (%)' row) are its own, not a leak.
  const own = new Set(OTHER.analysisPlan.baselineCharacteristics.map((b) => b.label));
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    ...[...new Set(caseInsensitive)].map((word) => ({ word, pattern: new RegExp(`(?<![\\w])${escape(word)}(?![\\w])`, 'i') })),
    ...[...new Set(exact)].filter((word) => !own.has(word)).map((word) => ({ word, pattern: new RegExp(`(?<![\\w])${escape(word)}(?![\\w])`) })),
  ];
}

/** Every piece of text the model prints: titles, labels, columns, notes, population names, formatted cells, figure data. */
function modelTexts(model: ReportModel): { readonly where: string; readonly text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const item of model.items) {
    const at = (what: string, text: string) => out.push({ where: `${item.id} ${what}`, text });
    at('title', item.title);
    at('population', item.population.name);
    item.footnotes.forEach((f, i) => at(`footnote ${i}`, f));
    if (item.kind === 'table') {
      at('stub', item.stubLabel);
      item.abbreviations.forEach((a, i) => at(`abbreviation ${i}`, a));
      for (const c of item.columns) at(`column ${c.id}`, c.label);
      for (const r of item.rows) {
        at(`row ${r.key}`, r.label);
        // The listing's term and organ class columns are the trial's coded data, not the report's words.
        r.cells.forEach((c, i) => {
          if (item.id === 'l-sae' && ['term', 'soc'].includes(item.columns[i].id)) return;
          at(`cell ${r.key}/${item.columns[i].id}`, formatValue(c.value));
        });
      }
    } else {
      at('data', JSON.stringify(item.data));
      at('spec', JSON.stringify(figureSpec(item)));
    }
  }
  return out;
}

describe('the report of a second protocol', () => {
  const trial = underOtherProtocol(buildTestTrial());
  const { datasets } = createAdamDatasets(trial, OTHER);
  const model = createReportModel(datasets, OTHER);
  const reference = createReportModel(createAdamDatasets(buildTestTrial(), REFERENCE).datasets, REFERENCE);

  it("has the other protocol's evaluators, scale, drugs, endpoints, populations and subgroups", () => {
    const best = findTable(model, 't-best-response');
    assert.ok(best !== undefined);
    assert.deepEqual(best.columns.map((c) => [c.id, c.label]), [['central', 'Central review'], ['site', 'Site review']]);
    assert.deepEqual(best.rows.filter((r) => r.key.startsWith('category:')).map((r) => r.label), ['Responding (RESP)', 'Stable (STAB)', 'Progressing (PROG)', 'Unevaluable (UNEV)']);
    assert.equal(best.rows.find((r) => r.key === 'orr')?.label, 'Overall response (responding), n (%)');
    assert.equal(best.stubLabel, 'Response per Four-step criteria 1.0');
    const exposure = findTable(model, 't-exposure');
    assert.deepEqual(exposure?.rows.filter((r) => r.cells.length === 0).map((r) => [r.key, r.label]), [['alpha', 'Alphamab'], ['beta', 'Betanib']]);
    assert.equal(findTable(model, 't-teae-overview')?.rows.find((r) => r.key === 'relatedTeae')?.label, 'Alphamab-related TEAEs');
    assert.match(findTable(model, 't-related-ae')?.title ?? '', /^Alphamab treatment-related adverse events/);
    for (const id of ['t-efi', 't-surv', 't-dur', 'f-km-efi', 'f-km-efi-sex', 'f-km-surv', 'f-km-dur', 'f-response-sex', 't-subgroup-response', 't-deaths', 'f-waterfall']) {
      assert.ok(model.items.some((i) => i.id === id), id);
    }
    assert.equal(findTable(model, 't-baseline')?.population.name, 'All enrolled');
    assert.equal(findTable(model, 't-response-rate')?.population.name, 'Evaluable set');
    assert.equal(findTable(model, 't-teae-overview')?.population.name, 'Treated set');
    assert.deepEqual(findTable(model, 't-ae-interest')?.rows.filter((r) => r.indent === 0).map((r) => r.label), ['Skin reactions']);
    assert.ok(model.items.every((i) => i.paperReference === null), 'no paper references');
    assert.match(findTable(model, 't-response-rate')?.footnotes.join(' ') ?? '', /Simon's optimal two-stage design/);
  });

  it('computes at its confidence level and null rate, with the same responders as the reference scale', () => {
    const orr = findValue(model, 't-response-rate', 'orr:rate', 'central', 'proportion');
    const referenceOrr = findValue(reference, 't-response-rate', 'orr:rate', 'irc', 'proportion');
    assert.ok(orr !== undefined && referenceOrr !== undefined);
    assert.equal(orr.confLevel, 0.9);
    assert.equal(orr.n, referenceOrr.n, 'the mapped scale keeps the responders');
    assert.ok(orr.upper - orr.lower < referenceOrr.upper - referenceOrr.lower, 'a 90% CI is narrower than a 95% one');
    assert.match(findTable(model, 't-response-rate')?.rows.find((r) => r.key === 'orr:p')?.label ?? '', /≤ 0\.1$/);
    assert.equal(findCell(model, 't-best-response', 'category:RESP', 'central')?.subjects.length, orr.n);
    const waterfall = findFigure(model, 'f-waterfall', 'waterfall');
    assert.ok(waterfall !== undefined && waterfall.data.bars.length > 0);
    assert.ok(waterfall.data.bars.every((b) => b.parameter.startsWith('SIZE') && SCALE.categories.some((c) => c.code === b.bestResponse)));
  });

  it('prints no word of the reference protocol in any table, figure, chart, HTML page or CSV file', () => {
    const words = referenceWords();
    const leaks = (texts: readonly { where: string; text: string }[]) =>
      texts.flatMap(({ where, text }) => words.filter((w) => w.pattern.test(text)).map((w) => `${where}: '${w.word}' in ${JSON.stringify(text.slice(0, 200))}`));
    // The check can fail: the reference protocol's own report is full of its words.
    assert.ok(leaks(modelTexts(reference)).length > 50);
    assert.deepEqual(leaks(modelTexts(model)), []);
    const aggregate = createAggregateEdition(model);
    const html = renderReportHtml(aggregate, {}, { title: 'Report', studyId: OTHER.identity.registryId, dataCutoffDate: trial.dataCutoffDate, synthetic: true, protocol: OTHER, datasets });
    assert.deepEqual(leaks([{ where: 'aggregate HTML', text: html }]), []);
    const full = renderReportHtml(model, {}, { title: 'Report', studyId: OTHER.identity.registryId, dataCutoffDate: trial.dataCutoffDate, synthetic: true, protocol: OTHER, datasets });
    // The full edition's subject profiles list the trial's coded adverse events; the report's own words must not leak.
    const withoutAeTerms = datasets.adae.reduce((text, ae) => text.split(ae.AEDECOD).join('').split(ae.AEBODSYS ?? '\u0000').join(''), full);
    assert.deepEqual(leaks([{ where: 'full HTML', text: withoutAeTerms }]), []);
    for (const file of renderReportCsv(aggregate)) assert.deepEqual(leaks([{ where: file.fileName, text: file.content }]), []);
  });
});
