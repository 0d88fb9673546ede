import { convertLabValue, findDeviationForm, isLabAnalyte, parseIsoDate, ageInYears, readProtocolDeviations, studyDay, RELATIONSHIPS } from '../../clinical/index.js';
import type { EndForm, ProtocolDefinition, SubjectRecord, TrialData } from '../../clinical/index.js';
import { issue, type Issue } from '../../result/index.js';
import { createSubmissionDataset, syntheticLabel, type SubmissionDataset } from '../dataset/index.js';
import type { DefineCodelist } from '../define/index.js';
import { computeVisit, repeatingVisitLabel } from './computeVisit.js';
import { mapAnnotatedForms, unannotatedFields } from './mapAnnotatedForms.js';
import type { SdtmRow, SuppEntry } from './sdtmRow.js';
import { AE_ACTION_TERMS, AE_OUTCOME_TERMS, AE_RELATIONSHIP_TERMS, DISCONTINUATION_TERMS, EVALUATOR_TERMS, LAB_TESTS } from './sdtmTerminology.js';
import { AE_SPEC, CM_SPEC, DM_SPEC, DS_SPEC, DV_SPEC, EX_SPEC, findingsSpec, MH_SPEC, SUPP_VARIABLES, type DomainSpec } from './sdtmVariables.js';
import { mapAnticancerTherapy } from './mapAnticancerTherapy.js';
import { createTrialDesignDatasets } from './createTrialDesignDatasets.js';

/**
 * The SDTM tabulations of a trial (SDTMIG 3.4) from its case report forms and its protocol: DM (screen
 * failures included, with ARMNRS), DS, EX, AE, MH, LB, RS and, from the protocol's annotated forms, whatever
 * findings it declares (TU/TR for lesion reads), CM for prior and subsequent anticancer therapy, with SUPP-- datasets for values with no standard variable,
 * and the trial design datasets TA, TE, TI, TS, TV from the protocol (createTrialDesignDatasets).
 * USUBJID is STUDYID-SUBJID (the subject id is site-sequence), --DTC are ISO 8601 dates as recorded, --DY count
 * from the first dose with no day 0, --SEQ number each subject's records in date order, VISIT/VISITNUM come
 * from the protocol's schedule. Records after the data cutoff are kept: the cutoff is the analysis's, not the
 * tabulation's.
 */

export const SDTMIG_STANDARD_ID = 'STD.SDTMIG.3.4';

export interface SdtmDatasets {
  readonly datasets: readonly SubmissionDataset[];
  readonly issues: readonly Issue[];
  /** Fields of the protocol's annotated forms that carry no SDTM annotation, as form.path: not in the package. */
  readonly unmapped: readonly string[];
}

/** What the standard forms collect that no SDTM domain of trialkit holds yet (stated, not silently dropped). */
export const STANDARD_FIELDS_NOT_MAPPED: readonly string[] = [
  'demographics.weightKg (VS)',
  'demographics.heightCm (VS)',
  'demographics.ecog (QS)',
  'survivalContact (SS)',
  'ircAdjudication (RS, held by the EDC)',
];

interface Collected {
  readonly rows: Map<string, SdtmRow[]>;
  readonly supp: SuppEntry[];
  readonly issues: Issue[];
}

function push(out: Collected, row: SdtmRow): SdtmRow {
  const domain = String(row.DOMAIN);
  const list = out.rows.get(domain) ?? [];
  list.push(row);
  out.rows.set(domain, list);
  return row;
}

function firstAndLastDose(record: SubjectRecord): { first: string | null; last: string | null } {
  const given = record.dosing.filter((d) => d.daysGiven > 0 && d.doseGivenMg > 0);
  if (given.length === 0) return { first: null, last: null };
  const starts = given.map((d) => d.startDate).sort();
  const ends = given.map((d) => d.endDate).sort();
  return { first: starts[0], last: ends[ends.length - 1] };
}

