export * from './xpt/index.js';
