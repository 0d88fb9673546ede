import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findProtocol } from '../protocols/index.js';
import { parseLabImport as parseWith } from './labImportCsv.js';
import { createServedProtocol } from './servedProtocol.js';

const module = findProtocol('nct05236621');
if (module === undefined) throw new Error('the reference protocol is not registered');
const protocol = createServedProtocol(module);
const parseLabImport = (text: string, file: string): ReturnType<typeof parseWith> => parseWith(text, file, protocol);

const header = 'subjectId,date,visit,analyte,value,unit,lln,uln';

describe('parseLabImport', () => {
  it('reads good rows as central lab forms', () => {
    const { rows, issues } = parseLabImport(`${header}\nA-001,2025-02-03,C1D1,neutrophils,0.4,10^9/L,1.8,7.5\nA-002,2025-02-04,C1D8,hemoglobin,9.8,g/dL,,\n`, 'f.csv');
    assert.deepEqual(issues, []);
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[0], { line: 2, subjectId: 'A-001', data: { date: '2025-02-03', visit: 'C1D1', analyte: 'neutrophils', value: 0.4, unit: '10^9/L', lln: 1.8, uln: 7.5, source: 'central' } });
    assert.equal(rows[1].data.lln, undefined);
  });

  it('reports every bad cell with file, line, column, value and expected', () => {
    const text = [
      header,
      'A-001,2025-02-30,C1D1,neutrophils,0.4,10^9/L,1.8,7.5',
      'A-001,2025-02-03,C1D1,sodium,140,mmol/L,,',
      'A-001,2025-02-03,C1D1,neutrophils,low,furlongs,x,7.5',
      ',2025-02-03,,hemoglobin,100,g/L,160,120',
    ].join('\n');
    const { rows, issues } = parseLabImport(text, 'lab.csv');
    assert.equal(rows.length, 0);
    const found = issues.map((i) => `${i.path.join(':')}=${String(i.value)} (${i.code})`);
    assert.deepEqual(found, [
      'lab.csv:2:date=2025-02-30 (bad-date)',
      'lab.csv:3:analyte=sodium (unknown-analyte)',
      'lab.csv:4:unit=furlongs (unknown-unit)',
      'lab.csv:4:value=low (not-a-number)',
      'lab.csv:4:lln=x (not-a-number)',
      'lab.csv:5:subjectId= (missing-value)',
      'lab.csv:5:visit= (missing-value)',
    ]);
    assert.match(issues[2].expected, /10\^9\/L/);
  });

  it('reads an LLN above the ULN as it is: the save raises the LAB-RANGE query, as a single save does', () => {
    const { rows, issues } = parseLabImport(`${header}\nA-001,2025-02-03,C1D1,hemoglobin,100,g/L,160,120\n`, 'f.csv');
    assert.deepEqual(issues, []);
    assert.equal(rows[0].data.lln, 160);
    assert.equal(rows[0].data.uln, 120);
  });

  it('refuses a file with missing or unknown columns, ragged rows, or no rows', () => {
    assert.deepEqual(parseLabImport('subjectId,date,visit,analyte,value,unit,lln,comment\n', 'f').issues.map((i) => i.code), ['unknown-column', 'missing-column']);
    assert.equal(parseLabImport(`${header}\nA-001,2025-02-03\n`, 'f').issues[0].code, 'ragged-row');
    assert.equal(parseLabImport(`${header}\n`, 'f').issues[0].code, 'no-rows');
  });
});
