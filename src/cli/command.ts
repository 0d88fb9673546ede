/** What a CLI command writes to; tests pass a recorder, main passes the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  readonly name: string;
  /** The full usage text for `trialkit <name> --help`. */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number> | number;
}

/**
 * A command as `trialkit --help` lists it. The module is loaded only when the command runs, so a quick
 * command does not pay for loading every other command's dependencies.
 */
export interface CommandEntry {
  readonly name: string;
  /** One line for `trialkit --help`. */
  readonly summary: string;
  load(): Promise<Command>;
}
