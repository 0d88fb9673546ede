import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TrialData } from '../../clinical/index.js';
import { createCdiscPackage } from './createCdiscPackage.js';
import { FIXTURE_TRIALS } from './packageFixtures.test.js';

// The independent review committee's calls beside the investigator's: RS holds both (RSEVAL INDEPENDENT ASSESSOR
// and INVESTIGATOR, CDISC EVAL C78735), ADRS names the same evaluators by the protocol's ids (EVAL IRC and
// INVESTIGATOR), and each ADRS assessment with a recorded call points at its RS record (SRCDOM/SRCSEQ) with the
// same date and call.

const OPTIONS = { creationDateTime: '2026-12-06T12:00:00', timestamp: new Date(Date.UTC(2026, 11, 6, 12)) };
const RSEVAL: Readonly<Record<string, string>> = { irc: 'INDEPENDENT ASSESSOR', investigator: 'INVESTIGATOR' };

for (const { name, make } of FIXTURE_TRIALS) {
  describe(`IRC and investigator calls in RS and ADRS (${name} fixture trial)`, () => {
    const { trial: base, protocol } = make();
    const first = createCdiscPackage(base, protocol, OPTIONS);
    assert.ok(first.ok);
    // Record an IRC call on the date of every IRC assessment of the first subject with one (the call the IRC
    // would make: the derived category), beside the investigator's calls the fixture has.
    const ircEvaluator = protocol.response.evaluators.find((e) => e.recordedBy === 'irc');
    assert.ok(ircEvaluator !== undefined);
    const adrs0 = first.value.adam.find((d) => d.define.name === 'ADRS')?.rows ?? [];
    const assessed = adrs0.filter((r) => r.PARAMCD === 'OVRLRESP' && r.EVAL === ircEvaluator.id);
    const subjectId = String(assessed[0]?.USUBJID).slice(base.protocolId.length + 1);
    const sasToIso = (day: unknown): string => new Date((Number(day) - 3653) * 86_400_000).toISOString().slice(0, 10);
    const ircCalls = assessed.filter((r) => r.USUBJID === assessed[0]?.USUBJID).map((r) => ({ date: sasToIso(r.ADT), evaluator: 'irc' as const, response: String(r.AVALC) }));
    const trial: TrialData = { ...base, subjects: base.subjects.map((s) => (s.subject.subjectId === subjectId ? { ...s, responseCalls: [...s.responseCalls, ...ircCalls] } : s)) };
    const built = createCdiscPackage(trial, protocol, OPTIONS);
    assert.ok(built.ok);
    const rs = built.value.sdtm.find((d) => d.define.name === 'RS')?.rows ?? [];
    const adrs = built.value.adam.find((d) => d.define.name === 'ADRS')?.rows ?? [];

    it('RS holds every recorded call with its evaluator as CDISC names it', () => {
      assert.ok(ircCalls.length >= 2, `${ircCalls.length} IRC calls added`);
      const overall = rs.filter((r) => r.RSTESTCD === 'OVRLRESP');
      const expected = trial.subjects.flatMap((s) => s.responseCalls.map((c) => `${trial.protocolId}-${s.subject.subjectId} ${c.date} ${RSEVAL[c.evaluator]} ${c.response}`)).sort();
      assert.deepEqual(overall.map((r) => `${String(r.USUBJID)} ${String(r.RSDTC)} ${String(r.RSEVAL)} ${String(r.RSORRES)}`).sort(), expected);
      assert.deepEqual([...new Set(overall.map((r) => r.RSEVAL))].sort(), ['INDEPENDENT ASSESSOR', 'INVESTIGATOR']);
    });

    it("each ADRS assessment with a recorded call traces to the RS record of its evaluator, date and call", () => {
      const terms = new Map(protocol.response.evaluators.map((e) => [e.id, RSEVAL[e.recordedBy]]));
      const withCall = adrs.filter((r) => r.PARAMCD === 'OVRLRESP' && r.RECCALL !== null);
      assert.ok(withCall.some((r) => r.EVAL === ircEvaluator.id), 'IRC assessments with a recorded call');
      assert.ok(withCall.some((r) => r.EVAL !== ircEvaluator.id), 'investigator assessments with a recorded call');
      for (const row of withCall) {
        assert.equal(row.SRCDOM, 'RS');
        const source = rs.find((r) => r.USUBJID === row.USUBJID && r.RSSEQ === row.SRCSEQ);
        assert.deepEqual([source?.RSEVAL, source?.RSDTC, source?.RSORRES], [terms.get(String(row.EVAL)), sasToIso(row.ADT), row.RECCALL], `${String(row.USUBJID)} ${String(row.EVAL)}`);
      }
    });
  });
}
