/** Group labels mapped to integer codes, so per-group work runs on typed arrays. */
export interface EncodedGroups {
  /** codes[i] indexes `labels` for subject i. */
  readonly codes: Uint32Array;
  /** Distinct labels in order of first appearance. */
  readonly labels: readonly string[];
}

/** Codes labels in first-appearance order (locale-independent, and the order a reader sees the data in). */
export function encodeGroups(group: readonly string[]): EncodedGroups {
  const index = new Map<string, number>();
  const labels: string[] = [];
  const codes = new Uint32Array(group.length);
  for (let i = 0; i < group.length; i++) {
    const label = group[i];
    let code = index.get(label);
    if (code === undefined) {
      code = labels.length;
      index.set(label, code);
      labels.push(label);
    }
    codes[i] = code;
  }
  return Object.freeze({ codes, labels: Object.freeze(labels) });
}
