import { checkProtocol } from '../../clinical/index.js';
import { formatPath, InputError, issue } from '../../result/index.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { protocolArg } from '../protocolArg.js';
import { toJson } from '../render.js';

const USAGE = `Usage: trialkit protocol check <id> [--json]

Checks that a protocol's definition is consistent: every form field's code list exists, every visit's
forms, every endpoint's evaluator, every analysis's endpoint, population and subgroup variable, every
criterion's screening item, every regimen ladder holds its starting dose, every CDISC name fits.
Each fault is printed with its path in the definition (e.g. forms[3].fields[2].codelist).

Exit status: 0 when consistent, 1 when a fault is found, 2 for an unknown protocol or bad arguments.
`;

export const protocolCommand: Command = {
  name: 'protocol',
  usage: USAGE,
  run: (args, io) => {
    const parsed = parseCommandArgs('protocol', args, { json: { type: 'boolean', default: false } });
    const [action, id, ...rest] = parsed.positionals;
    if (action !== 'check' || id === undefined || rest.length > 0)
      throw new InputError(`expected \`trialkit protocol check <id>\`\n\n${USAGE}`, [issue('bad-argument', ['argv'], args.join(' '), 'protocol check <id>')]);
    const definition = protocolArg(id).definition;
    const faults = checkProtocol(definition);
    if (parsed.values.json === true) {
      io.out(toJson({ protocol: definition.id, version: definition.version, consistent: faults.length === 0, faults: faults.map((f) => ({ path: formatPath(f.path), value: f.value, expected: f.expected })) }));
      return faults.length === 0 ? 0 : 1;
    }
    if (faults.length === 0) {
      io.out(`${definition.id} ${definition.version}: consistent (${definition.forms.length} forms, ${definition.codelists.length} code lists, ${definition.endpoints.length} endpoints, ${definition.eligibility.criteria.length} criteria)\n`);
      return 0;
    }
    io.out(`${definition.id} ${definition.version}: ${faults.length} fault(s)\n`);
    for (const fault of faults) io.out(`  ${formatPath(fault.path)} = ${JSON.stringify(fault.value)}: expected ${fault.expected}\n`);
    return 1;
  },
};
