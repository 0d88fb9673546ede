import { failure, success, type Outcome } from '../../result/index.js';
import type {
  DefineCodelist,
  DefineComment,
  DefineDataset,
  DefineDocumentRef,
  DefineItemMetadata,
  DefineMethod,
  DefineOrigin,
  DefinePackage,
  DefineValueLevel,
  DefineVariable,
  DefineWriteOptions,
} from './types.js';
import { validateDefinePackage } from './validateDefinePackage.js';
import { el, renderXml, textEl, type XmlNode } from './xml.js';

/**
 * define.xml (CDISC Define-XML 2.1: ODM 1.3.2 with the def: 2.1 extensions) from a package description. Element
 * order follows the Define-XML 2.1 schema: Standards, AnnotatedCRF, SupplementalDoc, ValueListDefs,
 * WhereClauseDefs, ItemGroupDefs, ItemDefs, CodeLists, MethodDefs, CommentDefs, leaves.
 */

export const ODM_NS = 'http://www.cdisc.org/ns/odm/v1.3';
export const DEF_NS = 'http://www.cdisc.org/ns/def/v2.1';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** The OIDs made from names, so the checker and the mappings can find an element without a lookup table. */
export const defineOid = {
  dataset: (dataset: string): string => `IG.${dataset}`,
  variable: (dataset: string, variable: string): string => `IT.${dataset}.${variable}`,
  leaf: (dataset: string): string => `LF.${dataset}`,
  valueList: (dataset: string, variable: string): string => `VL.${dataset}.${variable}`,
};

const yesNo = (flag: boolean | undefined): 'Yes' | 'No' | undefined => (flag === undefined ? undefined : flag ? 'Yes' : 'No');
const onlyYes = (flag: boolean | undefined): 'Yes' | undefined => (flag === true ? 'Yes' : undefined);

function description(text: string | undefined): XmlNode | undefined {
  if (text === undefined || text === '') return undefined;
  return el('Description', undefined, [textEl('TranslatedText', text, { 'xml:lang': 'en' })]);
}

function documentRef(ref: DefineDocumentRef): XmlNode {
  const pages: XmlNode[] = [];
  if (ref.pages !== undefined && ref.pages.length > 0) pages.push(el('def:PDFPageRef', { PageRefs: ref.pages.join(' '), Type: 'PhysicalRef' }));
  if (ref.namedDestinations !== undefined && ref.namedDestinations.length > 0) pages.push(el('def:PDFPageRef', { PageRefs: ref.namedDestinations.join(' '), Type: 'NamedDestination' }));
  return el('def:DocumentRef', { leafID: ref.documentId }, pages);
}

function origin(value: DefineOrigin): XmlNode {
  switch (value.type) {
    case 'Predecessor':
      return el('def:Origin', { Type: 'Predecessor' }, [description(value.predecessor)]);
    case 'Not Available':
      return el('def:Origin', { Type: 'Not Available' });
    case 'Collected':
    case 'Protocol':
      return el('def:Origin', { Type: value.type, Source: value.source }, (value.documents ?? []).map(documentRef));
    default:
      return el('def:Origin', { Type: value.type, Source: value.source });
  }
}

