import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CHECK_RULES, checkCdiscPackage, STANDARD_FIELDS_NOT_MAPPED, type CheckReport } from '../../cdisc/index.js';
import { buildCdiscPackage } from '../../publish/index.js';
import { formatIssue, InputError, issue } from '../../result/index.js';
import { numberArg, parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { renderTable, toJson } from '../render.js';
import { loadTrialOptions } from '../trialArg.js';

const usage = `Usage: trialkit cdisc --out <dir> [--protocol <id>] [--trial demo|<folder>|<file.json>|<data-folder>|<postgres-url>] [--snapshot <name>] [--seed <n>] [--json]
       trialkit cdisc --check <dir> [--json]
       trialkit cdisc --rules [--json]

The CDISC submission package: SDTM and ADaM datasets as SAS transport (XPT v5) files with define.xml 2.1.

  --check <dir>  runs the conformance checks over a package folder (its .xpt files and define.xml), or over
                 each sub-folder that holds one (e.g. <dir>/sdtm and <dir>/adam). Prints the findings
                 (rule, severity, dataset, variable, row, message); exits 1 when any is an error, 0 otherwise
  --rules        lists the rules the checks apply, with their sources (SDTMIG, ADaMIG, Define-XML, FDA TCG)
  --out <dir>    writes the package of a trial: <dir>/sdtm/*.xpt and <dir>/adam/*.xpt (SAS transport v5),
                 each folder with define.xml (Define-XML 2.1) and its stylesheet define2-1.xsl; then runs
                 the checks of --check on what it wrote and prints them (exit 1 on an error). A synthetic
                 trial's files say SYNTHETIC (define.xml study, dataset labels)
  --protocol <id>  with --out: the protocol whose demo trial to write (default: the embedded demo's), or
                 the protocol another --trial must follow
  --trial <src>  with --out: demo (default), a folder with trial.json, a TrialData JSON file, or an EDC
                 database (data folder or PostgreSQL URL), as \`trialkit report\`
  --snapshot <name>  with a database: read this snapshot
  --seed <n>     seed of the demo trial
  --json         the reports as JSON: { packages: [{ package, model, datasets, findings, errors, warnings }],
                 errors, warnings }
`;

const options = {
  check: { type: 'string' },
  out: { type: 'string' },
  rules: { type: 'boolean' },
  json: { type: 'boolean' },
  protocol: { type: 'string' },
  trial: { type: 'string' },
  snapshot: { type: 'string' },
  seed: { type: 'string' },
} as const;

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

async function runOut(values: { out?: string; protocol?: string; trial?: string; snapshot?: string; seed?: string; json?: boolean }, io: CliIo): Promise<number> {
  const out = resolve(values.out ?? '');
  const seed = values.seed === undefined ? undefined : numberArg('cdisc', '--seed', values.seed, 0, { integer: true, min: 0 });
  const source = await loadTrialOptions(values, seed);
  // The edge stamps the time; the core reads no clock. The EDC's export builds the same way (buildCdiscPackage).
  const built = buildCdiscPackage(source.trial, source.protocol, new Date());
  if (!built.ok) {
    throw new InputError(`the package of ${source.label} cannot be written:\n${built.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`, built.issues);
  }
  for (const [name, bytes] of built.value.files) {
    const path = join(out, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  const reports = ['sdtm', 'adam'].map((folder) => checkCdiscPackage({ name: folder, files: readPackageFolder(join(out, folder)) }));
  const errors = reports.reduce((sum, r) => sum + r.errors, 0);
  const warnings = reports.reduce((sum, r) => sum + r.warnings, 0);
  const mappingIssues = built.value.issues;
  if (values.json === true) {
    io.out(toJson({ out, files: [...built.value.files.keys()], mappingIssues, unmapped: [...built.value.unmapped, ...STANDARD_FIELDS_NOT_MAPPED], packages: reports, errors, warnings }));
    return errors > 0 ? 1 : 0;
  }
  const lines = [
    `${source.trial.synthetic ? 'SYNTHETIC DATA. ' : ''}CDISC package of ${source.trial.protocolId} (${source.label}), data cutoff ${source.trial.dataCutoffDate}: ${built.value.files.size} files in ${out}`,
    `  sdtm: ${built.value.sdtm.map((d) => `${d.define.name} ${d.rows.length}`).join(', ')}`,
    `  adam: ${built.value.adam.map((d) => `${d.define.name} ${d.rows.length}`).join(', ')}`,
    `Not in the SDTM package (no domain or no annotation): ${[...built.value.unmapped, ...STANDARD_FIELDS_NOT_MAPPED].join(', ') || 'nothing'}`,
  ];
  if (mappingIssues.length > 0) {
    lines.push(`The mappings and derivations met ${mappingIssues.length} issue(s) (errors: records left out; warnings: values changed or kept):`);
    for (const item of mappingIssues.slice(0, 20)) lines.push(`  ${item.severity} ${formatIssue(item)}`);
    if (mappingIssues.length > 20) lines.push(`  ... and ${mappingIssues.length - 20} more (--json lists them all)`);
  }
  io.out(`${lines.join('\n')}\n\nChecks of what was written (trialkit cdisc --check ${out}):\n${reports.map(renderReport).join('\n')}\n${errors === 0 ? 'no errors' : `${errors} errors`}, ${warnings} warnings\n`);
  return errors > 0 ? 1 : 0;
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
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('cdisc', args, options);
    if (positionals.length > 0) {
      throw new InputError(`unexpected argument ${JSON.stringify(positionals[0])}`, [issue('bad-argument', ['argv'], positionals.join(' '), '--check <dir>, --rules or --out <dir>')]);
    }
    const modes = [values.check !== undefined, values.out !== undefined, values.rules === true].filter(Boolean).length;
    if (modes !== 1) {
      throw new InputError('give exactly one of --check <dir>, --rules or --out <dir>', [issue('bad-argument', ['argv'], args.join(' '), 'one of --check <dir>, --rules, --out <dir>')]);
    }
    if (values.out !== undefined) return runOut(values, io);
    if (values.rules === true) {
      if (values.json === true) io.out(toJson(CHECK_RULES));
      else io.out(renderTable([['rule', 'severity', 'checks', 'source'], ...CHECK_RULES.map((r) => [r.id, r.severity, r.description, r.source])]));
      return 0;
    }
    return runCheck(values.check ?? '', values.json === true, io);
  },
};
