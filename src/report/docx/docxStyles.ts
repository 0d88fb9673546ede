import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IParagraphStylePropertiesOptions, type IRunStylePropertiesOptions, type IStylesOptions } from 'docx';

/**
 * The document's named styles. Every paragraph the renderer writes uses one of these, and none carries
 * direct formatting, so a medical writer restyles the whole report (font, sizes, spacing) by editing the
 * styles in Word, or by pasting the report into a company template with styles of the same names.
 */
export const DOCX_STYLE = Object.freeze({
  title: 'Title',
  subtitle: 'Subtitle',
  synthetic: 'SyntheticLabel',
  contents: 'ContentsEntry',
  tableTitle: 'TableTitle',
  figureTitle: 'FigureTitle',
  population: 'TablePopulation',
  tableHeader: 'TableHeader',
  tableStubHeader: 'TableStubHeader',
  tableStub: 'TableStub',
  tableRowHeading: 'TableRowHeading',
  tableCell: 'TableCell',
  footnote: 'TableFootnote',
  abbreviations: 'TableAbbreviations',
  figure: 'FigureImage',
  note: 'ReportNote',
  pageHeader: 'PageHeaderText',
  pageFooter: 'PageFooterText',
});

const FONT = 'Arial';
// Half-points: Word's unit for font sizes.
const BODY = 20;
const SMALL = 16;

function style(id: string, name: string, run: IRunStylePropertiesOptions, paragraph: IParagraphStylePropertiesOptions = {}, basedOn = 'Normal'): IParagraphStyleOptions {
  return { id, name, basedOn, next: 'Normal', quickFormat: true, run, paragraph };
}

export function docxStyles(): IStylesOptions {
  return {
    default: {
      // lineRule must be explicit: without it LibreOffice reads the line height as exact and clips every inline figure to one line
      document: { run: { font: FONT, size: BODY }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
      title: { run: { font: FONT, size: 40, bold: true }, paragraph: { spacing: { before: 2400, after: 240 }, alignment: AlignmentType.CENTER } },
      heading1: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 0, after: 240 }, keepNext: true } },
    },
    paragraphStyles: [
      style(DOCX_STYLE.subtitle, 'Subtitle', { size: 24 }, { alignment: AlignmentType.CENTER, spacing: { after: 240 } }),
      style(DOCX_STYLE.synthetic, 'Synthetic label', { size: 24, bold: true, color: 'C00000' }, { alignment: AlignmentType.CENTER, spacing: { before: 480, after: 480 } }),
      style(DOCX_STYLE.contents, 'Contents entry', { size: BODY }, { spacing: { after: 40 }, indent: { left: 1440, hanging: 1440 } }),
      style(DOCX_STYLE.tableTitle, 'Table title', { size: 22, bold: true }, { spacing: { after: 60 }, keepNext: true }),
      style(DOCX_STYLE.figureTitle, 'Figure title', { size: 22, bold: true }, { spacing: { after: 60 }, keepNext: true }),
      style(DOCX_STYLE.population, 'Table population', { size: BODY }, { spacing: { after: 120 }, keepNext: true }),
      style(DOCX_STYLE.tableHeader, 'Table header', { size: 18, bold: true }, { alignment: AlignmentType.CENTER, spacing: { before: 40, after: 40 } }),
      style(DOCX_STYLE.tableStubHeader, 'Table stub header', { size: 18, bold: true }, { alignment: AlignmentType.LEFT, spacing: { before: 40, after: 40 } }),
      style(DOCX_STYLE.tableStub, 'Table stub', { size: 18 }, { alignment: AlignmentType.LEFT, spacing: { before: 20, after: 20 } }),
      style(DOCX_STYLE.tableRowHeading, 'Table row heading', { size: 18, bold: true }, { alignment: AlignmentType.LEFT, spacing: { before: 60, after: 20 }, keepNext: true }),
      style(DOCX_STYLE.tableCell, 'Table cell', { size: 18 }, { alignment: AlignmentType.CENTER, spacing: { before: 20, after: 20 } }),
      style(DOCX_STYLE.footnote, 'Table footnote', { size: SMALL }, { spacing: { before: 40 } }),
      style(DOCX_STYLE.abbreviations, 'Table abbreviations', { size: SMALL }, { spacing: { before: 40 } }),
      style(DOCX_STYLE.figure, 'Figure image', { size: BODY }, { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 60 }, keepNext: true }),
      style(DOCX_STYLE.note, 'Report note', { size: BODY, italics: true }, { spacing: { before: 120, after: 120 } }),
      style(DOCX_STYLE.pageHeader, 'Page header text', { size: SMALL, color: '404040' }),
      style(DOCX_STYLE.pageFooter, 'Page footer text', { size: SMALL, color: '404040' }, { alignment: AlignmentType.RIGHT }),
    ],
  };
}
