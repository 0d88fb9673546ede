import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleAdamPackage, sampleSdtmPackage } from '../../testing/index.js';
import { createDefineXml, defineOid } from './createDefineXml.js';
import { parseXmlTree, translatedText, walkXml, type XmlTree } from './parseXmlTree.js';
import type { DefinePackage } from './types.js';

function parsed(pkg: DefinePackage): { text: string; root: XmlTree; all: XmlTree[] } {
  const out = createDefineXml(pkg);
  assert.ok(out.ok, JSON.stringify(out.issues));
  const tree = parseXmlTree(out.value, 'define.xml');
  assert.ok(tree.ok, JSON.stringify(tree.issues));
  return { text: out.value, root: tree.value, all: [...walkXml(tree.value)] };
}

/** OID-bearing elements by kind, and every reference to them, checked in both directions. */
function checkReferences(all: XmlTree[]): string[] {
  const defined = (name: string, attribute = 'OID'): Set<string> => new Set(all.filter((n) => n.name === name).map((n) => n.attributes[attribute]));
  const targets: Record<string, Set<string>> = {
    ItemDef: defined('ItemDef'),
    CodeList: defined('CodeList'),
    MethodDef: defined('MethodDef'),
    'def:CommentDef': defined('def:CommentDef'),
    'def:Standard': defined('def:Standard'),
    'def:leaf': defined('def:leaf', 'ID'),
    'def:ValueListDef': defined('def:ValueListDef'),
    'def:WhereClauseDef': defined('def:WhereClauseDef'),
  };
  const refs: [string, string, string][] = [
    ['ItemRef', 'ItemOID', 'ItemDef'],
    ['CodeListRef', 'CodeListOID', 'CodeList'],
    ['ItemRef', 'MethodOID', 'MethodDef'],
    ['*', 'def:CommentOID', 'def:CommentDef'],
    ['*', 'def:StandardOID', 'def:Standard'],
    ['def:DocumentRef', 'leafID', 'def:leaf'],
    ['ItemGroupDef', 'def:ArchiveLocationID', 'def:leaf'],
    ['def:ValueListRef', 'ValueListOID', 'def:ValueListDef'],
    ['def:WhereClauseRef', 'WhereClauseOID', 'def:WhereClauseDef'],
    ['RangeCheck', 'def:ItemOID', 'ItemDef'],
  ];
  const problems: string[] = [];
  const used = new Set<string>();
  for (const node of all) {
    for (const [element, attribute, target] of refs) {
      const value = node.attributes[attribute];
      if ((element === '*' || node.name === element) && value !== undefined) {
        used.add(`${target}:${value}`);
        if (!targets[target].has(value)) problems.push(`${node.name} ${attribute}=${value}: no ${target}`);
      }
    }
  }
  for (const [target, oids] of Object.entries(targets)) {
    if (['def:Standard', 'def:leaf'].includes(target)) continue;
    for (const oid of oids) if (!used.has(`${target}:${oid}`)) problems.push(`${target} ${oid} is never referenced`);
  }
  const oids = all.map((n) => n.attributes.OID).filter((o) => o !== undefined);
  const duplicates = oids.filter((o, i) => oids.indexOf(o) !== i);
  if (duplicates.length > 0) problems.push(`duplicate OIDs ${duplicates.join(', ')}`);
  return problems;
}

