import { setFlagsFromString } from 'node:v8';

/**
 * V8's interrupt budget (bytecode executed between two "is this function hot?" ticks; default 67,584 in
 * Node 20's V8 11.3) for a command that runs for a few seconds through a great deal of code run a few
 * times each (vega, the docx package, the derivations, the renderers). With the default, V8 sends
 * hundreds of functions to its optimising compiler, which then took about a fifth of the demo report's
 * CPU (1-1.5 s of `perf` samples in TurboFan on V8's background threads) for code that mostly ran only
 * a little longer. About 22 times the default: only code that stays hot is optimised. Measured on the
 * demo report, every format but PDF: about 1.2 s less CPU and no slower; on a 3,000-patient trial about
 * 2-4 s less CPU too. Outputs are the same bytes (optimised code computes what the interpreter does).
 */
export const REPORT_INTERRUPT_BUDGET = 1_500_000;

/**
 * Sets V8's interrupt budget for the rest of the process (worker threads started afterwards included: V8's
 * flags are process-wide). Functions already run keep their current budget until their next tick.
 */
export function raiseInterruptBudget(budget: number = REPORT_INTERRUPT_BUDGET): void {
  if (!Number.isInteger(budget) || budget <= 0) throw new RangeError(`interrupt budget ${budget}: a positive integer`);
  setFlagsFromString(`--interrupt-budget=${budget}`);
}
