/**
 * How the report names a laboratory analyte of clinical/units (its code is a program name, e.g.
 * 'beta2Microglobulin'): the usual clinical name, with the abbreviation where clinicians use one.
 */
const LABELS: Readonly<Record<string, string>> = Object.freeze({
  neutrophils: 'Neutrophils',
  leukocytes: 'White blood cells',
  platelets: 'Platelets',
  lymphocytes: 'Lymphocytes',
  hemoglobin: 'Haemoglobin',
  potassium: 'Potassium',
  bilirubin: 'Total bilirubin',
  alt: 'Alanine aminotransferase (ALT)',
  ast: 'Aspartate aminotransferase (AST)',
  creatinine: 'Creatinine',
  uricAcid: 'Uric acid',
  albumin: 'Albumin',
  totalProtein: 'Total protein',
  beta2Microglobulin: 'β2-microglobulin',
  ldh: 'Lactate dehydrogenase (LDH)',
  calcium: 'Calcium',
});

/** The analyte's name; the code itself for an analyte with no name here. */
export function labAnalyteLabel(paramcd: string): string {
  return LABELS[paramcd] ?? paramcd;
}
