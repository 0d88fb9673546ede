import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createConsortFlow } from './createConsortFlow.js';

describe('createConsortFlow', () => {
  const data = buildStandardTestTrial();
  const flow = createConsortFlow(data, TEST_PROTOCOL).data;

  it("adds up: screened = failures + enrolled; discontinued + ongoing = enrolled; a box per analysis set of the protocol", () => {
    assert.equal(flow.screened.n, flow.screenFailures.n + flow.enrolled.n);
    assert.equal(flow.discontinuedTreatment.n + flow.ongoingTreatment.n, flow.enrolled.n);
    assert.equal(flow.discontinuedTreatment.breakdown.reduce((s, b) => s + b.n, 0), flow.discontinuedTreatment.n);
    assert.deepEqual(flow.populations.map((p) => p.id), TEST_PROTOCOL.analysisSets.map((set) => `population:${set.flag}`));
    assert.deepEqual(flow.populations.map((p) => p.label), TEST_PROTOCOL.analysisSets.map((set) => set.name));
  });

  it('breaks screen failures down by reason when ADSL carries one, else says it is not recorded', () => {
    // The test trial's screen failure records its reason on the subject form; ADSL carries it (SCRFREAS).
    assert.deepEqual(flow.screenFailures.breakdown.map((b) => [b.label, b.n]), [['Inclusion criteria not met', 1]]);
    const withoutReason = data.adsl.map((r) => (r.ENRLFL === 'Y' ? r : { ...r, SCRFREAS: null }));
    assert.deepEqual(createConsortFlow({ adsl: withoutReason }, TEST_PROTOCOL).data.screenFailures.breakdown.map((b) => [b.label, b.n]), [['Reason not recorded', 1]]);
    const withReason = data.adsl.map((r) => (r.ENRLFL === 'Y' ? r : { ...r, SCRFREAS: 'ANC below 1.0' }));
    assert.deepEqual(createConsortFlow({ adsl: withReason }, TEST_PROTOCOL).data.screenFailures.breakdown.map((b) => [b.label, b.n]), [['ANC below 1.0', 1]]);
  });
});
