import { adminRoutes } from './adminRoutes.js';
import { analysisRoutes } from './analysisRoutes.js';
import { authRoutes } from './authRoutes.js';
import { exportRoutes } from './exportRoutes.js';
import { importRoutes } from './importRoutes.js';
import { protocolRoutes } from './protocolRoutes.js';
import { recordReviewRoutes } from './recordReviewRoutes.js';
import { reviewRoutes } from './reviewRoutes.js';
import type { RouteSpec } from './route.js';
import { subjectRoutes } from './subjectRoutes.js';
import { workflowRoutes } from './workflowRoutes.js';

/** Every endpoint under /api/v1 (besides /openapi.json): the app, the OpenAPI document and the role matrix test read this list. */
export const API_ROUTES: readonly RouteSpec[] = Object.freeze([...authRoutes, ...protocolRoutes, ...adminRoutes, ...subjectRoutes, ...workflowRoutes, ...reviewRoutes, ...recordReviewRoutes, ...importRoutes, ...exportRoutes, ...analysisRoutes]);
