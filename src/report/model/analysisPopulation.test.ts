import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdslRow } from '../../clinical/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { analysisPopulation, safetyPopulation } from './analysisPopulation.js';

describe('analysisPopulation', () => {
  const { adsl } = buildStandardTestTrial();
  const flag = TEST_PROTOCOL.analysisPlan.safetyPopulation;

  it("holds the ADSL rows flagged Y, their ids and the set's name and N", () => {
    const safety = safetyPopulation(adsl, TEST_PROTOCOL);
    const flagged = adsl.filter((row) => row[flag] === 'Y');
    assert.ok(flagged.length > 0 && flagged.length < adsl.length + 1);
    assert.deepEqual(safety.rows, flagged);
    assert.deepEqual([...safety.ids], flagged.map((row) => row.USUBJID));
    assert.equal(safety.population.N, flagged.length);
    assert.equal(safety.population.name, TEST_PROTOCOL.analysisSets.find((set) => set.flag === flag)?.name);
  });

  it('is made once for a frozen ADSL, and again for a list that can still change', () => {
    assert.ok(Object.isFrozen(adsl));
    assert.equal(analysisPopulation(adsl, TEST_PROTOCOL, flag), analysisPopulation(adsl, TEST_PROTOCOL, flag));
    const open: AdslRow[] = [...adsl];
    const before = analysisPopulation(open, TEST_PROTOCOL, flag);
    open.pop();
    const after = analysisPopulation(open, TEST_PROTOCOL, flag);
    assert.notEqual(after, before);
    assert.equal(after.rows.length, open.filter((row) => row[flag] === 'Y').length);
  });
});
