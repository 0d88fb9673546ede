import type { TopLevelSpec } from 'vega-lite';
import type { ReportFigureModel } from '../model/index.js';
import { consortSpec } from './consortSpec.js';
import type { FigureLinks } from './figureLinks.js';
import { forestSpec } from './forestSpec.js';
import { kaplanMeierSpec } from './kaplanMeierSpec.js';
import { responseBarsSpec } from './responseBarsSpec.js';
import { swimmerSpec } from './swimmerSpec.js';
import { waterfallSpec } from './waterfallSpec.js';

/**
 * The Vega-Lite spec of a report figure: plain JSON, so the web app can hand the same spec to vega-embed
 * in the browser and get the figure the report prints.
 */
export function figureSpec(figure: ReportFigureModel, links: FigureLinks | null = null): TopLevelSpec {
  switch (figure.figureKind) {
    case 'consort':
      return consortSpec(figure, links);
    case 'kaplan-meier':
      return kaplanMeierSpec(figure);
    case 'response-bars':
      return responseBarsSpec(figure, links);
    case 'forest':
      return forestSpec(figure, links);
    case 'swimmer':
      return swimmerSpec(figure, links);
    case 'waterfall':
      return waterfallSpec(figure, links);
  }
}
