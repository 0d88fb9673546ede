import { flattenRecordData, type SnapshotRecord, type SnapshotTables } from './snapshotTables.js';

export interface OdmExportOptions {
  readonly snapshotId: number;
  readonly snapshotName: string;
  /** When the snapshot was taken: the ODM AsOfDateTime. */
  readonly takenAt: Date;
  /** When this document is written: the ODM CreationDateTime. */
  readonly createdAt: Date;
}

// XML 1.0 forbids most control characters even as character references: they are dropped.
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** An attribute value between double quotes; line breaks and tabs as references so parsers keep them. */
export function xmlAttribute(value: string): string {
  return value
    .replace(XML_FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

type OdmDataType = 'text' | 'float' | 'integer' | 'boolean';

function dataTypeOf(values: readonly (string | number | boolean)[]): OdmDataType {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'integer';
  if (values.every((v) => typeof v === 'number')) return 'float';
  return 'text';
}

interface FormLayout {
  readonly formType: string;
  readonly oid: string;
  /** item name -> [OID, data type] */
  readonly items: ReadonlyMap<string, { readonly oid: string; readonly dataType: OdmDataType }>;
}

const UNSCHEDULED = '(unscheduled)';

/**
 * A snapshot as a CDISC ODM 1.3.2 document: the form definitions (Study/MetaDataVersion, built from the
 * forms present: one StudyEventDef per visit label, one FormDef + ItemGroupDef per form type, one ItemDef
 * per answer) and the data (ClinicalData/SubjectData/StudyEventData/FormData/ItemGroupData/ItemData, one
 * FormData per record with the record id as FormRepeatKey). OIDs are numbered, not derived from labels,
 * so no label can collide or break the OID syntax; the labels are in the Name attributes.
 */
export function snapshotOdmXml(tables: SnapshotTables, options: OdmExportOptions): string {
  const studyOid = 'ST.TRIALKIT';
  const mdvOid = 'MDV.1';
  const flat = new Map<SnapshotRecord, ReadonlyMap<string, string | number | boolean>>(tables.records.map((r) => [r, flattenRecordData(r.data)]));

  const formTypes = [...new Set(tables.records.map((r) => r.formType))].sort();
  const forms = new Map<string, FormLayout>();
  formTypes.forEach((formType, formIndex) => {
    const values = new Map<string, (string | number | boolean)[]>();
    for (const record of tables.records.filter((r) => r.formType === formType)) {
      for (const [name, value] of flat.get(record) ?? []) {
        const list = values.get(name) ?? [];
        list.push(value);
        values.set(name, list);
      }
    }
    const items = new Map<string, { oid: string; dataType: OdmDataType }>();
    [...values.entries()].forEach(([name, list], itemIndex) => items.set(name, { oid: `IT.${formIndex + 1}.${itemIndex + 1}`, dataType: dataTypeOf(list) }));
    forms.set(formType, { formType, oid: `F.${formIndex + 1}`, items });
  });
  const visits = [...new Set(tables.records.map((r) => r.visit ?? UNSCHEDULED))].sort();
  const visitOid = new Map(visits.map((visit, index) => [visit, `SE.${index + 1}`]));
  const siteOid = new Map(tables.sites.map((site, index) => [site.siteId, `LOC.${index + 1}`]));

  const out: string[] = [];
  const a = xmlAttribute;
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" ODMVersion="1.3.2" FileType="Snapshot" Granularity="All" ` +
      `FileOID="${a(`TRIALKIT.SNAPSHOT.${options.snapshotId}`)}" CreationDateTime="${a(options.createdAt.toISOString())}" ` +
      `AsOfDateTime="${a(options.takenAt.toISOString())}" Originator="trialkit" SourceSystem="trialkit">`,
  );
  out.push(`  <Study OID="${studyOid}">`);
  out.push('    <GlobalVariables>');
  out.push('      <StudyName>trialkit</StudyName>');
  out.push(`      <StudyDescription>${a(`snapshot ${options.snapshotName}, data cutoff ${tables.cutoffDate}`)}</StudyDescription>`);
  out.push('      <ProtocolName>trialkit</ProtocolName>');
  out.push('    </GlobalVariables>');
  out.push(`    <MetaDataVersion OID="${mdvOid}" Name="${a(options.snapshotName)}">`);
  out.push('      <Protocol>');
  visits.forEach((visit, index) => out.push(`        <StudyEventRef StudyEventOID="${visitOid.get(visit) ?? ''}" OrderNumber="${index + 1}" Mandatory="No"/>`));
  out.push('      </Protocol>');
  for (const visit of visits) {
    out.push(`      <StudyEventDef OID="${visitOid.get(visit) ?? ''}" Name="${a(visit)}" Repeating="No" Type="${visit === UNSCHEDULED ? 'Unscheduled' : 'Scheduled'}">`);
    const used = new Set(tables.records.filter((r) => (r.visit ?? UNSCHEDULED) === visit).map((r) => r.formType));
    for (const form of forms.values()) if (used.has(form.formType)) out.push(`        <FormRef FormOID="${form.oid}" Mandatory="No"/>`);
    out.push('      </StudyEventDef>');
  }
  for (const form of forms.values()) {
    out.push(`      <FormDef OID="${form.oid}" Name="${a(form.formType)}" Repeating="Yes">`);
    out.push(`        <ItemGroupRef ItemGroupOID="IG${form.oid.slice(1)}" Mandatory="Yes"/>`);
    out.push('      </FormDef>');
  }
  for (const form of forms.values()) {
    out.push(`      <ItemGroupDef OID="IG${form.oid.slice(1)}" Name="${a(form.formType)}" Repeating="No">`);
    for (const item of form.items.values()) out.push(`        <ItemRef ItemOID="${item.oid}" Mandatory="No"/>`);
    out.push('      </ItemGroupDef>');
  }
  for (const form of forms.values()) {
    for (const [name, item] of form.items) out.push(`      <ItemDef OID="${item.oid}" Name="${a(name)}" DataType="${item.dataType}"/>`);
  }
  out.push('    </MetaDataVersion>');
  out.push('  </Study>');
  if (tables.sites.length > 0) {
    out.push('  <AdminData>');
    for (const site of tables.sites) {
      out.push(`    <Location OID="${siteOid.get(site.siteId) ?? ''}" Name="${a(`${site.siteId} ${site.name}`)}" LocationType="Site">`);
      out.push(`      <MetaDataVersionRef StudyOID="${studyOid}" MetaDataVersionOID="${mdvOid}" EffectiveDate="${a(tables.cutoffDate)}"/>`);
      out.push('    </Location>');
    }
    out.push('  </AdminData>');
  }
  out.push(`  <ClinicalData StudyOID="${studyOid}" MetaDataVersionOID="${mdvOid}">`);
  const bySubject = new Map<string, SnapshotRecord[]>();
  for (const record of tables.records) {
    const list = bySubject.get(record.subjectId) ?? [];
    list.push(record);
    bySubject.set(record.subjectId, list);
  }
  for (const subject of tables.subjects) {
    out.push(`    <SubjectData SubjectKey="${a(subject.subjectId)}">`);
    const location = siteOid.get(subject.siteId);
    if (location !== undefined) out.push(`      <SiteRef LocationOID="${location}"/>`);
    const records = bySubject.get(subject.subjectId) ?? [];
    for (const visit of visits) {
      const inVisit = records.filter((r) => (r.visit ?? UNSCHEDULED) === visit);
      if (inVisit.length === 0) continue;
      out.push(`      <StudyEventData StudyEventOID="${visitOid.get(visit) ?? ''}">`);
      for (const record of inVisit) {
        const form = forms.get(record.formType);
        if (form === undefined) continue;
        out.push(`        <FormData FormOID="${form.oid}" FormRepeatKey="${record.recordId}">`);
        out.push(`          <ItemGroupData ItemGroupOID="IG${form.oid.slice(1)}">`);
        for (const [name, value] of flat.get(record) ?? []) {
          const item = form.items.get(name);
          if (item !== undefined) out.push(`            <ItemData ItemOID="${item.oid}" Value="${a(String(value))}"/>`);
        }
        out.push('          </ItemGroupData>');
        out.push('        </FormData>');
      }
      out.push('      </StudyEventData>');
    }
    out.push('    </SubjectData>');
  }
  out.push('  </ClinicalData>');
  out.push('</ODM>');
  return `${out.join('\n')}\n`;
}
