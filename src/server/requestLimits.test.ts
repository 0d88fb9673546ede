import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IssuePath } from '../result/index.js';
import { REQUEST_LIMITS, findTextIssues, textLimitFor } from './requestLimits.js';

describe('text limits of a request body', () => {
  it('names the full path of every bad string or field name, after siblings of any depth', () => {
    const long = 'x'.repeat(REQUEST_LIMITS.defaultTextLength + 1);
    const body = {
      ok: 'fine',
      rows: [{ a: 'fine', b: ['fine', 'nul\u0000here'] }, { c: { d: long } }],
      after: { lone: 'a\uD800b', [`k${'y'.repeat(200)}`]: 'unreached' },
      last: 'fine',
    };
    const issues = findTextIssues(body, { prefix: ['data'] });
    assert.deepEqual(
      issues.map((i) => [i.code, i.path]),
      [
        ['nul-character', ['data', 'rows', 0, 'b', 1]],
        ['too-long', ['data', 'rows', 1, 'c', 'd']],
        ['unpaired-surrogate', ['data', 'after', 'lone']],
        ['bad-field-name', ['data', 'after']],
      ],
    );
    assert.match(issues[1].expected, new RegExp(`at most ${REQUEST_LIMITS.defaultTextLength} characters \\(got ${long.length}\\)`));
    assert.deepEqual(findTextIssues({ a: [{ b: 'fine' }], c: 'a\uD83D\uDE00 pair' }), [], 'a surrogate pair is one character');
  });

  it('asks the limit of each string by its path inside the body', () => {
    const asked: string[] = [];
    const limitFor = (_formType: string | undefined, path: IssuePath): number => {
      asked.push(path.join('.'));
      return path.at(-1) === 'short' ? 3 : 100;
    };
    const issues = findTextIssues({ rows: [{ short: 'four', other: 'four' }], short: 'ok' }, { limitFor });
    assert.deepEqual(asked, ['rows.0.short', 'rows.0.other', 'short']);
    assert.deepEqual(issues.map((i) => i.path), [['rows', 0, 'short']]);
  });

  it('gives every field the default maximum when no form sets its own', () => {
    assert.equal(textLimitFor(undefined, ['reportedTerm']), REQUEST_LIMITS.defaultTextLength);
    assert.equal(textLimitFor('adverseEvent', ['events', 2, 'reportedTerm']), REQUEST_LIMITS.defaultTextLength);
  });
});
