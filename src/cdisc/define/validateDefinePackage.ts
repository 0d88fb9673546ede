import { issue, type Issue, type IssuePath } from '../../result/index.js';
import { MAX_CHAR_LENGTH, MAX_LABEL_LENGTH, XPT_NAME } from '../xpt/index.js';
import type { DefineDataset, DefineDocumentRef, DefineItemMetadata, DefinePackage, DefineVariable } from './types.js';

/** Ids become XML attribute values that other elements point to: keep them to a safe, space-free alphabet. */
const OID = /^[A-Za-z_][A-Za-z0-9._-]*$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const NUMERIC_TYPES = new Set(['integer', 'float']);

interface Ids {
  standards: Set<string>;
  documents: Set<string>;
  codelists: Set<string>;
  methods: Set<string>;
  comments: Set<string>;
}

interface Used {
  codelists: Set<string>;
  methods: Set<string>;
  comments: Set<string>;
}

function collectIds(list: readonly { id: string }[], path: IssuePath, issues: Issue[]): Set<string> {
  const ids = new Set<string>();
  list.forEach((item, index) => {
    if (typeof item.id !== 'string' || !OID.test(item.id)) issues.push(issue('bad-oid', [...path, index, 'id'], item.id, 'an id of letters, digits, ., _ or -, starting with a letter or _'));
    else if (ids.has(item.id)) issues.push(issue('duplicate-id', [...path, index, 'id'], item.id, `an id not already used in ${String(path.at(-1))}`));
    else ids.add(item.id);
  });
  return ids;
}

function checkRef(id: string | undefined, known: Set<string>, path: IssuePath, what: string, issues: Issue[]): void {
  if (id !== undefined && !known.has(id)) issues.push(issue('unknown-reference', path, id, `the id of one of the package's ${what}`));
}

function checkDocumentRefs(refs: readonly DefineDocumentRef[] | undefined, ids: Ids, path: IssuePath, issues: Issue[]): void {
  refs?.forEach((ref, index) => {
    checkRef(ref.documentId, ids.documents, [...path, index, 'documentId'], 'documents', issues);
    ref.pages?.forEach((page, p) => {
      if (!Number.isInteger(page) || page < 1) issues.push(issue('bad-page', [...path, index, 'pages', p], page, 'a page number >= 1'));
    });
  });
}

function checkLabel(text: unknown, path: IssuePath, issues: Issue[]): void {
  if (typeof text !== 'string' || text.length > MAX_LABEL_LENGTH || !/^[\x20-\x7e]*$/.test(text)) {
    issues.push(issue('bad-label', path, text, `a label of at most ${MAX_LABEL_LENGTH} printable ASCII characters (it is the XPT label too)`));
  }
}

function checkItem(item: DefineItemMetadata, path: IssuePath, ids: Ids, used: Used, issues: Issue[]): void {
  const needsLength = item.dataType === 'text' || NUMERIC_TYPES.has(item.dataType);
  if (item.length === undefined) {
    if (needsLength) issues.push(issue('missing-length', [...path, 'length'], undefined, `a length for ${item.dataType} (Define-XML 2.1)`));
  } else if (!Number.isInteger(item.length) || item.length < 1 || (item.dataType === 'text' && item.length > MAX_CHAR_LENGTH)) {
    issues.push(issue('bad-length', [...path, 'length'], item.length, `a whole number from 1${item.dataType === 'text' ? ` to ${MAX_CHAR_LENGTH}` : ''}`));
  }
  if (item.significantDigits !== undefined && item.dataType !== 'float') {
    issues.push(issue('significant-digits-not-float', [...path, 'significantDigits'], item.significantDigits, 'SignificantDigits only on a float'));
  }
  const origin = item.origin;
  if (origin.type === 'Derived' && item.methodId === undefined) issues.push(issue('missing-method', [...path, 'methodId'], undefined, 'a method for a Derived value (Define-XML 2.1)'));
  if (origin.type !== 'Derived' && item.methodId !== undefined) issues.push(issue('method-not-derived', [...path, 'methodId'], item.methodId, 'a method only on a Derived value'));
  if (origin.type === 'Predecessor' && !/^[A-Z][A-Z0-9_]{0,7}\.[A-Z][A-Z0-9_]{0,7}$/.test(origin.predecessor)) {
    issues.push(issue('bad-predecessor', [...path, 'origin', 'predecessor'], origin.predecessor, 'the source variable as DATASET.VARIABLE, e.g. DM.AGE'));
  }
  if (origin.type === 'Collected' || origin.type === 'Protocol') checkDocumentRefs(origin.documents, ids, [...path, 'origin', 'documents'], issues);
  checkRef(item.codelistId, ids.codelists, [...path, 'codelistId'], 'codelists', issues);
  checkRef(item.methodId, ids.methods, [...path, 'methodId'], 'methods', issues);
  checkRef(item.commentId, ids.comments, [...path, 'commentId'], 'comments', issues);
  if (item.codelistId !== undefined) used.codelists.add(item.codelistId);
  if (item.methodId !== undefined) used.methods.add(item.methodId);
  if (item.commentId !== undefined) used.comments.add(item.commentId);
}

