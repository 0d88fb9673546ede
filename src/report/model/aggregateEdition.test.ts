import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregateEditionNotice, createAggregateEdition } from './aggregateEdition.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createReportModel, type ReportItem } from './createReportModel.js';

function deepFrozen(value: unknown, path = 'model'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const problems = Object.isFrozen(value) ? [] : [path];
  for (const [key, child] of Object.entries(value)) problems.push(...deepFrozen(child, `${path}.${key}`));
  return problems;
}

/** What a reader sees of an item: everything but the subjects behind the numbers. */
function printed(item: ReportItem): unknown {
  if (item.kind === 'table') return { ...item, rows: item.rows.map((r) => ({ ...r, cells: r.cells.map((c) => c.value) })) };
  return { id: item.id, number: item.number, title: item.title, population: item.population };
}

describe('createAggregateEdition', () => {
  const data = buildStandardTestTrial();
  const full = createReportModel(data, TEST_PROTOCOL);
  const aggregate = createAggregateEdition(full);
  const subjectIds = data.adsl.map((s) => s.USUBJID);

  it('keeps every aggregate table with the same keys, values and numbering, and leaves out the listings', () => {
    assert.equal(full.aggregate, undefined);
    const sae = full.items.find((i) => i.id === 'l-sae');
    assert.ok(sae !== undefined && sae.kind === 'table' && sae.rows.length > 0, 'the test trial has SAEs, so the listing has rows');
    const listings = full.items.filter((i) => i.id.startsWith('l-'));
    assert.deepEqual(listings.map((i) => i.id), ['l-sae', 'l-protocol-deviations']);
    assert.deepEqual(aggregate.aggregate?.omittedItems, listings.map((i) => ({ id: i.id, number: i.number, title: i.title })));
    const kept = full.items.filter((i) => !i.id.startsWith('l-'));
    assert.deepEqual(aggregate.items.map((i) => i.id), kept.map((i) => i.id));
    assert.deepEqual(aggregate.items.map(printed), kept.map(printed));
    assert.deepEqual(aggregate.sections.flatMap((s) => s.items), aggregate.items);
    assert.deepEqual(deepFrozen(aggregate), []);
  });

  it('has no subject id anywhere: cells and figure lists lose their subjects, swimmer lanes and waterfall bars are numbered', () => {
    const text = JSON.stringify(aggregate);
    assert.deepEqual(subjectIds.filter((id) => text.includes(id)), []);
    const fullText = JSON.stringify(full);
    assert.ok(subjectIds.some((id) => fullText.includes(id)), 'the full edition does cite subjects (so the check above can fail)');
    for (const item of aggregate.items) if (item.kind === 'table') for (const r of item.rows) for (const c of r.cells) assert.deepEqual(c.subjects, []);
    const swimmer = aggregate.items.find((i) => i.id === 'f-swimmer');
    const fullSwimmer = full.items.find((i) => i.id === 'f-swimmer');
    assert.ok(swimmer?.kind === 'figure' && swimmer.figureKind === 'swimmer' && fullSwimmer?.kind === 'figure' && fullSwimmer.figureKind === 'swimmer');
    assert.ok(swimmer.data.lanes.length > 0);
    assert.deepEqual(swimmer.data.lanes.map((l) => l.USUBJID), swimmer.data.lanes.map((_, i) => `Responder ${String(i + 1).padStart(String(swimmer.data.lanes.length).length, '0')}`));
    // the lanes are drawn as before: same order, same times and events
    assert.deepEqual(swimmer.data.lanes.map((l) => ({ ...l, USUBJID: '' })), fullSwimmer.data.lanes.map((l) => ({ ...l, USUBJID: '' })));
    const waterfall = aggregate.items.find((i) => i.id === 'f-waterfall');
    const fullWaterfall = full.items.find((i) => i.id === 'f-waterfall');
    assert.ok(waterfall?.kind === 'figure' && waterfall.figureKind === 'waterfall' && fullWaterfall?.kind === 'figure' && fullWaterfall.figureKind === 'waterfall');
    assert.deepEqual(waterfall.data.bars.map((b) => b.bestPercentChange), fullWaterfall.data.bars.map((b) => b.bestPercentChange));
    assert.deepEqual(waterfall.data.notShown, []);
    assert.deepEqual(aggregate.aggregate?.anonymisedFigures.map((f) => f.id), ['f-waterfall', 'f-swimmer']);
    // counts drawn from the figures' own numbers are kept
    const bars = aggregate.items.find((i) => i.id === 'f-response-overall');
    const fullBars = full.items.find((i) => i.id === 'f-response-overall');
    assert.ok(bars?.kind === 'figure' && bars.figureKind === 'response-bars' && fullBars?.kind === 'figure' && fullBars.figureKind === 'response-bars');
    assert.deepEqual(bars.data.bars.map((b) => b.segments.map((s) => s.count)), fullBars.data.bars.map((b) => b.segments.map((s) => s.count)));
  });

  it('is its own aggregate edition, and its notice names what it leaves out', () => {
    assert.equal(createAggregateEdition(aggregate), aggregate);
    const note = aggregate.aggregate;
    assert.ok(note !== undefined);
    const lines = aggregateEditionNotice(note, ['the subject profiles']);
    assert.match(lines[0], /^Aggregate edition/);
    assert.match(lines[1], /the subjects behind each count; the subject profiles; the subject-level listings and tables: Listing 1 \(Listing of serious adverse events/);
    assert.match(lines[2], /Figure \d+ \(Best percentage change.*\); Figure \d+ \(Treatment response over time/);
  });
});
