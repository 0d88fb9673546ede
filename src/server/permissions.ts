import type { UserRole } from '../store/index.js';
import type { ServedProtocol } from './servedProtocol.js';

/**
 * Who may do what, as data: one middleware reads this table for every route (each route names its
 * action), and the role x endpoint test matrix is generated from it. Site roles (investigator,
 * coordinator) are further limited to their own site by the store queries.
 */
export const ROLES: readonly UserRole[] = Object.freeze(['investigator', 'coordinator', 'irc', 'data_manager', 'monitor', 'statistician', 'sponsor', 'admin']);

export const SITE_ROLES: readonly UserRole[] = Object.freeze(['investigator', 'coordinator']);

export type Action =
  | 'site:read'
  | 'site:create'
  | 'user:read'
  | 'user:write'
  | 'subject:read'
  | 'subject:write'
  | 'record:read'
  | 'record:write'
  | 'audit:read'
  | 'query:read'
  | 'query:raise'
  | 'query:answer'
  | 'query:close'
  | 'lock:read'
  | 'lock:write'
  | 'snapshot:read'
  | 'snapshot:create'
  | 'irc:read'
  | 'irc:adjudicate'
  | 'summary:read'
  | 'analysis:read'
  | 'analysis:subjects'
  | 'lab:import'
  | 'review:read'
  | 'sdv:write'
  | 'signature:sign';

export const PERMISSIONS: Readonly<Record<Action, readonly UserRole[]>> = Object.freeze({
  'site:read': ['investigator', 'coordinator', 'data_manager', 'statistician', 'sponsor', 'admin'],
  'site:create': ['admin'],
  'user:read': ['admin'],
  'user:write': ['admin'],
  'subject:read': ['investigator', 'coordinator', 'data_manager', 'monitor'],
  'subject:write': ['investigator', 'coordinator'],
  'record:read': ['investigator', 'coordinator', 'data_manager', 'monitor'],
  'record:write': ['investigator', 'coordinator'],
  'audit:read': ['data_manager', 'monitor'],
  'query:read': ['investigator', 'coordinator', 'data_manager', 'monitor'],
  'query:raise': ['data_manager'],
  'query:answer': ['investigator', 'coordinator'],
  'query:close': ['data_manager'],
  'lock:read': ['data_manager', 'statistician'],
  'lock:write': ['data_manager'],
  'snapshot:read': ['data_manager', 'statistician'],
  'snapshot:create': ['data_manager'],
  // response data without site or subject identity, for adjudication
  'irc:read': ['irc'],
  // the IRC's adjudicated responses, stored on the subject behind the blinded case id
  'irc:adjudicate': ['irc'],
  // counts only, never a subject row
  'summary:read': ['sponsor', 'data_manager'],
  // the analysis dashboard of the latest snapshot: aggregates (ORR, DCR, KM, forest, swimmer, safety), and
  // the report (its aggregate edition without analysis:subjects)
  'analysis:read': ['statistician', 'sponsor', 'data_manager'],
  // the subjects behind each count of the dashboard, and the full edition of the report (it lists subjects); never the sponsor
  'analysis:subjects': ['statistician', 'data_manager'],
  // central-lab files: all rows or none, audited as 'central lab import <file>'
  'lab:import': ['data_manager'],
  // a subject's review state: locks covering it (with their reasons), SDV marks, signatures
  'review:read': ['investigator', 'coordinator', 'data_manager', 'monitor'],
  // source data verification of a record against the site's source documents
  'sdv:write': ['monitor'],
  // electronic signatures of a form or a casebook (21 CFR Part 11); the database also checks the signer's role and site
  'signature:sign': ['investigator'],
});

export function isAllowed(role: UserRole, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}

/** The site a user is confined to, or null for trial-wide roles. */
export function siteScope(user: { readonly role: UserRole; readonly siteId: string | null }): string | null {
  return SITE_ROLES.includes(user.role) ? user.siteId : null;
}

/**
 * Whether a user with this site scope (null = trial-wide role) may read records of this form type. Form
 * types marked siteHidden in the protocol's metadata (the IRC's adjudications) stay hidden from the sites
 * whose assessments they judge (independent, blinded review): a hidden record answers 404, as if it did
 * not exist.
 */
export function isFormTypeVisible(protocol: ServedProtocol, formType: string, scope: string | null): boolean {
  return scope === null || !protocol.siteHiddenForms.has(formType);
}
