export * from './retFixtures.js';
