import { Worker } from 'node:worker_threads';

/**
 * A worker thread a report may do without: `current` is the running thread, or null once it could not
 * start or has ended (the caller then does the work on its own thread, with the same code).
 */
export interface OptionalWorker {
  current: Worker | null;
}

/**
 * Starts the thread unreferenced (it keeps no process alive until asked for work). An error before the
 * first request (e.g. the file is missing) must not become an uncaught exception, and a thread that has
 * ended is not asked for anything.
 */
export function startOptionalWorker(url: URL, workerData?: unknown): OptionalWorker {
  const holder: OptionalWorker = { current: null };
  try {
    const started = new Worker(url, workerData === undefined ? {} : { workerData });
    started.unref();
    started.on('error', () => undefined);
    started.once('exit', () => {
      if (holder.current === started) holder.current = null;
    });
    holder.current = started;
  } catch {
    holder.current = null;
  }
  return holder;
}
