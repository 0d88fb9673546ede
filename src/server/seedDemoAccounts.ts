import { getUser, insertSite, insertUser, listSites, setPasswordHash, withAuditContext, type Store, type UserRole } from '../store/index.js';
import { hashPassword } from './passwords.js';
import { ROLES, SITE_ROLES } from './permissions.js';

/** Known on purpose: demo accounts are for trying the server out, never for trial data. */
export const DEMO_PASSWORD = 'trialkit-demo-password';

export interface DemoAccount {
  readonly userId: string;
  readonly role: UserRole;
  readonly siteId: string | null;
}

const DEMO_SITES = [
  { siteId: 'S01', name: 'Demo site 01' },
  { siteId: 'S02', name: 'Demo site 02' },
] as const;

/** Two demo sites and one account per role (site roles at S01), all with DEMO_PASSWORD; existing ones are kept. */
export async function seedDemoAccounts(store: Store, clock: () => Date = () => new Date()): Promise<readonly DemoAccount[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = ROLES.map((role) => ({ userId: `demo-${role.replace('_', '-')}`, role, siteId: SITE_ROLES.includes(role) ? 'S01' : null }));
  await withAuditContext(store, { user: 'system:demo-seed' }, async (tx) => {
    const existing = new Set((await listSites(tx, null)).map((s) => s.siteId));
    for (const site of DEMO_SITES) if (!existing.has(site.siteId)) await insertSite(tx, site);
    for (const account of accounts) {
      if ((await getUser(tx, account.userId)) !== undefined) continue;
      await insertUser(tx, { userId: account.userId, displayName: `Demo ${account.role}`, role: account.role, siteId: account.siteId });
      await setPasswordHash(tx, account.userId, passwordHash, clock());
    }
  });
  return Object.freeze(accounts);
}
