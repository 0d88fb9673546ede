import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createAdamDatasets } from '../clinical/index.js';
import { buildTestTrial, TEST_PROTOCOL } from '../protocols/nct05236621/testing/reportTestTrial.js';
import { createLabItems } from '../report/index.js';
import { fileStamp, LAB_THREAD_MIN_BYTES, startLabItems } from './startLabItems.js';

const root = mkdtempSync(join(tmpdir(), 'trialkit-lab-items-'));
after(() => rmSync(root, { recursive: true, force: true }));
const trial = buildTestTrial();
const file = join(root, 'trial.json');
writeFileSync(file, JSON.stringify(trial));

describe('startLabItems', () => {
  it('makes on its thread the lab items and ADLB issues this thread would, deeply frozen', async () => {
    const thread = startLabItems(file, { minBytes: 0 });
    assert.ok(thread !== null);
    try {
      const made = await thread.result({ stamp: fileStamp(statSync(file)), protocolId: TEST_PROTOCOL.id });
      assert.ok(made !== null, 'the thread answered');
      const here = createAdamDatasets(trial, TEST_PROTOCOL);
      assert.deepEqual(made.labItems, createLabItems(here.datasets, TEST_PROTOCOL));
      assert.deepEqual(made.adlbIssues, here.issuesByDataset.adlb);
      assert.ok(Object.isFrozen(made.labItems.labShift.rows[1]?.cells[0]?.subjects), 'frozen down to the subject lists');
    } finally {
      await thread.close();
    }
  });

  it('answers null when the file it read is not the one the caller read, or another protocol', async () => {
    const thread = startLabItems(file, { minBytes: 0 });
    assert.ok(thread !== null);
    try {
      const stamp = fileStamp(statSync(file));
      assert.equal(await thread.result({ stamp, protocolId: 'another-protocol' }), null);
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      assert.equal(await thread.result({ stamp: fileStamp(statSync(file)), protocolId: TEST_PROTOCOL.id }), null);
      assert.notEqual(await thread.result({ stamp, protocolId: TEST_PROTOCOL.id }), null);
    } finally {
      await thread.close();
    }
  });

  it('starts no thread for a small or missing file', () => {
    assert.ok(statSync(file).size < LAB_THREAD_MIN_BYTES);
    assert.equal(startLabItems(file), null);
    assert.equal(startLabItems(join(root, 'missing.json'), { minBytes: 0 }), null);
  });
});
