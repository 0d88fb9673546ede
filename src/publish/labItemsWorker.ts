import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createAdamDatasets } from '../clinical/index.js';
import { createLabItems } from '../report/model/index.js';
import { loadTrialSource } from './trialSource.js';
import { fileStamp, type LabItemsReply, type LabItemsRequest } from './labItemsThread.js';

/**
 * Worker thread that reads the trial file itself (on the second core, while the main thread reads it too),
 * derives ADSL and ADLB and makes the report's lab items (createLabItems); see startLabItems. The stamps of
 * the file before and after the read let the main thread check that both threads read the same file.
 */
const port = parentPort;
if (port !== null) {
  const request = workerData as LabItemsRequest;
  let reply: LabItemsReply;
  try {
    const before = fileStamp(statSync(request.trialFile));
    const source = loadTrialSource(request.trialFile);
    const after = fileStamp(statSync(request.trialFile));
    if (before !== after) throw new Error(`${request.trialFile} changed while it was read`);
    const { datasets, issuesByDataset } = createAdamDatasets(source.trial, source.protocol, new Set(['adsl', 'adlb']));
    reply = { stamp: before, protocolId: source.protocol.id, labItems: createLabItems(datasets, source.protocol), adlbIssues: issuesByDataset.adlb };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
}
