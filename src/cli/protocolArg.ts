import { findProtocol, listProtocols, type ProtocolModule } from '../protocols/index.js';
import { InputError, issue } from '../result/index.js';

/**
 * The protocol a command works on, from its --protocol flag. Commands that need a protocol never guess
 * one silently: `fallback` is passed only by the commands whose documented default is the embedded demo
 * trial (report, reproduce, serve --demo).
 */
export function protocolArg(raw: string | undefined, fallback?: string): ProtocolModule {
  const id = raw ?? fallback;
  const known = listProtocols().map((module) => module.definition.id);
  if (id === undefined)
    throw new InputError(`--protocol is required (one of ${known.join(', ')}; \`trialkit protocols\` lists them)`, [
      issue('missing-protocol', ['--protocol'], undefined, `one of ${known.join(', ')}`),
    ]);
  const found = findProtocol(id);
  if (found === undefined)
    throw new InputError(`unknown protocol ${JSON.stringify(id)}; expected one of ${known.join(', ')} (\`trialkit protocols\` lists them)`, [
      issue('unknown-protocol', ['--protocol'], id, `one of ${known.join(', ')}`),
    ]);
  return found;
}
