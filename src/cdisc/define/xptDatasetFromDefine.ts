import type { XptDataset, XptRow, XptVariable } from '../xpt/index.js';
import type { DefineDataset } from './types.js';

const NUMERIC = new Set(['integer', 'float']);

/**
 * The XPT description of a dataset from its define.xml metadata, so a mapping states names, labels, types, lengths
 * and display formats once: integer and float become 8-byte numerics with the display format; every other data
 * type (text and ISO 8601 dates as text) becomes char with the define Length. A char variable without a Length
 * is passed on as it is, and createXpt reports it.
 */
export function xptDatasetFromDefine(dataset: DefineDataset, rows: readonly XptRow[]): XptDataset {
  const variables: XptVariable[] = dataset.variables.map((v) =>
    NUMERIC.has(v.dataType)
      ? { name: v.name, label: v.label, type: 'num', length: 8, ...(v.displayFormat === undefined ? {} : { format: v.displayFormat }) }
      : { name: v.name, label: v.label, type: 'char', length: v.length ?? Number.NaN, ...(v.displayFormat === undefined ? {} : { format: v.displayFormat }) },
  );
  return { name: dataset.name, label: dataset.label, variables, rows };
}
