import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SdtmAnnotation } from '../../clinical/index.js';
import { listProtocols } from '../../protocols/index.js';
import { FIXTURE_TRIALS } from '../package/packageFixtures.test.js';
import { createSdtmDatasets } from './createSdtmDatasets.js';
import { LAB_TESTS } from './sdtmTerminology.js';

/**
 * Every --TESTCD the SDTM package can write (the lab form's analytes, the overall response, and the test
 * annotations of every registered protocol), reviewed against CDISC Controlled Terminology (SDTM CT 2024-03-29
 * codelists LBTESTCD C65047, RSTESTCD C96779, TRTESTCD C96778, TUTESTCD C96784). `ct`: a submission value of the
 * codelist with this --TEST; `unverified`: not checked against a CT release in this repository (no CT file is
 * stored here), to be checked before a submission and then moved to `ct` or replaced by the CT value. A new code
 * anywhere fails this test until it is reviewed here.
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
  'LB B2MICG': { test: 'Beta-2 Microglobulin', status: 'unverified' },
  'LB MPROTEIN': { test: 'Monoclonal Protein', status: 'unverified' },
  'LB KAPPALC': { test: 'Kappa Light Chain, Free', status: 'unverified', note: 'the code reads as the total kappa light chain; CT may hold a separate code for the free chain' },
  'LB LAMBDLC': { test: 'Lambda Light Chain, Free', status: 'unverified', note: 'as KAPPALC' },
  'LB IMMUNFIX': { test: 'Immunofixation', status: 'unverified' },
  'LB PLASMCE': { test: 'Plasma Cells', status: 'unverified' },
  'LB CLONPLCE': { test: 'Clonal Plasma Cells', status: 'unverified' },
  'RS OVRLRESP': { test: 'Overall Response', status: 'ct' },
  'RS NEWLIND': { test: 'New Lesion Indicator', status: 'unverified' },
  'TR SPD': { test: 'Sum of Products of Diameters', status: 'unverified' },
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
  const unverified = Object.entries(REVIEW).filter(([, review]) => review.status === 'unverified');
  it(`lists the ${unverified.length} codes still to check against a CT release: ${unverified.map(([key]) => key).join(', ')}`, () => {
    assert.ok(unverified.every(([key]) => used.has(key)));
  });
});
