import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdexParamcd, AdexRow } from '../../clinical/index.js';
import { groupAdexParameters } from './adexParameters.js';

const adex = (USUBJID: string, EXTRT: string, PARAMCD: AdexParamcd, AVAL: number | null): AdexRow =>
  Object.freeze({ STUDYID: 'S', USUBJID, EXTRT, PARAMCD, PARAM: PARAMCD, AVAL, AVALC: null, AVALU: null });

describe('groupAdexParameters', () => {
  const rows = [adex('01', 'pom', 'DOSEGVN', 4), adex('01', 'dex', 'DOSEGVN', 40), adex('02', 'pom', 'DOSEGVN', 3), adex('01', 'pom', 'DOSEGVN', 2), adex('01', 'pom', 'RDI', 90)];

  it('gives the rows of a drug and parameter in the dataset order, none for one not there', () => {
    assert.deepEqual(groupAdexParameters(rows).rowsOf('pom', 'DOSEGVN').map((r) => [r.USUBJID, r.AVAL]), [['01', 4], ['02', 3], ['01', 2]]);
    assert.deepEqual(groupAdexParameters(rows).rowsOf('pom', 'CYCLES'), []);
  });

  it("keeps each subject's first row, as the scan it replaces did", () => {
    const first = groupAdexParameters(rows).firstBySubject('pom', 'DOSEGVN');
    assert.deepEqual([...first].map(([id, r]) => [id, r.AVAL]), [['01', 4], ['02', 3]]);
    assert.deepEqual([...groupAdexParameters(rows).firstBySubject('dex', 'DOSEGVN').keys()], ['01']);
  });
});
