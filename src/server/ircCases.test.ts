import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IrcAdjudicationForm } from '../clinical/index.js';
import { adjudicationKey, bestCall, ircCaseId, ircCaseView, ircCaseResponse, type CaseSource } from './ircCases.js';

const central = (date: string, serumMProteinGPerL: number) => ({ date, visit: `V ${date}`, source: 'central' as const, serumMProteinGPerL });

function source(adjudications: IrcAdjudicationForm[] = []): CaseSource {
  return {
    central: [central('2025-03-17', 7.5), central('2025-01-20', 20), central('2025-02-17', 8)],
    investigatorCalls: [
      { date: '2025-02-17', evaluator: 'investigator', response: 'PR' },
      { date: '2025-03-17', evaluator: 'investigator', response: 'VGPR' },
    ],
    adjudications: new Map(adjudications.map((data, i) => [adjudicationKey(data.scope, data.assessmentDate), { recordId: i + 1, version: 1, data, updatedAt: new Date('2025-04-01T10:00:00Z'), updatedBy: 'irc-1' }])),
  };
}

describe('ircCaseView', () => {
  it('orders the assessments by date and puts the derived response beside the investigator call', () => {
    const view = ircCaseView('case-x', source());
    assert.deepEqual(view.assessments.map((a) => [a.date, a.baseline, a.derivedResponse, a.investigatorResponse, a.irc]), [
      ['2025-01-20', true, null, null, null],
      ['2025-02-17', false, 'PR', 'PR', null],
      ['2025-03-17', false, 'PR', 'VGPR', null],
    ]);
    assert.equal(view.status, 'pending');
    assert.deepEqual(view.bestOverall, { derivedResponse: 'PR', investigatorResponse: 'VGPR', irc: null });
    assert.deepEqual(view.disagreements.map((d) => d.kind), ['investigator-vs-derived', 'investigator-vs-derived']);
    assert.ok(ircCaseResponse.safeParse(view).success, 'the view matches its declared answer (no visit, source or id fields)');
  });

  it('flags an IRC override against the derived response and against the investigator, and marks the case adjudicated', () => {
    const view = ircCaseView(
      'case-x',
      source([
        { scope: 'bestOverall', response: 'VGPR', derivedResponse: 'PR', investigatorResponse: 'VGPR', reason: 'IFE' },
        { scope: 'assessment', assessmentDate: '2025-02-17', response: 'SD', derivedResponse: 'PR', investigatorResponse: 'PR', reason: 'assay' },
      ]),
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
    const view = ircCaseView('case-x', { central: [central('2025-01-20', 20)], investigatorCalls: [], adjudications: new Map() });
    assert.equal(view.derived, null);
    assert.equal(view.bestOverall.derivedResponse, null);
    assert.deepEqual(view.disagreements, []);
  });
});

describe('bestCall and ircCaseId', () => {
  it('takes the deepest call and blinds the subject id with the key', () => {
    assert.equal(bestCall(['SD', 'PR', 'PD', 'VGPR']), 'VGPR');
    assert.equal(bestCall([]), null);
    assert.equal(ircCaseId('key', '07-012'), ircCaseId('key', '07-012'));
    assert.notEqual(ircCaseId('key', '07-012'), ircCaseId('other key', '07-012'));
    assert.match(ircCaseId('key', '07-012'), /^case-[0-9a-f]{12}$/);
  });
});