function dayFn(reference: string | null): (date: string | null) => number | null {
  const ref = reference === null ? null : parseIsoDate(reference);
  return (date) => {
    if (ref === null || date === null) return null;
    const day = parseIsoDate(date);
    return day === null ? null : studyDay(day, ref);
  };
}

const label40 = (text: string): string => (text.length <= 40 ? text : `${text.slice(0, 37)}...`);

function mapSubject(trial: TrialData, protocol: ProtocolDefinition, record: SubjectRecord, index: number, out: Collected): void {
  const studyId = trial.protocolId;
  const subject = record.subject;
  const usubjid = `${studyId}-${subject.subjectId}`;
  const base = { STUDYID: studyId, USUBJID: usubjid };
  const path = ['subjects', index];
  const { first, last } = firstAndLastDose(record);
  const dy = dayFn(first);
  const demo = record.demographics;
  const birth = demo === undefined ? null : parseIsoDate(demo.birthDate);
  const consent = parseIsoDate(subject.consentDate);
  const enrolled = !subject.screenFailure;
  const arm = protocol.identity.armLabel;
  const end = record.disposition.endOfStudy;

  const dm = push(out, {
    ...base,
    DOMAIN: 'DM',
    SUBJID: subject.subjectId,
    RFSTDTC: first,
    RFENDTC: last,
    RFXSTDTC: first,
    RFXENDTC: last,
    RFICDTC: subject.consentDate,
    RFPENDTC: end?.date ?? record.death?.date ?? null,
    DTHDTC: record.death?.date ?? null,
    DTHFL: record.death === undefined ? null : 'Y',
    SITEID: subject.siteId,
    BRTHDTC: demo?.birthDate ?? null,
    AGE: birth !== null && consent !== null ? ageInYears(birth, consent) : null,
    AGEU: birth !== null && consent !== null ? 'YEARS' : null,
    // A screen failure may have no demographics form: its sex was not recorded (CDISC U = Unknown).
    SEX: demo?.sex ?? 'U',
    // Race is not collected by trialkit's demographics form: CDISC's NOT REPORTED says so.
    RACE: 'NOT REPORTED',
    ARMCD: enrolled ? 'ARM1' : null,
    ARM: enrolled ? arm : null,
    ACTARMCD: enrolled && first !== null ? 'ARM1' : null,
    ACTARM: enrolled && first !== null ? arm : null,
    ARMNRS: !enrolled ? 'SCREEN FAILURE' : first === null ? 'ASSIGNED, NOT TREATED' : null,
    COUNTRY: protocol.sdtm?.country ?? null,
  });
  if (protocol.sdtm?.country === undefined) out.issues.push(issue('sdtm-no-country', ['protocol', 'sdtm', 'country'], undefined, 'the country of the sites (DM.COUNTRY is required): ProtocolDefinition.sdtm.country'));

  const ds = (row: Omit<SdtmRow, 'STUDYID' | 'USUBJID' | 'DOMAIN'>): void => {
    push(out, { ...base, DOMAIN: 'DS', ...row, DSSTDY: dy(typeof row.DSSTDTC === 'string' ? row.DSSTDTC : null) });
  };
  ds({ DSTERM: 'INFORMED CONSENT OBTAINED', DSDECOD: 'INFORMED CONSENT OBTAINED', DSCAT: 'PROTOCOL MILESTONE', DSSCAT: null, DSSTDTC: subject.consentDate });
  if (subject.screenFailure) ds({ DSTERM: subject.screenFailureReason ?? 'SCREEN FAILURE', DSDECOD: 'SCREEN FAILURE', DSCAT: 'DISPOSITION EVENT', DSSCAT: 'STUDY PARTICIPATION', DSSTDTC: null });
  const endEvent = (form: EndForm | undefined, scat: string): void => {
    if (form === undefined) return;
    ds({ DSTERM: form.reasonText ?? DISCONTINUATION_TERMS[form.reason], DSDECOD: DISCONTINUATION_TERMS[form.reason], DSCAT: 'DISPOSITION EVENT', DSSCAT: scat, DSSTDTC: form.date });
  };
  endEvent(record.disposition.endOfTreatment, 'END OF TREATMENT');
  endEvent(end, 'END OF STUDY');

  const drugs = protocol.regimen.drugs;
  record.dosing.forEach((dose, d) => {
    const drug = drugs.find((x) => x.id === dose.drug);
    if (drug === undefined) out.issues.push(issue('sdtm-unknown-drug', [...path, 'dosing', d, 'drug'], dose.drug, `a drug of the regimen (${drugs.map((x) => x.id).join(', ')})`));
    const visit = computeVisit(protocol.schedule, repeatingVisitLabel(protocol.schedule, 'treatment', dose.cycle));
    const row = push(out, {
      ...base,
      DOMAIN: 'EX',
      EXTRT: (drug?.label ?? dose.drug).toUpperCase(),
      EXDOSE: dose.doseGivenMg,
      EXDOSU: 'mg',
      EXROUTE: drug === undefined ? null : drug.route.toUpperCase(),
      EXADJ: dose.modificationReason === undefined ? null : dose.modificationReason.toUpperCase().replace(/-/g, ' '),
      VISITNUM: visit.VISITNUM,
      VISIT: visit.VISIT,
      EXSTDTC: dose.startDate,
      EXENDTC: dose.endDate,
      EXSTDY: dy(dose.startDate),
      EXENDY: dy(dose.endDate),
    });
    out.supp.push({ parent: row, qnam: 'EXPLDOSE', qlabel: 'Planned Dose (mg)', qval: String(dose.plannedDoseMg), qorig: 'CRF' });
    out.supp.push({ parent: row, qnam: 'EXPLDAYS', qlabel: 'Planned Dosing Days in the Cycle', qval: String(dose.plannedDays), qorig: 'CRF' });
    out.supp.push({ parent: row, qnam: 'EXDAYS', qlabel: 'Days Dosed in the Cycle', qval: String(dose.daysGiven), qorig: 'CRF' });
  });

  for (const ae of record.adverseEvents) {
    const relations = drugs.map((drug) => ae.relatedness[drug.id]).filter((r) => r !== undefined);
    const strongest = relations.reduce<number>((max, r) => Math.max(max, RELATIONSHIPS.indexOf(r)), -1);
    const actions = [...new Set(drugs.map((drug) => ae.actionTaken[drug.id]).filter((a) => a !== undefined))];
    const row = push(out, {
      ...base,
      DOMAIN: 'AE',
      AESPID: String(ae.sequence),
      AETERM: ae.reportedTerm,
      AEDECOD: ae.preferredTerm,
      AEBODSYS: ae.systemOrganClass ?? null,
      AESER: ae.serious ? 'Y' : 'N',
      AEACN: actions.length === 0 ? null : actions.length === 1 ? AE_ACTION_TERMS[actions[0]] : 'MULTIPLE',
      AEREL: strongest < 0 ? null : AE_RELATIONSHIP_TERMS[RELATIONSHIPS[strongest]],
      AEOUT: AE_OUTCOME_TERMS[ae.outcome],
      AETOXGR: String(ae.grade),
      AESTDTC: ae.onsetDate,
      AEENDTC: ae.endDate ?? null,
      AESTDY: dy(ae.onsetDate),
      AEENDY: dy(ae.endDate ?? null),
    });
    drugs.forEach((drug, k) => {
      const rel = ae.relatedness[drug.id];
      const acn = ae.actionTaken[drug.id];
      if (rel !== undefined) out.supp.push({ parent: row, qnam: `AEREL${k + 1}`, qlabel: label40(`Causality to ${drug.label}`), qval: AE_RELATIONSHIP_TERMS[rel], qorig: 'CRF' });
      if (acn !== undefined) out.supp.push({ parent: row, qnam: `AEACN${k + 1}`, qlabel: label40(`Action Taken with ${drug.label}`), qval: AE_ACTION_TERMS[acn], qorig: 'CRF' });
    });
    out.supp.push({ parent: row, qnam: 'AEDISST', qlabel: 'Led to Discontinuation of the Study', qval: ae.ledToStudyDiscontinuation ? 'Y' : 'N', qorig: 'CRF' });
  }

  const deviationForm = findDeviationForm(protocol.forms);
  if (deviationForm !== undefined) {
    const categoryField = deviationForm.fields.find((f) => f.key === 'category');
    const categories = new Map((protocol.codelists.find((c) => categoryField?.type === 'code' && c.id === categoryField.codelist)?.items ?? []).map((item) => [item.code, item.label]));
    for (const deviation of readProtocolDeviations(record, deviationForm)) {
      const visit = computeVisit(protocol.schedule, deviation.visit);
      const row = push(out, {
        ...base,
        DOMAIN: 'DV',
        DVTERM: deviation.description,
        DVCAT: (categories.get(deviation.category) ?? deviation.category).toUpperCase(),
        VISITNUM: visit.VISITNUM,
        VISIT: visit.VISIT,
        DVSTDTC: deviation.date,
        DVSTDY: dy(deviation.date),
      });
      out.supp.push({ parent: row, qnam: 'DVSEV', qlabel: 'Severity of Protocol Deviation', qval: deviation.severity.toUpperCase(), qorig: 'CRF' });
      if (deviation.action !== null) out.supp.push({ parent: row, qnam: 'DVACTION', qlabel: 'Action Taken for Protocol Deviation', qval: deviation.action, qorig: 'CRF' });
    }
  }

  const parents = new Map<string, SdtmRow>([['DM', dm]]);
  if (record.diagnosis !== undefined) {
    parents.set(
      'MH',
      push(out, { ...base, DOMAIN: 'MH', MHTERM: protocol.identity.indication, MHCAT: 'PRIMARY DIAGNOSIS', MHSTDTC: record.diagnosis.diagnosisDate }),
    );
  }

  const therapy = mapAnticancerTherapy(record, { studyId, usubjid, protocol, studyDay: dy, reference: { first, last }, path });
  for (const row of therapy.rows) push(out, row);
  out.supp.push(...therapy.supp);
  out.issues.push(...therapy.issues);

  record.labs.forEach((lab, l) => {
    const test = isLabAnalyte(lab.analyte) ? LAB_TESTS[lab.analyte] : undefined;
    if (test === undefined) {
      out.issues.push(issue('sdtm-unknown-analyte', [...path, 'labs', l, 'analyte'], lab.analyte, 'an analyte with a CDISC LBTESTCD (sdtmTerminology.ts)'));
      return;
    }
    const analyte = lab.analyte as Parameters<typeof convertLabValue>[0];
    const converted = convertLabValue(analyte, lab.value, lab.unit);
    if (!converted.ok) out.issues.push(issue('sdtm-unit', [...path, 'labs', l, 'unit'], lab.unit, `a unit that converts to the standard unit of ${lab.analyte} (LBSTRESN left missing)`, 'warning'));
    const std = (value: number | undefined): number | null => {
      if (value === undefined || !converted.ok) return null;
      const c = convertLabValue(analyte, value, lab.unit);
      return c.ok ? c.value.value : null;
    };
    const visit = computeVisit(protocol.schedule, lab.visit);
    push(out, {
      ...base,
      DOMAIN: 'LB',
      LBTESTCD: test.code,
      LBTEST: test.test,
      LBCAT: test.category,
      LBORRES: String(lab.value),
      LBORRESU: lab.unit,
      LBORNRLO: lab.lln === undefined ? null : String(lab.lln),
      LBORNRHI: lab.uln === undefined ? null : String(lab.uln),
      LBSTRESC: converted.ok ? String(converted.value.value) : null,
      LBSTRESN: converted.ok ? converted.value.value : null,
      LBSTRESU: converted.ok ? converted.value.unit : null,
      LBSTNRLO: std(lab.lln),
      LBSTNRHI: std(lab.uln),
      LBNAM: lab.source === 'central' ? 'CENTRAL LABORATORY' : 'SITE LABORATORY',
      VISITNUM: visit.VISITNUM,
      VISIT: visit.VISIT,
      LBDTC: lab.date,
      LBDY: dy(lab.date),
    });
  });

  for (const call of record.responseCalls) {
    push(out, {
      ...base,
      DOMAIN: 'RS',
      RSTESTCD: 'OVRLRESP',
      RSTEST: 'Overall Response',
      RSCAT: responseCategory(protocol),
      RSORRES: call.response,
      RSSTRESC: call.response,
      RSEVAL: EVALUATOR_TERMS[call.evaluator],
      RSDTC: call.date,
      RSDY: dy(call.date),
    });
  }

  const annotated = mapAnnotatedForms(record, { studyId, usubjid, protocol, studyDay: dy, parents, path });
  for (const row of annotated.rows) push(out, row);
  out.supp.push(...annotated.supp);
  out.issues.push(...annotated.issues);
}

