import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeAdverseEvents } from '../../clinical/index.js';
import { buildStandardTestTrial } from './buildReportTestTrial.js';
import { createTeaeOverviewTable } from './createTeaeOverviewTable.js';
import { sorted, testProtocol } from './testSupport.js';

describe('createTeaeOverviewTable', () => {
  const data = buildStandardTestTrial();
  const table = createTeaeOverviewTable(data.adsl, data.adae, testProtocol());
  const overview = summarizeAdverseEvents(data.adae, data.adsl);

  it('has the 14 rows of Table 2 with the counts of clinical/adam summarizeAdverseEvents', () => {
    const keys = [
      'anyTeae',
      'grade3Teae',
      'pomRelatedTeae',
      'pomRelatedGrade3Teae',
      'tesae',
      'pomRelatedTesae',
      'teaeDoseAdjustment',
      'pomRelatedTeaeDoseAdjustment',
      'teaeDrugDiscontinuation',
      'pomRelatedTeaeDrugDiscontinuation',
      'aeStudyDiscontinuation',
      'pomRelatedTeaeStudyDiscontinuation',
      'death',
      'pomRelatedDeath',
    ] as const;
    assert.equal(table.rows.length, keys.length);
    keys.forEach((key, i) => assert.equal(table.rows[i].cells[0].value, overview[key].n, key));
    assert.equal(table.population.N, overview.anyTeae.N);
    assert.ok(overview.death.n > 0 && overview.pomRelatedGrade3Teae.n > 0, 'the test trial exercises the rows');
  });

  it('names the drug from the protocol and lists the subjects behind each count', () => {
    assert.equal(table.rows[2].label, 'Pomalidomide-related TEAEs');
    const serious = data.adae.filter((r) => r.TRTEMFL === 'Y' && r.AESER === 'Y').map((r) => r.USUBJID);
    assert.deepEqual(table.rows[4].cells[0].subjects, sorted(serious));
    const other = createTeaeOverviewTable(data.adsl, data.adae, testProtocol({ investigationalDrugLabel: 'Drug X' }));
    assert.equal(other.rows[2].label, 'Drug X-related TEAEs');
  });
});
