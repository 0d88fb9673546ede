/** A minimal XML writer: escaped text and attributes, two-space indentation, nothing else. */

export type XmlAttributes = Readonly<Record<string, string | number | undefined>>;

export interface XmlNode {
  readonly name: string;
  readonly attributes?: XmlAttributes;
  readonly children?: readonly XmlNode[];
  /** Text content (escaped); an element has text or children, not both. */
  readonly text?: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\n\r\t]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      default:
        return `&#${c.charCodeAt(0)};`;
    }
  });
}

/** Text content keeps its line breaks (a method's description, code); attributes never do. */
function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function el(name: string, attributes?: XmlAttributes, children?: readonly (XmlNode | undefined | false)[]): XmlNode {
  return { name, attributes, children: children?.filter((c): c is XmlNode => c !== undefined && c !== false) };
}

export function textEl(name: string, text: string, attributes?: XmlAttributes): XmlNode {
  return { name, attributes, text };
}

function renderAttributes(attributes: XmlAttributes | undefined): string {
  if (attributes === undefined) return '';
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
}

export function renderXml(node: XmlNode, depth = 0, out: string[] = []): string[] {
  const pad = '  '.repeat(depth);
  const open = `${pad}<${node.name}${renderAttributes(node.attributes)}`;
  if (node.text !== undefined) out.push(`${open}>${escapeText(node.text)}</${node.name}>`);
  else if (node.children === undefined || node.children.length === 0) out.push(`${open}/>`);
  else {
    out.push(`${open}>`);
    for (const child of node.children) renderXml(child, depth + 1, out);
    out.push(`${pad}</${node.name}>`);
  }
  return out;
}
