import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleSubject, exampleTrial } from '../crf/index.js';
import { createAdae } from './createAdae.js';
import { createAdamDatasets } from './createAdamDatasets.js';
import { createAdex } from './createAdex.js';
import { createAdlb } from './createAdlb.js';
import { createAdrs } from './createAdrs.js';
import { createAdsl } from './createAdsl.js';
import { createAdtte } from './createAdtte.js';

describe('createAdamDatasets', () => {
  it('gives exactly the six derivations run one by one, and all their issues', () => {
    const trial = exampleTrial([exampleSubject(1), exampleSubject(2), exampleSubject(3, { siteId: '02' })]);
    const { datasets, issues } = createAdamDatasets(trial);
    const adsl = createAdsl(trial);
    const adrs = createAdrs(trial, adsl.dataset);
    const adtte = createAdtte(trial, adsl.dataset, adrs.dataset);
    const each = { adsl, adrs, adtte, adae: createAdae(trial, adsl.dataset), adlb: createAdlb(trial, adsl.dataset), adex: createAdex(trial, adsl.dataset) };
    for (const [name, derivation] of Object.entries(each)) assert.deepEqual(datasets[name as keyof typeof datasets], derivation.dataset, name);
    assert.ok(datasets.adsl.length > 0 && datasets.adrs.length > 0 && datasets.adtte.length > 0);
    assert.deepEqual(issues, Object.values(each).flatMap((d) => d.issues));
  });
});
