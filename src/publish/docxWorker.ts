import { parentPort } from 'node:worker_threads';
import type { ReportDocxDraft, ReportDocxOptions } from '../report/docx/index.js';
import type { ReportModel } from '../report/model/index.js';
import { parseModelJson } from './modelJson.js';
import { completeDocxBytes, draftDocx, renderDocxBytes } from './renderDocxBytes.js';

/**
 * What the report sends the worker: the model without its subject lists (see startDocxRenderer), as JSON
 * text when that carries it exactly (modelJsonWithoutSubjectLists), else as a copy; the options; the zip date.
 */
export type DocxRequest = ({ readonly model: ReportModel } | { readonly modelJson: string }) & {
  readonly options: ReportDocxOptions;
  readonly modifiedAtMs: number;
};

function modelOf(request: DocxRequest): ReportModel {
  return 'modelJson' in request ? parseModelJson(request.modelJson) : request.model;
}

/** The DOCX to be made without its figures' PNGs for now (draftReportDocx); answered after a DocxCompleteRequest. */
export type DocxDraftRequest = DocxRequest & {
  readonly draftFigureIds: readonly string[];
};

/** The PNGs that complete the last draft asked for. */
export interface DocxCompleteRequest {
  readonly completeWith: ReadonlyMap<string, Uint8Array>;
}

/** The DOCX file, or why it could not be made. */
export type DocxReply = { readonly docx: Uint8Array } | { readonly error: string };

/**
 * Worker thread that writes the report's DOCX (see startDocxRenderer) while the main thread writes the
 * HTML and CSV. The docx package is loaded as soon as the thread starts, while the main thread derives.
 * A draft is made as soon as it is asked for, while the main thread draws the figures; the request that
 * completes it waits in the thread's queue until then.
 */
const port = parentPort;
if (port !== null) {
  const loaded = import('../report/docx/index.js').catch(() => undefined);
  let draft: { readonly request: DocxDraftRequest; readonly model: ReportModel; readonly made: Promise<ReportDocxDraft> } | null = null;
  const answer = async (make: () => Promise<Uint8Array>) => {
    let reply: DocxReply;
    try {
      reply = { docx: await make() };
    } catch (error) {
      reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    // Copied, not transferred: the bytes may be a view of a pooled buffer, which cannot be transferred.
    port.postMessage(reply);
  };
  port.on('message', (request: DocxRequest | DocxDraftRequest | DocxCompleteRequest) => {
    void (async () => {
      await loaded;
      if ('draftFigureIds' in request) {
        const model = modelOf(request);
        const made = draftDocx(model, request.options, request.draftFigureIds);
        made.catch(() => undefined);
        draft = { request, model, made };
      } else if ('completeWith' in request) {
        const asked = draft;
        draft = null;
        await answer(async () => {
          if (asked === null) throw new Error('no DOCX draft to complete');
          const modifiedAt = new Date(asked.request.modifiedAtMs);
          // A draft that failed is made again whole, with the PNGs: the error, if any, is that build's.
          const made = await asked.made.catch(() => null);
          return made === null ? renderDocxBytes(asked.model, { ...asked.request.options, figuresPng: request.completeWith }, modifiedAt) : completeDocxBytes(made, request.completeWith, modifiedAt);
        });
      } else {
        await answer(() => renderDocxBytes(modelOf(request), request.options, new Date(request.modifiedAtMs)));
      }
    })();
  });
}
