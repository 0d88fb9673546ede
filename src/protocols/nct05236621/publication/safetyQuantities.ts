import { tabulateAdverseEventsByTerm } from '../../../clinical/index.js';
import { countAt, countQuantity, notComputed, reinterpretedQuantity, type DirectQuantity, type Quantity, type ReproductionContext } from '../../../reproduce/index.js';

const TABLE = 't-teae-overview';

/** Table 2 ids -> the row keys of the TEAE overview ("related" = to pomalidomide, the investigational drug). */
const OVERVIEW: Readonly<Record<string, string>> = Object.freeze({
  'safety.any_teae': 'anyTeae',
  'safety.grade3_teae': 'grade3Teae',
  'safety.pom_related_teae': 'relatedTeae',
  'safety.pom_related_grade3_teae': 'relatedGrade3Teae',
  'safety.tesae': 'tesae',
  'safety.pom_related_tesae': 'relatedTesae',
  'safety.teae_dose_adjustment': 'teaeDoseAdjustment',
  'safety.pom_related_teae_dose_adjustment': 'relatedTeaeDoseAdjustment',
  'safety.teae_drug_discontinuation': 'teaeDrugDiscontinuation',
  'safety.pom_related_teae_drug_discontinuation': 'relatedTeaeDrugDiscontinuation',
  'safety.ae_study_discontinuation': 'aeStudyDiscontinuation',
  'safety.pom_related_teae_study_discontinuation': 'relatedTeaeStudyDiscontinuation',
  'safety.death': 'death',
  'safety.pom_related_death': 'relatedDeath',
});

/** 'safety.trae.neutrophil_count_decreased.any' -> 'neutrophil count decreased' (preferred terms match case-blind). */
const termOf = (key: string): string => key.replace(/_/g, ' ').toLowerCase();

/**
 * Table 2 (TEAE overview), Table 3 and the TRAEs of interest (related TEAEs by preferred term, the
 * related-AE table without its frequency threshold), and the abstract's two TRAE figures, which only all TEAEs give (reinterpreted).
 */
export function safetyQuantities(context: ReproductionContext, ids: readonly string[]): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [id, key] of Object.entries(OVERVIEW)) out.set(id, countAt(context, TABLE, key, 'arm'));

  // The paper prints the investigators' terms ('Astriction', 'Hypoproteinemia', each thrombosis apart), which
  // the trial codes to CTCAE v5.0 terms (Constipation, Hypoalbuminemia, Thromboembolic event): Table 3 and the
  // TRAEs of interest are counted by the reported term (ADAE AETERM), with the related-AE table's definition
  // (treatment-emergent, related to an investigational drug, safety set) and no frequency threshold.
  const safetyFlag = context.protocol.analysisPlan.safetyPopulation;
  const N = context.datasets.adsl.filter((row) => row[safetyFlag] === 'Y').length;
  const byReportedTerm = context.datasets.adae.map((row) => ({ ...row, AEDECOD: row.AETERM }));
  const relatedTeae = tabulateAdverseEventsByTerm(byReportedTerm, context.datasets.adsl, { safetyFlag, relatedOnly: true });
  const relatedCount = (term: string, column: 'any' | 'grade3'): DirectQuantity => {
    const found = relatedTeae.find((t) => t.term.toLowerCase() === term);
    // A term nobody had is not a row: zero subjects.
    return countQuantity(found === undefined ? 0 : column === 'grade3' ? found.grade3OrMore : found.anyGrade, N);
  };
  const allTeae = tabulateAdverseEventsByTerm(byReportedTerm, context.datasets.adsl, { safetyFlag });
  const allCount = (term: string, grade3: boolean): DirectQuantity => {
    const found = allTeae.find((t) => t.term.toLowerCase() === term);
    return countQuantity(found === undefined ? 0 : grade3 ? found.grade3OrMore : found.anyGrade, N);
  };
  const percentOf = (q: DirectQuantity): string => (q.kind === 'count' && q.N !== null && q.N > 0 ? `${q.n}/${q.N} (${((100 * q.n) / q.N).toFixed(1)}%)` : 'no count');
  // The abstract calls both figures treatment-related, but Table 3's related counts do not give them; all
  // treatment-emergent events do. They are computed that way and say so (status reinterpreted, not match).
  const abstractFigure = (term: string, grade3: boolean): Quantity => {
    const related = relatedCount(term, grade3 ? 'grade3' : 'any');
    const label = `${term}${grade3 ? ' grade >= 3' : ''}`;
    return reinterpretedQuantity(allCount(term, grade3), `counted over all treatment-emergent AEs (${label}); Table 3's definition (related to the study drug) gives ${percentOf(related)}`);
  };
  for (const id of ids) {
    let match: RegExpExecArray | null;
    if (id === 'safety.trae.grade3.neutrophil_text') {
      out.set(id, abstractFigure('neutrophil count decreased', true));
    } else if (id === 'safety.trae.pneumonia_text') {
      out.set(id, abstractFigure('pneumonia', false));
    } else if ((match = /^safety\.trae\.([a-z0-9_]+)\.(any|grade3)$/.exec(id)) !== null) {
      out.set(id, relatedCount(termOf(match[1]), match[2] === 'any' ? 'any' : 'grade3'));
    } else if ((match = /^safety\.trae_of_interest\.([a-z0-9_]+)$/.exec(id)) !== null) {
      out.set(id, relatedCount(termOf(match[1]), 'any'));
    } else if (id.startsWith('safety.') && !out.has(id)) {
      out.set(id, notComputed('no rule for this safety id'));
    }
  }
  return out;
}
