import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cliRecorder, repoPath } from '../../testing/index.js';
import { main } from '../main.js';

interface CriterionJson {
  id: string;
  kind: string;
  status: string;
  values: Record<string, { value: unknown; unit?: string }>;
  reason?: string;
}

const eligibleFile = repoPath('examples', 'nct05236621', 'screening-eligible.json');
const ineligibleFile = repoPath('examples', 'nct05236621', 'screening-ineligible.json');
const scratch = mkdtempSync(join(tmpdir(), 'trialkit-eligibility-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const rec = cliRecorder();
  const code = await main(['eligibility', '--protocol', 'nct05236621', ...args], rec.io);
  return { code, out: rec.stdout(), err: rec.stderr() };
}

function scratchFile(name: string, content: string): string {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

describe('trialkit eligibility', () => {
  it('finds the example eligible record eligible, every criterion met (--json)', async () => {
    const { code, out } = await run([eligibleFile, '--json']);
    assert.equal(code, 0);
    const result = JSON.parse(out) as { eligible: boolean | null; criteria: CriterionJson[]; warnings: unknown[] };
    assert.equal(result.eligible, true);
    assert.equal(result.criteria.length, 18);
    assert.ok(result.criteria.every((c) => c.status === 'met'));
    const anc = result.criteria.find((c) => c.id === 'inc-anc');
    assert.deepEqual(anc?.values.anc, { value: 1.8, unit: '10^9/L', reported: '1.8 10^9/L' });
    // Bilirubin entered in umol/L is compared in mg/dL: 12.3 / 17.1.
    const bilirubin = result.criteria.find((c) => c.id === 'inc-bilirubin');
    assert.equal(bilirubin?.values.totalBilirubin?.unit, 'mg/dL');
    assert.ok(Math.abs(Number(bilirubin?.values.totalBilirubin?.value) - 12.3 / 17.1) < 1e-9);
    assert.deepEqual(result.warnings, []);
  });

  it('finds the example ineligible record ineligible and says which criteria fail', async () => {
    const { code, out } = await run([ineligibleFile, '--json']);
    assert.equal(code, 0);
    const result = JSON.parse(out) as { eligible: boolean | null; criteria: CriterionJson[] };
    assert.equal(result.eligible, false);
    const failed = result.criteria.filter((c) => c.status === 'not met');
    assert.deepEqual(failed.map((c) => c.id), ['inc-ecog', 'inc-platelets', 'inc-renal', 'exc-neuropathy', 'exc-myocardial-infarction']);
    const renal = failed.find((c) => c.id === 'inc-renal');
    assert.match(renal?.reason ?? '', /creatinine 3\.4 mg\/dL above 3.*creatinine clearance 15\.71 mL\/min below 30/);
  });

  it('prints a readable checklist without --json', async () => {
    const { code, out } = await run([ineligibleFile]);
    assert.equal(code, 0);
    assert.match(out, /Inclusion criteria/);
    assert.match(out, /\[ \] inc-platelets\s+not met\s+Platelet count >= 50 x 10\^9\/L/);
    assert.match(out, /\[x\] inc-anc\s+met/);
    assert.match(out, /values: platelets = 42 10\^9\/L/);
    assert.match(out, /Eligible: NOT ELIGIBLE\s+\(13 met, 5 not met, 0 not evaluable\)/);
  });

  it('answers null with "not evaluable" criteria when data are missing', async () => {
    const record = JSON.parse(readFileSync(eligibleFile, 'utf8')) as Record<string, unknown>;
    delete record.ecog;
    const { code, out } = await run([scratchFile('missing.json', JSON.stringify(record)), '--json']);
    assert.equal(code, 0);
    const result = JSON.parse(out) as { eligible: boolean | null; criteria: CriterionJson[] };
    assert.equal(result.eligible, null);
    assert.equal(result.criteria.find((c) => c.id === 'inc-ecog')?.status, 'not evaluable');
  });

  it('rejects an invalid record with exit 2, naming the JSON path, value and what was expected', async () => {
    const record = JSON.parse(readFileSync(eligibleFile, 'utf8')) as { labs: { platelets: { value: unknown } }; ecog: unknown };
    record.labs.platelets.value = 'lots';
    record.ecog = 7;
    const { code, err } = await run([scratchFile('bad.json', JSON.stringify(record))]);
    assert.equal(code, 2);
    assert.match(err, /not a valid screening record/);
    assert.match(err, /ecog = 7: expected <= 5/);
    assert.match(err, /labs\.platelets\.value = "lots": expected a number/);
  });

  it('rejects a file that is not JSON, a missing file and a missing argument with exit 2', async () => {
    const notJson = await run([scratchFile('broken.json', '{ "screeningDate": ')]);
    assert.equal(notJson.code, 2);
    assert.match(notJson.err, /is not valid JSON/);
    const missing = await run([join(scratch, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read/);
    const none = await run([]);
    assert.equal(none.code, 2);
  });
});

describe('trialkit eligibility --protocol', () => {
  it('requires a known protocol and names the ones there are', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['eligibility', eligibleFile], rec.io), 2);
    assert.match(rec.stderr(), /--protocol is required \(one of .*nct05236621/);
    const unknown = cliRecorder();
    assert.equal(await main(['eligibility', eligibleFile, '--protocol', 'nct00000000'], unknown.io), 2);
    assert.match(unknown.stderr(), /unknown protocol "nct00000000"/);
  });
});
