// A subject's course through a trial: its states and the moves between them.
export * from './subjectStatusMoves.js';
