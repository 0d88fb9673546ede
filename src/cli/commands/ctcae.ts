import type { Command } from '../command.js';

// Placeholder until the ctcae command lands; it says so rather than pretending.
export const ctcaeCommand: Command = {
  name: 'ctcae',
  summary: '(not implemented yet)',
  usage: 'trialkit ctcae: not implemented yet',
  run: (_args, io) => {
    io.err('trialkit ctcae: not implemented yet\n');
    return 1;
  },
};
