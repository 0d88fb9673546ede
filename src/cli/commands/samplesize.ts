import type { Command } from '../command.js';

// Placeholder until the samplesize command lands; it says so rather than pretending.
export const samplesizeCommand: Command = {
  name: 'samplesize',
  summary: '(not implemented yet)',
  usage: 'trialkit samplesize: not implemented yet',
  run: (_args, io) => {
    io.err('trialkit samplesize: not implemented yet\n');
    return 1;
  },
};
