// Figures of the report: Vega-Lite specs built from the figure models with one shared theme, and their SVG.
export {
  CHART_CONFIG,
  CHART_FONT,
  CHART_WIDTH,
  CONTROL_PALETTE,
  NOT_EVALUABLE_COLOR,
  PROGRESSION_COLOR,
  RESPONDER_PALETTE,
  SERIES_PALETTE,
  responseColorScale,
  responseColors,
  responseOrder,
  responseRank,
} from './chartTheme.js';
export type { FigureLinks } from './figureLinks.js';
export { figureSpec } from './figureSpec.js';
export { consortSpec } from './consortSpec.js';
export { forestSpec } from './forestSpec.js';
export { kaplanMeierSpec } from './kaplanMeierSpec.js';
export { responseBarsSpec } from './responseBarsSpec.js';
export { swimmerSpec } from './swimmerSpec.js';
export { waterfallSpec, WATERFALL_CAP_PERCENT } from './waterfallSpec.js';
export type { ChartEngine } from './renderFigureSvg.js';
export { importChartEngine, renderFigureSvg, scopeSvgIds, withSvgNamespace } from './renderFigureSvg.js';
export type { FigureFrameOptions, FramedFigure } from './frameFigureSvg.js';
export { frameFigureSvg, layoutFigureFrame } from './frameFigureSvg.js';
