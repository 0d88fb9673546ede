import { existsSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { LabItems } from '../report/model/index.js';
import type { Issue } from '../result/index.js';
import type { LabItemsReply, LabItemsRequest } from './labItemsThread.js';

export { fileStamp } from './labItemsThread.js';

/** The lab items made on the thread, and ADLB's issues (which the report lists among the derivations'). */
export interface ThreadLabItems {
  readonly labItems: LabItems;
  readonly adlbIssues: readonly Issue[];
}

export interface LabItemsThread {
  /**
   * The thread's items when it read the file with this stamp (fileStamp, taken around the caller's own read)
   * under this protocol; null when it failed or read something else: the caller then makes them itself.
   */
  result(expected: { readonly stamp: string; readonly protocolId: string }): Promise<ThreadLabItems | null>;
  /** Stops the thread. */
  close(): Promise<void>;
}

/**
 * A trial file at least this large has its lab items made on a second thread: below it, reading the file
 * a second time and starting the thread cost more than the items (ADLB and two tables) save.
 */
export const LAB_THREAD_MIN_BYTES = 32 * 1024 * 1024;

/** The structured clone's copy is made read-only, as the model built on this thread is (in place: the items are asked for once). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * For a large trial file (LAB_THREAD_MIN_BYTES), a worker thread that reads it too, derives ADSL and ADLB and
 * makes the report's lab items (createLabItems), while this thread reads it and derives the other datasets:
 * ADLB (the most rows) and its tables leave this thread's work and heap. Null for a smaller or missing file.
 * The items are the same as this thread would make (the same file, read and derived by the same code).
 */
export function startLabItems(trialFile: string, options: { readonly workerUrl?: URL; readonly minBytes?: number } = {}): LabItemsThread | null {
  if (!existsSync(trialFile) || statSync(trialFile).size < (options.minBytes ?? LAB_THREAD_MIN_BYTES)) return null;
  let worker: Worker;
  try {
    worker = new Worker(options.workerUrl ?? new URL('./labItemsWorker.js', import.meta.url), { workerData: { trialFile } satisfies LabItemsRequest });
  } catch {
    return null;
  }
  const replied = new Promise<LabItemsReply | null>((resolve) => {
    worker.once('message', (reply: LabItemsReply) => resolve(reply));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return {
    async result(expected) {
      const reply = await replied;
      if (reply === null || 'error' in reply || reply.stamp !== expected.stamp || reply.protocolId !== expected.protocolId) return null;
      return { labItems: deepFreeze(reply.labItems), adlbIssues: deepFreeze(reply.adlbIssues) };
    },
    async close() {
      await worker.terminate();
    },
  };
}
