/**
 * The input of the SAS transport (XPORT v5) writer: one dataset, its variables in file order, and its rows.
 * It is what the SDTM and ADaM mappings produce, so it stays a plain value (JSON-serialisable).
 */

/** A numeric cell: a finite number, or null for SAS's ordinary missing value `.`. */
export type XptNumber = number | null;

/** A character cell: ASCII text no longer than the variable's length, or null (written as blanks). */
export type XptText = string | null;

export type XptValue = XptNumber | XptText;

/** One variable (column). Names and labels follow the FDA's rules for SAS v5 transport files. */
export interface XptVariable {
  /** 1-8 characters: an upper-case letter, then upper-case letters, digits or `_` (e.g. `USUBJID`). */
  readonly name: string;
  /** At most 40 printable ASCII characters (may be empty). */
  readonly label: string;
  readonly type: 'char' | 'num';
  /** Bytes per value: 1-200 for `char`; 8 for `num` (trialkit writes full-precision numerics only). */
  readonly length: number;
  /** SAS display format with its width and decimals, e.g. `DATE9.`, `8.2`, `$CHAR20.`; `$` formats for char. */
  readonly format?: string;
  /** SAS informat, same syntax as `format`; SDTM/ADaM files usually leave it out. */
  readonly informat?: string;
}

/** One row: variable name -> value. A variable missing from the record is written as missing/blank. */
export type XptRow = Readonly<Record<string, XptValue | undefined>>;

export interface XptDataset {
  /** The member name, 1-8 characters, same rule as variable names (e.g. `DM`, `ADSL`). */
  readonly name: string;
  /** The dataset label, at most 40 printable ASCII characters (e.g. `Demographics`). */
  readonly label: string;
  readonly variables: readonly XptVariable[];
  readonly rows: readonly XptRow[];
}

/** Options of `createXpt`. The core reads no clock: the caller passes the time to stamp in the headers. */
export interface XptWriteOptions {
  /** Written as the created and modified time of the library and member headers (UTC fields, `ddMMMyy:hh:mm:ss`). */
  readonly timestamp: Date;
}

/** A parsed SAS format: `DATE9.` -> { name: 'DATE', width: 9, decimals: 0 }. */
export interface SasFormat {
  readonly name: string;
  readonly width: number;
  readonly decimals: number;
}
