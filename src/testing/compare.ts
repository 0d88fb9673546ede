import assert from 'node:assert/strict';

/**
 * Compares a computed number with a reference within a relative tolerance (absolute near zero), and on
 * failure prints the label, both values and the difference, so a failing fixture explains itself.
 * null/NaN on both sides compare equal (a limit that is not reached, or not computable, on both).
 */
export function assertClose(
  actual: number | null | undefined,
  expected: number | null | undefined,
  tolerance: { rel: number; abs?: number },
  label: string,
): void {
  const a = actual ?? null;
  const e = expected ?? null;
  const aMissing = a === null || Number.isNaN(a);
  const eMissing = e === null || Number.isNaN(e);
  if (aMissing || eMissing) {
    assert.ok(aMissing && eMissing, `${label}: computed ${String(a)}, expected ${String(e)}`);
    return;
  }
  if (a === e) return;
  const diff = Math.abs(a - e);
  const abs = tolerance.abs ?? tolerance.rel;
  const ok = diff <= Math.max(abs, tolerance.rel * Math.abs(e));
  assert.ok(
    ok,
    `${label}: computed ${a}, expected ${e}, difference ${diff.toExponential(3)} ` +
      `(tolerance rel ${tolerance.rel}, abs ${abs})`,
  );
}
