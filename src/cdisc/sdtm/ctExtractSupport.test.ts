import { readFileSync } from 'node:fs';
import { repoPath } from '../../testing/index.js';

/** The CDISC SDTM CT release the extract in fixtures/ comes from (fixtures/extract-ct.py). */
export const CT_RELEASE = '2025-03-25';

export interface CtExtract {
  /** Codelist C-code -> submission value -> term C-code. */
  readonly terms: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Codelist C-code -> its submission value (e.g. C65047 -> LBTESTCD). */
  readonly codelists: ReadonlyMap<string, string>;
}

/** Reads fixtures/sdtm-ct-<release>.tsv (code, codelist, value). */
export function loadCtExtract(): CtExtract {
  const lines = readFileSync(repoPath(`src/cdisc/sdtm/fixtures/sdtm-ct-${CT_RELEASE}.tsv`), 'utf8').trimEnd().split('\n').slice(1);
  const terms = new Map<string, Map<string, string>>();
  const codelists = new Map<string, string>();
  for (const line of lines) {
    const [code, codelist, value] = line.split('\t');
    if (codelist === '') {
      codelists.set(code, value);
      continue;
    }
    const list = terms.get(codelist) ?? new Map<string, string>();
    list.set(value, code);
    terms.set(codelist, list);
  }
  return { terms, codelists };
}
