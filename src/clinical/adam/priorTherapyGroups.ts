/**
 * Prior-therapy classes as data: the generic names (lower case) that put a subject in each ADSL prior
 * therapy flag. Table 1 of the paper reports lenalidomide, bortezomib, dexamethasone, cyclophosphamide and
 * anti-CD38 antibodies (daratumumab, isatuximab); ASCT comes from the line's own ASCT box.
 */
export const PRIOR_AGENT_GROUPS = Object.freeze({
  PRLENFL: Object.freeze(['lenalidomide']),
  PRBORFL: Object.freeze(['bortezomib']),
  PRDEXFL: Object.freeze(['dexamethasone']),
  PRCYCFL: Object.freeze(['cyclophosphamide']),
  PRDARAFL: Object.freeze(['daratumumab']),
  PRISAFL: Object.freeze(['isatuximab']),
  PRCD38FL: Object.freeze(['daratumumab', 'isatuximab']),
  PRPIFL: Object.freeze(['bortezomib', 'ixazomib', 'carfilzomib']),
  PRIMIDFL: Object.freeze(['thalidomide', 'lenalidomide', 'pomalidomide']),
} as const);

export type PriorAgentFlag = keyof typeof PRIOR_AGENT_GROUPS;

/** Agent names compare case- and space-insensitively ('Daratumumab ' = 'daratumumab'). */
export function normaliseAgent(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
