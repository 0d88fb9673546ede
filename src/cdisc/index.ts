export * from './xpt/index.js';
export * from './define/index.js';
