import type { CliIo } from '../cli/index.js';

/** A CliIo that records what a command writes, for CLI tests. */
export function cliRecorder(): { io: CliIo; out: string[]; err: string[]; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t) => void out.push(t), err: (t) => void err.push(t) },
    out,
    err,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
