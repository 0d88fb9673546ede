import type { SignatureMeanings } from '../../clinical/index.js';

/**
 * What the investigator's electronic signature means in this protocol (21 CFR 11.50(a)(3)). A form is either
 * approved, or signed as reviewed while a query on it is still being answered (the sponsor of a multicentre,
 * IRC-read study asks for the investigator's review of each tumour assessment before the IRC reads it); the
 * casebook is approved as a whole, tumour assessments and adverse events named.
 */
export const RET_CABO_2_SIGNATURE_MEANINGS: SignatureMeanings = {
  form: [
    {
      id: 'approval',
      label: 'Approval',
      statement: 'I approve the data of this form: I have reviewed them against the source documents, and to the best of my knowledge they are accurate, complete and attributable.',
    },
    {
      id: 'review',
      label: 'Reviewed, not yet approved',
      statement: 'I have reviewed the data of this form as investigator; this signature records my review and does not approve the data while a query on them is open.',
    },
  ],
  casebook: [
    {
      id: 'approval',
      label: 'Approval of the casebook',
      statement:
        "I approve this subject's casebook, every tumour assessment and adverse event included: I have reviewed all data entered for this subject, and to the best of my knowledge they are accurate, complete and attributable to the source documents.",
    },
  ],
};
