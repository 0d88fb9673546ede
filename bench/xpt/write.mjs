// trialkit side of the XPT benchmark: builds the benchmark dataset (N rows x 20 variables, the same values as
// xpt.R builds, all SYNTHETIC) as row objects, as a mapping would hand it over, writes it with createXpt and
// saves the file. Usage: node bench/xpt/write.mjs <out.xpt> [N=1000000]
import { writeFileSync } from 'node:fs';
import { createXpt } from '../../dist/cdisc/index.js';

const [out, nText = '1000000'] = process.argv.slice(2);
const n = Number(nText);
const t0 = performance.now();

const terms = ['NEUTROPENIA', 'FATIGUE', 'ANAEMIA', 'PNEUMONIA', 'THROMBOCYTOPENIA'];
const severities = ['MILD', 'MODERATE', 'SEVERE'];
const rows = new Array(n);
for (let i = 1; i <= n; i += 1) {
  rows[i - 1] = {
    ROWID: i,
    N2: ((i * 7919) % 100003) / 8,
    N3: (i % 97) - 48,
    ADT: 18000 + (i % 5000),
    N5: (i % 1000) / 4 + 0.5,
    N6: i % 10 === 0 ? null : i * 0.25,
    N7: -i / 16,
    N8: (i % 7) * 1000000,
    N9: i % 3 === 0 ? null : (i % 101) / 32,
    N10: 1e6 + i / 1024,
    USUBJID: `SUBJ-${String(i).padStart(7, '0')}`,
    FL: i % 2 === 0 ? 'Y' : 'N',
    TERM: terms[i % 5],
    SITEID: `SITE${i % 32}`,
    DTC: `2021-03-${String((i % 28) + 1).padStart(2, '0')}`,
    COMMENT: i % 4 === 0 ? null : 'COMMENT',
    CODE: String(i % 1000),
    SEV: severities[i % 3],
    STUDYID: 'TK-BENCH-001',
    VISIT: `VISIT ${i % 12}`,
  };
}
const num = (name, label, format) => ({ name, label, type: 'num', length: 8, ...(format ? { format, informat: format } : {}) });
const chr = (name, label, length) => ({ name, label, type: 'char', length });
const dataset = {
  name: 'BENCH',
  label: 'XPT benchmark (SYNTHETIC)',
  variables: [
    num('ROWID', 'Row number'), num('N2', 'Eighths'), num('N3', 'Small integers'), num('ADT', 'Analysis date', 'DATE9.'), num('N5', 'Quarters'),
    num('N6', 'Quarters with missing values'), num('N7', 'Negative sixteenths'), num('N8', 'Millions'), num('N9', 'Thirty-seconds with missing'), num('N10', 'Large with fractions', '12.4'),
    chr('USUBJID', 'Unique Subject Identifier', 12), chr('FL', 'Flag', 1), chr('TERM', 'Reported term', 20), chr('SITEID', 'Site', 8), chr('DTC', 'Date (ISO 8601)', 10),
    chr('COMMENT', 'Comment', 40), chr('CODE', 'Code', 8), chr('SEV', 'Severity', 8), chr('STUDYID', 'Study Identifier', 12), chr('VISIT', 'Visit', 10),
  ],
  rows,
};
const t1 = performance.now();
// a fixed stamp, so the file can be compared with R's (the comparison masks the stamps anyway)
const result = createXpt(dataset, { timestamp: new Date(Date.UTC(2026, 11, 6, 12, 0, 0)) });
if (!result.ok) {
  console.error(JSON.stringify(result.issues.slice(0, 5)));
  process.exit(1);
}
const t2 = performance.now();
writeFileSync(out, result.value);
const t3 = performance.now();
console.error(`trialkit: build rows ${((t1 - t0) / 1000).toFixed(2)} s, createXpt ${((t2 - t1) / 1000).toFixed(2)} s, write ${((t3 - t2) / 1000).toFixed(2)} s, ${result.value.length} bytes`);