function checkCodelistType(item: DefineItemMetadata, pkg: DefinePackage, path: IssuePath, issues: Issue[]): void {
  const codelist = pkg.codelists.find((c) => c.id === item.codelistId);
  if (codelist === undefined) return;
  const numericItem = NUMERIC_TYPES.has(item.dataType);
  const numericList = NUMERIC_TYPES.has(codelist.dataType);
  if (numericItem !== numericList) issues.push(issue('codelist-type-mismatch', [...path, 'codelistId'], item.codelistId, `a ${numericItem ? 'numeric' : 'text'} codelist for a ${item.dataType} value (this one is ${codelist.dataType})`));
}

function checkVariable(variable: DefineVariable, dataset: DefineDataset, path: IssuePath, pkg: DefinePackage, ids: Ids, used: Used, issues: Issue[]): void {
  if (typeof variable.name !== 'string' || !XPT_NAME.test(variable.name)) issues.push(issue('bad-name', [...path, 'name'], variable.name, 'a variable name of 1-8 characters: an upper-case letter, then A-Z, 0-9 or _'));
  checkLabel(variable.label, [...path, 'label'], issues);
  checkItem(variable, path, ids, used, issues);
  checkCodelistType(variable, pkg, path, issues);
  if (variable.role !== undefined && pkg.model !== 'SDTM') issues.push(issue('role-not-sdtm', [...path, 'role'], variable.role, 'a role only on SDTM variables', 'warning'));
  const names = new Set(dataset.variables.map((v) => v.name));
  variable.valueLevel?.forEach((level, l) => {
    const at = [...path, 'valueLevel', l];
    checkItem(level, at, ids, used, issues);
    checkCodelistType(level, pkg, at, issues);
    if (level.where.length === 0) issues.push(issue('empty-where', [...at, 'where'], level.where, 'at least one condition'));
    level.where.forEach((condition, c) => {
      if (!names.has(condition.variable)) issues.push(issue('unknown-variable', [...at, 'where', c, 'variable'], condition.variable, `a variable of ${dataset.name}`));
      const single = !['IN', 'NOTIN'].includes(condition.comparator);
      if (condition.values.length === 0 || (single && condition.values.length !== 1)) {
        issues.push(issue('bad-where-values', [...at, 'where', c, 'values'], condition.values, single ? `one value for ${condition.comparator}` : 'at least one value'));
      }
    });
  });
}

function checkDataset(dataset: DefineDataset, index: number, pkg: DefinePackage, ids: Ids, used: Used, issues: Issue[]): void {
  const path: IssuePath = ['datasets', index];
  if (typeof dataset.name !== 'string' || !XPT_NAME.test(dataset.name)) issues.push(issue('bad-name', [...path, 'name'], dataset.name, 'a dataset name of 1-8 characters: an upper-case letter, then A-Z, 0-9 or _'));
  checkLabel(dataset.label, [...path, 'label'], issues);
  if (dataset.file !== `${String(dataset.name).toLowerCase()}.xpt`) {
    issues.push(issue('bad-file-name', [...path, 'file'], dataset.file, `${String(dataset.name).toLowerCase()}.xpt: the dataset name in lower case (FDA Study Data Technical Conformance Guide)`));
  }
  checkRef(dataset.standardId, ids.standards, [...path, 'standardId'], 'standards', issues);
  if (dataset.standardId === undefined && dataset.isNonStandard !== true) issues.push(issue('missing-standard', [...path, 'standardId'], undefined, 'the IG standard the dataset follows, or isNonStandard: true'));
  checkRef(dataset.commentId, ids.comments, [...path, 'commentId'], 'comments', issues);
  if (dataset.commentId !== undefined) used.comments.add(dataset.commentId);
  if (dataset.variables.length === 0) issues.push(issue('no-variables', [...path, 'variables'], [], 'at least one variable'));
  const seen = new Set<string>();
  dataset.variables.forEach((variable, v) => {
    if (seen.has(variable.name)) issues.push(issue('duplicate-name', [...path, 'variables', v, 'name'], variable.name, `a name not already used in ${dataset.name}`));
    seen.add(variable.name);
    checkVariable(variable, dataset, [...path, 'variables', v], pkg, ids, used, issues);
  });
  dataset.keys.forEach((key, k) => {
    if (!seen.has(key)) issues.push(issue('unknown-key', [...path, 'keys', k], key, `a variable of ${dataset.name}`));
  });
}

