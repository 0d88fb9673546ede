import { listProtocols } from '../../protocols/index.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { renderTable, toJson } from '../render.js';

const USAGE = `Usage: trialkit protocols [--json]

Lists the protocols this trialkit can run, each one folder of src/protocols/: its id (what --protocol
takes), registry id, version, title, phase and design, response criteria, regimen, primary analysis,
and whether it ships a synthetic demo trial and a publication that \`trialkit reproduce\` compares with.

Options:
  --json   { "protocols": [{ "id", "registryId", "version", "title", "phase", "design", "indication",
           "responseCriteria", "drugs", "primaryDesign", "demo", "publication" }] }
`;

export const protocolsCommand: Command = {
  name: 'protocols',
  usage: USAGE,
  run: (args, io) => {
    const parsed = parseCommandArgs('protocols', args, { json: { type: 'boolean', default: false } });
    const protocols = listProtocols().map((module) => {
      const p = module.definition;
      const design = p.analysisPlan.design;
      return {
        id: p.id,
        registryId: p.identity.registryId,
        version: p.version,
        title: p.identity.title,
        phase: p.identity.phase,
        design: p.identity.design,
        indication: p.identity.indication,
        responseCriteria: p.response.scale.id,
        drugs: p.regimen.drugs.map((drug) => ({ id: drug.id, label: drug.label, role: drug.role })),
        primaryDesign:
          design.kind === 'simon-two-stage'
            ? { kind: design.kind, optimality: design.optimality, p0: design.p0, p1: design.p1, alpha: design.alpha, power: design.power, n1: design.n1, r1: design.r1, n: design.n, r: design.r }
            : { kind: design.kind, p0: design.p0, p1: design.p1, alpha: design.alpha, power: design.power, sampleSize: design.sampleSize },
        demo: module.demo !== undefined,
        publication: module.publication !== undefined,
      };
    });
    if (parsed.values.json === true) {
      io.out(toJson({ protocols }));
      return 0;
    }
    const rows = [
      ['id', 'registry id', 'version', 'response', 'drugs', 'design', 'demo', 'publication'],
      ...protocols.map((p) => [
        p.id,
        p.registryId,
        p.version,
        p.responseCriteria,
        p.drugs.map((d) => d.id).join(' + '),
        p.primaryDesign.kind === 'simon-two-stage' ? `Simon ${p.primaryDesign.optimality} p0 ${p.primaryDesign.p0} vs p1 ${p.primaryDesign.p1}` : `exact p0 ${p.primaryDesign.p0} vs p1 ${p.primaryDesign.p1}`,
        p.demo ? 'yes' : 'no',
        p.publication ? 'yes' : 'no',
      ]),
    ];
    io.out(`${renderTable(rows)}\n\n${protocols.map((p) => `${p.id}: ${p.title}`).join('\n')}\n`);
    return 0;
  },
};
