import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProtocolDefinition } from '../../clinical/index.js';
import { FIXTURE_TRIALS, lesionProtocolTrial } from '../package/packageFixtures.test.js';
import type { XptRow } from '../xpt/index.js';
import { createSdtmDatasets } from './createSdtmDatasets.js';
import { createTrialDesignDatasets, exclusionTest } from './createTrialDesignDatasets.js';
import { TRIAL_SUMMARY_PARAMETERS, TS_CT_TERMS } from './trialSummaryTerminology.js';

// The FDA's TS parameters of a submission (Study Data Technical Conformance Guide), each of which must be in TS
// with a value or a null flavour.
const FDA_PARAMETERS = ['ADDON', 'AGEMAX', 'AGEMIN', 'LENGTH', 'PLANSUB', 'RANDOM', 'SEXPOP', 'STOPRULE', 'TBLIND', 'TCNTRL', 'TDIGRP', 'INDIC', 'TINDTP', 'TITLE', 'TPHASE', 'TTYPE', 'CURTRT', 'OBJPRIM', 'SPONSOR', 'COMPTRT', 'TRT', 'REGID', 'OUTMSPRI', 'PCLAS', 'FCNTRY', 'ADAPT', 'DCUTDTC', 'DCUTDESC', 'INTMODEL', 'NARMS', 'STYPE', 'INTTYPE', 'SSTDTC', 'ACTSUB', 'HLTSUBJI', 'SDTIGVER', 'SDTMVER'];

const rowsOf = (datasets: ReturnType<typeof createSdtmDatasets>['datasets'], name: string): readonly XptRow[] => datasets.find((d) => d.define.name === name)?.rows ?? [];

for (const { name, make } of FIXTURE_TRIALS) {
  describe(`the trial design datasets of the ${name} fixture trial`, () => {
    const { trial, protocol } = make();
    const sdtm = createSdtmDatasets(trial, protocol);
    const ts = rowsOf(sdtm.datasets, 'TS');

    it('TS has every FDA parameter, each with a value or a null flavour and never both', () => {
      for (const code of FDA_PARAMETERS) {
        const rows = ts.filter((row) => row.TSPARMCD === code);
        assert.ok(rows.length >= 1, code);
        for (const row of rows) assert.ok((row.TSVAL === null) !== (row.TSVALNF === null), `${code}: ${String(row.TSVAL)} / ${String(row.TSVALNF)}`);
      }
      const seqs = ts.map((row) => `${String(row.TSPARMCD)}/${String(row.TSSEQ)}`);
      assert.equal(new Set(seqs).size, seqs.length, 'TSSEQ is unique within a parameter');
    });

    it('a CT value carries its NCI code and CDISC CT with its version; a value of no dictionary carries none', () => {
      for (const row of ts) {
        const terms = TS_CT_TERMS[String(row.TSPARMCD)];
        if (terms !== undefined && row.TSVAL !== null) {
          assert.equal(row.TSVALCD, terms[String(row.TSVAL)], String(row.TSPARMCD));
          assert.equal(row.TSVCDREF, 'CDISC CT');
        }
        if (row.TSVALCD === null) assert.equal(row.TSVCDVER, null, String(row.TSPARMCD));
      }
    });

    it('TS states what the protocol and the data say: age limits, phase, arms, enrolled subjects, study start, cutoff', () => {
      const value = (code: string): unknown => ts.find((row) => row.TSPARMCD === code)?.TSVAL;
      const enrolled = trial.subjects.filter((s) => !s.subject.screenFailure);
      assert.equal(value('AGEMIN'), 'P18Y');
      assert.equal(ts.find((row) => row.TSPARMCD === 'AGEMAX')?.TSVALNF, 'PINF');
      assert.equal(value('TPHASE'), 'PHASE II TRIAL');
      assert.equal(value('NARMS'), '1');
      assert.equal(value('ACTSUB'), String(enrolled.length));
      assert.equal(value('SSTDTC'), enrolled.map((s) => s.subject.consentDate).sort()[0]);
      assert.equal(value('DCUTDTC'), trial.dataCutoffDate);
      assert.equal(value('TITLE'), protocol.identity.title);
      assert.deepEqual(
        ts.filter((row) => row.TSPARMCD === 'TRT').map((row) => row.TSVAL),
        protocol.regimen.drugs.filter((d) => d.role === 'investigational').map((d) => d.label),
      );
    });

    it("TA and DM share the arm; TE holds each element of TA; every planned VISITNUM of the subject domains is in TV", () => {
      const ta = rowsOf(sdtm.datasets, 'TA');
      const te = rowsOf(sdtm.datasets, 'TE');
      const tv = rowsOf(sdtm.datasets, 'TV');
      const dmArms = new Set(rowsOf(sdtm.datasets, 'DM').map((row) => row.ARMCD).filter((arm) => arm !== null));
      assert.deepEqual([...dmArms], [...new Set(ta.map((row) => row.ARMCD))]);
      assert.deepEqual(ta.map((row) => row.EPOCH), ['SCREENING', 'TREATMENT', 'FOLLOW-UP']);
      for (const row of ta) assert.ok(te.some((e) => e.ETCD === row.ETCD), String(row.ETCD));
      const planned = new Set(tv.map((row) => row.VISITNUM));
      const used = sdtm.datasets.filter((d) => d.define.class !== 'TRIAL DESIGN').flatMap((d) => d.rows.map((row) => row.VISITNUM)).filter((n) => typeof n === 'number');
      assert.ok(used.length > 0);
      for (const visitnum of used) assert.ok(planned.has(visitnum), `VISITNUM ${String(visitnum)} is in TV`);
      const c2 = tv.find((row) => row.VISIT === 'C2D1');
      assert.equal(c2?.VISITDY, 1 + protocol.regimen.cycleLengthDays);
    });

    it('TI holds every eligibility criterion in order with an 8-character code and its category', () => {
      const ti = rowsOf(sdtm.datasets, 'TI');
      assert.equal(ti.length, protocol.eligibility.criteria.length);
      ti.forEach((row, k) => {
        const criterion = protocol.eligibility.criteria[k];
        assert.equal(row.IECAT, criterion.kind.toUpperCase());
        assert.ok(String(row.IETESTCD).length <= 8 && /^(INCL|EXCL)\d\d$/.test(String(row.IETESTCD)));
        assert.equal(row.IETEST, criterion.kind === 'exclusion' ? exclusionTest(criterion.text) : criterion.text);
      });
    });
  });
}

