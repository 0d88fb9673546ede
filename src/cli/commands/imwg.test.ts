import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliRecorder } from '../../testing/index.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'trialkit-imwg-'));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

interface JsonPatient {
  id: string;
  assessments: { date: string; response: string; rule: string; confirmed: boolean }[];
  bestResponse: string | null;
  bestResponseReason: string | null;
  firstResponseDate: string | null;
  progressionDate: string | null;
  issues: { code: string; path: string; value: unknown; expected: string; severity: string }[];
}

async function runJson(args: string[]): Promise<{ code: number; patients: JsonPatient[]; stderr: string }> {
  const rec = cliRecorder();
  const code = await main(['imwg', ...args, '--json'], rec.io);
  const parsed = JSON.parse(rec.stdout()) as { patients: JsonPatient[] };
  return { code, patients: parsed.patients, stderr: rec.stderr() };
}

const cohort = {
  patients: [
    {
      id: 'P01',
      baseline: { serumMProteinGPerL: 20, urineMProteinMgPer24h: null },
      assessments: [
        { date: '2022-02-01', serumMProteinGPerL: 9 },
        { date: '2022-03-01', serumMProteinGPerL: 1.5 },
        { date: '2022-03-29', serumMProteinGPerL: 1.8 },
        { date: '2022-04-26', serumMProteinGPerL: 7 },
        { date: '2022-05-24', serumMProteinGPerL: 8 },
      ],
    },
    {
      id: 'P02',
      baseline: { serumMProteinGPerL: 20 },
      assessments: [{ date: 20220201, serumMProteinGPerL: 9 }],
    },
    {
      id: 'P03',
      baseline: { kappaFlcMgPerL: 500, lambdaFlcMgPerL: 10 },
      assessments: [
        { date: '2022-02-01', kappaFlcMgPerL: 200, lambdaFlcMgPerL: 10 },
        { date: '2022-03-01' },
        { date: '2022-03-29', kappaFlcMgPerL: 150, lambdaFlcMgPerL: 10 },
      ],
    },
    { id: 'P04', baseline: { serumMProteinGPerL: 12 }, assessments: [] },
  ],
};

describe('trialkit imwg', () => {
  it('derives responses, best confirmed response, first response and progression per patient', async () => {
    const { code, patients, stderr } = await runJson([file('cohort.json', cohort)]);
    assert.equal(code, 0);
    const [p1, p2, p3, p4] = patients;
    assert.equal(p1.id, 'P01');
    assert.deepEqual(p1.assessments.map((a) => a.response), ['PR', 'VGPR', 'VGPR', 'PD', 'PD']);
    assert.equal(p1.bestResponse, 'VGPR');
    assert.equal(p1.firstResponseDate, '2022-02-01');
    assert.equal(p1.progressionDate, '2022-04-26');
    assert.deepEqual(p3.assessments.map((a) => a.response), ['PR', 'NE', 'PR']);
    assert.equal(p3.bestResponse, 'PR');
    assert.deepEqual(p3.issues.map((i) => [i.code, i.path, i.severity]), [
      ['missing-qualifying-parameter', 'patients[2].assessments[1].kappaFlcMgPerL', 'warning'],
      ['missing-qualifying-parameter', 'patients[2].assessments[1].lambdaFlcMgPerL', 'warning'],
    ]);
    assert.equal(p4.bestResponse, 'NE');
    assert.equal(p4.bestResponseReason, 'no-postbaseline');
    // The patient with a bad date gets its issues; the others are still derived.
    assert.equal(p2.bestResponse, null);
    assert.deepEqual(p2.issues.map((i) => [i.code, i.path, i.value]), [['invalid-type', 'patients[1].assessments[0].date', 20220201]]);
    assert.match(p2.issues[0].expected, /string/);
    assert.match(stderr, /1 of 4 patient/);
  });

  it('reports every problem of a patient at once, with path, value and expectation', async () => {
    const input = {
      patients: [
        {
          id: 'X',
          baseline: { serumMProteinGPerL: 20, serumMprotein: 3 },
          assessments: [
            { date: '2022-03-01', serumMProteinGPerL: -2 },
            { date: '2022-02-01', serumMProteinGPerL: 9, urineImmunofixation: 'pos' },
          ],
        },
      ],
    };
    const { patients } = await runJson([file('bad.json', input)]);
    const shown = patients[0].issues.map((i) => `${i.code} ${i.path}`);
    assert.deepEqual(shown.sort(), [
      'invalid-value patients[0].assessments[1].urineImmunofixation',
      'negative-value patients[0].assessments[0].serumMProteinGPerL',
      'unknown-field patients[0].baseline.serumMprotein',
      'unsorted-dates patients[0].assessments[1].date',
    ]);
  });

  it('uses the standard rule set on request (serum M-protein >= 10 g/L, SD unconfirmed)', async () => {
    const input = {
      patients: [
        { id: 'A', baseline: { serumMProteinGPerL: 7 }, assessments: [] },
        { id: 'B', baseline: { serumMProteinGPerL: 20 }, assessments: [{ date: '2022-02-01', serumMProteinGPerL: 18 }] },
      ],
    };
    const path = file('rulesets.json', input);
    const trial = await runJson([path]);
    assert.deepEqual(trial.patients.map((p) => p.bestResponse), ['NE', 'NE']);
    const standard = await runJson([path, '--rule-set', 'standard']);
    assert.deepEqual(standard.patients.map((p) => p.bestResponse), [null, 'SD']);
    assert.equal(standard.patients[0].issues[0].code, 'no-measurable-disease');
  });

  it('prints a readable table without --json', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['imwg', file('cohort-table.json', cohort)], rec.io), 0);
    const text = rec.stdout();
    assert.match(text, /^P01\s+serum\s+VGPR\s+2022-02-01\s+2022-04-26 \(pd-serum-m-protein\)/m);
    assert.match(text, /^P04\s+serum\s+NE \(no-postbaseline\)/m);
    assert.match(text, /patients\[1\]\.assessments\[0\]\.date = 20220201: expected string/);
    assert.match(text, /Kumar SK/);
  });

  it('exits 2 on malformed JSON, naming the file and the parse error', async () => {
    const rec = cliRecorder();
    const path = file('broken.json', '{ "patients": [ ');
    assert.equal(await main(['imwg', path], rec.io), 2);
    assert.match(rec.stderr(), new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON: .*JSON`));
  });

  it('exits 2 when the file is missing or has no patients array', async () => {
    const missing = cliRecorder();
    assert.equal(await main(['imwg', join(dir, 'nope.json')], missing.io), 2);
    assert.match(missing.stderr(), /cannot read .*nope\.json/);
    const shape = cliRecorder();
    assert.equal(await main(['imwg', file('shape.json', { subjects: [] })], shape.io), 2);
    assert.match(shape.stderr(), /patients = \(missing\): expected array/);
  });
});
