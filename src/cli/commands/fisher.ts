import type { Command } from '../command.js';

// Placeholder until the fisher command lands; it says so rather than pretending.
export const fisherCommand: Command = {
  name: 'fisher',
  summary: '(not implemented yet)',
  usage: 'trialkit fisher: not implemented yet',
  run: (_args, io) => {
    io.err('trialkit fisher: not implemented yet\n');
    return 1;
  },
};
