import { deleteUserSessions, getUser, insertSite, insertUser, listSites, listUsers, setPasswordHash, updateUser, type UserRole } from '../store/index.js';
import { HttpError, notFound } from './httpError.js';
import { hashPassword } from './passwords.js';
import { siteBody, userBody, userPatchBody } from './requestSchemas.js';
import { created, ok, route, type RouteSpec } from './route.js';
import { siteResponse, sitesResponse, userResponse, usersResponse } from './responseSchemas.js';
import { versionConflict } from './versionConflict.js';

export const adminRoutes: readonly RouteSpec[] = [
  route({
    method: 'get',
    path: '/sites',
    response: sitesResponse,
    action: 'site:read',
    tag: 'sites',
    summary: "Sites (a site role sees its own site only)",
    async handler({ services, scope }) {
      return ok({ sites: await listSites(services.store, scope) });
    },
  }),
  route({
    method: 'post',
    path: '/sites',
    response: siteResponse,
    action: 'site:create',
    tag: 'sites',
    summary: 'Create a site',
    body: siteBody,
    responses: { 201: 'created', 409: 'site id taken' },
    handler({ body, write }) {
      return write(undefined, async (tx) => created(await insertSite(tx, body)));
    },
  }),
  route({
    method: 'get',
    path: '/users',
    response: usersResponse,
    action: 'user:read',
    tag: 'users',
    summary: 'Accounts (never a password hash)',
    async handler({ services }) {
      return ok({ users: await listUsers(services.store) });
    },
  }),
  route({
    method: 'post',
    path: '/users',
    response: userResponse,
    action: 'user:write',
    tag: 'users',
    summary: 'Create an account with its role (and site for site roles); the password is stored as an argon2id hash',
    body: userBody,
    responses: { 201: 'created', 409: 'user id taken' },
    async handler({ body, write, services }) {
      const passwordHash = await hashPassword(body.password);
      return write(undefined, async (tx) => {
        const user = await insertUser(tx, { userId: body.userId, displayName: body.displayName, role: body.role as UserRole, siteId: body.siteId });
        await setPasswordHash(tx, user.userId, passwordHash, services.clock());
        return created(user);
      });
    },
  }),
  route({
    method: 'patch',
    path: '/users/:userId',
    response: userResponse,
    action: 'user:write',
    tag: 'users',
    summary: 'Rename or (de)activate an account; deactivation ends its sessions',
    body: userPatchBody,
    responses: { 200: 'changed', 409: 'stale version' },
    async handler({ body, params, write, services, user }) {
      const userId = params.userId;
      if ((await getUser(services.store, userId)) === undefined) throw notFound('user');
      if (userId === user?.userId && body.active === false) throw new HttpError(409, 'self-deactivation', 'an administrator cannot deactivate their own account');
      try {
        return await write(body.reason, async (tx) => {
          const result = await updateUser(tx, userId, body.version, {
            ...(body.displayName === undefined ? {} : { displayName: body.displayName }),
            ...(body.active === undefined ? {} : { active: body.active }),
          });
          if (result.kind === 'not-found') throw notFound('user');
          if (result.kind === 'conflict') throw versionConflict(result);
          if (!result.row.active) await deleteUserSessions(tx, userId);
          return ok(result.row);
        });
      } finally {
        // after the commit, before the answer: a deactivation ends the user's sessions for the next request
        // (a rename shows in /auth/session); on a refusal nothing changed, and forgetting costs one lookup
        await services.sessions.invalidate();
      }
    },
  }),
];
