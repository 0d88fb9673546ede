import { parentPort } from 'node:worker_threads';
import type { ReportDocxOptions } from '../report/docx/index.js';
import type { ReportModel } from '../report/model/index.js';
import { renderDocxBytes } from './renderDocxBytes.js';

/** What the report sends the worker: the model (without its subject lists: see startDocxRenderer), the options, the zip date. */
export interface DocxRequest {
  readonly model: ReportModel;
  readonly options: ReportDocxOptions;
  readonly modifiedAtMs: number;
}

/** The DOCX file, or why it could not be made. */
export type DocxReply = { readonly docx: Uint8Array } | { readonly error: string };

/**
 * Worker thread that writes the report's DOCX (see startDocxRenderer) while the main thread writes the
 * HTML and CSV. The docx package is loaded as soon as the thread starts, while the main thread derives.
 */
const port = parentPort;
if (port !== null) {
  const loaded = import('../report/docx/index.js').catch(() => undefined);
  port.on('message', (request: DocxRequest) => {
    void (async () => {
      await loaded;
      let reply: DocxReply;
      try {
        reply = { docx: await renderDocxBytes(request.model, request.options, new Date(request.modifiedAtMs)) };
      } catch (error) {
        reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
      // Copied, not transferred: the bytes may be a view of a pooled buffer, which cannot be transferred.
      port.postMessage(reply);
    })();
  });
}
