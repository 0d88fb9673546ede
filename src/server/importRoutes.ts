import { createHash } from 'node:crypto';
import { existingSubjectIds } from '../store/index.js';
import { issue, type Issue } from '../result/index.js';
import { checkNotBeforeConsent, findBeforeConsent } from './consentDateRule.js';
import { HttpError } from './httpError.js';
import { firstInvalidUtf8 } from './jsonBody.js';
import { LAB_IMPORT_COLUMNS, parseLabImport } from './labImportCsv.js';
import { created, route, type RouteSpec } from './route.js';
import { labImportResponse } from './responseSchemas.js';
import { reviewForm, saveRecord, todayOf } from './subjectRoutes.js';

/** A central-lab transfer is kilobytes to a few megabytes; anything far beyond is refused unread. */
const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

const FILE_NAME = /^[A-Za-z0-9._ -]{1,200}$/;

/** The file as UTF-8 text; a byte that is not UTF-8 refuses the file with its line, never replaced by U+FFFD. */
function decodeFile(bytes: Uint8Array, file: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, Math.max(0, offset)).reduce((lines, byte) => (byte === 0x0a ? lines + 1 : lines), 1);
    throw new HttpError(422, 'invalid-file', `${file}: line ${line} is not valid UTF-8; nothing was imported`, {
      issues: [issue('invalid-utf8', [file, line], `byte ${offset}`, 'a file encoded as UTF-8')],
      extra: { file, lines: [line] },
    });
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function lineOf(item: Issue): number {
  return typeof item.path[1] === 'number' ? item.path[1] : 0;
}

/** Bulk imports: whole files written in one audited transaction, or nothing. */
export const importRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/imports/labs',
    response: labImportResponse,
    action: 'lab:import',
    tag: 'imports',
    summary:
      `Import central-lab results: body text/csv with the columns ${LAB_IMPORT_COLUMNS.join(', ')} (lln, uln may be empty; ` +
      'value, lln and uln in unit; source is set to central), ?file=<name> for the audit reason. Every row is checked (subject exists, ' +
      'date, analyte and unit known, numbers, plausibility limits: a negative value, a future date or a sample dated before the subject\'s informed consent refuses the file, an implausible value ' +
      'is imported and raises a RANGE query); each row is then saved as POST /subjects/{subjectId}/records saves a lab form (CTCAE grade, ' +
      'edit checks such as LLN above ULN raised as queries, listed per line in raisedQueries); all rows are written in one transaction ' +
      'audited as "central lab import <file>", or none: 422 lists every bad cell with path [file, line, column], value and expected',
    responses: { 201: 'imported', 400: 'not text/csv, or a bad file name', 413: 'larger than 16 MiB', 422: 'bad rows or not UTF-8: nothing written', 423: 'locked' },
    maxBodyBytes: MAX_IMPORT_BYTES,
    async handler({ c, services, scope, query, write }) {
      if (!/^text\/(csv|plain)\b/i.test(c.req.header('content-type') ?? '')) throw new HttpError(400, 'content-type', 'send the file as text/csv');
      // the size is bounded before reading (maxBodyBytes: 413)
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (query.file !== undefined && !FILE_NAME.test(query.file)) {
        throw new HttpError(400, 'file-name', 'the file name may hold letters, digits, space, dot, dash and underscore (1-200)', {
          issues: [issue('bad-file-name', ['file'], query.file, '1-200 of A-Z a-z 0-9 . _ - and space')],
        });
      }
      const file = query.file ?? `sha256:${sha256.slice(0, 16)}`;
      const { protocol } = services;
      const text = decodeFile(bytes, file);
      const parsed = parseLabImport(text, file, protocol);
      const labType = protocol.formOfRole('lab')?.id ?? 'lab';
      const known = await existingSubjectIds(services.store, parsed.rows.map((row) => row.subjectId), scope);
      const unknown = parsed.rows
        .filter((row) => !known.has(row.subjectId))
        .map((row) => issue('unknown-subject', [file, row.line, 'subjectId'], row.subjectId, 'the id of a registered subject'));
      // each row through the checks of a single save (the lab form's schema and plausibility limits): a hard
      // limit refuses the file (the cell named), soft ones become queries
      const today = todayOf(services.clock);
      const reviewed = parsed.rows.map((row) => ({ row, review: reviewForm(protocol, labType, row.data, today) }));
      const refused = reviewed.flatMap(({ row, review }) => (review.ok ? [] : review.error.issues.map((item) => ({ ...item, path: [file, row.line, ...item.path.slice(1)] }))));
      // the cross-form rules of a single save: a sample dated before the subject's informed consent (every row named)
      const beforeConsent = (
        await Promise.all(
          reviewed.map(({ row, review }) => (review.ok && known.has(row.subjectId) ? findBeforeConsent(services.store, protocol, row.subjectId, labType, review.data, [file, row.line]) : Promise.resolve(undefined))),
        )
      ).filter((item) => item !== undefined);
      const issues = [...parsed.issues, ...unknown, ...refused, ...beforeConsent].sort((x, y) => lineOf(x) - lineOf(y));
      if (issues.length > 0) {
        const lines = [...new Set(issues.map(lineOf))].filter((line) => line > 0);
        throw new HttpError(422, 'invalid-file', `${file}: ${issues.length} problem(s) on ${lines.length} line(s); nothing was imported`, {
          issues,
          extra: { file, lines },
        });
      }
      return write(`central lab import ${file}`, async (tx) => {
        const recordIds: number[] = [];
        const raisedQueries: { line: number; recordId: number; queryIds: readonly number[] }[] = [];
        for (const { row, form } of reviewed.flatMap(({ row, review }) => (review.ok ? [{ row, form: review }] : []))) {
          // checked again inside the transaction (a screening corrected since the check above): a refusal rolls back every row
          await checkNotBeforeConsent(tx, protocol, row.subjectId, labType, form.data);
          // the save of POST /subjects/:id/records: live logic (CTCAE grade, edit checks) and its findings as queries
          const saved = await saveRecord(tx, protocol, today, row.subjectId, labType, form, row.data.visit);
          recordIds.push(saved.record.recordId);
          if (saved.raisedQueryIds.length > 0) raisedQueries.push({ line: row.line, recordId: saved.record.recordId, queryIds: saved.raisedQueryIds });
        }
        const raisedQueryIds = raisedQueries.flatMap((raised) => raised.queryIds);
        return created({ file, sha256, imported: recordIds.length, recordIds, raisedQueryIds, raisedQueries });
      });
    },
  }),
];
