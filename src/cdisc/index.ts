export * from './xpt/index.js';
export * from './define/index.js';
export * from './check/index.js';
export * from './dataset/index.js';
export * from './sdtm/index.js';
export * from './adam/index.js';
export * from './package/index.js';
