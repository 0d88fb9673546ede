import { childOf, translatedText, walkXml, type XmlTree } from '../define/index.js';

/** What the checks need from define.xml: datasets and their variables, codelists, leaves, and broken references. */
export interface DefineVariableSummary {
  readonly name: string;
  readonly label: string;
  readonly dataType: string;
  readonly length?: number;
  readonly displayFormat?: string;
  readonly order: number;
  readonly codelistOid?: string;
}

export interface DefineDatasetSummary {
  readonly name: string;
  readonly label: string;
  readonly purpose: string;
  readonly class?: string;
  readonly subClass?: string;
  readonly href?: string;
  readonly variables: readonly DefineVariableSummary[];
}

export interface DefineCodelistSummary {
  readonly name: string;
  readonly dataType: string;
  /** null for an external dictionary (MedDRA, ...). */
  readonly values: readonly string[] | null;
}

export interface DefineSummary {
  readonly stylesheetHref?: string;
  readonly datasets: readonly DefineDatasetSummary[];
  readonly codelists: ReadonlyMap<string, DefineCodelistSummary>;
  /** Every def:leaf: id, href, and whether a dataset points to it. */
  readonly leaves: readonly { readonly id: string; readonly href: string; readonly title: string; readonly isDataset: boolean }[];
  /** References that do not resolve, as `element attribute=value: no target`. */
  readonly brokenReferences: readonly string[];
}

const REFERENCES: readonly (readonly [string, string, string])[] = [
  ['ItemRef', 'ItemOID', 'ItemDef'],
  ['CodeListRef', 'CodeListOID', 'CodeList'],
  ['*', 'MethodOID', 'MethodDef'],
  ['*', 'def:CommentOID', 'def:CommentDef'],
  ['*', 'def:StandardOID', 'def:Standard'],
  ['def:DocumentRef', 'leafID', 'def:leaf'],
  ['ItemGroupDef', 'def:ArchiveLocationID', 'def:leaf'],
  ['def:ValueListRef', 'ValueListOID', 'def:ValueListDef'],
  ['def:WhereClauseRef', 'WhereClauseOID', 'def:WhereClauseDef'],
  ['RangeCheck', 'def:ItemOID', 'ItemDef'],
];

function brokenReferences(all: readonly XmlTree[]): string[] {
  const targets = new Map<string, Set<string>>();
  for (const node of all) {
    const id = node.name === 'def:leaf' ? node.attributes.ID : node.attributes.OID;
    if (id === undefined) continue;
    const set = targets.get(node.name) ?? new Set<string>();
    set.add(id);
    targets.set(node.name, set);
  }
  const out: string[] = [];
  for (const node of all) {
    for (const [element, attribute, target] of REFERENCES) {
      const value = node.attributes[attribute];
      if (value === undefined || (element !== '*' && element !== node.name)) continue;
      if (!(targets.get(target)?.has(value) ?? false)) out.push(`${node.name} ${attribute}="${value}": no ${target} with that id`);
    }
  }
  return out;
}

function numberOrUndefined(text: string | undefined): number | undefined {
  return text === undefined || text.trim() === '' ? undefined : Number(text);
}

/** Reads the parts of a parsed define.xml that the conformance checks compare with the XPT files. */
export function readDefineSummary(root: XmlTree, stylesheetHref: string | undefined): DefineSummary {
  const all = [...walkXml(root)];
  const items = new Map(all.filter((n) => n.name === 'ItemDef').map((n) => [n.attributes.OID, n]));
  const leaves = all.filter((n) => n.name === 'def:leaf' && n.attributes.ID !== undefined);
  const datasetLeafIds = new Set<string>();
  const datasets: DefineDatasetSummary[] = all
    .filter((n) => n.name === 'ItemGroupDef')
    .map((group) => {
      const leaf = childOf(group, 'def:leaf') ?? leaves.find((l) => l.attributes.ID === group.attributes['def:ArchiveLocationID']);
      if (leaf !== undefined) datasetLeafIds.add(leaf.attributes.ID);
      const classNode = childOf(group, 'def:Class');
      const variables = group.children
        .filter((c) => c.name === 'ItemRef')
        .flatMap((ref, index): DefineVariableSummary[] => {
          const item = items.get(ref.attributes.ItemOID);
          if (item === undefined) return [];
          return [
            {
              name: item.attributes.Name ?? '',
              label: translatedText(item) ?? '',
              dataType: item.attributes.DataType ?? '',
              length: numberOrUndefined(item.attributes.Length),
              displayFormat: item.attributes['def:DisplayFormat'],
              order: numberOrUndefined(ref.attributes.OrderNumber) ?? index + 1,
              codelistOid: childOf(item, 'CodeListRef')?.attributes.CodeListOID,
            },
          ];
        });
      return {
        name: group.attributes.Name ?? '',
        label: translatedText(group) ?? '',
        purpose: group.attributes.Purpose ?? '',
        class: classNode?.attributes.Name ?? group.attributes['def:Class'],
        subClass: classNode === undefined ? undefined : childOf(classNode, 'def:SubClass')?.attributes.Name,
        href: leaf?.attributes['xlink:href'],
        variables,
      };
    });
  const codelists = new Map<string, DefineCodelistSummary>(
    all
      .filter((n) => n.name === 'CodeList')
      .map((n) => [
        n.attributes.OID,
        {
          name: n.attributes.Name ?? '',
          dataType: n.attributes.DataType ?? 'text',
          values: childOf(n, 'ExternalCodeList') !== undefined ? null : n.children.filter((c) => c.name === 'CodeListItem' || c.name === 'EnumeratedItem').map((c) => c.attributes.CodedValue),
        },
      ]),
  );
  return {
    stylesheetHref,
    datasets,
    codelists,
    leaves: leaves.map((l) => ({ id: l.attributes.ID, href: l.attributes['xlink:href'] ?? '', title: childOf(l, 'def:title')?.text ?? '', isDataset: datasetLeafIds.has(l.attributes.ID) })),
    brokenReferences: brokenReferences(all),
  };
}
