import { InputError, formatIssue, type Issue } from '../result/index.js';
import type { CliIo } from './command.js';
import { commands } from './commands/index.js';

const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'trialkit: run and analyse a single-arm oncology trial',
    '',
    'Usage: trialkit <command> [options]     trialkit <command> --help for its options',
    '',
    'Commands:',
    ...lines,
    '',
  ].join('\n');
}

/**
 * Issues from files carry the path [file, line, column] (see src/io); people read those as
 * "file line 3, column 'time'". Other paths (JSON paths such as patients[1].id, flags) use the core's
 * generic rendering: a file is told apart by its name (an extension or a directory in it).
 */
function describeIssue(item: Issue): string {
  const [file, line, column] = item.path;
  const looksLikeFile = typeof file === 'string' && /[./\\]/.test(file);
  if (item.path.length === 3 && looksLikeFile && typeof line === 'number' && typeof column === 'string') {
    const shown = item.value === undefined ? '(missing)' : JSON.stringify(item.value);
    return `${file} line ${line}, column '${column}': ${shown}: expected ${item.expected} (${item.code})`;
  }
  return formatIssue(item);
}

/** The CLI edge: turns InputErrors into readable messages and exit code 2; other failures exit 1. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.out('trialkit 0.1.0\n');
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) {
    io.err(`trialkit: unknown command '${name}'\n\n${overview()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`trialkit ${name}: ${error.message}\n`);
      const shown = error.issues.slice(0, 20);
      for (const item of shown) io.err(`  - ${describeIssue(item)}\n`);
      if (error.issues.length > shown.length) io.err(`  ... and ${error.issues.length - shown.length} more\n`);
      return 2;
    }
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`trialkit ${name}: internal error: ${text}\n`);
    return 1;
  }
}
