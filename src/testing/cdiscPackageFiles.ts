import { readFileSync } from 'node:fs';
import { createDefineXml, createXpt, type DefinePackage, type XptDataset } from '../cdisc/index.js';
import { repoPath } from './repoPath.js';
import type { SamplePackage } from './cdiscSamples.js';

/**
 * A package folder in memory (file name -> bytes) from a sample: the .xpt files, define.xml, the stylesheet and
 * placeholder documents, after optional changes to the datasets or the define metadata (to break one rule).
 */
export function samplePackageFiles(
  sample: SamplePackage,
  change: { datasets?: (datasets: readonly XptDataset[]) => readonly XptDataset[]; define?: (define: DefinePackage) => DefinePackage } = {},
): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const timestamp = new Date(Date.UTC(2026, 11, 6, 12, 0, 0));
  for (const dataset of change.datasets?.(sample.datasets) ?? sample.datasets) {
    const out = createXpt(dataset, { timestamp });
    if (!out.ok) throw new Error(`${dataset.name}: ${JSON.stringify(out.issues.slice(0, 3))}`);
    files.set(`${dataset.name.toLowerCase()}.xpt`, out.value);
  }
  const define = change.define?.(sample.define) ?? sample.define;
  const xml = createDefineXml(define);
  if (!xml.ok) throw new Error(`define.xml: ${JSON.stringify(xml.issues.slice(0, 3))}`);
  files.set('define.xml', new TextEncoder().encode(xml.value));
  files.set('define2-1.xsl', new Uint8Array(readFileSync(repoPath('data/cdisc/define2-1.xsl'))));
  for (const document of define.documents ?? []) files.set(document.href, new TextEncoder().encode('%PDF-1.4 SYNTHETIC placeholder\n'));
  return files;
}
