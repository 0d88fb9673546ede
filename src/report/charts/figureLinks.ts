/**
 * Where a mark of a figure links to, when the figure is drawn inside the HTML report (counts to the list
 * of their subjects, a subject's lane or bar to the subject's profile). Standalone SVG files get none.
 */
export interface FigureLinks {
  readonly subjects: (ids: readonly string[]) => string;
  readonly subject: (id: string) => string;
}
