import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CHECK_RULES, checkCdiscPackage, type CheckReport } from '../../cdisc/index.js';
import { InputError, issue } from '../../result/index.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { renderTable, toJson } from '../render.js';

const usage = `Usage: trialkit cdisc --check <dir> [--json]
       trialkit cdisc --rules [--json]
       trialkit cdisc --out <dir> ...        (not yet available)

The CDISC submission package: SDTM and ADaM datasets as SAS transport (XPT v5) files with define.xml 2.1.

  --check <dir>  runs the conformance checks over a package folder (its .xpt files and define.xml), or over
                 each sub-folder that holds one (e.g. <dir>/sdtm and <dir>/adam). Prints the findings
                 (rule, severity, dataset, variable, row, message); exits 1 when any is an error, 0 otherwise
  --rules        lists the rules the checks apply, with their sources (SDTMIG, ADaMIG, Define-XML, FDA TCG)
  --out <dir>    writes the package from a trial: not yet available (it waits for the protocol-as-data CRF
                 model); the command says so and exits 2
  --json         the reports as JSON: { packages: [{ package, model, datasets, findings, errors, warnings }],
                 errors, warnings }
`;

const options = { check: { type: 'string' }, out: { type: 'string' }, rules: { type: 'boolean' }, json: { type: 'boolean' } } as const;

/** File name -> bytes for a folder; only .xpt files and define.xml are read, other files are only listed. */
function readPackageFolder(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const needed = name === 'define.xml' || name.toLowerCase().endsWith('.xpt');
    files.set(name, needed ? new Uint8Array(readFileSync(path)) : new Uint8Array());
  }
  return files;
}

function isPackageFolder(dir: string): boolean {
  return readdirSync(dir).some((name) => name === 'define.xml' || name.toLowerCase().endsWith('.xpt'));
}

/** The package folders to check: the folder itself, or its sub-folders that hold a package. */
function packageFolders(root: string): string[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new InputError(`--check ${root}: not a folder`, [issue('not-a-folder', ['--check'], root, 'a folder holding .xpt files and define.xml')]);
  }
  if (isPackageFolder(root)) return [root];
  const children = readdirSync(root)
    .sort()
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isDirectory() && isPackageFolder(path));
  if (children.length === 0) {
    throw new InputError(`--check ${root}: no define.xml or .xpt file in the folder or its sub-folders`, [issue('no-package', ['--check'], root, 'a package folder (define.xml and .xpt files), or sub-folders such as sdtm/ and adam/ holding them')]);
  }
  return children;
}

function renderReport(report: CheckReport): string {
  const head = `${report.package} (${report.model}): ${report.datasets.length} datasets (${report.datasets.map((d) => `${d.name} ${d.rows} rows`).join(', ') || 'none'}); ${report.errors} errors, ${report.warnings} warnings\n`;
  if (report.findings.length === 0) return `${head}no findings\n`;
  const rows = report.findings.map((f) => [f.ruleId, f.severity, f.dataset, f.variable ?? '', f.row === undefined ? '' : String(f.row), f.message]);
  return head + renderTable([['rule', 'severity', 'dataset', 'variable', 'row', 'message'], ...rows]);
}

function runCheck(target: string, json: boolean, io: CliIo): number {
  const root = resolve(target);
  const reports = packageFolders(root).map((dir) => checkCdiscPackage({ name: relative(root, dir) || '.', files: readPackageFolder(dir) }));
  const errors = reports.reduce((sum, r) => sum + r.errors, 0);
  const warnings = reports.reduce((sum, r) => sum + r.warnings, 0);
  if (json) io.out(toJson({ packages: reports, errors, warnings }));
  else io.out(`${reports.map(renderReport).join('\n')}\n${errors === 0 ? 'no errors' : `${errors} errors`}, ${warnings} warnings\n`);
  return errors > 0 ? 1 : 0;
}

export const cdiscCommand: Command = {
  name: 'cdisc',
  usage,
  run(args: readonly string[], io: CliIo): number {
    const { values, positionals } = parseCommandArgs('cdisc', args, options);
    if (positionals.length > 0) {
      throw new InputError(`unexpected argument ${JSON.stringify(positionals[0])}`, [issue('bad-argument', ['argv'], positionals.join(' '), '--check <dir>, --rules or --out <dir>')]);
    }
    const modes = [values.check !== undefined, values.out !== undefined, values.rules === true].filter(Boolean).length;
    if (modes !== 1) {
      throw new InputError('give exactly one of --check <dir>, --rules or --out <dir>', [issue('bad-argument', ['argv'], args.join(' '), 'one of --check <dir>, --rules, --out <dir>')]);
    }
    if (values.out !== undefined) {
      io.err(
        'trialkit cdisc --out: not yet available. Writing the SDTM and ADaM package from a trial waits for the protocol-as-data\n' +
          'CRF model (issue 15); the XPT writer, define.xml writer and checks it will use are in place.\n' +
          'To check an existing package: trialkit cdisc --check <dir>\n',
      );
      return 2;
    }
    if (values.rules === true) {
      if (values.json === true) io.out(toJson(CHECK_RULES));
      else io.out(renderTable([['rule', 'severity', 'checks', 'source'], ...CHECK_RULES.map((r) => [r.id, r.severity, r.description, r.source])]));
      return 0;
    }
    return runCheck(values.check ?? '', values.json === true, io);
  },
};
