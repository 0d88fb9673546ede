import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoPath } from '../testing/index.js';
import { covariateColumn, numericColumn } from './columns.js';
import { completeRows, describeOmitted } from './completeRows.js';
import { factorColumn, levelIndex, relevelFactor, sortLevels } from './factorColumn.js';
import { readCsvFile } from './readCsv.js';
import { statusColumn } from './statusColumn.js';

const dir = mkdtempSync(join(tmpdir(), 'trialkit-columns-'));
let counter = 0;
function table(text: string): ReturnType<typeof readCsvFile> {
  const path = join(dir, `c${counter++}.csv`);
  writeFileSync(path, text);
  return readCsvFile(path);
}

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  assert.fail('expected an error');
}

interface LevelsFixture {
  text: { values: string[]; levels: string[] }[];
  numeric: { values: number[]; levels: string[] }[];
  status: { values: string[]; event: number[] }[];
}
const fixture = JSON.parse(readFileSync(repoPath('src/io/fixtures/levels.json'), 'utf8')) as LevelsFixture;

describe('factor levels in R order (fixtures/levels.R)', () => {
  for (const set of fixture.text) {
    it(`text: ${set.values.join(' ')}`, () => assert.deepEqual(sortLevels(set.values).levels, set.levels));
  }
  for (const set of fixture.numeric) {
    it(`numbers: ${set.values.join(' ')}`, () => {
      const sorted = sortLevels(set.values.map(String));
      assert.ok(sorted.numeric);
      assert.deepEqual(sorted.levels, set.levels);
    });
  }
  it('reads a quoted text column as a factor in that order, whatever the row order', () => {
    const t = table('"id","cell"\n1,"squamous"\n2,"smallcell"\n3,"adeno"\n4,"large"\n5,"adeno"\n');
    const f = factorColumn(t, 'cell');
    assert.deepEqual(f.levels, ['adeno', 'large', 'smallcell', 'squamous']);
    assert.deepEqual(Array.from(f.codes), [3, 2, 0, 1, 0]);
    const relevelled = relevelFactor(f, levelIndex(f, 'smallcell'));
    assert.deepEqual(relevelled.levels, ['smallcell', 'adeno', 'large', 'squamous']);
    assert.deepEqual(Array.from(relevelled.codes), [3, 0, 1, 2, 1]);
  });
  it('merges numbers written two ways into one level', () => {
    const f = factorColumn(table('g,x\n1,1\n1.0,2\n2,3\n'), 'g');
    assert.deepEqual(f.levels, ['1', '2']);
    assert.deepEqual(Array.from(f.codes), [0, 0, 1]);
    assert.equal(levelIndex(f, '2.0'), 1);
  });
});

describe('statusColumn: R Surv rules without --event-value', () => {
  for (const set of fixture.status) {
    it(set.values.join(' '), () => {
      const t = table(['s,x', ...set.values.map((v) => `${v},1`)].join('\n'));
      assert.deepEqual(Array.from(statusColumn(t, 's').status), set.event);
    });
  }
  it('says which value was the event', () => {
    const lung = statusColumn(table('s,x\n1,1\n2,1\n'), 's');
    assert.deepEqual([lung.coding, lung.eventValue], ['1/2', '2']);
    const plain = statusColumn(table('s,x\n0,1\n1,1\n'), 's');
    assert.deepEqual([plain.coding, plain.eventValue], ['0/1', '1']);
  });
  it('refuses text, a 3, or a 0 among 1/2 codes, naming the values, lines and count', () => {
    const text = thrown(() => statusColumn(table('s,x\ndead,1\nalive,1\ndead,2\n'), 's'));
    assert.match(text.message, /column 's' holds 'alive', 'dead' \(3 rows with 'alive', 'dead', at lines 2, 3, 4\).*--event-value/);
    const three = thrown(() => statusColumn(table('s,x\n0,1\n1,1\n3,1\n0,1\n3,1\n'), 's'));
    assert.match(three.message, /2 rows with '3', at lines 4, 6/);
    const zero = thrown(() => statusColumn(table('s,x\n1,1\n2,1\n0,1\n'), 's'));
    assert.match(zero.message, /1 row with '0', at lines 4/);
  });
  it('with --event-value, that value is the event and every other censored', () => {
    const read = statusColumn(table('s,x\ndead,1\nalive,1\n"dead",1\n'), 's', { eventValue: 'dead' });
    assert.deepEqual(Array.from(read.status), [1, 0, 1]);
    assert.equal(read.coding, 'event-value');
  });
});

describe('completeRows: R na.omit on the columns used', () => {
  const t = (): ReturnType<typeof readCsvFile> => table('time,status,age,other\n5,1,60,NA\n6,NA,61,x\n7,0,,y\n8,1, NA ,z\n9,0,70,\n');
  it('leaves out rows with an empty or NA cell in a used column only', () => {
    const selection = completeRows(t(), ['time', 'status', 'age']);
    assert.deepEqual(Array.from(selection.rows ?? []), [0, 4]);
    assert.equal(selection.omitted, 3);
    assert.deepEqual(selection.missing, [
      { column: 'time', count: 0 },
      { column: 'status', count: 1 },
      { column: 'age', count: 2 },
    ]);
    assert.equal(describeOmitted(selection), "3 of 5 rows left out for missing values (empty or NA: 'status' 1, 'age' 2)");
    assert.equal(completeRows(t(), ['time']).rows, undefined);
  });
  it('reads the kept rows only', () => {
    const tt = t();
    const { rows } = completeRows(tt, ['time', 'status', 'age']);
    assert.deepEqual(Array.from(numericColumn(tt, 'age', { rows })), [60, 70]);
  });
});

describe('numericColumn and covariateColumn errors', () => {
  it('reports bad values once: the first with its line, the count and the first lines', () => {
    const rows = ['t,x', ...Array.from({ length: 1371 }, (_, i) => `${i},${i % 2 === 0 ? 'abc' : '1'}`)];
    const error = thrown(() => numericColumn(table(rows.join('\n')), 'x'));
    assert.match(error.message, /line 2, column 'x': "abc" is not valid; expected a number \(686 bad values in all, at lines 2 \("abc"\), 4 \("abc"\), 6 \("abc"\), 8 \("abc"\), 10 \("abc"\), \.\.\.\)/);
    assert.equal(error.message.split('\n').length, 1);
    assert.equal((error as Error & { issues: unknown[] }).issues.length, 1);
  });
  it('reads a text covariate as a factor, a numeric one as numbers, and refuses a mix', () => {
    const t = table('sex,age,code\n"M",61,1\n"F",70,2\n"M",55.5,x\n');
    const sex = covariateColumn(t, 'sex');
    assert.equal(sex.kind, 'factor');
    assert.ok(sex.kind === 'factor' && sex.levels.join() === 'F,M');
    const age = covariateColumn(t, 'age');
    assert.ok(age.kind === 'numeric' && Array.from(age.values).join() === '61,70,55.5');
    const error = thrown(() => covariateColumn(t, 'code'));
    assert.match(error.message, /column 'code' mixes 2 numbers with 1 text value \(line 4 "x"\).*--factor code/);
    const forced = covariateColumn(t, 'age', { factor: true });
    assert.ok(forced.kind === 'factor' && forced.levels.join() === '55.5,61,70');
  });
});
