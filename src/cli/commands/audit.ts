import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openStore, verifyAuditChain } from '../../store/index.js';
import { InputError, issue } from '../../result/index.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { toJson } from '../render.js';

const usage = `Usage: trialkit audit verify [--data <dir> | --database-url <url>] [--json]

Checks the EDC database's audit trail: every row's prev_hash must be the hash of the row before it,
and its hash sha256(prev_hash || content) recomputed here. Prints the rows checked and OK, or the first
broken row and why, and exits 1.

  --data <dir>          embedded database folder (default ./trialkit-data)
  --database-url <url>  a PostgreSQL server instead (DATABASE_URL when neither option is given)
  --json                { ok, rows, firstBrokenId?, reason? }
`;

const options = { data: { type: 'string' }, 'database-url': { type: 'string' }, json: { type: 'boolean' } } as const;

export const auditCommand: Command = {
  name: 'audit',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('audit', args, options);
    if (positionals[0] !== 'verify' || positionals.length > 1) {
      throw new InputError(`trialkit audit: expected the subcommand verify, got ${JSON.stringify(positionals.join(' '))}`, [
        issue('unknown-subcommand', ['argv'], positionals.join(' '), 'verify'),
      ]);
    }
    if (values.data !== undefined && values['database-url'] !== undefined) {
      throw new InputError('trialkit audit verify: give --data or --database-url, not both', [issue('conflicting-options', ['--data'], values.data, 'either --data or --database-url')]);
    }
    const envUrl = process.env.DATABASE_URL;
    const databaseUrl = values['database-url'] ?? (values.data === undefined && envUrl !== undefined && envUrl !== '' ? envUrl : undefined);
    const dataDir = resolve(values.data ?? 'trialkit-data');
    if (databaseUrl === undefined && !existsSync(join(dataDir, 'PG_VERSION'))) {
      throw new InputError(`--data ${dataDir}: not an embedded trialkit database folder`, [issue('missing-database', ['--data'], dataDir, 'the data folder of trialkit serve (holding PG_VERSION)')]);
    }
    const store = await openStore(databaseUrl !== undefined ? { databaseUrl } : { dataDir });
    try {
      const report = await verifyAuditChain(store);
      if (values.json === true) io.out(toJson(report));
      else if (report.ok) io.out(`audit trail OK: ${report.rows} rows checked, hash chain intact\n`);
      else io.out(`audit trail BROKEN at audit_id ${String(report.firstBrokenId)} (${String(report.reason)}); ${report.rows} rows before it are intact\n`);
      return report.ok ? 0 : 1;
    } finally {
      await store.close();
    }
  },
};
