import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SdtmAnnotation } from '../../clinical/index.js';
import { listProtocols } from '../../protocols/index.js';
import { FIXTURE_TRIALS } from '../package/packageFixtures.test.js';
import { createSdtmDatasets } from './createSdtmDatasets.js';
import { loadCtExtract } from './ctExtractSupport.test.js';
import { LAB_TESTS } from './sdtmTerminology.js';

/**
 * Every --TESTCD the SDTM package can write (the lab form's analytes, the overall response, and the test
 * annotations of every registered protocol), reviewed against CDISC SDTM Controlled Terminology 2025-03-25
 * (LBTESTCD C65047 / LBTEST C67154, RSTESTCD C96782 / RSTEST C96781, TRTESTCD C96779 / TRTEST C96778, TUTESTCD
 * C96784 / TUTEST C96783). `ct`: a submission value of the codelist with this --TEST, which ctTerms.test.ts checks
 * against the CT extract in fixtures/; `unverified`: not found in CT, to be replaced before a submission. A new
 * code anywhere fails this test until it is reviewed here.
 */
type Review = { readonly test: string; readonly status: 'ct' | 'unverified'; readonly note?: string };

const REVIEW: Readonly<Record<string, Review>> = {
  'LB NEUT': { test: 'Neutrophils', status: 'ct' },
  'LB WBC': { test: 'Leukocytes', status: 'ct' },
  'LB PLAT': { test: 'Platelets', status: 'ct' },
  'LB LYM': { test: 'Lymphocytes', status: 'ct' },
  'LB HGB': { test: 'Hemoglobin', status: 'ct' },
  'LB K': { test: 'Potassium', status: 'ct' },
  'LB BILI': { test: 'Bilirubin', status: 'ct' },
  'LB ALT': { test: 'Alanine Aminotransferase', status: 'ct' },
  'LB AST': { test: 'Aspartate Aminotransferase', status: 'ct' },
  'LB CREAT': { test: 'Creatinine', status: 'ct' },
  'LB URATE': { test: 'Urate', status: 'ct' },
  'LB ALB': { test: 'Albumin', status: 'ct' },
  'LB PROT': { test: 'Protein', status: 'ct' },
  'LB LDH': { test: 'Lactate Dehydrogenase', status: 'ct' },
  'LB CA': { test: 'Calcium', status: 'ct' },
  'LB B2MICG': { test: 'Beta-2 Microglobulin', status: 'ct' },
  // M-protein quantified (electrophoresis) and its immunofixation share MCPROT; LBMETHOD tells them apart.
  'LB MCPROT': { test: 'Monoclonal Protein', status: 'ct', note: 'was MPROTEIN, not a CT code' },
  'LB KLCFR': { test: 'Kappa Light Chain, Free', status: 'ct', note: 'was KAPPALC, the total kappa light chain' },
  'LB LLCFR': { test: 'Lambda Light Chain, Free', status: 'ct', note: 'was LAMBDLC, not a CT code' },
  'LB PLSTCECE': { test: 'Total Plasma Cells/Total Cells', status: 'ct', note: 'was PLASMCE, not a CT code; a percentage of the marrow cells' },
  'LB PLSNCE': { test: 'Neoplastic Plasma Cells', status: 'ct', note: 'was CLONPLCE, not a CT code; CT synonym Monoclonal Plasma Cells' },
  'RS OVRLRESP': { test: 'Overall Response', status: 'ct' },
  'RS NEWLIND': { test: 'New Lesion Indicator', status: 'ct' },
  'TR SUMPPD': { test: 'Sum of Products of Perpendicular Diam', status: 'ct', note: 'was SPD, not a CT code (SPD is a CT synonym)' },
  'TR DIAMETER': { test: 'Diameter', status: 'ct' },
  'TR TUMSTATE': { test: 'Tumor State', status: 'ct' },
  'TU TUMIDENT': { test: 'Tumor Identification', status: 'ct' },
};

function annotationsOf(entry: SdtmAnnotation | readonly SdtmAnnotation[]): readonly SdtmAnnotation[] {
  return Array.isArray(entry) ? (entry as readonly SdtmAnnotation[]) : [entry as SdtmAnnotation];
}

/** domain + code -> the --TEST texts written with it. */
function codesUsed(): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const add = (domain: string, code: string, test: string): void => {
    const key = `${domain} ${code}`;
    used.set(key, new Set([...(used.get(key) ?? []), test]));
  };
  for (const test of Object.values(LAB_TESTS)) add('LB', test.code, test.test);
  add('RS', 'OVRLRESP', 'Overall Response');
  for (const module of listProtocols()) {
    for (const fields of Object.values(module.definition.sdtm?.forms ?? {})) {
      for (const entry of Object.values(fields)) for (const a of annotationsOf(entry)) if (a.testCode !== undefined && a.domain !== undefined) add(a.domain, a.testCode, a.test ?? a.testCode);
    }
  }
  for (const { make } of FIXTURE_TRIALS) {
    const { trial, protocol } = make();
    for (const dataset of createSdtmDatasets(trial, protocol).datasets) {
      const domain = dataset.define.name;
      for (const row of dataset.rows) if (typeof row[`${domain}TESTCD`] === 'string') add(domain, String(row[`${domain}TESTCD`]), String(row[`${domain}TEST`]));
    }
  }
  return used;
}

describe('test codes against CDISC Controlled Terminology', () => {
  const used = codesUsed();
  it('every test code written is reviewed here, with the --TEST it is written with', () => {
    assert.deepEqual([...used.keys()].filter((key) => REVIEW[key] === undefined), [], 'codes with no review entry');
    for (const [key, tests] of used) assert.deepEqual([...tests], [REVIEW[key].test], key);
    assert.deepEqual(Object.keys(REVIEW).filter((key) => !used.has(key)), [], 'review entries no longer written');
  });
  it('every code is a valid --TESTCD (at most 8 characters, upper case, letters and digits, not starting with a digit) and every --TEST at most 40 characters', () => {
    for (const key of used.keys()) {
      const code = key.split(' ')[1];
      assert.match(code, /^[A-Z_][A-Z0-9_]{0,7}$/, key);
      assert.ok(REVIEW[key].test.length <= 40, key);
    }
  });
  it('every code reviewed as CT is a term of its --TESTCD codelist, and its --TEST the term of the --TEST codelist with the same NCI code', () => {
    const ct = loadCtExtract();
    const lists: Readonly<Record<string, readonly [string, string]>> = { LB: ['C65047', 'C67154'], RS: ['C96782', 'C96781'], TR: ['C96779', 'C96778'], TU: ['C96784', 'C96783'] };
    let checked = 0;
    for (const [key, review] of Object.entries(REVIEW)) {
      if (review.status !== 'ct') continue;
      const [domain, code] = key.split(' ');
      const [codeList, testList] = lists[domain];
      const nci = ct.terms.get(codeList)?.get(code);
      assert.ok(nci !== undefined, `${key} is not a term of ${codeList}`);
      assert.equal(ct.terms.get(testList)?.get(review.test), nci, `${key}: --TEST ${review.test} is the CT name of ${nci}`);
      checked += 1;
    }
    assert.ok(checked >= 25, `${checked} codes checked`);
  });
  const unverified = Object.entries(REVIEW).filter(([, review]) => review.status === 'unverified');
  it(`lists the ${unverified.length} codes still to check against a CT release: ${unverified.map(([key]) => key).join(', ')}`, () => {
    assert.ok(unverified.every(([key]) => used.has(key)));
  });
});