/** RSCAT of the overall response calls: the response scale's name, with its version when the name lacks it. */
function responseCategory(protocol: ProtocolDefinition): string {
  const { name, version } = protocol.response.scale;
  return (name.includes(version) ? name : `${name} ${version}`).trim().toUpperCase();
}

/** Sorts a domain's records by subject, then date (undated last), and numbers --SEQ within each subject. */
function numberRecords(domain: string, rows: SdtmRow[]): SdtmRow[] {
  const dtc = `${domain}${domain === 'AE' || domain === 'EX' || domain === 'DS' || domain === 'MH' || domain === 'CM' || domain === 'DV' ? 'STDTC' : 'DTC'}`;
  const sorted = rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const s = String(a.row.USUBJID).localeCompare(String(b.row.USUBJID));
      if (s !== 0) return s;
      const da = typeof a.row[dtc] === 'string' ? (a.row[dtc]) : '\uffff';
      const db = typeof b.row[dtc] === 'string' ? (b.row[dtc]) : '\uffff';
      return da < db ? -1 : da > db ? 1 : a.i - b.i;
    })
    .map((x) => x.row);
  let subject = '';
  let seq = 0;
  for (const row of sorted) {
    if (row.USUBJID !== subject) {
      subject = String(row.USUBJID);
      seq = 0;
    }
    row[`${domain}SEQ`] = ++seq;
  }
  return sorted;
}