describe('createDefineXml', () => {
  for (const [model, sample] of [['SDTM', sampleSdtmPackage], ['ADaM', sampleAdamPackage]] as const) {
    it(`${model}: well-formed ODM 1.3.2 / Define-XML 2.1 with the stylesheet instruction`, () => {
      const { text, root } = parsed(sample().define);
      assert.match(text, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<\?xml-stylesheet type="text\/xsl" href="define2-1\.xsl"\?>\n<ODM /);
      assert.equal(root.name, 'ODM');
      assert.equal(root.attributes.xmlns, 'http://www.cdisc.org/ns/odm/v1.3');
      assert.equal(root.attributes['xmlns:def'], 'http://www.cdisc.org/ns/def/v2.1');
      assert.equal(root.attributes.ODMVersion, '1.3.2');
      const mdv = root.children[0].children[1];
      assert.equal(mdv.name, 'MetaDataVersion');
      assert.equal(mdv.attributes['def:DefineVersion'], '2.1.0');
    });

    it(`${model}: every reference resolves, every definition is used, OIDs are unique`, () => {
      assert.deepEqual(checkReferences(parsed(sample().define).all), []);
    });

    it(`${model}: MetaDataVersion children in the order of the Define-XML 2.1 schema`, () => {
      const { root } = parsed(sample().define);
      const order = ['def:Standards', 'def:AnnotatedCRF', 'def:SupplementalDoc', 'def:ValueListDef', 'def:WhereClauseDef', 'ItemGroupDef', 'ItemDef', 'CodeList', 'MethodDef', 'def:CommentDef', 'def:leaf'];
      const ranks = root.children[0].children[1].children.map((c) => order.indexOf(c.name));
      assert.ok(!ranks.includes(-1), 'unknown element');
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
    });

    it(`${model}: each dataset and variable of the package is described with its metadata`, () => {
      const pkg = sample().define;
      const { all } = parsed(pkg);
      for (const dataset of pkg.datasets) {
        const group = all.find((n) => n.name === 'ItemGroupDef' && n.attributes.Name === dataset.name);
        assert.ok(group !== undefined, dataset.name);
        assert.equal(group.attributes.Purpose, model === 'SDTM' ? 'Tabulation' : 'Analysis');
        assert.equal(group.attributes['def:Structure'], dataset.structure);
        assert.equal(translatedText(group), dataset.label);
        assert.equal(group.children.find((c) => c.name === 'def:Class')?.attributes.Name, dataset.class);
        const leaf = group.children.find((c) => c.name === 'def:leaf');
        assert.equal(leaf?.attributes['xlink:href'], dataset.file);
        const refs = group.children.filter((c) => c.name === 'ItemRef');
        assert.deepEqual(refs.map((r) => r.attributes.ItemOID), dataset.variables.map((v) => defineOid.variable(dataset.name, v.name)));
        assert.deepEqual(refs.filter((r) => r.attributes.KeySequence !== undefined).map((r) => r.attributes.ItemOID.split('.')[2]), dataset.keys);
        for (const variable of dataset.variables) {
          const item = all.find((n) => n.name === 'ItemDef' && n.attributes.OID === defineOid.variable(dataset.name, variable.name));
          assert.ok(item !== undefined);
          assert.equal(item.attributes.Name, variable.name);
          assert.equal(item.attributes.SASFieldName, variable.name);
          assert.equal(item.attributes.DataType, variable.dataType);
          assert.equal(item.attributes.Length, variable.length === undefined ? undefined : String(variable.length));
          assert.equal(translatedText(item), variable.label);
          assert.equal(item.children.find((c) => c.name === 'def:Origin')?.attributes.Type, variable.origin.type);
        }
      }
    });
  }

  it('writes value-level metadata as a value list with where clauses on PARAMCD', () => {
    const { all } = parsed(sampleAdamPackage().define);
    const list = all.find((n) => n.name === 'def:ValueListDef' && n.attributes.OID === 'VL.ADTTE.AVAL');
    assert.deepEqual(list?.children.map((c) => [c.attributes.ItemOID, c.attributes.MethodOID, c.children[0].attributes.WhereClauseOID]), [
      ['IT.ADTTE.AVAL.PFS', 'MT.AVAL.PFS', 'WC.ADTTE.AVAL.PFS'],
      ['IT.ADTTE.AVAL.OS', 'MT.AVAL.OS', 'WC.ADTTE.AVAL.OS'],
    ]);
    const clause = all.find((n) => n.name === 'def:WhereClauseDef' && n.attributes.OID === 'WC.ADTTE.AVAL.PFS');
    const check = clause?.children[0];
    assert.deepEqual([check?.attributes.Comparator, check?.attributes['def:ItemOID'], check?.children.map((c) => c.text)], ['EQ', 'IT.ADTTE.PARAMCD', ['PFS']]);
    const aval = all.find((n) => n.name === 'ItemDef' && n.attributes.OID === 'IT.ADTTE.AVAL');
    assert.equal(aval?.children.find((c) => c.name === 'def:ValueListRef')?.attributes.ValueListOID, 'VL.ADTTE.AVAL');
  });

  it('writes origins: collected with aCRF pages, predecessor, derived with its method', () => {
    const sdtm = parsed(sampleSdtmPackage().define).all;
    const sex = sdtm.find((n) => n.attributes.OID === 'IT.DM.SEX');
    const origin = sex?.children.find((c) => c.name === 'def:Origin');
    assert.deepEqual([origin?.attributes.Type, origin?.attributes.Source, origin?.children[0].attributes.leafID, origin?.children[0].children[0].attributes.PageRefs], ['Collected', 'Investigator', 'LF.ACRF', '1']);
    const adam = parsed(sampleAdamPackage().define).all;
    const age = adam.find((n) => n.attributes.OID === 'IT.ADSL.AGE')?.children.find((c) => c.name === 'def:Origin');
    assert.deepEqual([age?.attributes.Type, age === undefined ? undefined : translatedText(age)], ['Predecessor', 'DM.AGE']);
    const ref = adam.find((n) => n.name === 'ItemRef' && n.attributes.ItemOID === 'IT.ADSL.TRTSDT');
    assert.equal(ref?.attributes.MethodOID, 'MT.TRTSDT');
    const trtsdt = adam.find((n) => n.attributes.OID === 'IT.ADSL.TRTSDT');
    assert.deepEqual([trtsdt?.attributes.DataType, trtsdt?.attributes['def:DisplayFormat']], ['integer', 'DATE9.']);
  });

  it('writes codelists with NCI codes, decodes and the CT standard', () => {
    const { all } = parsed(sampleSdtmPackage().define);
    const sex = all.find((n) => n.name === 'CodeList' && n.attributes.OID === 'CL.SEX');
    assert.equal(sex?.attributes['def:StandardOID'], 'STD.CT.SDTM.2024-03-29');
    assert.deepEqual(sex?.children.at(-1)?.attributes, { Context: 'nci:ExtCodeID', Name: 'C66731' });
    const female = sex?.children[0];
    assert.deepEqual([female?.name, female?.attributes.CodedValue, female === undefined ? undefined : translatedText(female, 'Decode')], ['CodeListItem', 'F', 'Female']);
    const ageu = all.find((n) => n.name === 'CodeList' && n.attributes.OID === 'CL.AGEU');
    assert.deepEqual(ageu?.children.map((c) => c.name), ['EnumeratedItem', 'Alias']);
    const standards = all.filter((n) => n.name === 'def:Standard').map((n) => [n.attributes.Name, n.attributes.Type, n.attributes.Version, n.attributes.PublishingSet]);
    assert.deepEqual(standards, [['SDTMIG', 'IG', '3.4', undefined], ['CDISC/NCI', 'CT', '2024-03-29', 'SDTM']]);
  });

  it('escapes markup in text and attributes', () => {
    const pkg = sampleSdtmPackage().define;
    const tricky: DefinePackage = { ...pkg, study: { ...pkg.study, description: 'A & B <"quoted"> \'it\'' }, methods: pkg.methods.map((m, i) => (i === 0 ? { ...m, description: 'x < y && y > z\nnext line' } : m)) };
    const { all } = parsed(tricky);
    assert.equal(all.find((n) => n.name === 'StudyDescription')?.text, 'A & B <"quoted"> \'it\'');
    assert.equal(translatedText(all.find((n) => n.name === 'MethodDef') as XmlTree), 'x < y && y > z\nnext line');
  });

  it('refuses a package with broken references or rules, naming the path', () => {
    const pkg = sampleAdamPackage().define;
    const [adsl, adtte] = pkg.datasets;
    const broken: DefinePackage = {
      ...pkg,
      creationDateTime: '06/12/2026',
      datasets: [
        { ...adsl, file: 'ADSL.xpt', keys: ['STUDYID', 'SUBJECT'], variables: adsl.variables.map((v) => (v.name === 'TRTSDT' ? { ...v, methodId: undefined } : v.name === 'SEX' ? { ...v, codelistId: 'CL.GENDER' } : v)) },
        { ...adtte, variables: adtte.variables.map((v) => (v.name === 'AVAL' ? { ...v, valueLevel: [{ ...(v.valueLevel ?? [])[0], where: [{ variable: 'PARAMX', comparator: 'EQ' as const, values: ['PFS', 'OS'] }] }] } : v)) },
      ],
      codelists: pkg.codelists.map((c) => (c.id === 'CL.CNSR' ? { ...c, items: [{ value: '0', decode: 'Event' }, { value: '1' }] } : c)),
    };
    const out = createDefineXml(broken);
    assert.equal(out.ok, false);
    const errors = out.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.path.join('.')]);
    assert.deepEqual(errors, [
      ['bad-datetime', 'creationDateTime'],
      ['bad-file-name', 'datasets.0.file'],
      ['unknown-reference', 'datasets.0.variables.6.codelistId'],
      ['missing-method', 'datasets.0.variables.11.methodId'],
      ['unknown-key', 'datasets.0.keys.1'],
      ['unknown-variable', 'datasets.1.variables.4.valueLevel.0.where.0.variable'],
      ['bad-where-values', 'datasets.1.variables.4.valueLevel.0.where.0.values'],
      ['partial-decodes', 'codelists.4.items'],
    ]);
    const warnings = out.issues.filter((i) => i.severity === 'warning').map((i) => [i.code, i.value]);
    assert.deepEqual(warnings, [
      ['unused', 'MT.TRTSDT'],
      ['unused', 'MT.AVAL.OS'],
      ['unused', 'CL.SEX'],
    ]);
  });
});
