import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCdiscPackage, type CdiscPackage } from '../cdisc/index.js';
import type { ProtocolDefinition, TrialData } from '../clinical/index.js';
import type { Outcome } from '../result/index.js';

/**
 * The CDISC package of a trial as every edge writes it: `trialkit cdisc --out` and the EDC's snapshot export
 * (GET /snapshots/:id/cdisc.zip) both call this, so the same data give the same files. The edge passes the
 * instant to stamp (define.xml's CreationDateTime, the XPT headers): seconds only, since neither shows more.
 */

export const CDISC_SOURCE_SYSTEM = { name: 'trialkit', version: '0.1.0' } as const;

/** The stylesheet shipped with trialkit (data/cdisc), copied beside each define.xml. */
function readStylesheet(): Uint8Array {
  // dist/publish (or src/publish) -> the package root, which ships data/.
  return new Uint8Array(readFileSync(fileURLToPath(new URL('../../data/cdisc/define2-1.xsl', import.meta.url))));
}

export function buildCdiscPackage(trial: TrialData, protocol: ProtocolDefinition, at: Date): Outcome<CdiscPackage> {
  const now = new Date(Math.floor(at.getTime() / 1000) * 1000);
  return createCdiscPackage(trial, protocol, {
    creationDateTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    timestamp: now,
    stylesheet: readStylesheet(),
    sourceSystem: CDISC_SOURCE_SYSTEM,
  });
}