/** A short, unique, OID-safe suffix for a value-level item from its where clause: AVAL.PFS, LBSTRESN.HGB. */
function valueLevelSuffixes(levels: readonly DefineValueLevel[]): string[] {
  const seen = new Map<string, number>();
  return levels.map((level) => {
    const base = level.where.map((c) => c.values.join('-')).join('.').replace(/[^A-Za-z0-9._-]/g, '_') || 'VALUE';
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}.${count}`;
  });
}

interface ValueLevelOids {
  readonly item: string;
  readonly where: string;
}

function valueLevelOids(dataset: DefineDataset, variable: DefineVariable): ValueLevelOids[] {
  return valueLevelSuffixes(variable.valueLevel ?? []).map((suffix) => ({
    item: `${defineOid.variable(dataset.name, variable.name)}.${suffix}`,
    where: `WC.${dataset.name}.${variable.name}.${suffix}`,
  }));
}

function itemDef(oid: string, name: string, label: string | undefined, item: DefineItemMetadata, valueListOid?: string): XmlNode {
  return el(
    'ItemDef',
    {
      OID: oid,
      Name: name,
      SASFieldName: name,
      DataType: item.dataType,
      Length: item.length,
      SignificantDigits: item.significantDigits,
      'def:DisplayFormat': item.displayFormat,
      'def:CommentOID': item.commentId,
    },
    [
      description(label),
      item.codelistId === undefined ? undefined : el('CodeListRef', { CodeListOID: item.codelistId }),
      origin(item.origin),
      valueListOid === undefined ? undefined : el('def:ValueListRef', { ValueListOID: valueListOid }),
    ],
  );
}

function valueListsAndClauses(pkg: DefinePackage): { valueLists: XmlNode[]; whereClauses: XmlNode[]; itemDefs: XmlNode[] } {
  const valueLists: XmlNode[] = [];
  const whereClauses: XmlNode[] = [];
  const itemDefs: XmlNode[] = [];
  for (const dataset of pkg.datasets) {
    for (const variable of dataset.variables) {
      const levels = variable.valueLevel ?? [];
      if (levels.length === 0) continue;
      const oids = valueLevelOids(dataset, variable);
      valueLists.push(
        el(
          'def:ValueListDef',
          { OID: defineOid.valueList(dataset.name, variable.name) },
          levels.map((level, i) =>
            el('ItemRef', { ItemOID: oids[i].item, OrderNumber: i + 1, Mandatory: yesNo(level.mandatory), MethodOID: level.methodId }, [el('def:WhereClauseRef', { WhereClauseOID: oids[i].where })]),
          ),
        ),
      );
      levels.forEach((level, i) => {
        whereClauses.push(
          el(
            'def:WhereClauseDef',
            { OID: oids[i].where },
            level.where.map((condition) =>
              el(
                'RangeCheck',
                { Comparator: condition.comparator, SoftHard: 'Soft', 'def:ItemOID': defineOid.variable(dataset.name, condition.variable) },
                condition.values.map((value) => textEl('CheckValue', value)),
              ),
            ),
          ),
        );
        itemDefs.push(itemDef(oids[i].item, variable.name, level.description, level));
      });
    }
  }
  return { valueLists, whereClauses, itemDefs };
}

function itemGroupDef(dataset: DefineDataset, pkg: DefinePackage): XmlNode {
  const keyOf = new Map(dataset.keys.map((key, i) => [key, i + 1]));
  return el(
    'ItemGroupDef',
    {
      OID: defineOid.dataset(dataset.name),
      Domain: dataset.domain,
      Name: dataset.name,
      SASDatasetName: dataset.name,
      Repeating: yesNo(dataset.repeating),
      IsReferenceData: yesNo(dataset.isReferenceData ?? false),
      Purpose: pkg.model === 'SDTM' ? 'Tabulation' : 'Analysis',
      'def:Structure': dataset.structure,
      'def:StandardOID': dataset.standardId,
      'def:IsNonStandard': onlyYes(dataset.isNonStandard),
      'def:HasNoData': onlyYes(dataset.hasNoData),
      'def:ArchiveLocationID': defineOid.leaf(dataset.name),
      'def:CommentOID': dataset.commentId,
    },
    [
      description(dataset.label),
      ...dataset.variables.map((variable, i) =>
        el('ItemRef', {
          ItemOID: defineOid.variable(dataset.name, variable.name),
          OrderNumber: i + 1,
          Mandatory: yesNo(variable.mandatory),
          KeySequence: keyOf.get(variable.name),
          MethodOID: variable.methodId,
          Role: variable.role,
          'def:IsNonStandard': onlyYes(variable.isNonStandard),
          'def:HasNoData': onlyYes(variable.hasNoData),
        }),
      ),
      el('def:Class', { Name: dataset.class }, [dataset.subClass === undefined ? undefined : el('def:SubClass', { Name: dataset.subClass })]),
      el('def:leaf', { ID: defineOid.leaf(dataset.name), 'xlink:href': dataset.file }, [textEl('def:title', dataset.file)]),
    ],
  );
}

function codeList(codelist: DefineCodelist): XmlNode {
  const items = codelist.items ?? [];
  const decoded = items.some((item) => item.decode !== undefined);
  const alias = (code: string | undefined): XmlNode | undefined => (code === undefined ? undefined : el('Alias', { Context: 'nci:ExtCodeID', Name: code }));
  const terms = items.map((item, i) =>
    decoded
      ? el('CodeListItem', { CodedValue: item.value, OrderNumber: i + 1, 'def:ExtendedValue': onlyYes(item.extended) }, [el('Decode', undefined, [textEl('TranslatedText', item.decode ?? '', { 'xml:lang': 'en' })]), alias(item.nciCode)])
      : el('EnumeratedItem', { CodedValue: item.value, OrderNumber: i + 1, 'def:ExtendedValue': onlyYes(item.extended) }, [alias(item.nciCode)]),
  );
  const external = codelist.external === undefined ? undefined : el('ExternalCodeList', { Dictionary: codelist.external.dictionary, Version: codelist.external.version, href: codelist.external.href });
  return el(
    'CodeList',
    {
      OID: codelist.id,
      Name: codelist.name,
      DataType: codelist.dataType,
      'def:StandardOID': codelist.standardId,
      'def:IsNonStandard': onlyYes(codelist.isNonStandard),
      'def:CommentOID': codelist.commentId,
    },
    [...terms, external, alias(codelist.nciCode)],
  );
}

function methodDef(method: DefineMethod): XmlNode {
  return el('MethodDef', { OID: method.id, Name: method.name, Type: method.type }, [
    description(method.description),
    ...(method.expressions ?? []).map((e) => textEl('FormalExpression', e.code, { Context: e.context })),
    ...(method.documents ?? []).map(documentRef),
  ]);
}

function commentDef(comment: DefineComment): XmlNode {
  return el('def:CommentDef', { OID: comment.id }, [description(comment.text), ...(comment.documents ?? []).map(documentRef)]);
}

function metaDataVersion(pkg: DefinePackage): XmlNode {
  const { valueLists, whereClauses, itemDefs: valueLevelItemDefs } = valueListsAndClauses(pkg);
  const itemDefs = pkg.datasets.flatMap((dataset) =>
    dataset.variables.map((variable) =>
      itemDef(defineOid.variable(dataset.name, variable.name), variable.name, variable.label, variable, (variable.valueLevel ?? []).length > 0 ? defineOid.valueList(dataset.name, variable.name) : undefined),
    ),
  );
  return el('MetaDataVersion', { OID: pkg.metaDataVersion.oid, Name: pkg.metaDataVersion.name, Description: pkg.metaDataVersion.description, 'def:DefineVersion': '2.1.0' }, [
    el(
      'def:Standards',
      undefined,
      pkg.standards.map((s) => el('def:Standard', { OID: s.id, Name: s.name, Type: s.type, PublishingSet: s.publishingSet, Version: s.version, Status: s.status ?? 'Final', 'def:CommentOID': s.commentId })),
    ),
    pkg.annotatedCrfId === undefined ? undefined : el('def:AnnotatedCRF', undefined, [el('def:DocumentRef', { leafID: pkg.annotatedCrfId })]),
    (pkg.supplementalDocIds ?? []).length === 0 ? undefined : el('def:SupplementalDoc', undefined, (pkg.supplementalDocIds ?? []).map((id) => el('def:DocumentRef', { leafID: id }))),
    ...valueLists,
    ...whereClauses,
    ...pkg.datasets.map((dataset) => itemGroupDef(dataset, pkg)),
    ...itemDefs,
    ...valueLevelItemDefs,
    ...pkg.codelists.map(codeList),
    ...pkg.methods.map(methodDef),
    ...pkg.comments.map(commentDef),
    ...(pkg.documents ?? []).map((d) => el('def:leaf', { ID: d.id, 'xlink:href': d.href }, [textEl('def:title', d.title)])),
  ]);
}

/**
 * Writes define.xml for a package. The package is validated first (validateDefinePackage); any error returns the
 * issues and no text. The xml-stylesheet instruction names `define2-1.xsl` beside the file unless told otherwise.
 */
export function createDefineXml(pkg: DefinePackage, options: DefineWriteOptions = {}): Outcome<string> {
  const issues = validateDefinePackage(pkg);
  if (issues.some((i) => i.severity === 'error')) return failure(issues);
  const odm = el(
    'ODM',
    {
      xmlns: ODM_NS,
      'xmlns:def': DEF_NS,
      'xmlns:xlink': XLINK_NS,
      ODMVersion: '1.3.2',
      FileType: 'Snapshot',
      FileOID: pkg.fileOid,
      CreationDateTime: pkg.creationDateTime,
      Originator: pkg.originator,
      SourceSystem: pkg.sourceSystem?.name,
      SourceSystemVersion: pkg.sourceSystem?.version,
      'def:Context': pkg.context,
    },
    [
      el('Study', { OID: pkg.study.oid }, [
        el('GlobalVariables', undefined, [textEl('StudyName', pkg.study.name), textEl('StudyDescription', pkg.study.description), textEl('ProtocolName', pkg.study.protocolName)]),
        metaDataVersion(pkg),
      ]),
    ],
  );
  const stylesheet = options.stylesheetHref ?? 'define2-1.xsl';
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<?xml-stylesheet type="text/xsl" href="${stylesheet.replace(/[&"<]/g, '')}"?>`, ...renderXml(odm)];
  return success(`${lines.join('\n')}\n`, issues);
}
