import type { Codelist } from '../crf/index.js';
import type { ResponseScale } from './responseScale.js';

/** The scale as a code list of the forms (response calls, prior lines' best response, IRC adjudication). */
export function responseScaleCodelist(scale: ResponseScale): Codelist {
  return Object.freeze({
    id: 'RESPONSE',
    label: `Response (${scale.name})`,
    items: Object.freeze(scale.categories.map((category) => Object.freeze({ code: category.code, label: category.label }))),
    source: scale.citation,
  });
}
