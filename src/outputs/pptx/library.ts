import Pptx from 'pptxgenjs';

/**
 * pptxgenjs's types describe its CommonJS build (the class as `default` of `module.exports`), while Node loads
 * its ES build, whose default export is the class itself: one name for both.
 */
export const Presentation = ((Pptx as unknown as { default?: unknown }).default ?? Pptx) as typeof Pptx.default;
export type Presentation = Pptx.default;
export type Slide = Pptx.default.Slide;
export type TextProps = Pptx.default.TextProps;
export type TextOptions = Pptx.default.TextPropsOptions;
export type TableRow = Pptx.default.TableRow;
export type TableCell = Pptx.default.TableCell;
export type TableCellProps = Pptx.default.TableCellProps;
export type ShapeProps = Pptx.default.ShapeProps;
