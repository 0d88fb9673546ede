import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listProtocols } from './index.js';

// The subject profiles print an assessment's rule (ADRS RULE) by its label: every protocol's response
// binding labels its rules in words, never as the rule's id.
describe("a protocol's response rule labels", () => {
  it('label every rule in words: IMWG by category and parameter, RECIST by its table row', () => {
    const labels = new Map(listProtocols().map((p) => [p.definition.id, p.definition.response.ruleLabels]));
    const imwg = labels.get('nct05236621');
    assert.equal(imwg?.get('pr-m-protein'), 'PR: M-protein');
    assert.equal(imwg?.get('pd-serum-m-protein'), 'PD: serum M-protein');
    assert.equal(imwg?.get('vgpr-dflc'), 'VGPR: dFLC');
    assert.equal(imwg?.get('scr'), 'sCR');
    assert.equal(labels.get('ret-cabo-2')?.get('t1-pr'), 'Target PR, non-target non-PD or not all evaluated, no new lesion: PR');
    for (const [id, map] of labels) {
      assert.ok(map !== undefined && map.size > 0, id);
      for (const [rule, label] of map) assert.notEqual(label, rule, `${id}: ${rule}`);
    }
  });
});
