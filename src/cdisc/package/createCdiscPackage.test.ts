import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from '../../testing/index.js';
import { checkCdiscPackage } from '../check/index.js';
import { parseXmlTree, validateDefinePackage, walkXml } from '../define/index.js';
import { SDTM_CT } from '../sdtm/index.js';
import { readXpt } from '../xpt/index.js';
import { createCdiscPackage, type CdiscPackage } from './createCdiscPackage.js';
import { FIXTURE_TRIALS } from './packageFixtures.test.js';

const STYLESHEET = new Uint8Array(readFileSync(repoPath('data/cdisc/define2-1.xsl')));
const OPTIONS = { creationDateTime: '2026-12-06T12:00:00', timestamp: new Date(Date.UTC(2026, 11, 6, 12)), stylesheet: STYLESHEET, sourceSystem: { name: 'trialkit', version: '0.1.0' } };

function folder(pkg: CdiscPackage, name: string): Map<string, Uint8Array> {
  return new Map([...pkg.files].filter(([path]) => path.startsWith(`${name}/`)).map(([path, bytes]) => [path.slice(name.length + 1), bytes]));
}

describe('createCdiscPackage on the fixture trials of both protocols', () => {
  for (const { name, make } of FIXTURE_TRIALS) {
    const { trial, protocol } = make();
    const built = createCdiscPackage(trial, protocol, OPTIONS);

    it(`${name}: writes sdtm/ and adam/, each with its XPT files, define.xml and the stylesheet`, () => {
      assert.ok(built.ok, JSON.stringify(built.ok ? [] : built.issues.slice(0, 5)));
      const files = [...built.value.files.keys()];
      for (const base of ['sdtm', 'adam']) {
        assert.ok(files.includes(`${base}/define.xml`));
        assert.deepEqual(built.value.files.get(`${base}/define2-1.xsl`), STYLESHEET);
      }
      for (const dataset of ['dm', 'ds', 'ex', 'mh', 'rs', 'lb', 'ta', 'te', 'ti', 'ts', 'tv']) assert.ok(files.includes(`sdtm/${dataset}.xpt`), dataset);
      for (const dataset of ['adsl', 'adrs', 'adtr', 'adtte', 'adae', 'adlb', 'adex', 'adcm']) assert.ok(files.includes(`adam/${dataset}.xpt`), dataset);
      assert.deepEqual(built.value.issues.filter((i) => i.severity === 'error'), []);
    });

    it(`${name}: passes checkCdiscPackage with no error and no warning`, () => {
      assert.ok(built.ok);
      for (const base of ['sdtm', 'adam']) {
        const report = checkCdiscPackage({ name: base, files: folder(built.value, base) });
        assert.equal(report.model, base === 'sdtm' ? 'SDTM' : 'ADaM');
        assert.deepEqual(report.findings, [], base);
      }
    });

    it(`${name}: each XPT file reads back with the rows it was written from`, () => {
      assert.ok(built.ok);
      for (const [base, datasets] of [['sdtm', built.value.sdtm], ['adam', built.value.adam]] as const) {
        for (const dataset of datasets) {
          const file = readXpt(built.value.files.get(`${base}/${dataset.define.file}`) ?? new Uint8Array());
          assert.ok(file.ok, dataset.define.file);
          const member = file.value.members[0];
          assert.equal(member.name, dataset.define.name);
          assert.equal(member.label, dataset.define.label);
          assert.deepEqual(member.rows.length, dataset.rows.length);
          assert.deepEqual(member.rows, dataset.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? (member.variables.find((x) => x.name === k)?.type === 'char' ? '' : null) : v]))), dataset.define.name);
        }
      }
    });

    it(`${name}: define.xml passes the writer's validator and says SYNTHETIC`, () => {
      assert.ok(built.ok);
      for (const base of ['sdtm', 'adam']) {
        const text = new TextDecoder().decode(built.value.files.get(`${base}/define.xml`));
        const tree = parseXmlTree(text, 'define.xml');
        assert.ok(tree.ok);
        let studyName = '';
        let studyDescription = '';
        for (const node of walkXml(tree.value)) {
          if (node.name === 'StudyName') studyName = node.text;
          if (node.name === 'StudyDescription') studyDescription = node.text;
        }
        assert.match(studyName, /^SYNTHETIC /);
        assert.match(studyDescription, /^SYNTHETIC DATA/);
        assert.match(text, /<\?xml-stylesheet type="text\/xsl" href="define2-1.xsl"\?>/);
      }
      const datasets = [...built.value.sdtm, ...built.value.adam];
      assert.ok(datasets.every((d) => /SYNTHETIC/.test(d.define.label)));
      // The metadata define.xml was written from, checked again: nothing the validator calls an error or warning.
      for (const issues of [built.value.sdtm, built.value.adam].map((list) =>
        validateDefinePackage({
          model: 'SDTM',
          fileOid: 'x',
          creationDateTime: OPTIONS.creationDateTime,
          context: 'Other',
          study: { oid: 'S', name: 'n', description: 'd', protocolName: 'p' },
          metaDataVersion: { oid: 'M', name: 'n' },
          standards: [{ id: 'STD.SDTMIG.3.4', name: 'SDTMIG', type: 'IG', version: '3.4' }, { id: 'STD.ADAMIG.1.3', name: 'ADaMIG', type: 'IG', version: '1.3' }, SDTM_CT],
          datasets: list.map((d) => d.define),
          codelists: [...new Map(list.flatMap((d) => d.codelists).map((c) => [c.id, c])).values()],
          methods: list.flatMap((d) => d.methods),
          comments: list.flatMap((d) => d.comments),
        }).filter((i) => i.code !== 'role-not-sdtm'),
      )) {
        assert.deepEqual(issues, []);
      }
    });

    it(`${name}: ADaM traces to SDTM: ADSL.TRTSDT is DM.RFXSTDTC, ADAE.AESEQ is AE.AESEQ`, () => {
      assert.ok(built.ok);
      const dm = built.value.sdtm.find((d) => d.define.name === 'DM')?.rows ?? [];
      const adsl = built.value.adam.find((d) => d.define.name === 'ADSL')?.rows ?? [];
      // ADSL holds the enrolled subjects; a screen failure is in DM (ARMNRS) and DS only.
      assert.equal(adsl.length, dm.filter((r) => r.ARMNRS !== 'SCREEN FAILURE').length);
      for (const row of adsl) {
        const subject = dm.find((r) => r.USUBJID === row.USUBJID);
        const sasDay = typeof row.TRTSDT === 'number' ? new Date((row.TRTSDT - 3653) * 86_400_000).toISOString().slice(0, 10) : null;
        assert.equal(sasDay, subject?.RFXSTDTC ?? null, String(row.USUBJID));
      }
      const ae = built.value.sdtm.find((d) => d.define.name === 'AE')?.rows ?? [];
      const adae = built.value.adam.find((d) => d.define.name === 'ADAE')?.rows ?? [];
      assert.equal(adae.length, ae.length);
      for (const row of adae) assert.ok(ae.some((r) => r.USUBJID === row.USUBJID && r.AESEQ === row.AESEQ && r.AESPID === row.AESPID && r.AETERM === row.AETERM));
    });

    it(`${name}: ADCM holds every subsequent-therapy agent of CM with CM's CMSEQ, CMGRPID, CMTRT and CMCAT`, () => {
      assert.ok(built.ok);
      assert.ok(built.value.files.has('adam/adcm.xpt'));
      const cm = (built.value.sdtm.find((d) => d.define.name === 'CM')?.rows ?? []).filter((r) => String(r.CMGRPID).startsWith('SUBSEQUENT '));
      const adcm = built.value.adam.find((d) => d.define.name === 'ADCM')?.rows ?? [];
      const enrolled = trial.subjects.filter((s) => !s.subject.screenFailure && s.newTherapies.length > 0);
      assert.equal(adcm.length, enrolled.reduce((n, s) => n + s.newTherapies.reduce((m, t) => m + t.agents.length, 0), 0));
      assert.equal(adcm.length, cm.length);
      for (const row of adcm) {
        const source = cm.find((r) => r.USUBJID === row.USUBJID && r.CMSEQ === row.CMSEQ);
        assert.deepEqual([source?.CMGRPID, source?.CMTRT, source?.CMCAT], [row.CMGRPID, row.CMTRT, row.CMCAT], `${String(row.USUBJID)} CMSEQ ${String(row.CMSEQ)}`);
        const sasDay = typeof row.ASTDT === 'number' ? new Date((row.ASTDT - 3653) * 86_400_000).toISOString().slice(0, 10) : null;
        assert.equal(sasDay, source?.CMSTDTC);
      }
    });
  }

  it('ADaM variables: names of at most 8 upper-case characters, labels of at most 40, dates as SAS dates with DATE9.', () => {
    const { trial, protocol } = FIXTURE_TRIALS[0].make();
    const built = createCdiscPackage(trial, protocol, OPTIONS);
    assert.ok(built.ok);
    for (const dataset of built.value.adam) {
      for (const variable of dataset.define.variables) {
        assert.match(variable.name, /^[A-Z][A-Z0-9_]{0,7}$/, `${dataset.define.name}.${variable.name}`);
        assert.ok(variable.label.length > 0 && variable.label.length <= 40, `${dataset.define.name}.${variable.name} ${variable.label}`);
        if (/DT$/.test(variable.name)) assert.deepEqual([variable.dataType, variable.displayFormat], ['integer', 'DATE9.'], `${dataset.define.name}.${variable.name}`);
      }
    }
    const adsl = built.value.adam.find((d) => d.define.name === 'ADSL');
    assert.ok(adsl !== undefined);
    for (const set of protocol.analysisSets) assert.ok(adsl.define.variables.some((v) => v.name === set.flag), set.flag);
    const adlb = built.value.adam.find((d) => d.define.name === 'ADLB');
    assert.deepEqual([...new Set(adlb?.rows.map((r) => r.PARAMCD))].sort(), ['ALT', 'HGB']);
  });

  it('a trial not marked synthetic has no SYNTHETIC label', () => {
    const { trial, protocol } = FIXTURE_TRIALS[1].make();
    const built = createCdiscPackage({ ...trial, synthetic: false }, protocol, OPTIONS);
    assert.ok(built.ok);
    assert.ok([...built.value.sdtm, ...built.value.adam].every((d) => !/SYNTHETIC/.test(d.define.label)));
    assert.doesNotMatch(new TextDecoder().decode(built.value.files.get('sdtm/define.xml')), /SYNTHETIC/);
  });
});
