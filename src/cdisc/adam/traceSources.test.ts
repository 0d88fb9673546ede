import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCdiscPackage } from '../package/createCdiscPackage.js';
import { FIXTURE_TRIALS } from '../package/packageFixtures.test.js';
import type { XptRow } from '../xpt/index.js';

const OPTIONS = { creationDateTime: '2026-12-06T12:00:00', timestamp: new Date(Date.UTC(2026, 11, 6, 12)) };

for (const { name, make } of FIXTURE_TRIALS) {
  describe(`SRCDOM/SRCVAR/SRCSEQ of the ${name} fixture package point at records that hold the value`, () => {
    const { trial, protocol } = make();
    const built = createCdiscPackage(trial, protocol, OPTIONS);
    assert.ok(built.ok);
    const rows = (dataset: string): readonly XptRow[] => [...built.value.sdtm, ...built.value.adam].find((d) => d.define.name === dataset)?.rows ?? [];
    const find = (dataset: string, usubjid: unknown, seqVar: string, seq: unknown): XptRow | undefined => rows(dataset).find((r) => r.USUBJID === usubjid && r[seqVar] === seq);

    it('ASEQ numbers each subject 1, 2, ... in ADLB, ADRS and ADTTE', () => {
      for (const dataset of ['ADLB', 'ADRS', 'ADTTE']) {
        const bySubject = new Map<string, number[]>();
        for (const row of rows(dataset)) bySubject.set(String(row.USUBJID), [...(bySubject.get(String(row.USUBJID)) ?? []), Number(row.ASEQ)]);
        assert.ok(bySubject.size > 0, dataset);
        for (const [subject, seq] of bySubject) assert.deepEqual(seq, seq.map((_x, i) => i + 1), `${dataset} ${subject}`);
      }
    });

    it('every ADLB record traces to its LB record: same test, and LBSTRESN is AVAL', () => {
      const adlb = rows('ADLB');
      assert.ok(adlb.length > 0);
      for (const row of adlb) {
        assert.deepEqual([row.SRCDOM, row.SRCVAR], ['LB', 'LBSTRESN'], `ADLB ${String(row.USUBJID)} ASEQ ${String(row.ASEQ)}`);
        const lb = find('LB', row.USUBJID, 'LBSEQ', row.SRCSEQ);
        assert.ok(lb !== undefined);
        assert.equal(lb.LBTESTCD, row.PARAMCD);
        assert.equal(lb.LBSTRESN, row.AVAL);
      }
      const used = adlb.map((r) => `${String(r.USUBJID)}/${String(r.SRCSEQ)}`);
      assert.equal(new Set(used).size, used.length, 'no LB record is the source of two ADLB records');
    });

    it("an ADRS assessment with a recorded call traces to that RS record (RSORRES = RECCALL); BOR and derived-only rows don't", () => {
      const adrs = rows('ADRS');
      const traced = adrs.filter((r) => r.SRCDOM === 'RS');
      assert.ok(traced.length > 0, 'the fixture has recorded calls');
      for (const row of traced) {
        const rs = find('RS', row.USUBJID, 'RSSEQ', row.SRCSEQ);
        assert.ok(rs !== undefined);
        assert.equal(row.SRCVAR, 'RSORRES');
        assert.equal(rs.RSORRES, row.RECCALL);
        assert.equal(row.PARAMCD, 'OVRLRESP');
      }
      for (const row of adrs.filter((r) => r.SRCDOM !== 'RS')) assert.ok(row.PARAMCD === 'BOR' || row.RECCALL === null, `ADRS ${String(row.USUBJID)} ASEQ ${String(row.ASEQ)}`);
    });

    it('every ADTTE record names the ADRS or ADSL record whose date is its ADT', () => {
      const adtte = rows('ADTTE');
      assert.ok(adtte.length > 0);
      const kinds = new Set<string>();
      for (const row of adtte) {
        if (row.SRCDOM === 'ADRS') {
          const adrs = find('ADRS', row.USUBJID, 'ASEQ', row.SRCSEQ);
          assert.ok(adrs !== undefined);
          assert.deepEqual([row.SRCVAR, adrs.ADT, adrs.EVAL, adrs.PARAMCD], ['ADT', row.ADT, row.EVAL, 'OVRLRESP']);
        } else {
          assert.equal(row.SRCDOM, 'ADSL', `ADTTE ${String(row.USUBJID)} ${String(row.PARAMCD)}: a source`);
          const adsl = rows('ADSL').find((r) => r.USUBJID === row.USUBJID);
          assert.ok(adsl !== undefined);
          assert.equal(adsl[String(row.SRCVAR)], row.ADT);
          assert.equal(row.SRCSEQ, null);
        }
        kinds.add(`${String(row.SRCDOM)}.${String(row.SRCVAR)}`);
      }
      assert.ok(kinds.has('ADRS.ADT') && kinds.has('ADSL.DTHDT'), [...kinds].join(', '));
    });
  });
}
