import type { SignatureMeaning, SignatureMeanings } from '../clinical/index.js';
import { issue } from '../result/index.js';
import { HttpError } from './httpError.js';

export type SignatureScope = keyof SignatureMeanings;

/**
 * The meaning a signer chose among the protocol's meanings of the scope (its `signatureMeanings`, data of the
 * protocol folder): the one given by id, or the only one when the protocol has a single meaning. No meaning
 * chosen among several, or an id the protocol does not have, is refused (422 naming `meaning` and the ids),
 * so a signature never carries words the signer was not shown.
 */
export function pickSignatureMeaning(meanings: SignatureMeanings, scope: SignatureScope, id: string | undefined): SignatureMeaning {
  const offered = meanings[scope];
  const ids = offered.map((meaning) => meaning.id);
  if (id === undefined && offered.length === 1) return offered[0];
  const found = offered.find((meaning) => meaning.id === id);
  if (found !== undefined) return found;
  throw new HttpError(422, 'signature-meaning', id === undefined ? `choose what this ${scope} signature means` : `this protocol has no ${scope} signature meaning '${id}'`, {
    issues: [issue(id === undefined ? 'required' : 'unknown-meaning', ['meaning'], id ?? null, `one of ${ids.join(', ')}: the meanings of a ${scope} signature in this protocol`)],
  });
}
