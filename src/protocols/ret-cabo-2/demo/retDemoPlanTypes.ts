import type { DemoPlan } from '../../../demo/index.js';

/**
 * The plan of RET-CABO-2's SYNTHETIC demo trial: the latent truth of every invented subject, in study days
 * (day 1 = enrolment = cycle 1 day 1; screening days are <= 0). A plan is a JSON value; rendering it into
 * case report forms (renderRetDemoTrial) only writes dates and forms. Nothing here is real patient data.
 */

/** Best overall response by RECIST 1.1 that the plan means a reader's lesion measurements to give. */
export type PlannedBestResponse = 'CR' | 'PR' | 'SD' | 'PD' | 'NE';

/** The course the subject's tumour takes (the IRC's reading first, then the investigator's where they differ). */
export type TumourCourse =
  | 'complete-response'
  | 'partial-response'
  | 'stable'
  /** IRC stable disease (22-28% shrinkage); the investigator measures more than 30%: a confirmed PR by the investigator. */
  | 'stable-investigator-partial-response'
  /** IRC stable disease; the investigator sees a new lesion the IRC does not, and stops treatment (IRC PFS censored). */
  | 'stable-investigator-new-lesion'
  | 'progression'
  /** IRC progression at the first scan (20-28% growth); the investigator measures less, calls SD, and progression a scan later. */
  | 'progression-investigator-stable'
  /** First scan incomplete (a target not imaged), then withdrawal of consent: not evaluable by either reader. */
  | 'not-evaluable';

export interface LesionPlan {
  /** 'T1'..'T5' (target), 'NT1'.. (non-target). */
  readonly id: string;
  readonly kind: 'target' | 'non-target';
  readonly nodal: boolean;
  readonly organ: string;
}

/** One lesion as a reader recorded it: a target's diameter (mm; null = not evaluated) or a non-target's status. */
export type LesionReading =
  | { readonly id: string; readonly diameterMm: number | null }
  | { readonly id: string; readonly status: 'absent' | 'present' | 'unequivocal-progression' | 'not-evaluated' };

export interface ReaderRead {
  readonly lesions: readonly LesionReading[];
  readonly newLesion: 'no' | 'yes' | 'equivocal';
  /** The time-point response the RECIST engine derives from this reader's reads up to here (null at baseline); recorded as the reader's call. */
  readonly call: string | null;
}

/** One CT/MRI time point, read by the IRC and by the investigator (the same images). */
export interface ScanPlan {
  readonly day: number;
  /** 'SCREENING' (baseline) or 'TA<n>'. */
  readonly visit: string;
  readonly irc: ReaderRead;
  readonly investigator: ReaderRead;
}

export interface PlannedReaderOutcome {
  readonly bestResponse: PlannedBestResponse;
  /** Study day of the scan at which this reader's progression falls; null without progression. */
  readonly progressionDay: number | null;
  /** Study day of the first scan of the confirmed response; null without one. */
  readonly firstResponseDay: number | null;
}

export interface CyclePlan {
  readonly cycle: number;
  readonly startDay: number;
  readonly lastDoseDay: number;
  readonly doseMg: number;
  readonly daysGiven: number;
  readonly delayed: boolean;
  readonly interrupted: boolean;
  readonly reduced: boolean;
}

export interface AdverseEventPlan {
  readonly term: string;
  readonly systemOrganClass: string;
  readonly onsetDay: number;
  /** null: ongoing at the last contact. */
  readonly endDay: number | null;
  readonly grade: number;
  readonly serious: boolean;
  readonly relationship: 'not-related' | 'unlikely' | 'possible' | 'probable' | 'definite';
  readonly action: 'none' | 'dose-reduced' | 'interrupted' | 'withdrawn';
  /** The analyte whose results show the event (ALT, AST, platelets), if any. */
  readonly labAnalyte: 'alt' | 'ast' | 'platelets' | null;
}

