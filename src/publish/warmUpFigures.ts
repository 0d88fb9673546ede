import type { ConsortBox, FigureScale, KaplanMeierSeries, ReportFigureModel, ReportPopulation } from '../report/index.js';

// Made-up figures, one of each kind the report draws (a Kaplan-Meier plot with and without subgroups,
// response bars, a forest plot, a waterfall, a swimmer plot and a CONSORT flow), drawn by the figure
// thread before the report's own figures arrive (warmUpChartEngine). They take the report's spec
// builders and vega's code through the same paths, so that V8 has compiled and optimised that code while
// the main thread derives the datasets, not while the figures wait. Numbers and names are arbitrary.

const population: ReportPopulation = { name: 'Warm-up set', flag: null, N: 12 };

const scale: FigureScale = {
  name: 'Warm-up scale',
  responderLabel: 'A or B',
  categories: [
    { code: 'A', label: 'Category A', rank: 1, responder: true, diseaseControl: true, progression: false, notEvaluable: false },
    { code: 'B', label: 'Category B', rank: 2, responder: true, diseaseControl: true, progression: false, notEvaluable: false },
    { code: 'C', label: 'Category C', rank: 3, responder: false, diseaseControl: true, progression: false, notEvaluable: false },
    { code: 'P', label: 'Category P', rank: 4, responder: false, diseaseControl: false, progression: true, notEvaluable: false },
    { code: 'N', label: 'Category N', rank: 5, responder: false, diseaseControl: false, progression: false, notEvaluable: true },
  ],
};

const subjects = Array.from({ length: 12 }, (_, i) => `W-${String(i + 1).padStart(3, '0')}`);
const codes = ['A', 'B', 'C', 'P', 'N'];

function envelope<K extends ReportFigureModel['figureKind']>(figureKind: K, id: string) {
  return { kind: 'figure' as const, figureKind, id, number: 'Figure 0', title: `Warm-up ${figureKind}`, population, footnotes: [], paperReference: null };
}

function series(id: string, label: string, rate: number, withMedian: boolean): KaplanMeierSeries {
  const steps = Array.from({ length: 10 }, (_, i) => {
    const survival = Math.max(0.05, 1 - rate * i);
    return { time: i * 1.7, survival, lower: i === 0 ? 1 : Math.max(0, survival - 0.12), upper: i === 0 ? 1 : Math.min(1, survival + 0.1) };
  });
  const atRiskTimes = [0, 3, 6, 9, 12, 15];
  return {
    id,
    label,
    n: 12,
    events: 9,
    steps,
    censorTicks: [
      { time: 2.5, survival: steps[1].survival },
      { time: 16.3, survival: steps[9].survival },
    ],
    median: withMedian ? 7.4 : null,
    atRisk: atRiskTimes.map((time, i) => ({ time, n: 12 - 2 * i })),
    cumulativeEvents: atRiskTimes.map((time, i) => ({ time, n: Math.min(9, 2 * i) })),
  };
}

function box(id: string, label: string, n: number, breakdown: readonly ConsortBox[] = []): ConsortBox {
  return { id, label, n, subjects: subjects.slice(0, n), breakdown };
}

