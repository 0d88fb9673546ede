import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { failure, issue, success, type Outcome } from '../../result/index.js';

/** An element of a parsed XML document: its attributes, its child elements in order, and its text. */
export interface XmlTree {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlTree[];
  readonly text: string;
}

type Ordered = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function convert(node: Ordered): XmlTree | null {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (name === undefined || name === '#text') return null;
  const content = node[name] as Ordered[];
  const attributes = (node[':@'] ?? {}) as Record<string, string>;
  const children: XmlTree[] = [];
  let text = '';
  for (const child of content) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const converted = convert(child);
      if (converted !== null) children.push(converted);
    }
  }
  return { name, attributes, children, text: children.length > 0 ? '' : text };
}

/** Parses an XML document (fast-xml-parser) into a tree; a document that is not well-formed returns an issue with its line. */
export function parseXmlTree(text: string, file: string): Outcome<XmlTree> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return failure([issue('not-well-formed', [file, valid.err.line, valid.err.col], valid.err.code, `well-formed XML: ${valid.err.msg}`)]);
  }
  const roots = (parser.parse(text) as Ordered[]).map(convert).filter((n): n is XmlTree => n !== null);
  if (roots.length !== 1) return failure([issue('not-well-formed', [file], roots.length, 'one root element')]);
  return success(roots[0]);
}

/** Every element of a tree, depth first, the root included. */
export function* walkXml(node: XmlTree): Generator<XmlTree> {
  yield node;
  for (const child of node.children) yield* walkXml(child);
}

/** The first child element of a name, or undefined. */
export function childOf(node: XmlTree, name: string): XmlTree | undefined {
  return node.children.find((c) => c.name === name);
}

/** The English TranslatedText of a Description (or Decode) child. */
export function translatedText(node: XmlTree, container = 'Description'): string | undefined {
  const holder = childOf(node, container);
  return holder === undefined ? undefined : childOf(holder, 'TranslatedText')?.text;
}
