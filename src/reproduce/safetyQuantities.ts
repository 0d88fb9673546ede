import { tabulateAdverseEventsByTerm } from '../clinical/index.js';
import { createRelatedAeTable } from '../report/index.js';
import { countQuantity, notComputed, type Quantity } from './quantity.js';
import { columnN, countFromCell } from './quantityReaders.js';
import { modelTable, type ReproductionContext } from './reproductionContext.js';

const TABLE = 't-teae-overview';

/** Table 2 ids -> the overview row label (the drug's name filled in). */
function overviewLabels(drug: string): Readonly<Record<string, string>> {
  return {
    'safety.any_teae': 'Any grade TEAEs',
    'safety.grade3_teae': 'Grade ≥ 3 TEAEs',
    'safety.pom_related_teae': `${drug}-related TEAEs`,
    'safety.pom_related_grade3_teae': `${drug}-related Grade ≥ 3 TEAEs`,
    'safety.tesae': 'Treatment-emergent serious adverse events (TESAEs)',
    'safety.pom_related_tesae': `${drug}-related TESAEs`,
    'safety.teae_dose_adjustment': 'TEAEs leading to dose adjustment',
    'safety.pom_related_teae_dose_adjustment': `${drug}-related TEAEs leading to dose adjustment`,
    'safety.teae_drug_discontinuation': 'TEAEs leading to discontinuation of study drug',
    'safety.pom_related_teae_drug_discontinuation': `${drug}-related TEAEs leading to discontinuation of study drug`,
    'safety.ae_study_discontinuation': 'AEs leading to discontinuation of study',
    'safety.pom_related_teae_study_discontinuation': `${drug}-related TEAEs leading to discontinuation of study`,
    'safety.death': 'Death',
    'safety.pom_related_death': `Death related with ${drug.toLowerCase()}`,
  };
}

/** 'safety.trae.neutrophil_count_decreased.any' -> 'neutrophil count decreased' (preferred terms match case-blind). */
const termOf = (key: string): string => key.replace(/_/g, ' ').toLowerCase();

/**
 * Table 2 (TEAE overview), Table 3 and the TRAEs of interest (related TEAEs by preferred term, the
 * related-AE table without its frequency threshold), and the abstract's two all-TEAE figures.
 */
export function safetyQuantities(context: ReproductionContext, ids: readonly string[]): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  const overview = modelTable(context, TABLE);
  for (const [id, label] of Object.entries(overviewLabels(context.protocol.investigationalDrugLabel))) out.set(id, countFromCell(overview, TABLE, null, label, 0));

  // Table 3 keeps terms in >= 5% of subjects; the terms of interest are rarer, so the threshold is lifted.
  const related = createRelatedAeTable(context.datasets.adsl, context.datasets.adae, { ...context.protocol, aeTermThreshold: 0 });
  const N = columnN(related, 0);
  const relatedCount = (term: string, column: 0 | 1): Quantity => {
    const row = related.rows.find((r) => r.label.toLowerCase() === term);
    // A term nobody had is not a row: zero subjects.
    return countQuantity(row === undefined ? 0 : row.cells[column].subjects.length, N);
  };
  const allTeae = tabulateAdverseEventsByTerm(context.datasets.adae, context.datasets.adsl);
  const allCount = (term: string, grade3: boolean): Quantity => {
    const found = allTeae.find((t) => t.term.toLowerCase() === term);
    return countQuantity(found === undefined ? 0 : grade3 ? found.grade3OrMore : found.anyGrade, N);
  };
  for (const id of ids) {
    let match: RegExpExecArray | null;
    if (id === 'safety.trae.grade3.neutrophil_text') {
      // The abstract's figure: grade >= 3 neutrophil count decreased among all TEAEs (Table 3 is the related ones).
      out.set(id, allCount('neutrophil count decreased', true));
    } else if (id === 'safety.trae.pneumonia_text') {
      out.set(id, allCount('pneumonia', false));
    } else if ((match = /^safety\.trae\.([a-z0-9_]+)\.(any|grade3)$/.exec(id)) !== null) {
      out.set(id, relatedCount(termOf(match[1]), match[2] === 'any' ? 0 : 1));
    } else if ((match = /^safety\.trae_of_interest\.([a-z0-9_]+)$/.exec(id)) !== null) {
      out.set(id, relatedCount(termOf(match[1]), 0));
    } else if (id.startsWith('safety.') && !out.has(id)) {
      out.set(id, notComputed('no rule for this safety id'));
    }
  }
  return out;
}
