// Test fixtures of NCT05236621 (used by tests of the generic engines and of this protocol; not by the product).
export * from './nctFixtures.js';
