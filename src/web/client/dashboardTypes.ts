// The shapes GET /api/v1/analysis/dashboard answers, inferred from the server's zod schema
// (src/server/analysisResponses.ts), so the client cannot drift from what the server sends and the OpenAPI
// document describes. Types only: nothing of the server or of zod is bundled for the browser.
import type { AnalysisDashboardAnswer } from '../../server/index.js';

export type DashboardAnswer = AnalysisDashboardAnswer;
type Ready = Extract<DashboardAnswer, { state: 'ready' }>;
export type AnalysisDashboard = Ready['dashboard'];
export type DashboardSnapshot = Ready['snapshots'][number];
export type KeyNumber = AnalysisDashboard['keyNumbers'][number];
export type DashboardCell = NonNullable<KeyNumber['count']>;
export type DashboardTable = AnalysisDashboard['tables'][number];
export type DashboardFigure = AnalysisDashboard['figures'][number];
export type DesignStatus = NonNullable<AnalysisDashboard['design']>;
export type SimonStageState = DesignStatus['decision']['stage1'];
export type SubjectFacts = AnalysisDashboard['subjects'][string];
