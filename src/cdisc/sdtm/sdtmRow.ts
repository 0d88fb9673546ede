import type { XptValue } from '../xpt/index.js';

/** One SDTM record while the mapping builds it (--SEQ is numbered once every record of the domain is known). */
export type SdtmRow = Record<string, XptValue>;

/** A supplemental qualifier of a parent record; IDVAR/IDVARVAL are read from the parent once it is numbered. */
export interface SuppEntry {
  readonly parent: SdtmRow;
  readonly qnam: string;
  readonly qlabel: string;
  readonly qval: string;
  /** QORIG: 'CRF' for a collected value, 'Derived' or 'Assigned' otherwise. */
  readonly qorig: string;
}
