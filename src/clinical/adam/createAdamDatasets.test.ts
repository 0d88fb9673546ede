import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_PROTOCOL as P } from '../../protocols/nct05236621/index.js';
import { nctSubject as exampleSubject, nctTrial as exampleTrial } from '../../protocols/nct05236621/testing/index.js';
import { createAdae } from './createAdae.js';
import { ADAM_DATASET_NAMES, createAdamDatasets } from './createAdamDatasets.js';
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

  it('derives only the datasets asked for (with ADSL, and ADRS under ADTTE), the others empty, the issues of those asked for alone', () => {
    const trial = exampleTrial([exampleSubject(1), exampleSubject(2), exampleSubject(3, { siteId: '02' })]);
    const all = createAdamDatasets(trial, P);
    assert.deepEqual(all.issues, ADAM_DATASET_NAMES.flatMap((name) => all.issuesByDataset[name]));
    for (const only of [['adlb'], ['adtte'], ADAM_DATASET_NAMES.filter((n) => n !== 'adlb')] as const) {
      const some = createAdamDatasets(trial, P, new Set(only));
      for (const name of ADAM_DATASET_NAMES) {
        const kept = (only as readonly string[]).includes(name);
        const derived = kept || name === 'adsl' || (name === 'adrs' && (only as readonly string[]).includes('adtte'));
        assert.deepEqual(some.datasets[name], derived ? all.datasets[name] : [], `${only.join()}: ${name}`);
        assert.deepEqual(some.issuesByDataset[name], kept ? all.issuesByDataset[name] : [], `${only.join()}: issues of ${name}`);
      }
      assert.deepEqual(some.issues, ADAM_DATASET_NAMES.flatMap((name) => some.issuesByDataset[name]));
    }
    assert.ok(all.datasets.adlb.length > 0, 'the example trial has lab records');
  });
});
