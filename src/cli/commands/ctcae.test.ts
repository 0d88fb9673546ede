import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliRecorder } from '../../testing/index.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'trialkit-ctcae-'));

function csv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

interface CtcaeJsonRow {
  line: number;
  term: string;
  value: number | null;
  unit: string;
  grade: number | null;
  reason?: string;
  ctcaeTerm?: string;
  criterion?: string;
  standardValue?: number;
  notes?: string[];
}

async function runJson(args: string[]): Promise<{ rows: CtcaeJsonRow[]; stderr: string }> {
  const rec = cliRecorder();
  const code = await main(['ctcae', ...args, '--json'], rec.io);
  assert.equal(code, 0, rec.stderr());
  return { ...(JSON.parse(rec.stdout()) as { rows: CtcaeJsonRow[] }), stderr: rec.stderr() };
}

const labs = csv('labs.csv', [
  'term,value,unit,lln,uln,baseline',
  'Neutrophil count decreased,1.0,10^9/L,2.0,7.5,',
  'WBC decreased,2500,cells/µL,4000,10000,',
  'Anemia,7.9,g/dL,12,16,',
  'Creatinine increased,1.5,mg/dL,,1.0,',
  'Alanine aminotransferase increased,60,U/L,,39,40',
  'Platelet count decreased,80,10^9/L,,,',
  'Hyperuricemia,9.0,mg/dL,2.5,7.0,',
]);

describe('trialkit ctcae', () => {
  it('writes { rows: [{ term, value, unit, grade }] } with grades from the CTCAE v5.0 definitions', async () => {
    const { rows } = await runJson([labs]);
    assert.deepEqual(
      rows.map((r) => [r.line, r.term, r.value, r.unit, r.grade]),
      [
        [2, 'Neutrophil count decreased', 1, '10^9/L', 2], // exactly 1.0: the milder grade
        [3, 'WBC decreased', 2500, 'cells/µL', 2], // 2.5 x10^9/L
        [4, 'Anemia', 7.9, 'g/dL', 3], // 79 g/L
        [5, 'Creatinine increased', 1.5, 'mg/dL', 1], // exactly 1.5 x ULN
        [6, 'Alanine aminotransferase increased', 60, 'U/L', 1], // baseline abnormal: 1.5 x BL inclusive
        [7, 'Platelet count decreased', 80, '10^9/L', null], // grade 0 or 1 depends on the LLN
        [8, 'Hyperuricemia', 9, 'mg/dL', 1],
      ],
    );
    assert.equal(rows[1].ctcaeTerm, 'White blood cell decreased');
    assert.equal(rows[1].standardValue, 2.5);
    assert.match(rows[5].reason ?? '', /needs LLN/);
    assert.equal(rows[0].reason, undefined);
    assert.equal(rows[0].criterion, 'Grade 2: <1.5 - 1.0 x 10^9/L');
  });

  it('prints a readable table without --json', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['ctcae', labs], rec.io), 0, rec.stderr());
    const out = rec.stdout();
    assert.match(out, /line\s+term\s+value\s+unit\s+grade/);
    assert.match(out, /Neutrophil count decreased\s+1\s+10\^9\/L\s+2\s+Grade 2/);
    assert.match(out, /Platelet count decreased.*null\s+needs LLN/);
    assert.match(out, /7 rows; grade 0: 0, grade 1: 3, grade 2: 2, grade 3: 1, grade 4: 0; not graded: 1/);
  });

  it('works with only the required columns', async () => {
    const file = csv('minimal.csv', ['Term,Value,Unit', 'Neutrophil count decreased,0.4,10^9/L']);
    const { rows } = await runJson([file]);
    assert.equal(rows[0].grade, 4);
  });

  it('stops with exit 2 on an unknown term, unknown unit or bad number, naming file, line, column and value', async () => {
    const file = csv('bad.csv', [
      'term,value,unit,lln,uln',
      'Neutrophil count decreased,1.2,10^9/L,2.0,7.5',
      'Anemia,8,mg/dL,120,160',
      'Hyponatremia,130,mmol/L,135,145',
      'Platelet count decreased,abc,10^9/L,150,400',
      'Hypokalemia,3.1,mmol/L,low,5.1',
    ]);
    const rec = cliRecorder();
    assert.equal(await main(['ctcae', file], rec.io), 2);
    const err = rec.stderr();
    assert.equal(rec.stdout(), '');
    assert.match(err, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 3, column 'unit': "mg/dL" is not valid`));
    assert.match(err, /line 3, column 'unit': "mg\/dL": expected a unit for hemoglobin: g\/L, g\/dL, mmol\/L \(unknown-unit\)/);
    assert.match(err, /line 4, column 'term': "Hyponatremia": expected a CTCAE v5\.0 term: Neutrophil count decreased/);
    assert.match(err, /line 5, column 'value': "abc"/);
    assert.match(err, /line 6, column 'lln': "low"/);
  });

  it('with --lenient grades the valid rows and gives invalid ones grade null with the reason', async () => {
    const file = csv('mixed.csv', ['term,value,unit,lln', 'Anemia,95,g/L,120', 'Anemia,9.5,mg/dL,12', 'Anemia,,g/L,120']);
    const { rows, stderr } = await runJson([file, '--lenient']);
    assert.deepEqual(rows.map((r) => r.grade), [2, null, null]);
    assert.match(rows[1].reason ?? '', /unknown-unit/);
    assert.match(rows[2].reason ?? '', /missing-value/);
    assert.match(stderr, /2 invalid cell\(s\)/);
  });

  it('names a missing required column and a wrong number of files', async () => {
    const file = csv('nounit.csv', ['term,value', 'Anemia,95']);
    const rec = cliRecorder();
    assert.equal(await main(['ctcae', file], rec.io), 2);
    assert.match(rec.stderr(), /no column 'unit'/);
    const none = cliRecorder();
    assert.equal(await main(['ctcae'], none.io), 2);
    assert.match(none.stderr(), /expected one CSV file/);
  });

  it('lists the terms and their units in --help', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['ctcae', '--help'], rec.io), 0);
    assert.match(rec.stdout(), /Hypoalbuminemia \(g\/L, g\/dL\)/);
    assert.match(rec.stdout(), /--lenient/);
  });
});
