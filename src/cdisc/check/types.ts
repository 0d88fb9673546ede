/** One result of the conformance checks: which rule, how bad, where (dataset, variable, 1-based row) and why. */
export interface CheckFinding {
  /** A rule id of the catalogue in rules.ts, e.g. `TK-SDTM-003`. */
  readonly ruleId: string;
  readonly severity: 'error' | 'warning';
  /** The dataset (upper case), or `define.xml` / the file for package-level findings. */
  readonly dataset: string;
  readonly variable?: string;
  /** Observation number in the dataset, counting from 1 as SAS does. */
  readonly row?: number;
  readonly message: string;
}

export interface CheckReport {
  /** The package checked, e.g. `sdtm` or `.`. */
  readonly package: string;
  readonly model: 'SDTM' | 'ADaM' | 'unknown';
  readonly datasets: readonly { readonly name: string; readonly file: string; readonly rows: number; readonly variables: number }[];
  readonly findings: readonly CheckFinding[];
  readonly errors: number;
  readonly warnings: number;
}
