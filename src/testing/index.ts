export { repoRoot, repoPath } from './repoPath.js';
export { assertClose } from './compare.js';
export { cliRecorder } from './cliRecorder.js';
export { readZip } from './readZip.js';
export { TOY_SCALE, toyProtocol, toyRank } from './toyProtocol.js';
export { xptTimestampOf, randomXptDataset } from './xptSamples.js';
export { sampleSdtmPackage, sampleAdamPackage, type SamplePackage } from './cdiscSamples.js';
export { samplePackageFiles } from './cdiscPackageFiles.js';
export { decodePng, type DecodedPng } from './decodePng.js';
