import { parentPort, workerData } from 'node:worker_threads';
import { findProtocol } from '../protocols/index.js';
import type { DemoPlanOptions } from '../demo/index.js';

/** What the thread is started with: whose demo, and the plan's options. */
export interface DemoPlanRequest {
  readonly protocolId: string;
  readonly planOptions: DemoPlanOptions;
}

/** The plan, or why it could not be made. */
export type DemoPlanReply = { readonly plan: unknown } | { readonly error: string };

/**
 * Worker thread that calibrates a demo's cohort plan (see createPlanOnThread): seconds of work during
 * which the report's thread loads its modules and Chromium starts.
 */
const port = parentPort;
if (port !== null) {
  const request = workerData as DemoPlanRequest;
  let reply: DemoPlanReply;
  try {
    const demo = findProtocol(request.protocolId)?.demo;
    reply = demo === undefined ? { error: `protocol ${request.protocolId} has no demo trial` } : { plan: demo.createPlan(request.planOptions) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
}
