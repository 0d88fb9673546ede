import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCdiscPackage } from '../package/createCdiscPackage.js';
import { FIXTURE_TRIALS } from '../package/packageFixtures.test.js';
import { CT_RELEASE, loadCtExtract } from './ctExtractSupport.test.js';
import { SDTM_CT } from './sdtmTerminology.js';
import { TRIAL_SUMMARY_PARAMETERS, TS_CT_TERMS } from './trialSummaryTerminology.js';

// trialkit's controlled terms against CDISC SDTM CT itself (an extract of NCI EVS's release, fixtures/), not
// against trialkit's own tables: the TS parameters and their CT values, and every codelist define.xml names as
// CDISC's in the packages of both fixture trials.

const OPTIONS = { creationDateTime: '2026-12-06T12:00:00', timestamp: new Date(Date.UTC(2026, 11, 6, 12)) };

describe(`controlled terms against CDISC SDTM CT ${CT_RELEASE}`, () => {
  const ct = loadCtExtract();

  it('define.xml states the CT release the terms are checked against', () => {
    assert.equal(SDTM_CT.version, CT_RELEASE);
  });

  it('every TSPARMCD is a term of C66738 and its TSPARM the C67152 term with the same NCI code', () => {
    for (const parameter of TRIAL_SUMMARY_PARAMETERS) {
      const nci = ct.terms.get('C66738')?.get(parameter.code);
      assert.ok(nci !== undefined, parameter.code);
      assert.equal(ct.terms.get('C67152')?.get(parameter.label), nci, `${parameter.code}: ${parameter.label}`);
    }
  });

  it('every TS value trialkit codes is the CT term with that NCI code', () => {
    const byCode = new Map<string, Set<string>>();
    for (const list of ct.terms.values()) for (const [value, code] of list) byCode.set(code, new Set([...(byCode.get(code) ?? []), value]));
    for (const [parameter, terms] of Object.entries(TS_CT_TERMS)) {
      for (const [value, code] of Object.entries(terms)) assert.ok(byCode.get(code)?.has(value), `${parameter} ${value} ${code}`);
    }
  });

  for (const { name, make } of FIXTURE_TRIALS) {
    it(`${name}: every CDISC codelist of define.xml is a CT codelist and every term of it (not marked extended) is its term with its NCI code`, () => {
      const { trial, protocol } = make();
      const built = createCdiscPackage(trial, protocol, OPTIONS);
      assert.ok(built.ok);
      const codelists = new Map([...built.value.sdtm, ...built.value.adam].flatMap((d) => d.codelists).map((c) => [c.id, c]));
      let terms = 0;
      const wrong: string[] = [];
      for (const codelist of codelists.values()) {
        if (codelist.nciCode === undefined) continue;
        assert.ok(ct.codelists.has(codelist.nciCode), `${codelist.id}: ${codelist.nciCode} is a CT codelist`);
        for (const item of codelist.items ?? []) {
          if (item.extended === true) continue;
          const code: string | undefined = ct.terms.get(codelist.nciCode)?.get(item.value);
          if (code === undefined || (item.nciCode !== undefined && item.nciCode !== code)) wrong.push(`${codelist.id} (${codelist.nciCode}): ${item.value} ${item.nciCode ?? ''}`);
          terms += 1;
        }
      }
      assert.deepEqual(wrong, []);
      assert.ok(terms >= 30, `${terms} terms checked`);
    });
  }
});
