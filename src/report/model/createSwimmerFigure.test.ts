import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoTrial } from '../../demo/index.js';
import { deriveReportDatasets, buildStandardTestTrial } from './buildReportTestTrial.js';
import { createBestResponseTable } from './createBestResponseTable.js';
import { createSwimmerFigure } from './createSwimmerFigure.js';
import { DEFAULT_SWIMMER_MAX_LANES } from './reportProtocol.js';
import { findCell, sorted } from './testSupport.js';

/** IRC responders of the full analysis set, from ADRS directly. */
function ircResponders(data: ReturnType<typeof deriveReportDatasets>): string[] {
  const fas = new Set(data.adsl.filter((r) => r.FASFL === 'Y').map((r) => r.USUBJID));
  return data.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.RSPFL === 'Y' && fas.has(r.USUBJID)).map((r) => r.USUBJID);
}

/** OS follow-up of each subject (the lane length the selection ranks by). */
function followUp(data: ReturnType<typeof deriveReportDatasets>): Map<string, number> {
  return new Map(data.adtte.filter((r) => r.PARAMCD === 'OS').map((r) => [r.USUBJID, r.AVALM]));
}

describe('createSwimmerFigure lane cap', () => {
  it('draws every responder without a footnote when they fit under the cap', () => {
    const data = buildStandardTestTrial();
    const responders = ircResponders(data);
    const figure = createSwimmerFigure(data.adsl, data.adrs, data.adtte, responders.length);
    assert.deepEqual(sorted(figure.data.lanes.map((l) => l.USUBJID)), sorted(responders));
    assert.equal(figure.data.responders, responders.length);
    assert.equal(figure.population.N, responders.length);
    assert.deepEqual(figure.footnotes, []);
    assert.deepEqual(figure.data.lanes, createSwimmerFigure(data.adsl, data.adrs, data.adtte, 1000).data.lanes);
  });

  it('keeps the lanes of the longest follow-up, in order, and says so', () => {
    const data = buildStandardTestTrial();
    const all = createSwimmerFigure(data.adsl, data.adrs, data.adtte, 1000);
    assert.ok(all.data.lanes.length >= 3, 'the test trial has at least 3 responders');
    const cap = all.data.lanes.length - 1;
    const capped = createSwimmerFigure(data.adsl, data.adrs, data.adtte, cap);
    assert.equal(capped.data.lanes.length, cap);
    assert.deepEqual(capped.data.lanes, all.data.lanes.slice(0, cap));
    assert.equal(capped.data.responders, all.data.lanes.length);
    assert.equal(capped.data.maxLanes, cap);
    assert.equal(capped.population.N, all.data.lanes.length, 'the population is every responder, not the lanes drawn');
    assert.equal(capped.footnotes.length, 1);
    assert.match(capped.footnotes[0], new RegExp(`^${cap} of ${all.data.lanes.length} responders shown \\(at most ${cap} lanes\\): those with the longest follow-up`));
  });

  it(`caps a large synthetic trial at ${DEFAULT_SWIMMER_MAX_LANES} lanes of the longest follow-up; the best-response table still lists every responder`, () => {
    const data = deriveReportDatasets(createDemoTrial({ seed: 7, size: 300 }).trial);
    const responders = ircResponders(data);
    assert.ok(responders.length > DEFAULT_SWIMMER_MAX_LANES, `${responders.length} responders: the trial must be above the cap`);
    const figure = createSwimmerFigure(data.adsl, data.adrs, data.adtte);
    const shown = figure.data.lanes.map((l) => l.USUBJID);
    assert.equal(shown.length, DEFAULT_SWIMMER_MAX_LANES);
    assert.equal(new Set(shown).size, shown.length);
    assert.equal(figure.data.responders, responders.length);
    assert.equal(figure.population.N, responders.length);

    // The selection rule, recomputed from ADTTE: responders by OS follow-up, longest first, ties by USUBJID.
    const months = followUp(data);
    const expected = [...responders].sort((a, b) => (months.get(b) ?? 0) - (months.get(a) ?? 0) || a.localeCompare(b)).slice(0, DEFAULT_SWIMMER_MAX_LANES);
    assert.deepEqual(shown, expected);
    const shortestShown = Math.min(...shown.map((id) => months.get(id) ?? 0));
    for (const id of responders) if (!shown.includes(id)) assert.ok((months.get(id) ?? 0) <= shortestShown, `${id} left out with a longer follow-up`);

    assert.deepEqual(figure.footnotes, [
      `${DEFAULT_SWIMMER_MAX_LANES} of ${responders.length} responders shown (at most ${DEFAULT_SWIMMER_MAX_LANES} lanes): those with the longest follow-up, ties by subject id. ` +
        `All ${responders.length} responders are listed in the best-response table (row 'Overall response (PR or better)', IRC column; ` +
        'tables/t-best-response.csv, column irc_subjects), each with their derived records in the subject profiles of the HTML report.',
    ]);
    // The place the footnote names holds every responder.
    const table = createBestResponseTable(data.adsl, data.adrs, 0.95);
    assert.equal(table.id, 't-best-response');
    assert.deepEqual(sorted(findCell(table, 'Overall response (PR or better), n (%)', 'irc').subjects), sorted(responders));
  });

  it('leaves the demo trial (below the cap) as it was: every responder, no footnote', () => {
    const data = deriveReportDatasets(createDemoTrial().trial);
    const responders = ircResponders(data);
    assert.ok(responders.length > 0 && responders.length <= DEFAULT_SWIMMER_MAX_LANES, `${responders.length} responders`);
    const figure = createSwimmerFigure(data.adsl, data.adrs, data.adtte);
    assert.deepEqual(sorted(figure.data.lanes.map((l) => l.USUBJID)), sorted(responders));
    assert.deepEqual(figure.footnotes, []);
    assert.deepEqual(figure.data.lanes, createSwimmerFigure(data.adsl, data.adrs, data.adtte, Number.MAX_SAFE_INTEGER).data.lanes);
  });
});
