import type { Site } from '../clinical/index.js';
import { getUser, insertSite, insertUser, listSites, setPasswordHash, withAuditContext, type Store, type UserRole } from '../store/index.js';
import { hashPassword } from './passwords.js';
import { ROLES, SITE_ROLES } from './permissions.js';

/** Known on purpose: demo accounts are for trying the server out, never for trial data. */
export const DEMO_PASSWORD = 'trialkit-demo-password';

/** The account that creates the demo trial's sites (site:create is an admin action). */
export const DEMO_ADMIN = 'demo-admin';

export interface DemoAccount {
  readonly userId: string;
  readonly role: UserRole;
  readonly siteId: string | null;
}

export interface DemoAccountOptions {
  /** The demo trial's sites; the site roles' accounts work at the first. Missing sites are created. */
  readonly sites: readonly Site[];
  readonly clock?: () => Date;
}

/**
 * One demo account per role (demo-investigator, demo-irc, ...), all with DEMO_PASSWORD, the site roles at
 * the first site of the demo trial; the trial's sites are created (by the demo admin) when missing.
 * Existing accounts and sites are kept.
 */
export async function seedDemoAccounts(store: Store, options: DemoAccountOptions): Promise<readonly DemoAccount[]> {
  const [home] = options.sites;
  if (home === undefined) throw new Error('seedDemoAccounts: the demo trial has no site for the site roles');
  const clock = options.clock ?? (() => new Date());
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = ROLES.map((role) => ({ userId: `demo-${role.replace('_', '-')}`, role, siteId: SITE_ROLES.includes(role) ? home.siteId : null }));
  await withAuditContext(store, { user: DEMO_ADMIN }, async (tx) => {
    const existing = new Set((await listSites(tx, null)).map((s) => s.siteId));
    for (const site of options.sites) if (!existing.has(site.siteId)) await insertSite(tx, { siteId: site.siteId, name: site.name });
    for (const account of accounts) {
      if ((await getUser(tx, account.userId)) !== undefined) continue;
      await insertUser(tx, { userId: account.userId, displayName: `Demo ${account.role.replace('_', ' ')}`, role: account.role, siteId: account.siteId });
      await setPasswordHash(tx, account.userId, passwordHash, clock());
    }
  });
  return Object.freeze(accounts);
}
