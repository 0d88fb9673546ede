import type { SignatureMeanings } from '../../clinical/index.js';

/** What the investigator's electronic signature means in this protocol (21 CFR 11.50(a)(3)): approval of the data, one meaning per scope. */
export const NCT05236621_SIGNATURE_MEANINGS: SignatureMeanings = {
  form: [
    {
      id: 'approval',
      label: 'Approval of the form',
      statement: 'I approve the data of this form: I have reviewed it, and to the best of my knowledge it is accurate, complete and attributable to the source documents.',
    },
  ],
  casebook: [
    {
      id: 'approval',
      label: 'Approval of the casebook',
      statement:
        "I approve this subject's casebook: I have reviewed all data entered for this subject, and to the best of my knowledge they are accurate, complete and attributable to the source documents.",
    },
  ],
};
