import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_PROTOCOL as P } from '../../protocols/nct05236621/index.js';
import { nctSubject as exampleSubject, nctTrial as exampleTrial } from '../../protocols/nct05236621/testing/index.js';
import { createAdae } from './createAdae.js';
import { createAdamDatasets } from './createAdamDatasets.js';
import { createAdcm } from './createAdcm.js';
import { createAdex } from './createAdex.js';
import { createAdlb } from './createAdlb.js';
import { createAdrs } from './createAdrs.js';
import { createAdsl } from './createAdsl.js';
import { createAdtte } from './createAdtte.js';

describe('createAdamDatasets', () => {
  it('gives exactly the six derivations run one by one, and all their issues', () => {
    const trial = exampleTrial([exampleSubject(1), exampleSubject(2), exampleSubject(3, { siteId: '02' })]);
    const { datasets, issues } = createAdamDatasets(trial, P);
    const adsl = createAdsl(trial, P);
    const adrs = createAdrs(trial, P, adsl.dataset);
    const adtte = createAdtte(trial, P, adsl.dataset, adrs.dataset);
    const each = { adsl, adrs, adtte, adae: createAdae(trial, P, adsl.dataset), adlb: createAdlb(trial, adsl.dataset), adex: createAdex(trial, P, adsl.dataset), adcm: createAdcm(trial, adsl.dataset) };
    for (const [name, derivation] of Object.entries(each)) assert.deepEqual(datasets[name as keyof typeof datasets], derivation.dataset, name);
    assert.ok(datasets.adsl.length > 0 && datasets.adrs.length > 0 && datasets.adtte.length > 0);
    assert.deepEqual(issues, Object.values(each).flatMap((d) => d.issues));
  });
});
