/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// What every screen gets from the application shell, and the API's row shapes the screens read.

export interface SessionInfo {
  readonly userId: string;
  readonly displayName: string;
  readonly role: 'investigator' | 'coordinator' | 'irc' | 'data_manager' | 'monitor' | 'statistician' | 'sponsor' | 'admin';
  readonly siteId: string | null;
}

export interface SubjectRow {
  readonly subjectId: string;
  readonly siteId: string;
  readonly screeningNumber: string;
  readonly status: 'screening' | 'screen_failure' | 'enrolled' | 'on_treatment' | 'follow_up' | 'off_study';
  readonly version: number;
}

export interface RecordRow {
  readonly recordId: number;
  readonly subjectId: string;
  readonly formType: string;
  readonly visit: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  readonly version: number;
}

export interface RecordView {
  readonly record: RecordRow;
  readonly derived: Readonly<Record<string, unknown>> | null;
  readonly editChecks: readonly { readonly checkCode: string; readonly fieldPath: string; readonly message: string }[];
  readonly raisedQueryIds?: readonly number[];
}

export interface QueryRow {
  readonly queryId: number;
  readonly subjectId: string;
  readonly recordId: number | null;
  readonly fieldPath: string | null;
  readonly checkCode: string | null;
  readonly message: string;
  readonly status: 'open' | 'answered' | 'closed';
  readonly answer: string | null;
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly formType: string | null;
  readonly visit: string | null;
  readonly recordDate: string | null;
  readonly lastReason: string | null;
}

export interface Shell {
  readonly session: SessionInfo;
  /** Replaces the main region with a titled screen and moves focus to its heading. */
  show(title: string, ...content: Node[]): void;
  navigate(path: string): void;
  /** Shows an error of the server or the network in the screen's alert region. */
  error(error: unknown): void;
}