function testCodelist(domain: string, rows: readonly SdtmRow[]): DefineCodelist | undefined {
  const tests = new Map<string, string>();
  for (const row of rows) {
    const code = row[`${domain}TESTCD`];
    if (typeof code === 'string' && !tests.has(code)) tests.set(code, String(row[`${domain}TEST`] ?? code));
  }
  if (tests.size === 0) return undefined;
  return { id: `CL.${domain}TESTCD`, name: `${domain} Test Code`, dataType: 'text', isNonStandard: true, items: [...tests].sort((a, b) => a[0].localeCompare(b[0])).map(([value, decode]) => ({ value, decode })) };
}

const SPECIAL_SPECS: Readonly<Record<string, DomainSpec>> = { DM: DM_SPEC, DS: DS_SPEC, EX: EX_SPEC, AE: AE_SPEC, MH: MH_SPEC, CM: CM_SPEC, DV: DV_SPEC };
const DOMAIN_ORDER = ['DM', 'DS', 'MH', 'CM', 'EX', 'AE', 'DV', 'LB', 'RS', 'TU', 'TR'];

/** The SDTM datasets of a trial under its protocol, with the issues met and what was left unmapped. */
export function createSdtmDatasets(trial: TrialData, protocol: ProtocolDefinition): SdtmDatasets {
  const out: Collected = { rows: new Map(), supp: [], issues: [] };
  trial.subjects.forEach((record, index) => mapSubject(trial, protocol, record, index, out));
  const domains = [...out.rows.keys()].sort((a, b) => {
    const ia = DOMAIN_ORDER.indexOf(a);
    const ib = DOMAIN_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  const datasets: SubmissionDataset[] = [];
  for (const domain of domains) {
    const rows = domain === 'DM' ? (out.rows.get(domain) ?? []) : numberRecords(domain, out.rows.get(domain) ?? []);
    const spec = SPECIAL_SPECS[domain] ?? findingsSpec(domain, testCodelist(domain, rows));
    const known = new Set(spec.variables.map((x) => x.name));
    const stray = new Set(rows.flatMap((row) => Object.keys(row).filter((name) => !known.has(name))));
    for (const name of stray) out.issues.push(issue('sdtm-unknown-variable', ['sdtm', domain, name], name, `a variable of ${domain} (${[...known].join(', ')}); check the protocol's SDTM annotations`));
    datasets.push(
      createSubmissionDataset({
        name: domain,
        label: syntheticLabel(spec.label, trial.synthetic, spec.shortLabel),
        domain,
        class: spec.class,
        structure: spec.structure,
        repeating: domain !== 'DM',
        standardId: SDTMIG_STANDARD_ID,
        keys: spec.keys,
        variables: spec.variables,
        rows,
      }),
    );
  }
  const suppByDomain = new Map<string, SdtmRow[]>();
  for (const entry of out.supp) {
    const rdomain = String(entry.parent.DOMAIN);
    const idvar = rdomain === 'DM' ? null : `${rdomain}SEQ`;
    const list = suppByDomain.get(rdomain) ?? [];
    list.push({
      STUDYID: entry.parent.STUDYID,
      RDOMAIN: rdomain,
      USUBJID: entry.parent.USUBJID,
      IDVAR: idvar,
      IDVARVAL: idvar === null ? null : String(entry.parent[idvar]),
      QNAM: entry.qnam,
      QLABEL: entry.qlabel,
      QVAL: entry.qval,
      QORIG: entry.qorig,
    });
    suppByDomain.set(rdomain, list);
  }
  for (const domain of domains) {
    const rows = suppByDomain.get(domain);
    if (rows === undefined) continue;
    rows.sort((a, b) => String(a.USUBJID).localeCompare(String(b.USUBJID)) || Number(a.IDVARVAL) - Number(b.IDVARVAL) || String(a.QNAM).localeCompare(String(b.QNAM)));
    const supp = `SUPP${domain}`;
    datasets.push(
      createSubmissionDataset({
        name: supp,
        label: syntheticLabel(`Supplemental Qualifiers for ${domain}`, trial.synthetic, `Supp Qualifiers for ${domain}`),
        class: 'RELATIONSHIP',
        structure: 'One record per supplemental qualifier per related parent record',
        repeating: true,
        standardId: SDTMIG_STANDARD_ID,
        keys: ['STUDYID', 'RDOMAIN', 'USUBJID', 'IDVAR', 'IDVARVAL', 'QNAM'],
        variables: SUPP_VARIABLES,
        rows,
      }),
    );
  }
  const observedVisitNums = new Set([...out.rows.values()].flat().map((row) => row.VISITNUM).filter((n): n is number => typeof n === 'number'));
  const design = createTrialDesignDatasets(trial, protocol, observedVisitNums, SDTMIG_STANDARD_ID);
  datasets.unshift(...design.datasets);
  out.issues.push(...design.issues);
  const issues = [...out.issues.filter((x, i, all) => x.code !== 'sdtm-no-country' || all.findIndex((y) => y.code === 'sdtm-no-country') === i), ...datasets.flatMap((d) => d.issues)];
  return Object.freeze({ datasets: Object.freeze(datasets), issues: Object.freeze(issues), unmapped: Object.freeze(unannotatedFields(protocol)) });
}
