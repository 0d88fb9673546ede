export * from './xpt/index.js';
export * from './define/index.js';
export * from './check/index.js';
