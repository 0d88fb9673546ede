import type { Command } from '../command.js';

// Placeholder until the binom command lands; it says so rather than pretending.
export const binomCommand: Command = {
  name: 'binom',
  summary: '(not implemented yet)',
  usage: 'trialkit binom: not implemented yet',
  run: (_args, io) => {
    io.err('trialkit binom: not implemented yet\n');
    return 1;
  },
};
