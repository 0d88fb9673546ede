import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { laboratoryProtocolTrial, lesionProtocolTrial, FIXTURE_TRIALS } from '../package/packageFixtures.test.js';
import type { XptRow } from '../xpt/index.js';
import { computeVisit } from './computeVisit.js';
import { createSdtmDatasets } from './createSdtmDatasets.js';

function rowsOf(result: ReturnType<typeof createSdtmDatasets>, name: string): readonly XptRow[] {
  const dataset = result.datasets.find((d) => d.define.name === name);
  assert.ok(dataset !== undefined, `${name} is written`);
  return dataset.rows;
}

describe('createSdtmDatasets on the fixture trials of both protocols', () => {
  for (const { name, make } of FIXTURE_TRIALS) {
    const { trial, protocol } = make();
    const result = createSdtmDatasets(trial, protocol);

    it(`${name}: DM has every subject (screen failure included) with USUBJID = STUDYID-SITE-SUBJ`, () => {
      const dm = rowsOf(result, 'DM');
      assert.equal(dm.length, trial.subjects.length);
      for (const [i, record] of trial.subjects.entries()) {
        const row = dm.find((r) => r.SUBJID === record.subject.subjectId);
        assert.ok(row !== undefined, record.subject.subjectId);
        assert.equal(row.USUBJID, `${trial.protocolId}-${record.subject.siteId}-${record.subject.subjectId.split('-')[1]}`, `subject ${i}`);
        assert.equal(row.SITEID, record.subject.siteId);
        assert.equal(row.RFICDTC, record.subject.consentDate);
        assert.equal(row.COUNTRY, protocol.sdtm?.country);
      }
      const failure = dm.find((r) => r.ARMNRS === 'SCREEN FAILURE');
      assert.ok(failure !== undefined);
      assert.equal(failure.ARM, null);
      assert.equal(failure.SEX, 'U', 'no demographics form: sex not recorded');
      assert.equal(failure.RFSTDTC, null);
      const treated = dm.filter((r) => r.ACTARM === protocol.identity.armLabel);
      assert.equal(treated.length, trial.subjects.length - 1);
    });

    it(`${name}: RFXSTDTC is the first dose and --DY counts from it with no day 0`, () => {
      const dm = rowsOf(result, 'DM');
      const ex = rowsOf(result, 'EX');
      for (const subject of dm.filter((r) => r.RFXSTDTC !== null)) {
        const doses = ex.filter((r) => r.USUBJID === subject.USUBJID);
        assert.equal(subject.RFXSTDTC, doses.map((r) => String(r.EXSTDTC)).sort()[0]);
        assert.equal(doses.find((r) => r.EXSTDTC === subject.RFXSTDTC)?.EXSTDY, 1);
      }
      for (const dataset of result.datasets) {
        for (const variable of dataset.define.variables.filter((v) => /DY$/.test(v.name))) {
          assert.ok(dataset.rows.every((row) => row[variable.name] !== 0), `${dataset.define.name}.${variable.name} has no day 0`);
        }
      }
    });

    it(`${name}: --SEQ numbers each subject's records 1, 2, ... in every subject domain (the trial design datasets have no subjects)`, () => {
      for (const dataset of result.datasets.filter((d) => !d.define.name.startsWith('SUPP') && d.define.name !== 'DM' && d.define.class !== 'TRIAL DESIGN')) {
        const seq = `${dataset.define.name}SEQ`;
        const bySubject = new Map<string, number[]>();
        for (const row of dataset.rows) bySubject.set(String(row.USUBJID), [...(bySubject.get(String(row.USUBJID)) ?? []), Number(row[seq])]);
        for (const [subject, numbers] of bySubject) assert.deepEqual(numbers, numbers.map((_n, i) => i + 1), `${dataset.define.name} ${subject}`);
      }
    });

    it(`${name}: SUPP-- rows point at an existing parent record`, () => {
      for (const supp of result.datasets.filter((d) => d.define.name.startsWith('SUPP'))) {
        const parent = rowsOf(result, supp.define.name.slice(4));
        for (const row of supp.rows) {
          assert.ok(
            parent.some((p) => p.USUBJID === row.USUBJID && String(p[String(row.IDVAR)]) === row.IDVARVAL),
            `${supp.define.name} ${String(row.USUBJID)} ${String(row.IDVAR)}=${String(row.IDVARVAL)}`,
          );
        }
      }
    });

    it(`${name}: no mapping issue on a valid trial`, () => {
      assert.deepEqual(result.issues, []);
    });
  }

  it('visits come from the schedule: VISITNUM = 1000 x position (+ n for a repeating visit)', () => {
    const { protocol } = lesionProtocolTrial();
    assert.deepEqual(computeVisit(protocol.schedule, 'SCREENING'), { VISIT: 'SCREENING', VISITNUM: 1000 });
    assert.deepEqual(computeVisit(protocol.schedule, 'C3D1'), { VISIT: 'C3D1', VISITNUM: 2003 });
    assert.deepEqual(computeVisit(protocol.schedule, 'ta12'), { VISIT: 'TA12', VISITNUM: 3012 });
    assert.deepEqual(computeVisit(protocol.schedule, 'Unscheduled'), { VISIT: 'Unscheduled', VISITNUM: null });
  });

  it('lesion reads: TU identifies each baseline lesion per reader, TR holds the diameters and states, RS the new-lesion answer', () => {
    const { trial, protocol } = lesionProtocolTrial();
    const result = createSdtmDatasets(trial, protocol);
    const subject = `${trial.protocolId}-01-002`;
    const tu = rowsOf(result, 'TU').filter((r) => r.USUBJID === subject);
    assert.deepEqual(
      tu.map((r) => [r.TULNKID, r.TUTESTCD, r.TUORRES, r.TULOC, r.TUEVAL, r.VISIT]),
      [
        ['T1', 'TUMIDENT', 'TARGET', 'lung', 'INDEPENDENT ASSESSOR', 'SCREENING'],
        ['T2', 'TUMIDENT', 'TARGET', 'liver', 'INDEPENDENT ASSESSOR', 'SCREENING'],
        ['NT1', 'TUMIDENT', 'NON-TARGET', 'bone', 'INDEPENDENT ASSESSOR', 'SCREENING'],
        ['T1', 'TUMIDENT', 'TARGET', 'lung', 'INVESTIGATOR', 'SCREENING'],
        ['T2', 'TUMIDENT', 'TARGET', 'liver', 'INVESTIGATOR', 'SCREENING'],
        ['NT1', 'TUMIDENT', 'NON-TARGET', 'bone', 'INVESTIGATOR', 'SCREENING'],
      ],
    );
    const t1 = rowsOf(result, 'TR').filter((r) => r.USUBJID === subject && r.TRLNKID === 'T1' && r.TREVAL === 'INDEPENDENT ASSESSOR');
    assert.deepEqual(
      t1.map((r) => [r.TRTESTCD, r.TRSTRESN, r.TRORRESU, r.VISITNUM, r.TRDY]),
      [
        ['DIAMETER', 30, 'mm', 1000, -7],
        ['DIAMETER', 30, 'mm', 3001, 57],
        ['DIAMETER', 45, 'mm', 3002, 113],
      ],
    );
    const nt1 = rowsOf(result, 'TR').find((r) => r.USUBJID === subject && r.TRLNKID === 'NT1');
    assert.equal(nt1?.TRTESTCD, 'TUMSTATE');
    assert.equal(nt1?.TRSTRESC, 'PRESENT');
    const tuSupp = rowsOf(result, 'SUPPTU').filter((r) => r.USUBJID === subject);
    assert.equal(tuSupp.length, 6);
    assert.ok(tuSupp.every((r) => r.QNAM === 'TUNODAL' && r.QVAL === 'N'));
    const rs = rowsOf(result, 'RS');
    assert.ok(rs.filter((r) => r.USUBJID === subject).every((r) => r.RSTESTCD === 'NEWLIND' && r.RSSTRESC === 'N'));
    const call = rs.find((r) => r.RSTESTCD === 'OVRLRESP');
    assert.deepEqual([call?.RSORRES, call?.RSEVAL, call?.RSDTC, call?.RSCAT], ['PR', 'INVESTIGATOR', '2024-05-06', protocol.response.scale.name.toUpperCase()]);
    const suppmh = rowsOf(result, 'SUPPMH').filter((r) => r.USUBJID === subject);
    assert.deepEqual(
      suppmh.map((r) => [r.QNAM, r.QVAL]),
      [['BRAINMET', 'N'], ['FUSPART', 'KIF5B'], ['FUSTEST', 'Next-generation sequencing'], ['HISTOL', 'Adenocarcinoma'], ['SMOKHX', 'Never (< 100 cigarettes)']],
    );
    assert.deepEqual(result.unmapped, []);
  });

  it('labs: the standard lab form in SI units, the protocol annotated measurements with their specimens', () => {
    const { trial, protocol } = lesionProtocolTrial();
    const lb = rowsOf(createSdtmDatasets(trial, protocol), 'LB');
    const hgb = lb.find((r) => r.LBTESTCD === 'HGB');
    assert.deepEqual([hgb?.LBORRES, hgb?.LBORRESU, hgb?.LBSTRESN, hgb?.LBSTRESU, hgb?.LBSTNRLO, hgb?.LBCAT, hgb?.VISITNUM], ['12.1', 'g/dL', 121, 'g/L', 120, 'HEMATOLOGY', 1000]);
    const lab = laboratoryProtocolTrial();
    const result = createSdtmDatasets(lab.trial, lab.protocol);
    const rows = rowsOf(result, 'LB').filter((r) => r.USUBJID === `${lab.trial.protocolId}-01-001`);
    const mProtein = rows.filter((r) => r.LBTESTCD === 'MCPROT' && r.LBMETHOD === 'ELECTROPHORESIS' && r.LBNAM === 'CENTRAL LABORATORY');
    assert.deepEqual(
      mProtein.map((r) => [r.LBSTRESN, r.LBSPEC, r.VISIT]),
      [
        [30, 'SERUM', 'C1D1'],
        [14, 'SERUM', 'C2D1'],
        [13, 'SERUM', 'C3D1'],
        [12, 'SERUM', 'C4D1'],
      ],
    );
    assert.equal(rows.find((r) => r.LBTESTCD === 'LDH')?.LBORNRHI, '250');
    assert.equal(rows.find((r) => r.LBTESTCD === 'B2MICG')?.LBORNRHI, null);
    assert.deepEqual(rows.filter((r) => r.LBTESTCD === 'MCPROT' && r.LBMETHOD === 'IMMUNOFIXATION ELECTROPHORESIS').map((r) => [r.LBSTRESC, r.LBSTRESN])[0], ['POSITIVE', null]);
    assert.deepEqual(
      result.unmapped.filter((path) => path.startsWith('baselineDisease.fish.')).length,
      5,
      'the FISH panel has no SDTM domain here and is listed as not mapped',
    );
  });

  it('adverse events: AESEQ by onset, causality per drug in SUPPAE, the strongest in AEREL', () => {
    const { trial, protocol } = laboratoryProtocolTrial();
    const result = createSdtmDatasets(trial, protocol);
    const ae = rowsOf(result, 'AE');
    assert.deepEqual(
      ae.map((r) => [r.AESEQ, r.AESPID, r.AESTDTC, r.AETOXGR, r.AESER]),
      [
        [1, '2', '2021-06-10', '3', 'Y'],
        [2, '1', '2021-06-20', '2', 'N'],
      ],
    );
    const supp = rowsOf(result, 'SUPPAE').filter((r) => r.IDVARVAL === '1');
    const drugs = protocol.regimen.drugs;
    assert.equal(supp.filter((r) => String(r.QNAM).startsWith('AEREL')).length, drugs.length);
    const strongest = supp.filter((r) => String(r.QNAM).startsWith('AEREL')).map((r) => String(r.QVAL));
    assert.ok(strongest.includes(String(ae[0].AEREL)));
  });

  it('protocol deviations: one DV record per deviation of the log, the category label in DVCAT, major / minor and the action in SUPPDV', () => {
    const { trial, protocol } = laboratoryProtocolTrial();
    const [first, ...rest] = trial.subjects;
    const log = [
      { date: '2021-07-20', visit: 'C2D1', category: 'visit-schedule', severity: 'minor', description: 'Cycle 2 day 1 on day 50' },
      { date: '2021-06-15', category: 'study-treatment', severity: 'major', description: 'Dose above the level', action: 'Dose corrected' },
    ];
    const withLog = { ...trial, subjects: [{ ...first, diseaseForms: { ...first.diseaseForms, protocolDeviation: log } }, ...rest] };
    const result = createSdtmDatasets(withLog, protocol);
    const dv = rowsOf(result, 'DV');
    assert.deepEqual(
      dv.map((r) => [r.DVSEQ, r.DVSTDTC, r.DVSTDY, r.VISIT, r.VISITNUM, r.DVCAT, r.DVTERM]),
      [
        [1, '2021-06-15', 15, null, null, 'STUDY DRUG / DOSING (NOT PER THE DOSE-MODIFICATION RULES)', 'Dose above the level'],
        [2, '2021-07-20', 50, 'C2D1', computeVisit(protocol.schedule, 'C2D1').VISITNUM, 'VISIT SCHEDULE / ASSESSMENT OUTSIDE ITS WINDOW', 'Cycle 2 day 1 on day 50'],
      ],
    );
    const supp = rowsOf(result, 'SUPPDV');
    assert.deepEqual(
      supp.map((r) => [r.IDVAR, r.IDVARVAL, r.QNAM, r.QVAL]),
      [
        ['DVSEQ', '1', 'DVACTION', 'Dose corrected'],
        ['DVSEQ', '1', 'DVSEV', 'MAJOR'],
        ['DVSEQ', '2', 'DVSEV', 'MINOR'],
      ],
    );
    // The log's fields are mapped by DV itself, never listed as unmapped; no DV dataset without deviations.
    assert.deepEqual(result.unmapped.filter((path) => path.startsWith('protocolDeviation.')), []);
    assert.equal(createSdtmDatasets(trial, protocol).datasets.some((d) => d.define.name === 'DV'), false);
  });

  it('a synthetic trial says SYNTHETIC in every dataset label', () => {
    for (const { make } of FIXTURE_TRIALS) {
      const { trial, protocol } = make();
      for (const dataset of createSdtmDatasets(trial, protocol).datasets) {
        assert.match(dataset.define.label, /SYNTHETIC/, dataset.define.name);
        assert.ok(dataset.define.label.length <= 40, dataset.define.label);
      }
    }
  });
});
