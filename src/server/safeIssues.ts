import { issue, type Issue } from '../result/index.js';
import { REQUEST_LIMITS } from './requestLimits.js';

/** A field whose value is never echoed, whatever the error (passwords, tokens, keys). */
const secretField = /pass(word)?|secret|token|api[-_]?key|private[-_]?key/i;

export function isSecretPath(path: Issue['path']): boolean {
  return path.some((part) => typeof part === 'string' && secretField.test(part));
}

/**
 * What an error answer may say about a refused value: a secret is never echoed, a long text is cut to
 * REQUEST_LIMITS.echoLength characters with its length, an object or array is summarised (a 1 MB field
 * gives an answer of a few hundred bytes, not 1 MB).
 */
export function echoValue(path: Issue['path'], value: unknown): unknown {
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') return isSecretPath(path) && value !== undefined ? '(not shown: a secret)' : value;
  if (isSecretPath(path)) return '(not shown: a secret)';
  if (typeof value === 'string') {
    if (value.length <= REQUEST_LIMITS.echoLength) return value;
    // cut on a code point boundary, never between two halves of a surrogate pair
    const cut = value.slice(0, REQUEST_LIMITS.echoLength).replace(/[\uD800-\uDBFF]$/, '');
    return `${cut}… (${value.length} characters)`;
  }
  if (Array.isArray(value)) return `(an array of ${value.length} items)`;
  if (typeof value === 'object') return `(an object with ${Object.keys(value).length} fields)`;
  return `(a ${typeof value})`;
}

export function safeIssues(issues: readonly Issue[]): Issue[] {
  return issues.map((item) => issue(item.code, item.path, echoValue(item.path, item.value), item.expected, item.severity));
}
