import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createTeaeBySocTable } from './createTeaeBySocTable.js';
import { cellAt, rowByKey, sorted, valueAt } from './testSupport.js';

describe('createTeaeBySocTable', () => {
  const data = buildStandardTestTrial();
  const safety = new Set(data.adsl.filter((r) => r.SAFFL === 'Y').map((r) => r.USUBJID));
  const N = safety.size;
  const [first, second, third] = [...safety];
  const template = data.adae[0];
  const ae = (USUBJID: string, AEDECOD: string, AEBODSYS: string | null, AETOXGR: number, TRTEMFL: 'Y' | 'N' = 'Y') => ({ ...template, USUBJID, AEDECOD, AEBODSYS, AETOXGR, TRTEMFL });
  const adae = [
    ae(first, 'Nausea', 'Gastrointestinal disorders', 1),
    ae(first, 'nausea', 'Gastrointestinal disorders', 2),
    ae(second, 'Nausea', 'Gastrointestinal disorders', 1),
    ae(second, 'Vomiting', 'Gastrointestinal disorders', 1),
    ae(third, 'Diarrhoea', null, 2),
    ae(third, 'Cardiac failure', null, 5),
    ae(first, 'Fatigue', 'General disorders and administration site conditions', 1),
    ae(second, 'Fatigue', 'General disorders and administration site conditions', 1, 'N'),
  ];
  const table = createTeaeBySocTable({ adsl: data.adsl, adae }, TEST_PROTOCOL);

  it('counts each subject once per class and once per term, over the safety population', () => {
    assert.deepEqual(valueAt(table, 'any', 'arm', 'count'), { kind: 'count', n: 3, N });
    assert.deepEqual(valueAt(table, 'soc:Gastrointestinal disorders', 'arm', 'count'), { kind: 'count', n: 3, N });
    assert.deepEqual(cellAt(table, 'soc:Gastrointestinal disorders:term:Nausea', 'arm').subjects, sorted([first, second]));
    // Not treatment-emergent: the second subject's fatigue does not count.
    assert.deepEqual(cellAt(table, 'soc:General disorders and administration site conditions:term:Fatigue', 'arm').subjects, [first]);
  });

  it('sorts classes and terms by descending frequency, alphabetically on ties, the class not coded last', () => {
    assert.deepEqual(
      table.rows.map((r) => r.key),
      [
        'any',
        'soc:Gastrointestinal disorders',
        'soc:Gastrointestinal disorders:term:Nausea',
        'soc:Gastrointestinal disorders:term:Diarrhoea',
        'soc:Gastrointestinal disorders:term:Vomiting',
        'soc:General disorders and administration site conditions',
        'soc:General disorders and administration site conditions:term:Fatigue',
        'soc:not-coded',
        'soc:not-coded:term:Cardiac failure',
      ],
    );
  });

  it('takes a missing class from CTCAE v5.0 for a CTCAE term only, and names both kinds of term in a footnote', () => {
    assert.equal(rowByKey(table, 'soc:not-coded').label, 'System organ class not coded');
    assert.match(table.footnotes.join(' '), /CTCAE v5\.0 .*files the term: Diarrhoea\./);
    assert.match(table.footnotes.join(' '), /not a CTCAE v5\.0 term \(Cardiac failure\)/);
  });
});
