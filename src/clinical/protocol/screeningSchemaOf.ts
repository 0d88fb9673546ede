import type { z } from 'zod';
import { createScreeningRecordSchema, type ScreeningRecord } from '../eligibility/index.js';
import { responseScaleCodelist } from '../response/index.js';
import type { ProtocolDefinition } from './protocolDefinition.js';

/** The validator of a protocol's screening record (the screening form its criteria imply). */
export function screeningSchemaOf(protocol: ProtocolDefinition): z.ZodType<ScreeningRecord> {
  return createScreeningRecordSchema(protocol.eligibility, responseScaleCodelist(protocol.response.scale));
}
