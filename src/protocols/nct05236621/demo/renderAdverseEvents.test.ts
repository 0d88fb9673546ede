import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCtcaeSystemOrganClass } from '../../../clinical/index.js';
import { createDemoTrial } from './createDemoTrial.js';
import { preferredTermOf } from './renderAdverseEvents.js';

describe('the twin codes its adverse events to CTCAE v5.0', () => {
  it('gives every AE of the twin a CTCAE v5.0 term and its system organ class, keeping the planned term as reported', () => {
    const { trial } = createDemoTrial();
    const events = trial.subjects.flatMap((s) => s.adverseEvents);
    assert.ok(events.length > 300);
    const uncoded = events.filter((ae) => findCtcaeSystemOrganClass(ae.preferredTerm) === null || ae.systemOrganClass !== findCtcaeSystemOrganClass(ae.preferredTerm)?.systemOrganClass);
    assert.deepEqual([...new Set(uncoded.map((ae) => ae.preferredTerm))], []);
    assert.ok(events.some((ae) => ae.reportedTerm === 'astriction' && ae.preferredTerm === 'Constipation'));
  });

  it('codes the paper\'s non-CTCAE terms to the CTCAE term of the same concept, and leaves a CTCAE term as it is', () => {
    assert.equal(preferredTermOf('deep vein thrombosis'), 'Thromboembolic event');
    assert.equal(preferredTermOf('hypoproteinemia'), 'Hypoalbuminemia');
    assert.equal(preferredTermOf('neutrophil count decreased'), 'Neutrophil count decreased');
  });
});
