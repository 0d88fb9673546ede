import type { Stats } from 'node:fs';
import type { Issue } from '../result/index.js';
import type { LabItems } from '../report/model/index.js';

/** What the lab items' thread is started with: the trial file to read (trialFilePath). */
export interface LabItemsRequest {
  readonly trialFile: string;
}

/** The lab items and ADLB's issues, with the file's stamp and protocol as the thread read them; or why it failed. */
export type LabItemsReply =
  | { readonly stamp: string; readonly protocolId: string; readonly labItems: LabItems; readonly adlbIssues: readonly Issue[] }
  | { readonly error: string };

/** Size, modification time and inode: a file that changed between two reads has another stamp. */
export function fileStamp(stats: Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
}
