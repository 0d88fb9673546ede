/**
 * The IRC's adjudications of single assessments, as the IRC's recorded response calls: ADRS keeps them beside
 * the response it derives from the central-lab data (RECCALL) and flags where they differ (DISCRFL), as it does
 * for the investigator. They come after any call on the forms, so an adjudication is the call for its date.
 * The adjudicated best overall response has no place in TrialData: ADRS takes the best of the calls.
 */
export function ircResponseCalls(adjudications: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return adjudications
    .filter((a) => a.scope === 'assessment' && typeof a.assessmentDate === 'string')
    .map((a) => ({ date: a.assessmentDate, evaluator: 'irc', response: a.response }));
}
