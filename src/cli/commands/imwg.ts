import type { Command } from '../command.js';

// Placeholder until the imwg command lands; it says so rather than pretending.
export const imwgCommand: Command = {
  name: 'imwg',
  summary: '(not implemented yet)',
  usage: 'trialkit imwg: not implemented yet',
  run: (_args, io) => {
    io.err('trialkit imwg: not implemented yet\n');
    return 1;
  },
};
