import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdexParamcd, AdexRow } from '../../clinical/index.js';
import { adexParameters } from './adexParameters.js';

const adex = (USUBJID: string, EXTRT: string, PARAMCD: AdexParamcd, AVAL: number | null): AdexRow =>
  Object.freeze({ STUDYID: 'S', USUBJID, EXTRT, PARAMCD, PARAM: PARAMCD, AVAL, AVALC: null, AVALU: null });

describe('adexParameters', () => {
  const rows = [adex('01', 'pom', 'DOSEGVN', 4), adex('01', 'dex', 'DOSEGVN', 40), adex('02', 'pom', 'DOSEGVN', 3), adex('03', 'pom', 'DOSEGVN', 1), adex('01', 'pom', 'DOSEGVN', 2), adex('01', 'pom', 'RDI', 90)];
  const subjects = new Set(['01', '02']);

  it("gives the subjects' rows of a drug and parameter in the dataset order, none for one not there", () => {
    assert.deepEqual(adexParameters(rows, subjects).rowsOf('pom', 'DOSEGVN').map((r) => [r.USUBJID, r.AVAL]), [['01', 4], ['02', 3], ['01', 2]]);
    assert.deepEqual(adexParameters(rows, subjects).rowsOf('pom', 'CYCLES'), []);
    assert.deepEqual(adexParameters(rows, subjects).parameterRows('DOSEGVN').map((r) => [r.EXTRT, r.AVAL]), [['pom', 4], ['dex', 40], ['pom', 3], ['pom', 2]]);
  });

  it("keeps each subject's first row, as the scan it replaces did", () => {
    const first = adexParameters(rows, subjects).firstBySubject('pom', 'DOSEGVN');
    assert.deepEqual([...first].map(([id, r]) => [id, r.AVAL]), [['01', 4], ['02', 3]]);
    assert.deepEqual([...adexParameters(rows, subjects).firstBySubject('dex', 'DOSEGVN').keys()], ['01']);
  });

  it('is made once for a frozen dataset and set of subjects, and again for a list that can still change', () => {
    const frozen = Object.freeze([...rows]);
    assert.equal(adexParameters(frozen, subjects), adexParameters(frozen, subjects));
    assert.notEqual(adexParameters(frozen, subjects), adexParameters(frozen, new Set(subjects)));
    const open = [...rows];
    const before = adexParameters(open, subjects);
    open.push(adex('02', 'pom', 'RDI', 110));
    assert.deepEqual(before.parameterRows('RDI').length, 1);
    assert.deepEqual(adexParameters(open, subjects).parameterRows('RDI').length, 2);
  });
});
