/**
 * The MedDRA system organ class (SOC) under which CTCAE v5.0 files each of its adverse event terms
 * (National Cancer Institute, Common Terminology Criteria for Adverse Events version 5.0, 27 November 2017;
 * terms are MedDRA v20.1 lowest level terms grouped by SOC). Restricted to the terms trialkit's protocols and
 * demo trials record and whose CTCAE v5.0 SOC is certain; a term not listed here is NOT assigned a SOC by
 * guessing: `findCtcaeSystemOrganClass` returns null and the report says the SOC was not coded.
 *
 * Aliases are spellings of the same CTCAE term only (British spellings as MedDRA prints them, the MedDRA
 * "count" wording of a CTCAE term); a different medical concept (e.g. "Pneumonia" for CTCAE's "Lung
 * infection", "Cardiac failure" for "Heart failure") is not an alias, because the mapping would then be a
 * coding decision the report cannot make for a sponsor.
 */
/** The source as a footnote names it (CTCAE v5.0 groups its MedDRA v20.1 terms by SOC). */
export const CTCAE_V5_SOC_SOURCE = 'CTCAE v5.0 (NCI, 27 Nov 2017)';

export interface CtcaeSystemOrganClassEntry {
  /** The exact CTCAE v5.0 term. */
  readonly term: string;
  /** Other spellings of the same term. */
  readonly aliases: readonly string[];
  /** The MedDRA SOC as CTCAE v5.0 prints it. */
  readonly systemOrganClass: string;
}

const BLOOD = 'Blood and lymphatic system disorders';
const CARDIAC = 'Cardiac disorders';
const ENDOCRINE = 'Endocrine disorders';
const GI = 'Gastrointestinal disorders';
const GENERAL = 'General disorders and administration site conditions';
const INFECTIONS = 'Infections and infestations';
const INVESTIGATIONS = 'Investigations';
const METABOLISM = 'Metabolism and nutrition disorders';
const MUSCULOSKELETAL = 'Musculoskeletal and connective tissue disorders';
const NERVOUS = 'Nervous system disorders';
const PSYCHIATRIC = 'Psychiatric disorders';
const RENAL = 'Renal and urinary disorders';
const RESPIRATORY = 'Respiratory, thoracic and mediastinal disorders';
const SKIN = 'Skin and subcutaneous tissue disorders';
const VASCULAR = 'Vascular disorders';

const entry = (term: string, systemOrganClass: string, aliases: readonly string[] = []): CtcaeSystemOrganClassEntry =>
  Object.freeze({ term, systemOrganClass, aliases: Object.freeze([...aliases]) });

export const CTCAE_V5_SYSTEM_ORGAN_CLASSES: readonly CtcaeSystemOrganClassEntry[] = Object.freeze([
  entry('Anemia', BLOOD, ['Anaemia']),
  entry('Febrile neutropenia', BLOOD),
  entry('Heart failure', CARDIAC),
  entry('Myocardial infarction', CARDIAC),
  entry('Atrial fibrillation', CARDIAC),
  entry('Acute coronary syndrome', CARDIAC),
  entry('Hypothyroidism', ENDOCRINE),
  entry('Hyperthyroidism', ENDOCRINE),
  entry('Diarrhea', GI, ['Diarrhoea']),
  entry('Nausea', GI),
  entry('Vomiting', GI),
  entry('Constipation', GI),
  entry('Mucositis oral', GI),
  entry('Abdominal pain', GI),
  entry('Fatigue', GENERAL),
  entry('Fever', GENERAL),
  entry('Edema limbs', GENERAL, ['Oedema limbs']),
  entry('Malaise', GENERAL),
  entry('Chills', GENERAL),
  entry('Multi-organ failure', GENERAL),
  // Grade 5 only in CTCAE v5.0: a death attributed to progression of the disease under study.
  entry('Disease progression', GENERAL),
  entry('Lung infection', INFECTIONS),
  entry('Upper respiratory infection', INFECTIONS),
  entry('Sepsis', INFECTIONS),
  entry('Urinary tract infection', INFECTIONS),
  entry('Shingles', INFECTIONS),
  entry('Neutrophil count decreased', INVESTIGATIONS),
  entry('White blood cell decreased', INVESTIGATIONS, ['White blood cell count decreased']),
  entry('Platelet count decreased', INVESTIGATIONS),
  entry('Lymphocyte count decreased', INVESTIGATIONS),
  entry('Blood bilirubin increased', INVESTIGATIONS),
  entry('Alanine aminotransferase increased', INVESTIGATIONS),
  entry('Aspartate aminotransferase increased', INVESTIGATIONS),
  entry('Creatinine increased', INVESTIGATIONS),
  entry('Weight loss', INVESTIGATIONS),
  entry('Hyperglycemia', METABOLISM, ['Hyperglycaemia']),
  entry('Hypokalemia', METABOLISM, ['Hypokalaemia']),
  entry('Hypoalbuminemia', METABOLISM, ['Hypoalbuminaemia']),
  entry('Hyperuricemia', METABOLISM, ['Hyperuricaemia']),
  entry('Hyponatremia', METABOLISM, ['Hyponatraemia']),
  entry('Hypocalcemia', METABOLISM, ['Hypocalcaemia']),
  entry('Hypercalcemia', METABOLISM, ['Hypercalcaemia']),
  entry('Anorexia', METABOLISM),
  entry('Dehydration', METABOLISM),
  entry('Back pain', MUSCULOSKELETAL),
  entry('Arthralgia', MUSCULOSKELETAL),
  entry('Myalgia', MUSCULOSKELETAL),
  entry('Peripheral sensory neuropathy', NERVOUS),
  entry('Peripheral motor neuropathy', NERVOUS),
  entry('Dysgeusia', NERVOUS),
  entry('Headache', NERVOUS),
  entry('Dizziness', NERVOUS),
  entry('Insomnia', PSYCHIATRIC),
  entry('Acute kidney injury', RENAL),
  entry('Proteinuria', RENAL),
  entry('Cough', RESPIRATORY),
  entry('Pneumonitis', RESPIRATORY),
  entry('Dyspnea', RESPIRATORY, ['Dyspnoea']),
  entry('Epistaxis', RESPIRATORY),
  entry('Pruritus', SKIN),
  entry('Palmar-plantar erythrodysesthesia syndrome', SKIN, ['Palmar-plantar erythrodysaesthesia syndrome']),
  entry('Rash maculo-papular', SKIN),
  entry('Hypertension', VASCULAR),
  entry('Hypotension', VASCULAR),
  entry('Thromboembolic event', VASCULAR),
]);
