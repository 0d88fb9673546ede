import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseXmlTree } from '../define/parseXmlTree.js';
import { createCdiscPackage } from '../package/createCdiscPackage.js';
import { FIXTURE_TRIALS } from '../package/packageFixtures.test.js';

const OPTIONS = { creationDateTime: '2026-12-06T12:00:00', timestamp: new Date(Date.UTC(2026, 11, 6, 12)) };

/** Derived variables still described by the generic fallback ("Derived by trialkit (label)"): the known gaps, to shrink. */
const FALLBACK_METHODS_LEFT = new Set([
  'ADSL.EOTSTT', 'ADSL.EOTDT', 'ADSL.DCTREAS', 'ADSL.EOSSTT', 'ADSL.EOSDT', 'ADSL.DCSREAS',
  'ADTR.PARAMCD', 'ADTR.PARAM', 'ADTR.AVALU', 'ADTR.ADT', 'ADTR.ADY', 'ADTR.AVISIT', 'ADTR.AVAL', 'ADTR.BASE',
  'ADAE.ASTDY', 'ADAE.RELFL', 'ADAE.RELINVFL', 'ADAE.DOSADJFL', 'ADAE.DRGWDFL', 'ADAE.STDYDCFL',
  'ADEX.PARAMCD', 'ADEX.PARAM', 'ADEX.AVAL', 'ADEX.AVALC', 'ADEX.AVALU',
]);

for (const { name, make } of FIXTURE_TRIALS) {
  describe(`define.xml of the ADaM package of the ${name} fixture: methods and parameter-level metadata`, () => {
    const { trial, protocol } = make();
    const built = createCdiscPackage(trial, protocol, OPTIONS);
    assert.ok(built.ok);
    const adam = built.value.adam;
    const xml = new TextDecoder().decode(built.value.files.get('adam/define.xml'));

    it('ADTTE, ADRS and ADLB: every derived variable has a method stating its rule (no generic fallback)', () => {
      const methods = new Map(adam.flatMap((d) => d.methods).map((m) => [m.id, m.description]));
      const fallback: string[] = [];
      for (const dataset of adam) {
        for (const variable of dataset.define.variables.filter((v) => v.origin.type === 'Derived')) {
          const text = methods.get(variable.methodId ?? '') ?? '';
          assert.ok(text.length > 0, `${dataset.define.name}.${variable.name} has a method`);
          if (text.startsWith('Derived by trialkit')) fallback.push(`${dataset.define.name}.${variable.name}`);
        }
      }
      assert.deepEqual(fallback.filter((f) => /^AD(TTE|RS|LB)\./.test(f)), []);
      const unexpected = fallback.filter((f) => !FALLBACK_METHODS_LEFT.has(f));
      assert.deepEqual(unexpected, [], 'a new derived variable without its rule');
    });

    it("ADTTE.AVAL has one ValueListDef item per endpoint in the file, whose method is generated from the protocol's endpoint", () => {
      const adtte = adam.find((d) => d.define.name === 'ADTTE');
      assert.ok(adtte !== undefined);
      const aval = adtte.define.variables.find((v) => v.name === 'AVAL');
      const params = [...new Set(adtte.rows.map((r) => String(r.PARAMCD)))].sort();
      assert.deepEqual(aval?.valueLevel?.map((l) => l.where[0].values[0]).sort(), params);
      for (const level of aval?.valueLevel ?? []) {
        const endpoint = protocol.endpoints.find((e) => e.paramcd === level.where[0].values[0]);
        assert.ok(endpoint !== undefined);
        const method = adtte.methods.find((m) => m.id === level.methodId);
        assert.ok(method !== undefined && method.description.startsWith(`${endpoint.label}: `), method?.description);
        assert.match(method.description, /AVAL = ADT - STARTDT \+ 1/);
        if (endpoint.kind === 'progression-free-survival') {
          assert.match(method.description, new RegExp(`${protocol.response.scale.progression} on ${protocol.response.scale.name}`));
          assert.match(method.description, new RegExp(`${protocol.censoring.missedAssessments} OR MORE MISSED`));
        }
      }
    });

    it('define.xml holds a ValueListDef and WhereClauseDef per parameter of ADTTE.AVAL, ADRS.AVALC and ADLB.AVAL', () => {
      assert.ok(parseXmlTree(xml, 'adam/define.xml').ok, 'well-formed');
      for (const [dataset, variable, param] of [
        ['ADTTE', 'AVAL', String(adam.find((d) => d.define.name === 'ADTTE')?.rows[0].PARAMCD)],
        ['ADRS', 'AVALC', 'BOR'],
        ['ADRS', 'AVALC', 'OVRLRESP'],
        ['ADLB', 'AVAL', String(adam.find((d) => d.define.name === 'ADLB')?.rows[0].PARAMCD)],
      ]) {
        assert.match(xml, new RegExp(`<def:ValueListDef OID="VL\\.${dataset}\\.${variable}"`), `${dataset}.${variable}`);
        assert.match(xml, new RegExp(`<def:WhereClauseDef OID="WC\\.${dataset}\\.${variable}\\.${param}"`), `${dataset}.${variable} ${param}`);
        assert.match(xml, new RegExp(`<MethodDef OID="MT\\.${dataset}\\.${variable}\\.${param}"`), `${dataset}.${variable} ${param}`);
      }
    });
  });
}
