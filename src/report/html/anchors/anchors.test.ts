import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HTML_FIGURE_LINKS, subjectAnchor, subjectListAnchor, subjectListAnchors } from './index.js';

describe('anchors', () => {
  it('gives a set of subjects one id whatever the order or repeats', () => {
    assert.equal(subjectListAnchor(['B', 'A', 'B']), subjectListAnchor(['A', 'B']));
    assert.notEqual(subjectListAnchor(['A', 'B']), subjectListAnchor(['A', 'C']));
    assert.notEqual(subjectListAnchor(['A']), subjectListAnchor(['A', 'B']));
    assert.match(subjectListAnchor(['A', 'B']), /^sl-2-[0-9a-f]{8}$/);
  });

  it('hashes the sorted ids joined by NUL (FNV-1a, 32 bits), as the anchors have always been made', () => {
    const fnv1a = (text: string) => {
      let hash = 0x811c9dc5;
      for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
      return hash.toString(16).padStart(8, '0');
    };
    const lists = [[], ['A'], ['A', 'B'], ['', 'x'], ['NCT-001-0001', 'NCT-001-0002', 'NCT-002-0417'], Array.from({ length: 3000 }, (_, i) => `S-${String(i).padStart(5, '0')}`)];
    for (const ids of lists) assert.equal(subjectListAnchor(ids), `sl-${ids.length}-${fnv1a(ids.join('\u0000'))}`);
  });

  it('makes subject ids safe for an id attribute and builds the figure links from them', () => {
    assert.equal(subjectAnchor('ST 1/C01-001'), 's-ST_1_C01-001');
    assert.equal(HTML_FIGURE_LINKS.subject('X-1'), '#s-X-1');
    assert.equal(HTML_FIGURE_LINKS.subjects(['b', 'a']), `#${subjectListAnchor(['a', 'b'])}`);
  });
  it("gives one report's lists subjectListAnchor's anchors, remembering lists by content", () => {
    const anchorOf = subjectListAnchors();
    const lists: (readonly string[])[] = [
      Object.freeze(['A-1', 'A-2', 'A-3']),
      ['A-1', 'A-2', 'A-3'],
      Object.freeze(['A-3', 'A-1', 'A-2', 'A-1']),
      // The same length, first, middle and last ids, and other ids between: remembered apart.
      Object.freeze(['A-1', 'A-2', 'A-5', 'A-7', 'B-0']),
      Object.freeze(['A-1', 'A-3', 'A-5', 'A-7', 'B-0']),
      Object.freeze([]),
      [],
    ];
    for (const round of [1, 2]) for (const [i, list] of lists.entries()) assert.equal(anchorOf(list), subjectListAnchor(list), `round ${round}, list ${i}`);
    assert.notEqual(anchorOf(lists[3]), anchorOf(lists[4]));
  });
});

