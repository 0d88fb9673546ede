/** What a CLI command writes to; tests pass a recorder, main passes the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  readonly name: string;
  /** One line for `trialkit --help`. */
  readonly summary: string;
  /** The full usage text for `trialkit <name> --help`. */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number> | number;
}
