import type { Command } from '../command.js';

// Placeholder until the km command lands; it says so rather than pretending.
export const kmCommand: Command = {
  name: 'km',
  summary: '(not implemented yet)',
  usage: 'trialkit km: not implemented yet',
  run: (_args, io) => {
    io.err('trialkit km: not implemented yet\n');
    return 1;
  },
};
