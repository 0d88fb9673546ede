import { issue, type Issue, type IssuePath } from '../../result/index.js';

/** The issue for a cell that is not a count (a whole number >= 0), or undefined when it is one. */
export function checkCount(value: unknown, path: IssuePath): Issue | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    return issue('invalid-count', path, value, 'a whole number >= 0');
  }
  return undefined;
}