describe('trial summary facts the protocol does not give', () => {
  const { trial, protocol } = lesionProtocolTrial();

  it('a parameter stated nowhere gets TSVALNF NI, never a guess', () => {
    const bare: ProtocolDefinition = { ...protocol, sdtm: { ...protocol.sdtm, forms: protocol.sdtm?.forms ?? {}, trialSummary: {} } };
    const ts = createTrialDesignDatasets(trial, bare, new Set(), 'STD').datasets.find((d) => d.define.name === 'TS')?.rows ?? [];
    for (const code of ['OBJPRIM', 'PLANSUB', 'TBLIND', 'PCLAS', 'STYPE']) {
      const row = ts.find((r) => r.TSPARMCD === code);
      assert.deepEqual([row?.TSVAL, row?.TSVALNF], [null, 'NI'], code);
    }
    assert.equal(ts.length, TRIAL_SUMMARY_PARAMETERS.length, 'one record per parameter: none has several values');
  });

  it('a value that is not a CDISC CT term is written without a code and reported; an unknown TSPARMCD is reported', () => {
    const odd: ProtocolDefinition = { ...protocol, sdtm: { ...protocol.sdtm, forms: protocol.sdtm?.forms ?? {}, trialSummary: { TBLIND: ['SINGLE BLINDED'], NOSUCH: ['x'] } } };
    const built = createTrialDesignDatasets(trial, odd, new Set(), 'STD');
    const row = built.datasets.find((d) => d.define.name === 'TS')?.rows.find((r) => r.TSPARMCD === 'TBLIND');
    assert.deepEqual([row?.TSVAL, row?.TSVALCD], ['SINGLE BLINDED', null]);
    assert.deepEqual(built.issues.map((i) => i.code).sort(), ['ts-not-ct', 'ts-unknown-parameter']);
  });

  it('an exclusion written as a condition of entry names what excludes', () => {
    assert.equal(exclusionTest('No untreated or symptomatic brain metastases'), 'Untreated or symptomatic brain metastases');
    assert.equal(exclusionTest('Pregnancy'), 'Pregnancy');
  });
});
