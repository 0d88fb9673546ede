export type { CliIo, Command, CommandEntry } from './command.js';
export { main } from './main.js';
