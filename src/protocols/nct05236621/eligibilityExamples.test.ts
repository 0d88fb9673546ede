import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { computeEligibility, createScreeningRecordSchema, type EligibilityExample } from '../../clinical/index.js';
import { repoPath } from '../../testing/index.js';
import { NCT05236621_CRITERIA_EXAMPLES, NCT05236621_ELIGIBILITY } from './eligibility.js';
import { NCT05236621_PROTOCOL } from './protocol.js';

const responseCodelist = NCT05236621_PROTOCOL.codelists.find((list) => list.id === 'RESPONSE');
if (responseCodelist === undefined) throw new Error('no RESPONSE code list');
const schema = createScreeningRecordSchema(NCT05236621_ELIGIBILITY, responseCodelist);

type Json = Record<string, unknown>;

/** The example eligible record with the example's fields set (dotted paths; undefined deletes). */
function recordFor(example: EligibilityExample): Json {
  const record = JSON.parse(readFileSync(repoPath('examples', 'nct05236621', 'screening-eligible.json'), 'utf8')) as Json;
  for (const [path, value] of Object.entries(example.fields)) {
    const keys = path.split('.');
    let node = record;
    for (const key of keys.slice(0, -1)) {
      const child = node[key];
      assert.ok(child !== null && typeof child === 'object', `${path}: no object at ${key}`);
      node = child as Json;
    }
    const last = keys[keys.length - 1];
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return record;
}

describe('NCT05236621 worked examples (eligibility.ts) agree with computeEligibility', () => {
  for (const criterion of NCT05236621_ELIGIBILITY.criteria) {
    it(`${criterion.id}: ${criterion.text}`, () => {
      const examples = NCT05236621_CRITERIA_EXAMPLES[criterion.id] ?? [];
      assert.ok(examples.length > 0, `${criterion.id} has no worked example`);
      for (const example of examples) {
        const outcome = computeEligibility(recordFor(example), NCT05236621_ELIGIBILITY, schema);
        assert.ok(outcome.ok, `${criterion.id} ${JSON.stringify(example.fields)}: ${JSON.stringify(outcome.issues)}`);
        const result = outcome.value.criteria.find((c) => c.id === criterion.id);
        assert.equal(result?.status, example.status, `${criterion.id} ${JSON.stringify(example.fields)} (${example.why}): ${result?.reason ?? ''}`);
      }
    });
  }

  it('has examples only for criteria that exist, each showing met and not met', () => {
    const ids = new Set(NCT05236621_ELIGIBILITY.criteria.map((c) => c.id));
    for (const [id, examples] of Object.entries(NCT05236621_CRITERIA_EXAMPLES)) {
      assert.ok(ids.has(id), `examples for unknown criterion ${id}`);
      const statuses = new Set(examples.map((e) => e.status));
      assert.ok(statuses.has('met') && statuses.has('not met'), `${id}: needs a met and a not-met example`);
    }
  });
});
