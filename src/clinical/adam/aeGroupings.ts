/**
 * Adverse events of special interest for pomalidomide (label warnings: venous and arterial
 * thromboembolism, peripheral neuropathy, infections) as data: a group matches an AE by MedDRA preferred
 * term or by system organ class (case-insensitive). The paper reports thrombosis and neuropathy TRAEs of
 * interest and infections (pneumonia, upper respiratory tract infection).
 */
export interface AeGroup {
  readonly id: string;
  readonly label: string;
  readonly preferredTerms: readonly string[];
  readonly systemOrganClasses: readonly string[];
}

export const AE_GROUPS: readonly AeGroup[] = Object.freeze([
  Object.freeze({
    id: 'thrombosis',
    label: 'Thromboembolic events',
    preferredTerms: Object.freeze([
      'Deep vein thrombosis',
      'Pulmonary embolism',
      'Thrombosis',
      'Venous thrombosis limb',
      'Venous thrombosis',
      'Embolism',
      'Embolism venous',
      'Jugular vein thrombosis',
      'Arterial thrombosis',
      'Myocardial infarction',
      'Ischaemic stroke',
      'Cerebral infarction',
    ]),
    systemOrganClasses: Object.freeze([]),
  }),
  Object.freeze({
    id: 'neuropathy',
    label: 'Peripheral neuropathy',
    preferredTerms: Object.freeze([
      'Peripheral neuropathy',
      'Neuropathy peripheral',
      'Peripheral sensory neuropathy',
      'Peripheral motor neuropathy',
      'Polyneuropathy',
      'Paraesthesia',
      'Hypoaesthesia',
    ]),
    systemOrganClasses: Object.freeze([]),
  }),
  Object.freeze({
    id: 'infection',
    label: 'Infections',
    preferredTerms: Object.freeze(['Pneumonia', 'Upper respiratory tract infection', 'Lung infection', 'Sepsis', 'Herpes zoster']),
    systemOrganClasses: Object.freeze(['Infections and infestations']),
  }),
]);

function key(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Ids of the groups an AE belongs to. */
export function aeGroupsOf(preferredTerm: string, systemOrganClass: string | undefined, groups: readonly AeGroup[] = AE_GROUPS): string[] {
  const term = key(preferredTerm);
  const soc = systemOrganClass === undefined ? null : key(systemOrganClass);
  return groups
    .filter((group) => group.preferredTerms.some((t) => key(t) === term) || (soc !== null && group.systemOrganClasses.some((s) => key(s) === soc)))
    .map((group) => group.id);
}
