import type { Command } from '../command.js';
import { binomCommand } from './binom.js';
import { coxCommand } from './cox.js';
import { ctcaeCommand } from './ctcae.js';
import { eligibilityCommand } from './eligibility.js';
import { fisherCommand } from './fisher.js';
import { imwgCommand } from './imwg.js';
import { kmCommand } from './km.js';
import { samplesizeCommand } from './samplesize.js';

/** Every CLI command, in the order `trialkit --help` lists them. */
export const commands: readonly Command[] = [
  kmCommand,
  coxCommand,
  binomCommand,
  fisherCommand,
  samplesizeCommand,
  eligibilityCommand,
  imwgCommand,
  ctcaeCommand,
];
