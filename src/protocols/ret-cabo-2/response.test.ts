import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAdamDatasets, validateTrialData } from '../../clinical/index.js';
import { formatPath } from '../../result/index.js';
import { RET_CABO_2_PROTOCOL as P } from './protocol.js';
import { retSubject, retTrial } from './testing/index.js';

describe('RET-CABO-2 response by RECIST 1.1 through the generic derivations', () => {
  // Baseline sum 50 mm (T1 30 + T2 20): T1 12 -> sum 32 (-36%: PR) at 8 and 16 weeks, confirmed; T1 back to 30
  // at 32 weeks: sum 50 is +56% and +18 mm over the nadir 32: PD.
  const responder = retSubject(1, { t1Mm: [30, 12, 12, 14, 30] });
  // 30 -> 30 -> 41: SD at 8 weeks (63 days after the baseline scan, past the 42-day minimum), then sum 61 vs
  // nadir 50 = +22% and +11 mm: PD at 16 weeks. Best overall response SD (RECIST 1.1 Table 3).
  const progressor = retSubject(2, { t1Mm: [30, 30, 41] });
  // No post-baseline read.
  const early = retSubject(3, { t1Mm: [30] });
  const trial = retTrial([responder, progressor, early]);

  it('accepts the fixtures as RET-CABO-2 data', () => {
    const outcome = validateTrialData(JSON.parse(JSON.stringify(trial)), P);
    assert.ok(outcome.ok, outcome.issues.map((i) => `${formatPath(i.path)}: ${i.expected}`).join('\n'));
  });

  const { datasets, issues } = createAdamDatasets(trial, P);

  it('derives a confirmed PR, an SD and an NE best response per IRC, on the RECIST scale', () => {
    assert.deepEqual(issues.filter((i) => i.severity === 'error'), []);
    const bor = datasets.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC');
    assert.deepEqual(bor.map((r) => [r.AVALC, r.RSPFL, r.DCRFL, r.BORREAS]), [
      ['PR', 'Y', 'Y', null],
      ['SD', 'N', 'Y', null],
      ['NE', 'N', 'N', 'no-postbaseline'],
    ]);
    assert.equal(bor[0].RSPDT, '2024-05-06');
    assert.equal(bor[0].PDDT, '2024-10-21');
    assert.equal(bor[1].PDDT, '2024-07-01');
  });

  it('gives the response-evaluable set (baseline and a post-baseline read) and PFS/DoR from the RECIST dates', () => {
    assert.deepEqual(datasets.adsl.map((r) => [r.FASFL, r.EFFFL]), [
      ['Y', 'Y'],
      ['Y', 'Y'],
      ['Y', 'N'],
    ]);
    const pfs = datasets.adtte.filter((r) => r.PARAMCD === 'PFS');
    assert.deepEqual(pfs.map((r) => [r.CNSR, r.ADT]), [
      [0, '2024-10-21'],
      [0, '2024-07-01'],
      [2, '2024-03-11'],
    ]);
    assert.ok(datasets.adtte.some((r) => r.PARAMCD === 'DOR' && r.STARTDT === '2024-05-06'));
  });

  it('puts the sum of target diameters in ADTR with its change from baseline', () => {
    const sums = datasets.adtr.filter((r) => r.EVALUATOR === 'IRC' && r.USUBJID === 'RET-CABO-2-01-001');
    assert.deepEqual(sums.map((r) => [r.PARAMCD, r.AVAL, r.ABLFL, r.PCHG === null ? null : Math.round(r.PCHG)]), [
      ['SUMDIAM', 50, 'Y', 0],
      ['SUMDIAM', 32, 'N', -36],
      ['SUMDIAM', 32, 'N', -36],
      ['SUMDIAM', 34, 'N', -32],
      ['SUMDIAM', 50, 'N', 0],
    ]);
  });
});
