import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleSubject } from '../clinical/index.js';
import { findProtocol } from '../protocols/index.js';
import { adjudicationKey, ircCaseId, ircCaseView, ircCaseResponse, type CaseSource } from './ircCases.js';
import { createServedProtocol } from './servedProtocol.js';

const module = findProtocol('nct05236621');
if (module === undefined) throw new Error('the reference protocol is not registered');
const protocol = createServedProtocol(module);
const TODAY = '2025-06-01';

// the reference protocol's assessment form (its IRC reads the central laboratory)
const central = (date: string, serumMProteinGPerL: number) => ({ date, visit: `V ${date}`, source: 'central', serumMProteinGPerL, serumImmunofixation: 'positive' });
const local = (date: string, serumMProteinGPerL: number) => ({ ...central(date, serumMProteinGPerL), source: 'local' });

function source(adjudications: Record<string, unknown>[] = [], assessments = [central('2025-03-17', 7.5), central('2025-01-20', 20), central('2025-02-17', 8), local('2025-02-17', 30)]): CaseSource {
  const record = exampleSubject(1, {
    enrolmentDate: '2025-01-20',
    overrides: {
      responseCalls: [
        { date: '2025-02-17', evaluator: 'investigator', response: 'PR' },
        { date: '2025-03-17', evaluator: 'investigator', response: 'VGPR' },
      ],
      diseaseForms: { diseaseAssessment: assessments },
    },
  });
  return {
    record,
    adjudications: new Map(
      adjudications.map((data, i) => [adjudicationKey(data.scope as 'assessment' | 'bestOverall', data.assessmentDate as string | undefined), { recordId: i + 1, version: 1, data, updatedAt: new Date('2025-04-01T10:00:00Z'), updatedBy: 'irc-1' }]),
    ),
  };
}

describe('ircCaseView', () => {
  it("orders the IRC source's assessments by date with their measurements by parameter, the derived response beside the investigator call", () => {
    const view = ircCaseView('case-x', source(), protocol, TODAY);
    assert.deepEqual(view.assessments.map((a) => [a.date, a.baseline, a.derivedResponse, a.investigatorResponse, a.irc]), [
      ['2025-01-20', true, null, null, null],
      ['2025-02-17', false, 'PR', 'PR', null],
      ['2025-03-17', false, 'PR', 'VGPR', null],
    ]);
    const [parameter] = view.parameters;
    assert.deepEqual(view.assessments.map((a) => a.values[parameter.code]), [20, 8, 7.5], 'the central values only');
    assert.equal(parameter.label, protocol.definition.response.parameters[0].label);
    assert.equal(view.scale, protocol.definition.response.scale.id);
    assert.equal(view.status, 'pending');
    assert.deepEqual(view.bestOverall, { derivedResponse: 'PR', investigatorResponse: 'VGPR', irc: null });
    assert.deepEqual(view.disagreements.map((d) => d.kind), ['investigator-vs-derived', 'investigator-vs-derived']);
    assert.ok(ircCaseResponse.safeParse(view).success, 'the view matches its declared answer (no visit, source or id fields)');
    assert.ok(!JSON.stringify(view).includes('V 2025'), 'no visit label');
  });

  it('flags an IRC override against the derived response and against the investigator, and marks the case adjudicated', () => {
    const view = ircCaseView(
      'case-x',
      source([
        { scope: 'bestOverall', response: 'VGPR', derivedResponse: 'PR', investigatorResponse: 'VGPR', reason: 'IFE' },
        { scope: 'assessment', assessmentDate: '2025-02-17', response: 'SD', derivedResponse: 'PR', investigatorResponse: 'PR', reason: 'assay' },
      ]),
      protocol,
      TODAY,
    );
    assert.equal(view.status, 'adjudicated');
    assert.deepEqual(view.bestOverall.irc?.response, 'VGPR');
    assert.deepEqual(
      view.disagreements.map((d) => [d.scope, d.assessmentDate, d.kind]),
      [
        ['bestOverall', null, 'investigator-vs-derived'],
        ['bestOverall', null, 'irc-vs-derived'],
        ['assessment', '2025-02-17', 'irc-vs-derived'],
        ['assessment', '2025-02-17', 'irc-vs-investigator'],
        ['assessment', '2025-03-17', 'investigator-vs-derived'],
      ],
    );
  });

  it('derives nothing from a baseline alone', () => {
    const view = ircCaseView('case-x', source([], [central('2025-01-20', 20)]), protocol, TODAY);
    assert.equal(view.derived, null);
    assert.equal(view.bestOverall.derivedResponse, null);
    assert.deepEqual(view.disagreements.filter((d) => d.kind !== 'investigator-vs-derived'), []);
  });

  it('reads assessments up to today only', () => {
    const view = ircCaseView('case-x', source(), protocol, '2025-02-20');
    assert.deepEqual(view.assessments.filter((a) => a.derivedResponse !== null).map((a) => a.date), ['2025-02-17']);
  });
});

describe('ircCaseId', () => {
  it('blinds the subject id with the key', () => {
    assert.equal(ircCaseId('key', '07-012'), ircCaseId('key', '07-012'));
    assert.notEqual(ircCaseId('key', '07-012'), ircCaseId('other key', '07-012'));
    assert.match(ircCaseId('key', '07-012'), /^case-[0-9a-f]{12}$/);
  });
});
