export type { XptDataset, XptVariable, XptRow, XptValue, XptNumber, XptText, XptWriteOptions, SasFormat } from './types.js';
export { createXpt, formatXptTimestamp } from './createXpt.js';
export { readXpt, type XptFile, type XptMember } from './readXpt.js';
export { validateXptMetadata, XPT_NAME, MAX_LABEL_LENGTH, MAX_CHAR_LENGTH } from './validateXptMetadata.js';
export { parseSasFormat, formatSasFormat } from './sasFormat.js';
export { encodeIbm, decodeIbm, IBM_MIN_MAGNITUDE, IBM_MAX_MAGNITUDE_EXCLUSIVE, type IbmEncodeStatus } from './ibmFloat.js';
export { sasDateFromIso, sasDateFromDayNumber, isoFromSasDate, sasDatetimeFromIso, sasTimeFromIso } from './sasDate.js';