/** The warm-up figures, in the order the report draws its kinds. */
export function warmUpFigures(): readonly ReportFigureModel[] {
  const atRiskTimes = [0, 3, 6, 9, 12, 15];
  const bar = (id: string, label: string, n: number, a: number, b: number) => ({
    id,
    label,
    n,
    segments: [
      { category: 'A', count: a, proportion: a / n, subjects: subjects.slice(0, a) },
      { category: 'B', count: b, proportion: b / n, subjects: subjects.slice(a, a + b) },
    ],
    orr: (a + b) / n,
  });
  const proportionRow = (key: string, group: string, label: string, x: number, n: number) => ({
    key,
    group,
    label,
    x,
    n,
    value: { kind: 'proportion' as const, n: x, N: n, estimate: x / n, lower: Math.max(0, x / n - 0.2), upper: Math.min(1, x / n + 0.25), confLevel: 0.95, method: 'clopper-pearson' as const },
    subjects: subjects.slice(0, x),
  });
  return [
    {
      ...envelope('consort', 'w-consort'),
      data: {
        screened: box('screened', 'Screened', 12),
        screenFailures: box('screen-failures', 'Screen failures', 2, [box('inclusion', 'Inclusion criterion not met', 1), box('consent', 'Consent withdrawn', 1)]),
        enrolled: box('enrolled', 'Enrolled', 10),
        populations: [box('itt', 'Intent-to-treat', 10), box('safety', 'Safety set', 10), box('fas', 'Full analysis set', 9)],
        discontinuedTreatment: box('discontinued-treatment', 'Discontinued treatment', 7, [box('progression', 'Progression', 5), box('toxicity', 'Adverse event', 2)]),
        ongoingTreatment: box('ongoing-treatment', 'On treatment', 3),
        discontinuedStudy: box('discontinued-study', 'Left the study', 4, [box('death', 'Death', 3), box('withdrawal', 'Withdrawal', 1)]),
        ongoingStudy: box('ongoing-study', 'In follow-up', 6),
      },
    },
    { ...envelope('response-bars', 'w-response-overall'), data: { evaluator: 'IRC', scale, bars: [bar('overall', 'Overall', 12, 2, 3)] } },
    { ...envelope('response-bars', 'w-response-groups'), data: { evaluator: 'IRC', scale, bars: [bar('x', 'Group X', 7, 1, 2), bar('y', 'Group Y', 5, 0, 1)] } },
    {
      ...envelope('forest', 'w-forest'),
      data: {
        measure: 'ORR',
        reference: 0.2,
        confLevel: 0.95,
        rows: [
          proportionRow('overall', '', 'Overall', 5, 12),
          proportionRow('g:x', 'Group', 'X', 3, 7),
          proportionRow('g:y', 'Group', 'Y', 2, 5),
          { key: 'g:z', group: 'Group', label: 'Z', x: 0, n: 0, value: { kind: 'missing', reason: 'no subjects in the subgroup' }, subjects: [] },
        ],
      },
    },
    {
      ...envelope('waterfall', 'w-waterfall'),
      data: {
        evaluator: 'IRC',
        scale,
        parameters: [{ code: 'SUM', label: 'Sum of diameters', unit: 'mm' }],
        referenceLines: [
          { percentChange: 20, label: '+20%' },
          { percentChange: -30, label: '−30%' },
        ],
        bars: subjects.slice(0, 10).map((USUBJID, i) => ({ USUBJID, parameter: 'SUM', baseline: 40 + i, bestPercentChange: 35 - i * 11, bestResponse: codes[Math.min(4, Math.floor(i / 2))] })),
        notShown: subjects.slice(10),
      },
    },
    {
      ...envelope('swimmer', 'w-swimmer'),
      data: {
        timeUnit: 'months',
        evaluator: 'IRC',
        scale,
        responders: 3,
        maxLanes: 40,
        lanes: subjects.slice(0, 5).map((USUBJID, i) => ({
          USUBJID,
          bestResponse: codes[i],
          treatmentMonths: 4 + i * 2.5,
          followUpMonths: 6 + i * 3,
          responseChanges: i < 3 ? [{ months: 1.8, category: 'B' }, ...(i === 0 ? [{ months: 3.7, category: 'A' }] : []), ...(i === 2 ? [{ months: 5.1, category: 'P' }] : [])] : [],
          firstResponseMonths: i < 3 ? 1.8 : null,
          progressionMonths: i === 2 || i === 3 ? 5.1 + i : null,
          deathMonths: i === 3 ? 8.9 + i : null,
          ongoingTreatment: i === 0,
        })),
      },
    },
    {
      ...envelope('kaplan-meier', 'w-km'),
      data: { endpoint: 'Warm-up survival', timeUnit: 'months', atRiskTimes, series: [series('all', 'All', 0.09, true)], comparisons: [], confidenceBand: true, confLevel: 0.95 },
    },
    {
      ...envelope('kaplan-meier', 'w-km-groups'),
      data: {
        endpoint: 'Warm-up survival',
        timeUnit: 'months',
        atRiskTimes,
        series: [series('x', 'Group X', 0.07, true), series('y', 'Group Y', 0.11, true), series('z', 'Group Z', 0.04, false)],
        comparisons: [
          { groupA: 'x', groupB: 'y', p: 0.0213 },
          { groupA: 'x', groupB: 'z', p: 0.47 },
        ],
        confidenceBand: false,
        confLevel: 0.95,
      },
    },
  ];
}
