import { startOptionalWorker } from './optionalWorker.js';
import type { ReportDocxOptions } from '../report/docx/index.js';
import type { ReportModel } from '../report/model/index.js';
import type { DocxCompleteRequest, DocxDraftRequest, DocxReply, DocxRequest } from './docxWorker.js';
import { modelJsonWithoutSubjectLists } from './modelJson.js';
import { renderDocxBytes } from './renderDocxBytes.js';

export interface DocxRenderer {
  /**
   * The report's DOCX (renderDocxBytes), made on the worker thread when it runs, here otherwise; the
   * caller works on other formats meanwhile. Rejects when the document cannot be made.
   */
  render(model: ReportModel, options: ReportDocxOptions, modifiedAt: Date): Promise<Uint8Array>;
  /**
   * Starts the DOCX before its figures' PNGs exist: on the worker thread, the document is made at once with
   * a placeholder for each of `figureIds` (draftReportDocx), while the caller draws them; `complete`
   * then adds the PNGs (completeReportDocx). The bytes are render's with the same PNGs (`options.figuresPng`
   * is not read).
   */
  draft(model: ReportModel, options: ReportDocxOptions, figureIds: readonly string[], modifiedAt: Date): DocxDraft;
  /** Stops the worker thread. */
  close(): Promise<void>;
}

/** A DOCX begun without its figures' PNGs (DocxRenderer.draft). */
export interface DocxDraft {
  /** The DOCX file with the figures' PNGs; rejects when it cannot be made. Called once. */
  complete(figuresPng: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array>;
}

/**
 * The model as the DOCX reads it: every `subjects` list emptied. The DOCX prints no subject list (no
 * links, no appendices), and the lists are most of what a 10,000-subject model holds: copying them to
 * the worker thread would cost much of what the thread saves.
 */
export function withoutSubjectLists(model: ReportModel): ReportModel {
  // Keys and indexes rather than Object.entries and map: the demo's model is some 17,000 objects, and the
  // entry pairs made the copy about twice as slow (15 against 6-8 ms).
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const out: unknown[] = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i += 1) out[i] = copy(value[i]);
      return out;
    }
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record)) {
      const child = record[key];
      out[key] = key === 'subjects' && Array.isArray(child) ? [] : copy(child);
    }
    return out;
  };
  return copy(model) as ReportModel;
}

/** The model sent to the worker thread: as JSON when it carries it exactly, else the copy without subject lists. */
function modelMessage(model: ReportModel): { readonly modelJson: string } | { readonly model: ReportModel } {
  const json = modelJsonWithoutSubjectLists(model);
  return json === null ? { model: withoutSubjectLists(model) } : { modelJson: json };
}

/**
 * Starts a worker thread that loads the docx package at once and then makes the report's DOCX, so that
 * the DOCX (the docx package's object tree and XML, the zip) is made on the second core while the main
 * thread writes the HTML and CSV. When the thread cannot be started or dies, the DOCX is made here: the
 * bytes are the same either way (the same renderDocxBytes). `workerUrl` replaces the worker's script (tests).
 */
export function startDocxRenderer(options: { readonly workerUrl?: URL } = {}): DocxRenderer {
  const worker = startOptionalWorker(options.workerUrl ?? new URL('./docxWorker.js', import.meta.url));

  /** The thread's answer to `request`, or null when the thread has failed (the caller then works here). */
  async function ask(request: DocxRequest | DocxCompleteRequest): Promise<Uint8Array | null> {
    const thread = worker.current;
    if (thread === null) return null;
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
      thread.postMessage(request);
    });
    if (reply === 'thread-failed') {
      worker.current = null;
      return null;
    }
    if ('error' in reply) throw new Error(`DOCX worker: ${reply.error}`);
    return reply.docx;
  }

  async function render(model: ReportModel, docxOptions: ReportDocxOptions, modifiedAt: Date): Promise<Uint8Array> {
    const request = worker.current === null ? null : ({ ...modelMessage(model), options: docxOptions, modifiedAtMs: modifiedAt.getTime() } satisfies DocxRequest);
    return (request === null ? null : await ask(request)) ?? renderDocxBytes(model, docxOptions, modifiedAt);
  }

  function draft(model: ReportModel, docxOptions: ReportDocxOptions, figureIds: readonly string[], modifiedAt: Date): DocxDraft {
    const thread = worker.current;
    const { figuresPng: _notRead, ...options } = docxOptions;
    // Posted now: the thread makes the draft while this thread draws the figures. No answer until completed.
    thread?.postMessage({ ...modelMessage(model), options, modifiedAtMs: modifiedAt.getTime(), draftFigureIds: [...figureIds] } satisfies DocxDraftRequest);
    return {
      async complete(figuresPng) {
        // The thread that has the draft, still running: otherwise the whole DOCX is made here.
        const made = thread !== null && worker.current === thread ? await ask({ completeWith: figuresPng } satisfies DocxCompleteRequest) : null;
        return made ?? renderDocxBytes(model, { ...options, figuresPng }, modifiedAt);
      },
    };
  }

  return {
    render,
    draft,
    async close() {
      const thread = worker.current;
      worker.current = null;
      if (thread !== null) await thread.terminate();
    },
  };
}