function checkCodelists(pkg: DefinePackage, ids: Ids, used: Used, issues: Issue[]): void {
  pkg.codelists.forEach((codelist, index) => {
    const path: IssuePath = ['codelists', index];
    checkRef(codelist.standardId, ids.standards, [...path, 'standardId'], 'standards', issues);
    checkRef(codelist.commentId, ids.comments, [...path, 'commentId'], 'comments', issues);
    if (codelist.commentId !== undefined) used.comments.add(codelist.commentId);
    const items = codelist.items ?? [];
    if ((items.length > 0) === (codelist.external !== undefined)) issues.push(issue('codelist-content', path, codelist.id, 'either items or an external dictionary'));
    const decoded = items.filter((item) => item.decode !== undefined).length;
    if (decoded !== 0 && decoded !== items.length) issues.push(issue('partial-decodes', [...path, 'items'], codelist.id, 'a decode on every item or on none'));
    const values = new Set<string>();
    items.forEach((item, i) => {
      if (values.has(item.value)) issues.push(issue('duplicate-term', [...path, 'items', i, 'value'], item.value, 'each term once'));
      values.add(item.value);
      if (codelist.dataType !== 'text' && !Number.isFinite(Number(item.value))) issues.push(issue('non-numeric-term', [...path, 'items', i, 'value'], item.value, `a number in a ${codelist.dataType} codelist`));
    });
    if (!used.codelists.has(codelist.id)) issues.push(issue('unused', [...path, 'id'], codelist.id, 'a codelist that a variable refers to (Define-XML 2.1 conformance)', 'warning'));
  });
}

/**
 * Checks a package description before define.xml is written: ids, references between its parts (every codelist,
 * method, comment, standard and document id that is named exists), names and labels as in the XPT files, lengths,
 * origins (Derived needs a method), where clauses and codelists. Errors stop the writer; warnings (an unused
 * codelist or method) do not.
 */
export function validateDefinePackage(pkg: DefinePackage): Issue[] {
  const issues: Issue[] = [];
  if (!ISO_DATETIME.test(pkg.creationDateTime)) issues.push(issue('bad-datetime', ['creationDateTime'], pkg.creationDateTime, 'an ISO 8601 date-time such as 2026-12-06T12:00:00'));
  for (const [value, path] of [[pkg.fileOid, ['fileOid']], [pkg.study.oid, ['study', 'oid']], [pkg.metaDataVersion.oid, ['metaDataVersion', 'oid']]] as const) {
    if (!OID.test(value)) issues.push(issue('bad-oid', path, value, 'an id of letters, digits, ., _ or -, starting with a letter or _'));
  }
  const ids: Ids = {
    standards: collectIds(pkg.standards, ['standards'], issues),
    documents: collectIds(pkg.documents ?? [], ['documents'], issues),
    codelists: collectIds(pkg.codelists, ['codelists'], issues),
    methods: collectIds(pkg.methods, ['methods'], issues),
    comments: collectIds(pkg.comments, ['comments'], issues),
  };
  const used: Used = { codelists: new Set(), methods: new Set(), comments: new Set() };
  if (!pkg.standards.some((s) => s.type === 'IG')) issues.push(issue('missing-standard', ['standards'], pkg.standards.map((s) => s.name), 'an implementation guide (SDTMIG or ADaMIG)'));
  pkg.standards.forEach((standard, i) => {
    checkRef(standard.commentId, ids.comments, ['standards', i, 'commentId'], 'comments', issues);
    if (standard.commentId !== undefined) used.comments.add(standard.commentId);
  });
  checkRef(pkg.annotatedCrfId, ids.documents, ['annotatedCrfId'], 'documents', issues);
  pkg.supplementalDocIds?.forEach((id, i) => checkRef(id, ids.documents, ['supplementalDocIds', i], 'documents', issues));
  const datasetNames = new Set<string>();
  pkg.datasets.forEach((dataset, index) => {
    if (datasetNames.has(dataset.name)) issues.push(issue('duplicate-name', ['datasets', index, 'name'], dataset.name, 'a dataset name used once'));
    datasetNames.add(dataset.name);
    checkDataset(dataset, index, pkg, ids, used, issues);
  });
  pkg.methods.forEach((method, i) => {
    checkDocumentRefs(method.documents, ids, ['methods', i, 'documents'], issues);
    if (!used.methods.has(method.id)) issues.push(issue('unused', ['methods', i, 'id'], method.id, 'a method that a variable refers to', 'warning'));
  });
  pkg.comments.forEach((comment, i) => checkDocumentRefs(comment.documents, ids, ['comments', i, 'documents'], issues));
  checkCodelists(pkg, ids, used, issues);
  pkg.comments.forEach((comment, i) => {
    if (!used.comments.has(comment.id)) issues.push(issue('unused', ['comments', i, 'id'], comment.id, 'a comment that something refers to', 'warning'));
  });
  return issues;
}
