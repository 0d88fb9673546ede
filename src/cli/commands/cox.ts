import type { Command } from '../command.js';

// Placeholder until the cox command lands; it says so rather than pretending.
export const coxCommand: Command = {
  name: 'cox',
  summary: '(not implemented yet)',
  usage: 'trialkit cox: not implemented yet',
  run: (_args, io) => {
    io.err('trialkit cox: not implemented yet\n');
    return 1;
  },
};
