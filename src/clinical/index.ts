// The clinical core: the protocol as versioned data and the engines and derivations that read it.
export * from './dates/index.js';
