/**
 * A small strict reader for the XML trialkit writes (no DTD, no CDATA, no processing instructions beyond
 * the declaration): it checks well-formedness (one root, tags nested and closed, attributes quoted and
 * unique, `&` only in entity or character references, no `<` in values) and returns the element tree with
 * references resolved. It lets the tests check the ODM export without a parser package.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

const NAME = '[A-Za-z_][A-Za-z0-9._:-]*';
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`${where}: a raw '<'`);
  return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`${where}: an '&' that starts no reference`);
    if (ref in ENTITIES) return ENTITIES[ref];
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
    if (numeric === null) throw new Error(`${where}: unknown reference &${ref};`);
    return String.fromCodePoint(numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]));
  });
}

export function parseWellFormedXml(text: string): XmlElement {
  let pos = 0;
  const declaration = /^<\?xml\s+version="1\.0"(?:\s+encoding="[A-Za-z0-9._-]+")?\s*\?>\s*/.exec(text);
  if (declaration !== null) pos = declaration[0].length;
  const tag = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"]*")*)\\s*(/?)>`, 'y');
  const attribute = new RegExp(`(${NAME})\\s*=\\s*"([^"]*)"`, 'g');
  interface Open {
    name: string;
    attributes: Record<string, string>;
    children: XmlElement[];
    text: string;
  }
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunk = text.slice(pos, lt < 0 ? text.length : lt);
    if (stack.length === 0) {
      if (chunk.trim() !== '') throw new Error(`text outside the root element at ${pos}`);
    } else {
      stack[stack.length - 1].text += decode(chunk, `text at ${pos}`);
    }
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) throw new Error(`unclosed comment at ${lt}`);
      pos = end + 3;
      continue;
    }
    tag.lastIndex = lt;
    const match = tag.exec(text);
    if (match === null) throw new Error(`malformed tag at ${lt}: ${text.slice(lt, lt + 60)}`);
    pos = tag.lastIndex;
    const [, closing, name, attributeText, selfClosing] = match;
    if (closing === '/') {
      if (attributeText !== '' || selfClosing === '/') throw new Error(`malformed end tag at ${lt}`);
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> at ${lt} closes <${open?.name ?? '(nothing)'}>`);
      const element: XmlElement = { name: open.name, attributes: open.attributes, children: open.children, text: open.text };
      if (stack.length === 0) root = element;
      else stack[stack.length - 1].children.push(element);
      continue;
    }
    if (root !== undefined) throw new Error(`a second root element at ${lt}`);
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText.matchAll(attribute)) {
      if (key in attributes) throw new Error(`attribute ${key} twice on <${name}> at ${lt}`);
      attributes[key] = decode(value, `attribute ${key} of <${name}> at ${lt}`);
    }
    const open: Open = { name, attributes, children: [], text: '' };
    if (selfClosing === '/') {
      const element: XmlElement = { name, attributes, children: [], text: '' };
      if (stack.length === 0) root = element;
      else stack[stack.length - 1].children.push(element);
    } else {
      stack.push(open);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (root === undefined) throw new Error('no root element');
  return root;
}

/** Every element named `name` below (and including) `element`, in document order. */
export function xmlElements(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = element.name === name ? [element] : [];
  for (const child of element.children) found.push(...xmlElements(child, name));
  return found;
}
