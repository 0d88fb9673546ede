export {
  chiSquareUpperTail,
  normalQuantile,
  normalCdf,
  normalTwoSidedP,
  betaQuantile,
  betaCdf,
  binomialPmf,
  binomialCdf,
  logGamma,
  logChoose,
} from './distributions.js';
