export type { Issue, IssuePath } from './issue.js';
export { issue, formatIssue, formatPath } from './issue.js';
export type { Outcome } from './outcome.js';
export { success, failure, InputError, unwrap } from './outcome.js';
