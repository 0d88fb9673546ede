import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cliRecorder, repoPath } from '../../testing/index.js';
import { main } from '../main.js';

const exampleFile = repoPath('examples', 'recist-assessments.json');
const scratch = mkdtempSync(join(tmpdir(), 'trialkit-recist-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const rec = cliRecorder();
  const code = await main(['recist', ...args], rec.io);
  return { code, out: rec.stdout(), err: rec.stderr() };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface JsonAssessment {
  date: string;
  sumMm: number | null;
  percentFromBaseline: number | null;
  percentFromNadir: number | null;
  target: string;
  nonTarget: string;
  overall: string;
}
interface JsonPatient {
  id: string;
  assessments: JsonAssessment[];
  bestOverallResponse: string;
  confirmed: boolean;
  firstResponseDate: string | null;
  progressionDate: string | null;
}

/** One patient: liver 40 mm, lung 30 mm, a target node of 20 mm, one non-target lesion. */
function patient(id: string, assessments: unknown[]): unknown {
  return {
    id,
    baseline: {
      date: '2024-01-08',
      lesions: [
        { id: 'T1', kind: 'target', nodal: false, diameterMm: 40 },
        { id: 'T2', kind: 'target', nodal: false, diameterMm: 30 },
        { id: 'N1', kind: 'target', nodal: true, diameterMm: 20 },
        { id: 'NT1', kind: 'non-target', nodal: false },
      ],
    },
    assessments,
  };
}
const visit = (date: string, t1: number | null, t2: number | null, n1: number | null, nt1: string, newLesion = 'no'): unknown => ({
  date,
  newLesion,
  lesions: [{ id: 'T1', diameterMm: t1 }, { id: 'T2', diameterMm: t2 }, { id: 'N1', diameterMm: n1 }, { id: 'NT1', status: nt1 }],
});

describe('trialkit recist', () => {
  it('writes exactly the contract JSON for the example file', async () => {
    const { code, out, err } = await run([exampleFile, '--json']);
    assert.equal(code, 0);
    assert.equal(err, '');
    const parsed = JSON.parse(out) as { patients: JsonPatient[] };
    assert.deepEqual(Object.keys(parsed), ['patients']);
    for (const p of parsed.patients) {
      assert.deepEqual(Object.keys(p), ['id', 'assessments', 'bestOverallResponse', 'confirmed', 'firstResponseDate', 'progressionDate']);
      for (const a of p.assessments) assert.deepEqual(Object.keys(a), ['date', 'sumMm', 'percentFromBaseline', 'percentFromNadir', 'target', 'nonTarget', 'overall']);
    }
    const [ex1, ex2, ex3, ex4] = parsed.patients;
    // Baseline 42.5 + 18 + 21 = 81.5 mm; day 56: 24.1 + 9.8 + 11 = 44.9 mm; then a nodal CR (node 8, then 7 mm).
    assert.deepEqual(ex1, {
      id: 'EX-01',
      assessments: [
        { date: '2024-03-04', sumMm: 44.9, percentFromBaseline: (-366 * 100) / 815, percentFromNadir: (-366 * 100) / 815, target: 'PR', nonTarget: 'NON-CR/NON-PD', overall: 'PR' },
        { date: '2024-04-29', sumMm: 8, percentFromBaseline: (-735 * 100) / 815, percentFromNadir: (-369 * 100) / 449, target: 'CR', nonTarget: 'CR', overall: 'CR' },
        { date: '2024-06-24', sumMm: 7, percentFromBaseline: (-745 * 100) / 815, percentFromNadir: -12.5, target: 'CR', nonTarget: 'CR', overall: 'CR' },
      ],
      bestOverallResponse: 'CR',
      confirmed: true,
      firstResponseDate: '2024-03-04',
      progressionDate: null,
    });
    // An unconfirmed PR (-30.6%) followed by PD from the nadir (43 -> 53 mm): SD, as the PR was 56 days in.
    assert.deepEqual([ex2.assessments.map((a) => a.overall), ex2.bestOverallResponse, ex2.confirmed, ex2.progressionDate], [['PR', 'PD'], 'SD', false, '2024-05-06']);
    // An equivocal new lesion at the first scan, unequivocal at the second: progression dated at the first.
    assert.deepEqual([ex3.assessments.map((a) => a.overall), ex3.bestOverallResponse, ex3.progressionDate], [['PR', 'PD'], 'PD', '2024-04-01']);
    // Non-target disease only.
    assert.deepEqual(ex4.assessments.map((a) => [a.sumMm, a.percentFromBaseline, a.target, a.nonTarget, a.overall]), [
      [null, null, 'NA', 'NON-CR/NON-PD', 'NON-CR/NON-PD'],
      [null, null, 'NA', 'NE', 'NE'],
    ]);
    assert.equal(ex4.bestOverallResponse, 'NON-CR/NON-PD');
  });

  it('prints a readable table per patient without --json', async () => {
    const { code, out } = await run([exampleFile]);
    assert.equal(code, 0);
    assert.match(out, /Eisenhauer EA/);
    assert.match(out, /^EX-01\s+CR\s+yes\s+2024-03-04\s+-\s+confirmed-response$/m);
    assert.match(out, /^EX-03\s+PD\s+no\s+-\s+2024-04-01 \(new lesion confirmed 2024-05-27\)\s+progression$/m);
    assert.match(out, /^Patient EX-01 \(baseline 2024-01-08: target sum 81\.5 mm, with non-target disease\)$/m);
    assert.match(out, /^2024-03-04\s+56\s+44\.9\s+-44\.9%\s+-44\.9%\s+PR\s+NON-CR\/NON-PD\s+no\s+PR$/m);
    assert.match(out, /^2024-04-08\s+56\s+-\s+-\s+-\s+none\s+NON-CR\/NON-PD\s+no\s+NON-CR\/NON-PD$/m);
  });

  it('takes the protocol\'s confirmation interval and SD minimum', async () => {
    // PR at days 56 and 83: 27 days apart.
    const path = file('intervals.json', { patients: [patient('P1', [visit('2024-03-04', 20, 15, 12, 'present'), visit('2024-03-31', 20, 15, 12, 'present')])] });
    const best = async (args: string[]): Promise<string> => {
      const { code, out } = await run([path, '--json', ...args]);
      assert.equal(code, 0);
      return (JSON.parse(out) as { patients: JsonPatient[] }).patients[0].bestOverallResponse;
    };
    assert.equal(await best([]), 'SD');
    assert.equal(await best(['--confirmation-days', '27']), 'PR');
    assert.equal(await best(['--sd-min-days', '84']), 'NE');
    assert.equal(await best(['--sd-min-days', '83']), 'SD');
  });

  it('exits 2 on bad data, naming the file, the JSON path, the value and the expectation, and writes nothing', async () => {
    const input = {
      patients: [
        patient('P1', [visit('2024-03-04', 20, 15, 12, 'present'), visit('2024-04-01', 20, 15, 12, 'present'), visit('2024-04-29', 20, -3, 12, 'present')]),
        patient('P2', [visit('2024-03-04', 20, 15, 12, 'gone')]),
      ],
    };
    const path = file('bad.json', input);
    const { code, out, err } = await run([path, '--json']);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, new RegExp(`^trialkit recist: ${escape(path)}: 2 of 2 patient\\(s\\) have data errors; nothing was written$`, 'm'));
    assert.match(err, /patients\[0\]\.assessments\[2\]\.lesions\[1\]\.diameterMm = -3: expected a diameter in mm >= 0 for target lesion T2 \(null = not evaluated\) \(not-a-number\)/);
    assert.match(err, /patients\[1\]\.assessments\[0\]\.lesions\[3\]\.status = "gone": expected the status of non-target lesion NT1: 'absent', 'present', 'unequivocal-progression', 'not-evaluated' \(invalid-status\)/);
  });

  it('reports misfiled lesions, unknown lesions, unmeasurable targets, misspelt fields and duplicate patients', async () => {
    const p = patient('P1', [
      {
        date: '2024-03-04',
        newLesion: 'no',
        lesions: [{ id: 'T1', status: 'present' }, { id: 'T2', diameterMM: 15 }, { id: 'N1', diameterMm: 12 }, { id: 'NT1', diameterMm: 5 }, { id: 'T7', diameterMm: 4 }],
      },
    ]) as { baseline: { lesions: { diameterMm?: number }[] } };
    p.baseline.lesions[2].diameterMm = 14;
    const { code, err } = await run([file('misfiled.json', { patients: [p, patient('P1', [])] })]);
    assert.equal(code, 2);
    for (const expected of [
      'patients[0].assessments[0].lesions[1].diameterMM = 15: expected no other fields',
      'patients[0].baseline.lesions[2].diameterMm = 14: expected a short axis >= 15 mm for a target lymph node',
      'patients[0].assessments[0].lesions[0].status = "present": expected a diameterMm, not a status, for target lesion T1',
      'patients[0].assessments[0].lesions[3].diameterMm = 5: expected a status, not a diameter, for non-target lesion NT1',
      'patients[0].assessments[0].lesions[4].id = "T7": expected the id of a baseline lesion (T1, T2, N1, NT1)',
      'patients[1].id = "P1": expected each patient once in the file (duplicate-patient-id)',
    ]) {
      assert.ok(err.includes(expected), `missing: ${expected}\n${err}`);
    }
    assert.match(err, /2 of 2 patient/);
  });

  it('exits 2 on malformed JSON, a missing file, a file of another shape, and bad flags', async () => {
    const broken = file('broken.json', '{ "patients": [ ');
    const malformed = await run([broken]);
    assert.equal(malformed.code, 2);
    assert.match(malformed.err, new RegExp(`${escape(broken)} is not valid JSON`));

    const missing = await run([join(scratch, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read .*nope\.json/);

    const shape = await run([file('shape.json', { subjects: [] })]);
    assert.equal(shape.code, 2);
    assert.match(shape.err, /shape\.json: not a RECIST assessments file/);
    assert.match(shape.err, /subjects = \[\]: expected only "patients" at the top level \(unknown-field\)/);

    const list = await run([file('list.json', [1, 2])]);
    assert.equal(list.code, 2);
    assert.match(list.err, /patients = \(missing\): expected an object \{ "patients": \[ \.\.\. \] \} at the top level \(not-a-recist-file\)/);
    const notArray = await run([file('not-array.json', { patients: { id: 'P1' } })]);
    assert.match(notArray.err, /patients = \{"id":"P1"\}: expected an object/);

    const days = await run([exampleFile, '--confirmation-days', '2.5']);
    assert.equal(days.code, 2);
    assert.match(days.err, /--confirmation-days "2\.5" is not valid; expected a whole number >= 0/);
    const sd = await run([exampleFile, '--sd-min-days=-1']);
    assert.equal(sd.code, 2);
    assert.match(sd.err, /--sd-min-days "-1" is not valid/);
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.match(none.err, /expected one file, got 0/);
  });

  it('prints its usage with --help and is listed by trialkit --help', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: trialkit recist <assessments\.json> \[--confirmation-days 28\] \[--sd-min-days 42\] \[--json\]/);
    const rec = cliRecorder();
    assert.equal(await main(['--help'], rec.io), 0);
    assert.match(rec.stdout(), /^ {2}recist\s+RECIST 1\.1 response/m);
  });
});
