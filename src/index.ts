// The library's public face. Each folder's index.ts is its own public face; nothing imports deeper.
export * as stats from './stats/index.js';
export * from './result/index.js';
export * as clinical from './clinical/index.js';
