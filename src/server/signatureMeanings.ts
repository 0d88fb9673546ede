/**
 * What an electronic signature means (21 CFR 11.50(a)(3)), per signing role and scope, as data: the
 * statement shown to the signer before the password is asked, stored with the signature and shown with
 * it wherever the signed record is shown. Only the investigator signs (PERMISSIONS 'signature:sign').
 * Protocol-independent wording: a protocol that needs other words would state them in its definition
 * (not done: no protocol asks for it yet).
 */
export const SIGNATURE_MEANINGS = Object.freeze({
  investigator: Object.freeze({
    form: 'I approve the data of this form: I have reviewed it, and to the best of my knowledge it is accurate, complete and attributable to the source documents.',
    casebook:
      "I approve this subject's casebook: I have reviewed all data entered for this subject, and to the best of my knowledge they are accurate, complete and attributable to the source documents.",
  }),
});

export type SignatureScope = keyof (typeof SIGNATURE_MEANINGS)['investigator'];
