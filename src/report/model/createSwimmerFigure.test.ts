import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, STANDARD_TEST_SUBJECTS, TEST_PROTOCOL, type TestSubjectSpec, withPlan } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createBestResponseTable } from './createBestResponseTable.js';
import { createSwimmerFigure } from './createSwimmerFigure.js';
import { cellAt, sorted } from './testSupport.js';

type Data = ReturnType<typeof buildStandardTestTrial>;

/** IRC responders of the full analysis set, from ADRS directly. */
function ircResponders(data: Data): string[] {
  const fas = new Set(data.adsl.filter((r) => r.FASFL === 'Y').map((r) => r.USUBJID));
  return data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.RSPFL === 'Y' && fas.has(r.USUBJID)).map((r) => r.USUBJID);
}

/** OS follow-up of each subject (the lane length the selection ranks by). */
function followUp(data: Data): Map<string, number> {
  return new Map(data.adtte.filter((r) => r.PARAMCD === 'OS').map((r) => [r.USUBJID, r.AVALM]));
}

describe('createSwimmerFigure', () => {
  const data = buildStandardTestTrial();

  it('draws one lane per responder of the primary evaluator, with progression where there was one', () => {
    const figure = createSwimmerFigure(data, TEST_PROTOCOL);
    const bor = data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.RSPFL === 'Y');
    assert.deepEqual(sorted(figure.data.lanes.map((l) => l.USUBJID)), sorted(bor.map((r) => r.USUBJID)));
    const progressed = figure.data.lanes.filter((l) => l.progressionMonths !== null);
    assert.deepEqual(sorted(progressed.map((l) => l.USUBJID)), sorted(bor.filter((r) => r.PDDT !== null).map((r) => r.USUBJID)));
    assert.deepEqual(progressed[0].responseChanges.map((c) => c.category), ['PR', 'PD']);
    const lengths = figure.data.lanes.map((l) => l.followUpMonths ?? 0);
    assert.deepEqual(lengths, [...lengths].sort((a, b) => b - a));
    assert.deepEqual(figure.data.scale.categories.map((c) => c.code), TEST_PROTOCOL.response.scale.categories.map((c) => c.code));
  });

  it('draws every responder without a footnote when they fit under the cap', () => {
    const responders = ircResponders(data);
    const figure = createSwimmerFigure(data, TEST_PROTOCOL, responders.length);
    assert.deepEqual(sorted(figure.data.lanes.map((l) => l.USUBJID)), sorted(responders));
    assert.equal(figure.data.responders, responders.length);
    assert.equal(figure.population.N, responders.length);
    assert.deepEqual(figure.footnotes, []);
    assert.deepEqual(figure.data.lanes, createSwimmerFigure(data, TEST_PROTOCOL, 1000).data.lanes);
  });

  it("caps at the plan's swimmerMaxLanes, keeps the lanes of the longest follow-up in order, and names where every responder is listed", () => {
    // 30 more responders with 2 to 4 cycles (follow-up differs; equal ones rank by subject id) against a cap of 7 lanes.
    const responding: TestSubjectSpec[] = Array.from({ length: 30 }, (_, i) => ({ ...STANDARD_TEST_SUBJECTS[i % 2 === 0 ? 0 : 1], central: [30, 14, 12, 12, 12].slice(0, 3 + (i % 3)) }));
    const large = buildStandardTestTrial([...responding, ...STANDARD_TEST_SUBJECTS]);
    const responders = ircResponders(large);
    const cap = 7;
    assert.ok(responders.length > cap, `${responders.length} responders: the trial must be above the cap`);
    const figure = createSwimmerFigure(large, withPlan({ swimmerMaxLanes: cap }));
    const shown = figure.data.lanes.map((l) => l.USUBJID);
    assert.equal(shown.length, cap);
    assert.equal(figure.data.maxLanes, cap);
    assert.equal(figure.data.responders, responders.length);
    assert.equal(figure.population.N, responders.length, 'the population is every responder, not the lanes drawn');
    const months = followUp(large);
    const expected = [...responders].sort((a, b) => (months.get(b) ?? 0) - (months.get(a) ?? 0) || a.localeCompare(b)).slice(0, cap);
    assert.deepEqual(shown, expected);
    assert.deepEqual(figure.footnotes, [
      `${cap} of ${responders.length} responders shown (at most ${cap} lanes): those with the longest follow-up, ties by subject id. ` +
        `All ${responders.length} responders are listed in the best-response table (row key 'orr', column 'irc'; ` +
        'tables/t-best-response.csv, column irc_subjects), each with their derived records in the subject profiles of the HTML report.',
    ]);
    // The place the footnote names holds every responder.
    assert.deepEqual(sorted(cellAt(createBestResponseTable(large, TEST_PROTOCOL), 'orr', 'irc').subjects), sorted(responders));
  });
});
