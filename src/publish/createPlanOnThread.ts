import { Worker } from 'node:worker_threads';
import type { DemoDefinition, DemoPlan, DemoPlanOptions } from '../demo/index.js';
import type { DemoPlanReply, DemoPlanRequest } from './demoPlanWorker.js';

/**
 * demo.createPlan(planOptions) on a worker thread (demoPlanWorker), so that the calling thread stays free
 * while the plan is calibrated; on this thread when no worker can be started or the thread dies. The plan
 * is the same either way: createPlan is pure and deterministic, and a plan is a JSON value (structured
 * cloning copies it exactly; loadDemoPlanAsync freezes it). `workerUrl` replaces the worker's script (tests).
 */
export function createPlanOnThread<Plan extends DemoPlan>(
  demo: DemoDefinition<Plan>,
  protocolId: string,
  planOptions: DemoPlanOptions,
  options: { readonly workerUrl?: URL } = {},
): Promise<Plan> {
  let worker: Worker;
  try {
    worker = new Worker(options.workerUrl ?? new URL('./demoPlanWorker.js', import.meta.url), { workerData: { protocolId, planOptions } satisfies DemoPlanRequest });
  } catch {
    return Promise.resolve().then(() => demo.createPlan(planOptions));
  }
  return new Promise<Plan>((resolve, reject) => {
    let settled = false;
    const onThisThread = () => {
      try {
        resolve(demo.createPlan(planOptions));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    worker.once('message', (reply: DemoPlanReply) => {
      settled = true;
      void worker.terminate();
      if ('plan' in reply) resolve(reply.plan as Plan);
      else reject(new Error(`the demo plan could not be made: ${reply.error}`));
    });
    // A thread that fails to start or dies before answering: the plan is made here instead.
    worker.once('error', () => {
      if (!settled) {
        settled = true;
        onThisThread();
      }
    });
    worker.once('exit', () => {
      if (!settled) {
        settled = true;
        onThisThread();
      }
    });
  });
}
