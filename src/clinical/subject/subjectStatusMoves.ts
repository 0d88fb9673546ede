/** The states of a subject in a trial, in the order a subject meets them (the store keeps the same words). */
export type SubjectLifecycleStatus = 'screening' | 'screen_failure' | 'enrolled' | 'on_treatment' | 'follow_up' | 'off_study';

/**
 * The subject's state machine, as data: screening -> screen_failure | enrolled -> on_treatment ->
 * follow_up -> off_study, with an early exit to off_study from every state after enrolment (consent
 * withdrawn, lost to follow-up, death). The server's POST /subjects/:id/status records a move and answers
 * any other with 409 naming the subject, its state and the moves it has; the subject page offers the same
 * moves, from this one table.
 *
 * Re-screening: a screen failure may go back to screening (a move with its reason, e.g. 're-screened after
 * the washout'); its earlier screening records stay, audited, and the latest decides eligibility. An
 * enrolled subject is never screened again: a screening form for a subject not in screening is refused
 * (409), so its enrolment and the eligibility it rested on cannot be overwritten.
 */
export const SUBJECT_STATUS_MOVES: Readonly<Record<SubjectLifecycleStatus, readonly SubjectLifecycleStatus[]>> = Object.freeze({
  screening: Object.freeze(['enrolled', 'screen_failure'] as const),
  screen_failure: Object.freeze(['screening'] as const),
  enrolled: Object.freeze(['on_treatment', 'off_study'] as const),
  on_treatment: Object.freeze(['follow_up', 'off_study'] as const),
  follow_up: Object.freeze(['off_study'] as const),
  off_study: Object.freeze([] as const),
});

/** The states in the order a subject meets them. */
export const SUBJECT_STATUSES = ['screening', 'screen_failure', 'enrolled', 'on_treatment', 'follow_up', 'off_study'] as const satisfies readonly SubjectLifecycleStatus[];

/** The states of a subject who was enrolled (every state after enrolment). */
export const ENROLLED_STATUSES: readonly SubjectLifecycleStatus[] = Object.freeze(['enrolled', 'on_treatment', 'follow_up', 'off_study']);
