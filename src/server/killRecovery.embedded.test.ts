import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedStore } from '../store/index.js';
import { killRecoveryContract } from './killRecoveryContract.js';

// Acknowledged writes survive a SIGKILL of the server on an embedded database folder (killRecovery.postgres.test.ts: the server).
const folders: string[] = [];
killRecoveryContract({
  label: 'the embedded store',
  openInChild: 'const store = await openEmbeddedStore({ dataDir: process.env.TRIALKIT_KILL_DATA });',
  newDatabase: () => {
    const folder = mkdtempSync(join(tmpdir(), 'trialkit-kill-'));
    folders.push(folder);
    return folder;
  },
  openStore: (folder) => openEmbeddedStore({ dataDir: folder }),
  cleanUp: () => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    return Promise.resolve();
  },
});
