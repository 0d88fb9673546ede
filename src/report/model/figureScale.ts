import type { ResponseScale } from '../../clinical/index.js';

/** A category of the response scale as the figures draw it: its code, label, rank (1 = best) and meaning. */
export interface FigureScaleCategory {
  readonly code: string;
  readonly label: string;
  readonly rank: number;
  readonly responder: boolean;
  readonly diseaseControl: boolean;
  readonly progression: boolean;
  readonly notEvaluable: boolean;
}

/**
 * The response scale carried in a figure's data, so that a chart colours and orders categories by their
 * rank and meaning on the protocol's scale, never by their names.
 */
export interface FigureScale {
  readonly name: string;
  readonly responderLabel: string;
  readonly categories: readonly FigureScaleCategory[];
}

export function figureScale(scale: ResponseScale): FigureScale {
  return Object.freeze({
    name: scale.name,
    responderLabel: scale.responderLabel,
    categories: Object.freeze(
      scale.categories.map((c, i) =>
        Object.freeze({
          code: c.code,
          label: c.label,
          rank: i + 1,
          responder: c.responder,
          diseaseControl: c.diseaseControl,
          progression: c.code === scale.progression,
          notEvaluable: c.code === scale.notEvaluable,
        }),
      ),
    ),
  });
}