export interface PriorLinePlan {
  readonly agents: readonly { readonly agent: string; readonly cycles: number }[];
  readonly startDay: number;
  readonly endDay: number;
  readonly bestResponse: 'CR' | 'PR' | 'SD' | 'PD';
  readonly progressionDay: number;
  readonly refractory: boolean;
}

/** Baseline laboratory values in SI units (the units the protocol's criteria are written in). */
export interface BaselineLabs {
  readonly neutrophils: number;
  readonly platelets: number;
  readonly hemoglobin: number;
  readonly bilirubin: number;
  readonly alt: number;
  readonly ast: number;
  readonly creatinine: number;
  readonly albumin: number;
}

export interface EnrolledSubjectPlan {
  readonly synthetic: true;
  readonly screeningNumber: string;
  readonly siteId: string;
  readonly screeningDate: string;
  readonly enrolmentDate: string;
  /** Study day of the screening visit (consent, screening labs), <= 0. */
  readonly screeningDay: number;
  readonly cutoffDay: number;
  readonly age: number;
  readonly sex: 'M' | 'F';
  readonly weightKg: number;
  readonly heightCm: number;
  readonly ecog: 0 | 1;
  readonly diagnosisDay: number;
  readonly histology: 'adenocarcinoma' | 'large-cell' | 'other';
  readonly fusionPartner: 'KIF5B' | 'CCDC6' | 'NCOA4' | 'other' | 'unknown';
  readonly testMethod: 'ngs' | 'fish' | 'rt-pcr';
  readonly smoking: 'never' | 'former' | 'current';
  readonly brainMetastases: boolean;
  readonly qtcfMs: number;
  /** Study day of an arterial thromboembolic event more than 6 months before enrolment; null: none. */
  readonly arterialThromboembolismDay: number | null;
  readonly labs: BaselineLabs;
  readonly priorLines: readonly PriorLinePlan[];
  readonly course: TumourCourse;
  readonly lesions: readonly LesionPlan[];
  /** Baseline first (visit 'SCREENING', day <= 0), then every scan done up to the cutoff. */
  readonly scans: readonly ScanPlan[];
  readonly irc: PlannedReaderOutcome;
  readonly investigator: PlannedReaderOutcome;
  readonly cycles: readonly CyclePlan[];
  readonly adverseEvents: readonly AdverseEventPlan[];
  readonly treatment: {
    readonly lastDoseDay: number;
    /** End-of-treatment form; null while on treatment at the cutoff. */
    readonly endDay: number | null;
    readonly endReason: 'progressive-disease' | 'adverse-event' | 'consent-withdrawn' | null;
  };
  readonly newTherapy: { readonly day: number; readonly agents: readonly string[] } | null;
  readonly death: { readonly day: number; readonly cause: 'progressive-disease' } | null;
  /** End of study other than death (consent withdrawn), null otherwise. */
  readonly studyEnd: { readonly day: number; readonly reason: 'consent-withdrawn' } | null;
}

/** A screen failure: an eligible-looking candidate with one criterion of the protocol not met. */
export interface ScreenFailurePlan {
  readonly synthetic: true;
  readonly screeningNumber: string;
  readonly siteId: string;
  readonly screeningDate: string;
  readonly age: number;
  readonly sex: 'M' | 'F';
  readonly weightKg: number;
  readonly heightCm: number;
  /** The criterion id of RET_CABO_2_ELIGIBILITY that is not met. */
  readonly failedCriterionId: string;
  /** The failing value in words, e.g. 'QTcF 512 ms'. */
  readonly failingValue: string;
  /** The number behind it (a lab value, ECOG, QTcF, months since an event), or null for a yes/no fact. */
  readonly failingNumber: number | null;
}

export interface RetDemoPlan extends DemoPlan {
  readonly protocolId: string;
  readonly firstScreeningDate: string;
  readonly lastScreeningDate: string;
  readonly dataCutoffDate: string;
  readonly sites: readonly string[];
  /** In enrolment order. */
  readonly subjects: readonly EnrolledSubjectPlan[];
  readonly screenFailures: readonly ScreenFailurePlan[];
}
