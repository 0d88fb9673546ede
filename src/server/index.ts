// The EDC's HTTP adapter: a hono app over the store, with sessions, the permission table and site scoping.
export { createApp, API_BASE } from './createApp.js';
export type { AppOptions } from './createApp.js';
export { API_ROUTES } from './apiRoutes.js';
export { PERMISSIONS, ROLES, SITE_ROLES, isAllowed, siteScope } from './permissions.js';
export type { Action } from './permissions.js';
export type { RouteSpec, SessionUser } from './route.js';
export { createOpenApiDocument } from './openApiDocument.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { LOGIN_THROTTLE } from './authRoutes.js';
export { seedDemoAccounts, DEMO_PASSWORD } from './seedDemoAccounts.js';
export type { DemoAccount } from './seedDemoAccounts.js';
export { startServer } from './startServer.js';
export type { RunningServer, StartServerOptions } from './startServer.js';
export { loadDemoTrial, demoSiteUser, demoSnapshotName, DEMO_ADMIN, DEMO_DATA_MANAGER } from './loadDemoTrial.js';
export type { DemoLoadSummary, LoadDemoTrialOptions } from './loadDemoTrial.js';
export { readTrialFromStore } from './readTrialFromStore.js';
export type { ReadTrialOptions } from './readTrialFromStore.js';
