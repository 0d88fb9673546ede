import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HTML_FIGURE_LINKS, subjectAnchor, subjectListAnchor } from './index.js';

describe('anchors', () => {
  it('gives a set of subjects one id whatever the order or repeats', () => {
    assert.equal(subjectListAnchor(['B', 'A', 'B']), subjectListAnchor(['A', 'B']));
    assert.notEqual(subjectListAnchor(['A', 'B']), subjectListAnchor(['A', 'C']));
    assert.notEqual(subjectListAnchor(['A']), subjectListAnchor(['A', 'B']));
    assert.match(subjectListAnchor(['A', 'B']), /^sl-2-[0-9a-f]{8}$/);
  });

  it('makes subject ids safe for an id attribute and builds the figure links from them', () => {
    assert.equal(subjectAnchor('ST 1/C01-001'), 's-ST_1_C01-001');
    assert.equal(HTML_FIGURE_LINKS.subject('X-1'), '#s-X-1');
    assert.equal(HTML_FIGURE_LINKS.subjects(['b', 'a']), `#${subjectListAnchor(['a', 'b'])}`);
  });
});
