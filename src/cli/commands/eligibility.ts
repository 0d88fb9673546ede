import type { Command } from '../command.js';

// Placeholder until the eligibility command lands; it says so rather than pretending.
export const eligibilityCommand: Command = {
  name: 'eligibility',
  summary: '(not implemented yet)',
  usage: 'trialkit eligibility: not implemented yet',
  run: (_args, io) => {
    io.err('trialkit eligibility: not implemented yet\n');
    return 1;
  },
};
