import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWellFormedXml, xmlElements } from './parseWellFormedXml.js';

describe('parseWellFormedXml', () => {
  it('reads nested elements, attributes and references', () => {
    const root = parseWellFormedXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &lt;2&gt; &amp; &quot;q&quot;&#10;"><b/><!-- c --><b y="&#x41;">t &amp; u</b></a>\n');
    assert.equal(root.name, 'a');
    assert.equal(root.attributes.x, '1 <2> & "q"\n');
    assert.deepEqual(xmlElements(root, 'b').map((b) => b.attributes.y ?? ''), ['', 'A']);
    assert.equal(root.children[1].text, 't & u');
  });

  it('refuses what is not well-formed', () => {
    for (const bad of ['<a><b></a></b>', '<a x="1" x="2"/>', '<a>&</a>', '<a x="<"/>', '<a>1</a><b/>', '<a>', 'text<a/>', '<a x=1/>', '<a>&bogus;</a>']) {
      assert.throws(() => parseWellFormedXml(bad), Error, bad);
    }
  });
});
