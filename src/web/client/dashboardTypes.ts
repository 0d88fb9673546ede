// The shapes GET /api/v1/analysis/dashboard answers (server: src/server/analysisDashboard.ts), as the client reads them.
// Types only are imported from the core (erased when compiled: nothing of stats is served for this).
import type { SimonDecision } from '../../stats/index.js';

export type { SimonStageState } from '../../stats/index.js';

export interface DashboardCell {
  readonly text: string;
  readonly value: number | null;
  /** USUBJIDs behind the cell; always empty without drill-down (the sponsor). */
  readonly subjects: readonly string[];
}

export interface DashboardPopulation {
  readonly name: string;
  readonly flag: string | null;
  readonly N: number;
}

export interface DashboardTable {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly population: DashboardPopulation;
  readonly stubLabel: string;
  readonly columns: readonly { readonly id: string; readonly label: string; readonly N: number | null }[];
  readonly rows: readonly { readonly label: string; readonly indent: number; readonly cells: readonly DashboardCell[] }[];
  readonly footnotes: readonly string[];
  readonly abbreviations: readonly string[];
}

export interface KeyNumber {
  readonly id: 'orr' | 'dcr' | 'pfs' | 'os';
  readonly label: string;
  readonly text: string;
  readonly value: number | null;
  readonly countLabel: string;
  readonly count: DashboardCell | null;
  readonly population: DashboardPopulation;
}

/** The two-stage design's decisions on the snapshot (server: src/server/designStatus.ts). */
export interface DesignStatus {
  readonly kind: 'simon-two-stage';
  readonly optimality: 'optimal' | 'minimax';
  readonly p0: number;
  readonly p1: number;
  readonly alpha: number;
  readonly power: number;
  readonly n1: number;
  readonly r1: number;
  readonly n: number;
  readonly r: number;
  readonly citation: string;
  readonly evaluator: string;
  readonly population: DashboardPopulation;
  readonly decision: SimonDecision;
  readonly stage1Text: string;
  readonly finalText: string;
  readonly rule: string;
}

export interface DashboardFigure {
  readonly id: string;
  /** 'enrolment', 'kaplan-meier', 'forest', 'swimmer', ... */
  readonly kind: string;
  readonly number: string;
  readonly title: string;
  readonly population: DashboardPopulation | null;
  readonly description: string;
  readonly spec: Record<string, unknown>;
}

export interface SubjectFacts {
  readonly subjectId: string;
  readonly siteId: string;
  readonly enrolmentDate: string | null;
  readonly bestResponseIrc: string | null;
  readonly pfsMonths: number | null;
  readonly pfsEvent: boolean | null;
}

export interface DashboardSnapshot {
  readonly snapshotId: number;
  readonly name: string;
  readonly cutoffDate: string;
  readonly createdAt: string;
  readonly contentHash: string;
}

export interface AnalysisDashboard {
  readonly snapshot: DashboardSnapshot;
  readonly protocolId: string;
  readonly dataCutoffDate: string;
  readonly synthetic: boolean;
  readonly drillDown: boolean;
  readonly keyNumbers: readonly KeyNumber[];
  readonly design: DesignStatus | null;
  readonly tables: readonly DashboardTable[];
  readonly figures: readonly DashboardFigure[];
  readonly subjectLists: readonly (readonly string[])[];
  readonly subjects: Readonly<Record<string, SubjectFacts>>;
  readonly derivationIssues: number;
}

export type DashboardAnswer =
  | { readonly state: 'ready'; readonly dashboard: AnalysisDashboard; readonly snapshots: readonly DashboardSnapshot[] }
  | { readonly state: 'no-snapshot'; readonly message: string }
  | {
      readonly state: 'not-analysable';
      readonly snapshot: DashboardSnapshot;
      readonly message: string;
      readonly issues: readonly { readonly code: string; readonly path: readonly (string | number)[]; readonly expected: string }[];
      readonly snapshots: readonly DashboardSnapshot[];
    };
