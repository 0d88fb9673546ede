import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { samplePackageFiles, sampleAdamPackage, sampleSdtmPackage } from '../../testing/index.js';
import type { XptDataset, XptRow } from '../xpt/index.js';
import { checkCdiscPackage } from './checkCdiscPackage.js';
import { CHECK_RULES } from './rules.js';
import type { CheckFinding } from './types.js';

type Brief = [string, string, string?, number?];
const brief = (f: CheckFinding): Brief => [f.ruleId, f.dataset, f.variable, f.row];
const notLength = (f: CheckFinding): boolean => f.ruleId !== 'TK-DD-008';

function withRows(datasets: readonly XptDataset[], name: string, change: (rows: readonly XptRow[]) => XptRow[]): XptDataset[] {
  return datasets.map((d) => (d.name === name ? { ...d, rows: change(d.rows) } : d));
}

describe('checkCdiscPackage', () => {
  it('finds no error in the sample SDTM and ADaM packages (only lengths longer than the longest value)', () => {
    for (const [name, sample, model] of [['sdtm', sampleSdtmPackage(), 'SDTM'], ['adam', sampleAdamPackage(), 'ADaM']] as const) {
      const report = checkCdiscPackage({ name, files: samplePackageFiles(sample) });
      assert.equal(report.model, model);
      assert.equal(report.errors, 0, JSON.stringify(report.findings, null, 1));
      assert.deepEqual(report.findings.filter(notLength), []);
      assert.deepEqual(report.datasets.map((d) => [d.name, d.file]), sample.datasets.map((d) => [d.name, `${d.name.toLowerCase()}.xpt`]).sort((a, b) => a[1].localeCompare(b[1])));
    }
  });

  it('SDTM: duplicate --SEQ, non-ISO dates, missing required values, wrong DOMAIN', () => {
    const files = samplePackageFiles(sampleSdtmPackage(), {
      datasets: (ds) =>
        withRows(ds, 'AE', (rows) => [
          ...rows.map((r, i) => (i === 2 ? { ...r, AESTDTC: '06/01/2021', AEDECOD: null } : r)),
          { ...rows[0], AESEQ: 2, AESTDTC: '2021-02-30' },
          { ...rows[0], AESEQ: 3, DOMAIN: 'XX', AESTDTC: '2021-04-12' },
        ]),
    });
    const report = checkCdiscPackage({ name: 'sdtm', files });
    assert.deepEqual(report.findings.filter(notLength).map(brief), [
      ['TK-SDTM-002', 'AE', 'AEDECOD', 3],
      ['TK-SDTM-003', 'AE', 'AESEQ', 4],
      ['TK-SDTM-004', 'AE', 'AESTDTC', 3],
      ['TK-SDTM-004', 'AE', 'AESTDTC', 4],
      ['TK-SDTM-005', 'AE', 'DOMAIN', 5],
    ]);
    assert.match(report.findings.find((f) => f.ruleId === 'TK-SDTM-003')?.message ?? '', /AESEQ 2 repeats for USUBJID TK-SYNTH-001-S01-001 \(first at row 2\)/);
    assert.equal(report.errors, 5);
  });

  it('SDTM: a required variable absent from the file and from define.xml', () => {
    const files = samplePackageFiles(sampleSdtmPackage(), {
      datasets: (ds) => ds.map((d) => (d.name === 'AE' ? { ...d, variables: d.variables.filter((v) => v.name !== 'AETERM') } : d)),
      define: (p) => ({ ...p, datasets: p.datasets.map((d) => (d.name === 'AE' ? { ...d, keys: ['STUDYID', 'USUBJID'], variables: d.variables.filter((v) => v.name !== 'AETERM') } : d)) }),
    });
    assert.deepEqual(checkCdiscPackage({ name: 'sdtm', files }).findings.filter(notLength).map(brief), [['TK-SDTM-001', 'AE', 'AETERM', undefined]]);
  });

  it('dataset against define.xml: undescribed and absent variables, labels, types, lengths, order, formats, codelists', () => {
    const files = samplePackageFiles(sampleAdamPackage(), {
      datasets: (ds) =>
        ds.map((d) => {
          if (d.name !== 'ADSL') return d;
          const variables = d.variables
            .filter((v) => v.name !== 'SAFFL')
            .map((v) => (v.name === 'AGE' ? { ...v, label: 'Age in years' } : v.name === 'SITEID' ? { ...v, length: 5 } : v.name === 'TRTSDT' ? { ...v, format: 'YYMMDD10.' } : v));
          const swapped = [variables[1], variables[0], ...variables.slice(2), { name: 'EXTRA', label: 'Not in define', type: 'num' as const, length: 8 }];
          return { ...d, label: 'Subject Level', variables: swapped, rows: d.rows.map((r, i) => (i === 1 ? { ...r, SEX: 'X', EXTRA: 1 } : { ...r, EXTRA: 1 })) };
        }),
    });
    const report = checkCdiscPackage({ name: 'adam', files });
    assert.deepEqual(report.findings.filter((f) => f.dataset === 'ADSL' && f.ruleId !== 'TK-DD-008').map(brief), [
      ['TK-DD-003', 'ADSL', undefined, undefined],
      ['TK-DD-002', 'ADSL', 'SAFFL', undefined],
      ['TK-DD-006', 'ADSL', undefined, undefined],
      ['TK-DD-005', 'ADSL', 'SITEID', undefined],
      ['TK-DD-003', 'ADSL', 'AGE', undefined],
      ['TK-DD-007', 'ADSL', 'SEX', undefined],
      ['TK-DD-009', 'ADSL', 'TRTSDT', undefined],
      ['TK-DD-001', 'ADSL', 'EXTRA', undefined],
    ]);
    assert.match(report.findings.find((f) => f.ruleId === 'TK-DD-007')?.message ?? '', /"X" is not a term of codelist CL.SEX \(Sex\): 1 row\(s\), first row 2/);
  });

  it('ADaM: required variables and one ADSL record per subject', () => {
    const files = samplePackageFiles(sampleAdamPackage(), {
      datasets: (ds) => withRows(ds, 'ADSL', (rows) => [...rows, { ...rows[0], ACTARM: null }]).map((d) => (d.name === 'ADTTE' ? { ...d, variables: d.variables.filter((v) => v.name !== 'CNSR') } : d)),
      define: (p) => ({ ...p, datasets: p.datasets.map((d) => (d.name === 'ADTTE' ? { ...d, variables: d.variables.filter((v) => v.name !== 'CNSR') } : d)), codelists: p.codelists.filter((c) => c.id !== 'CL.CNSR'), methods: p.methods.filter((m) => m.id !== 'MT.CNSR') }),
    });
    assert.deepEqual(checkCdiscPackage({ name: 'adam', files }).findings.filter(notLength).map(brief), [
      ['TK-ADAM-002', 'ADSL', 'ACTARM', 4],
      ['TK-ADAM-003', 'ADSL', 'USUBJID', 4],
      ['TK-ADAM-001', 'ADTTE', 'CNSR', undefined],
    ]);
  });

  it('package level: missing files, undescribed files, wrong file names, broken references, missing stylesheet', () => {
    const files = samplePackageFiles(sampleSdtmPackage());
    files.delete('ae.xpt');
    files.delete('define2-1.xsl');
    files.delete('acrf.pdf');
    const dm = files.get('dm.xpt');
    assert.ok(dm !== undefined);
    files.delete('dm.xpt');
    files.set('demog.xpt', dm);
    files.set('define.xml', new TextEncoder().encode(new TextDecoder().decode(files.get('define.xml')).replace('CodeListOID="CL.SEX"', 'CodeListOID="CL.GENDER"')));
    const report = checkCdiscPackage({ name: 'sdtm', files });
    assert.deepEqual(report.findings.filter((f) => f.dataset === 'define.xml' || f.ruleId.startsWith('TK-XPT')).map((f) => [f.ruleId, f.severity, f.message]), [
      ['TK-DEF-002', 'error', 'CodeListRef CodeListOID="CL.GENDER": no CodeList with that id'],
      ['TK-DEF-003', 'error', 'def:leaf LF.DM points to dataset file dm.xpt, which is not in the package'],
      ['TK-DEF-003', 'error', 'def:leaf LF.AE points to dataset file ae.xpt, which is not in the package'],
      ['TK-DEF-003', 'warning', 'def:leaf LF.ACRF points to document acrf.pdf (Annotated CRF (SYNTHETIC)), which is not in the package'],
      ['TK-DEF-005', 'warning', 'the stylesheet define2-1.xsl named by define.xml is not in the package'],
      ['TK-XPT-002', 'error', 'the file demog.xpt holds dataset DM: expected dm.xpt'],
    ]);
  });

  it('reports a missing or malformed define.xml and an unreadable transport file, and checks the files still', () => {
    const files = samplePackageFiles(sampleSdtmPackage());
    files.set('define.xml', new TextEncoder().encode('<ODM><Study></ODM>'));
    files.set('bad.xpt', new TextEncoder().encode('not a transport file'));
    const report = checkCdiscPackage({ name: 'sdtm', files });
    assert.deepEqual(report.findings.map((f) => [f.ruleId, f.dataset]), [['TK-DEF-001', 'define.xml'], ['TK-XPT-001', 'bad.xpt']]);
    assert.equal(report.model, 'unknown');
    files.delete('define.xml');
    assert.match(checkCdiscPackage({ name: 'sdtm', files }).findings[0].message, /define.xml is missing/);
  });

  it('lists ten rows of a rule and counts the rest', () => {
    const files = samplePackageFiles(sampleSdtmPackage(), { datasets: (ds) => withRows(ds, 'AE', (rows) => Array.from({ length: 25 }, (_, i) => ({ ...rows[0], AESEQ: i + 1, AESTDTC: 'unknown' }))) });
    const iso = checkCdiscPackage({ name: 'sdtm', files }).findings.filter((f) => f.ruleId === 'TK-SDTM-004');
    assert.equal(iso.length, 11);
    assert.equal(iso[10].message, '... and 15 more rows (25 in all)');
  });

  it('has a catalogue entry, with a source, for every rule it can report', () => {
    const ids = CHECK_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of CHECK_RULES) assert.ok(rule.source.length > 0 && rule.description.length > 0, rule.id);
  });
});
