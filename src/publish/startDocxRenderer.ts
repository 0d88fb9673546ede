import { startOptionalWorker } from './optionalWorker.js';
import type { ReportDocxOptions } from '../report/docx/index.js';
import type { ReportModel } from '../report/model/index.js';
import type { DocxReply, DocxRequest } from './docxWorker.js';
import { renderDocxBytes } from './renderDocxBytes.js';

export interface DocxRenderer {
  /**
   * The report's DOCX (renderDocxBytes), made on the worker thread when it runs, here otherwise; the
   * caller works on other formats meanwhile. Rejects when the document cannot be made.
   */
  render(model: ReportModel, options: ReportDocxOptions, modifiedAt: Date): Promise<Uint8Array>;
  /** Stops the worker thread. */
  close(): Promise<void>;
}

/**
 * The model as the DOCX reads it: every `subjects` list emptied. The DOCX prints no subject list (no
 * links, no appendices), and the lists are most of what a 10,000-subject model holds: copying them to
 * the worker thread would cost much of what the thread saves.
 */
export function withoutSubjectLists(model: ReportModel): ReportModel {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[key] = key === 'subjects' && Array.isArray(child) ? [] : copy(child);
    return out;
  };
  return copy(model) as ReportModel;
}

/**
 * Starts a worker thread that loads the docx package at once and then makes the report's DOCX, so that
 * the DOCX (the docx package's object tree and XML, the zip) is made on the second core while the main
 * thread writes the HTML and CSV. When the thread cannot be started or dies, the DOCX is made here: the
 * bytes are the same either way (the same renderDocxBytes). `workerUrl` replaces the worker's script (tests).
 */
export function startDocxRenderer(options: { readonly workerUrl?: URL } = {}): DocxRenderer {
  const worker = startOptionalWorker(options.workerUrl ?? new URL('./docxWorker.js', import.meta.url));

  async function render(model: ReportModel, docxOptions: ReportDocxOptions, modifiedAt: Date): Promise<Uint8Array> {
    const thread = worker.current;
    if (thread === null) return renderDocxBytes(model, docxOptions, modifiedAt);
    const reply = await new Promise<DocxReply | 'thread-failed'>((resolve) => {
      const finish = (how: DocxReply | 'thread-failed') => {
        thread.off('message', finish);
        thread.off('error', onFailure);
        thread.off('exit', onFailure);
        thread.unref();
        resolve(how);
      };
      const onFailure = () => finish('thread-failed');
      thread.on('message', finish);
      thread.on('error', onFailure);
      thread.on('exit', onFailure);
      thread.ref();
      thread.postMessage({ model: withoutSubjectLists(model), options: docxOptions, modifiedAtMs: modifiedAt.getTime() } satisfies DocxRequest);
    });
    if (reply === 'thread-failed') {
      worker.current = null;
      return renderDocxBytes(model, docxOptions, modifiedAt);
    }
    if ('error' in reply) throw new Error(`DOCX worker: ${reply.error}`);
    return reply.docx;
  }

  return {
    render,
    async close() {
      const thread = worker.current;
      worker.current = null;
      if (thread !== null) await thread.terminate();
    },
  };
}
