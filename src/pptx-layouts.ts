/**
 * The body of a content slide in PowerPoint, one small writer per layout (the
 * table `layoutWriters`), each drawing native, editable text boxes, tables and
 * pictures into the body's box at the deck's type sizes. A layout with no
 * writer yet shows its text as points (`writeFallback`), so a new layout of
 * the planner is never lost: it gets its own writer here, in one place.
 */
import path from 'node:path';
import type * as Pptx from 'pptxgenjs';
import { readImageSize } from './image-size.js';
import { readImageType } from './image-type.js';
import { displayMathSize } from './math.js';
import type { DiagramPicture } from './diagram-pictures.js';
import { pptxEquation } from './pptx-math.js';
import type { Point, SlideBody } from './model.js';
import { inlineRuns, plainText, type Run, type RunOptions } from './pptx-text.js';
import { sanitizeBlock } from './sanitize.js';
import { wrappedLines } from './text-width.js';
import type { Palette } from './theme-config.js';

/** A rectangle in the deck's CSS pixels (1280 × 720 for 16:9). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the theme gives the PowerPoint file: colours, fonts and text sizes in CSS pixels. */
export interface PptxStyle {
  palette: Palette;
  /** Colours of an inverted slide. */
  inverse: Palette;
  fonts: { body: string; heading: string; mono: string };
  sizes: { body: number; heading: number; title: number; small: number };
  /** The language of the text, as PowerPoint names it (`id-ID`, `en-US`). */
  lang: string;
}

export interface LayoutContext {
  slide: Pptx.default.Slide;
  /** Where the body goes: below the title, above the source line. */
  box: Box;
  style: PptxStyle;
  /** This slide's colours (an inverted slide has the theme's inverse ones). */
  colors: Palette;
  /** The deck folder, where `media/` holds the essay's images. */
  deckDir: string;
  warn: (message: string) => void;
  /** Registers a native equation (OMML) for the package step; returns the name of the text box that stands in for it. */
  equation: (omml: string) => string;
  /** Pictures of the deck's diagrams, by Mermaid source, when a browser drew them. */
  diagrams?: ReadonlyMap<string, DiagramPicture>;
}

type Writer<B extends SlideBody> = (body: B, ctx: LayoutContext) => void;
type Writers = { [L in SlideBody['layout']]?: Writer<Extract<SlideBody, { layout: L }>> };

/** CSS pixels at 96 per inch, as the browser lays the deck out. */
export const inch = (px: number): number => px / 96;
/** CSS pixels to points. */
export const pt = (px: number): number => px * 0.75;
/** `#12355b` → `12355B`, as PowerPoint writes colours. */
export const hex = (color: string): string => color.replace(/^#/, '').slice(0, 6).toUpperCase();

/** The CSS of paparan.css, in pixels, that the writers follow. */
const css = {
  lineHeight: 1.35,
  pointGap: 0.35,
  subpointScale: 0.93,
  indent: 1.2,
  statementScale: 1.15,
  tableSize: 24,
  codeSize: 22,
  referenceSize: 22,
  imageMaxHeight: 440,
  columnGap: 40,
  bigFigure: 180,
  timelineLabel: 24,
  compareHeading: 30,
  stepText: 26,
};

/** One writer per layout of the planner (src/model.ts `SlideBody`). */
export const layoutWriters: Writers = {
  bullets: (body, ctx) => {
    const paragraphs = body.points.flatMap((point, i) => pointParagraphs(point, ctx, body.ordered ? (body.start ?? 1) + i : undefined));
    ctx.slide.addText(paragraphs, textBox(ctx, ctx.box, ctx.style.sizes.body));
  },
  statement: (body, ctx) => barredText(ctx, body.text, { scale: css.statementScale, lineHeight: 1.4, top: 0.4 }),
  quote: (body, ctx) => barredText(ctx, body.text, { scale: 1, lineHeight: css.lineHeight, top: 0, italic: true, inset: 28 }),
  table: (body, ctx) => writeTable(body.header, body.rows, body.align, ctx),
  image: (body, ctx) => {
    // A picture beside a paragraph's points fills the left half, the points the right (the deck's .image-text).
    if (!body.points?.length) return writeImage(body, ctx);
    const half = (ctx.box.w - css.columnGap) / 2;
    writeImage(body, { ...ctx, box: { ...ctx.box, w: half } });
    layoutWriters.bullets!({ layout: 'bullets', points: body.points }, { ...ctx, box: { ...ctx.box, x: ctx.box.x + half + css.columnGap, w: half } });
  },
  chart: (body, ctx) => {
    // A native PowerPoint chart from the same numbers: editable, in the theme's colours.
    const { chart } = body;
    const data = chart.series.map((s) => ({ name: s.name, labels: chart.labels, values: s.values }));
    const colors = [ctx.colors.accent, ctx.colors.heading, ctx.colors.muted].map(hex);
    ctx.slide.addChart(chart.kind as Pptx.default.CHART_NAME, data, {
      x: inch(ctx.box.x),
      y: inch(ctx.box.y),
      w: inch(ctx.box.w),
      h: inch(Math.min(ctx.box.h, 440)),
      chartColors: colors,
      showLegend: chart.series.length > 1 || chart.kind === 'pie',
      legendFontSize: pt(css.tableSize),
      catAxisLabelFontSize: pt(css.tableSize),
      valAxisLabelFontSize: pt(css.tableSize),
      dataLabelFontSize: pt(css.tableSize),
      showValue: chart.kind !== 'line',
      catAxisLabelColor: hex(ctx.colors.text),
      valAxisLabelColor: hex(ctx.colors.text),
      altText: `${chart.labelHeader}: ${chart.labels.map((label, i) => `${label} ${chart.series.map((s) => s.values[i]).join(' / ')}`).join('; ')}`,
    });
  },
  math: (body, ctx) => writeEquation(body.tex, ctx),
  diagram: (body, ctx) => writeDiagram(body.source, ctx),
  bignumber: (body, ctx) => {
    // The figure very large; the slide's title placeholder holds its caption (the claim with its qualifier).
    ctx.slide.addText(paragraph([{ text: body.figure, options: { ...runBase(ctx), bold: true } }]), {
      ...textBox(ctx, { ...ctx.box, h: css.bigFigure * 1.1 }, css.bigFigure),
      color: hex(ctx.colors.accent),
      lineSpacing: pt(css.bigFigure),
    });
  },
  timeline: (body, ctx) => {
    const n = body.events.length;
    const gap = 20;
    const width = (ctx.box.w - gap * (n - 1)) / n;
    const dateSize = 40;
    const top = ctx.box.y + 24;
    // The line the dates sit on, across the whole box.
    ctx.slide.addShape('rect', { x: inch(ctx.box.x), y: inch(top + dateSize * 0.55), w: inch(ctx.box.w), h: inch(6), fill: { color: hex(ctx.colors.rule) }, line: { type: 'none' } });
    body.events.forEach((event, i) => {
      const x = ctx.box.x + i * (width + gap);
      ctx.slide.addText(paragraph([{ text: event.date, options: { ...runBase(ctx), bold: true } }]), {
        ...textBox(ctx, { x, y: top, w: Math.min(width, dateSize * 2.8), h: dateSize * 1.4 }, dateSize),
        color: hex(ctx.colors.accent),
        fill: { color: hex(ctx.colors.background) },
      });
      const label = paragraph(inlineRuns(event.label, runBase(ctx), ctx.style.fonts.mono));
      ctx.slide.addText(label, textBox(ctx, { x, y: top + dateSize * 1.6, w: width, h: ctx.box.y + ctx.box.h - top - dateSize * 1.6 }, css.timelineLabel));
    });
  },
  definition: (body, ctx) => {
    const size = ctx.style.sizes.body * css.statementScale;
    const lines = wrappedLines(plainText(body.definition), size, ctx.box.w);
    const height = lines * size * 1.4 + size * 0.8;
    ctx.slide.addText(paragraph(inlineRuns(body.definition, runBase(ctx), ctx.style.fonts.mono)), { ...textBox(ctx, { ...ctx.box, h: height }, size), lineSpacing: pt(size * 1.4) });
    if (body.points.length > 0) layoutWriters.bullets!({ layout: 'bullets', points: body.points }, { ...ctx, box: { ...ctx.box, y: ctx.box.y + height, h: ctx.box.h - height } });
  },
  compare: (body, ctx) => {
    let top = ctx.box.y;
    if (body.lead) {
      ctx.slide.addText(paragraph(inlineRuns(body.lead, runBase(ctx), ctx.style.fonts.mono)), { ...textBox(ctx, { ...ctx.box, h: ctx.style.sizes.body * 1.6 }, ctx.style.sizes.body), color: hex(ctx.colors.muted) });
      top += ctx.style.sizes.body * 1.8;
    }
    const width = (ctx.box.w - css.columnGap) / 2;
    body.columns.forEach((column, i) => {
      const x = ctx.box.x + i * (width + css.columnGap);
      ctx.slide.addShape('rect', { x: inch(x), y: inch(top), w: inch(width), h: inch(6), fill: { color: hex(i === 0 ? ctx.colors.accent : ctx.colors.heading) }, line: { type: 'none' } });
      ctx.slide.addText(paragraph([{ text: column.heading.toUpperCase(), options: { ...runBase(ctx), bold: true } }]), {
        ...textBox(ctx, { x, y: top + 22, w: width, h: css.compareHeading * 1.5 }, css.compareHeading),
        color: hex(ctx.colors.heading),
        fontFace: ctx.style.fonts.heading,
      });
      const points = column.points.flatMap((point) => paragraph(inlineRuns(point.text, runBase(ctx), ctx.style.fonts.mono), { paraSpaceAfter: pt(ctx.style.sizes.body * css.pointGap) }));
      const below = top + 22 + css.compareHeading * 1.7;
      ctx.slide.addText(points, textBox(ctx, { x, y: below, w: width, h: ctx.box.y + ctx.box.h - below }, ctx.style.sizes.body));
    });
  },
  steps: (body, ctx) => {
    // Numbered cards, three a row (two for four), as the deck's ol.steps.
    const perRow = body.items.length === 4 ? 2 : 3;
    const gap = 20;
    const width = (ctx.box.w - gap * (perRow - 1)) / perRow;
    const textWidth = width - 40;
    const cardHeight = Math.max(...body.items.map((item) => wrappedLines(plainText(item.text), css.stepText, textWidth))) * css.stepText * 1.3 + 40 + 48;
    body.items.forEach((item, i) => {
      const x = ctx.box.x + (i % perRow) * (width + gap);
      const y = ctx.box.y + 8 + Math.floor(i / perRow) * (cardHeight + gap);
      ctx.slide.addShape('rect', { x: inch(x), y: inch(y), w: inch(width), h: inch(cardHeight), fill: { color: hex(ctx.colors.background) }, line: { color: hex(ctx.colors.rule), width: 1.5 } });
      ctx.slide.addShape('rect', { x: inch(x), y: inch(y), w: inch(width), h: inch(6), fill: { color: hex(ctx.colors.accent) }, line: { type: 'none' } });
      const runs = [
        ...paragraph([{ text: String(i + 1), options: { ...runBase(ctx), bold: true, color: hex(ctx.colors.accent), fontSize: pt(40) } }], { lineSpacing: pt(44) }),
        ...paragraph(inlineRuns(item.text, runBase(ctx), ctx.style.fonts.mono)),
      ];
      ctx.slide.addText(runs, { ...textBox(ctx, { x: x + 20, y: y + 18, w: textWidth, h: cardHeight - 24 }, css.stepText), lineSpacing: pt(css.stepText * 1.3) });
    });
    const rows = Math.ceil(body.items.length / perRow);
    const used = 8 + rows * cardHeight + (rows - 1) * gap + 20;
    if (body.points.length > 0) layoutWriters.bullets!({ layout: 'bullets', points: body.points }, { ...ctx, box: { ...ctx.box, y: ctx.box.y + used, h: ctx.box.h - used } });
  },
  code: (body, ctx) => {
    const size = css.codeSize;
    const lines = body.text.split('\n');
    const height = Math.min(ctx.box.h, lines.length * size * css.lineHeight + 32);
    const runs = lines.map((line, i): Run => ({ text: line === '' ? ' ' : line, options: { breakLine: i < lines.length - 1 } }));
    ctx.slide.addText(runs, {
      ...textBox(ctx, { ...ctx.box, h: height }, size),
      fontFace: ctx.style.fonts.mono,
      margin: pt(16),
      fill: { color: hex(ctx.colors.codeBackground) },
    });
  },
  // Raw HTML cannot be drawn natively: its text is kept, as points.
  html: (body, ctx) => writePoints(htmlText(body.html), ctx),
  references: (body, ctx) => {
    const size = css.referenceSize;
    const runs = body.entries.flatMap((entry) => paragraph(inlineRuns(entry, runBase(ctx)), { paraSpaceAfter: pt(10) }));
    ctx.slide.addText(runs, { ...textBox(ctx, ctx.box, size), lineSpacing: pt(size * 1.3) });
  },
};

/** Draws a slide body with its layout's writer, or as points when the layout has none yet. */
export function writeBody(body: SlideBody, ctx: LayoutContext): void {
  const writer = layoutWriters[body.layout] as Writer<SlideBody> | undefined;
  if (writer) writer(body, ctx);
  else writeFallback(body, ctx);
}

/** A layout without a writer: every text it holds, as points in order, so nothing of it is lost. */
export function writeFallback(body: SlideBody, ctx: LayoutContext): void {
  writePoints(textsOf(body), ctx);
}

function writePoints(texts: string[], ctx: LayoutContext): void {
  const points = texts.filter((text) => text.trim() !== '').map((text) => ({ text }));
  if (points.length > 0) layoutWriters.bullets!({ layout: 'bullets', points }, ctx);
}

/** The strings of a body in reading order; an object in a list becomes one point ("2019 — text"). */
export function textsOf(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return ['layout', 'src', 'align', 'lang', 'partial'].includes(key) ? [] : [value];
  if (typeof value === 'number') return key === 'start' ? [] : [String(value)];
  if (Array.isArray(value)) {
    return value.flatMap((item) => (item && typeof item === 'object' && !Array.isArray(item) ? [textsOf(item).join(' — ')] : textsOf(item, key)));
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => textsOf(v, k));
  return [];
}

// --- Text boxes ----------------------------------------------------------------

/** The options every text box shares: its place, no inner margin, top-aligned, the theme's body text. */
export function textBox(ctx: Pick<LayoutContext, 'style' | 'colors'>, box: Box, sizePx: number): Pptx.default.TextPropsOptions {
  return {
    x: inch(box.x),
    y: inch(box.y),
    w: inch(box.w),
    h: inch(box.h),
    margin: 0,
    valign: 'top',
    fontFace: ctx.style.fonts.body,
    fontSize: pt(sizePx),
    color: hex(ctx.colors.text),
    lineSpacing: pt(sizePx * css.lineHeight),
    lang: ctx.style.lang,
  };
}

/** The options of every run: the language, so spelling and screen readers know it. */
export function runBase(ctx: Pick<LayoutContext, 'style'>): RunOptions {
  return { lang: ctx.style.lang };
}

/** Runs as one paragraph: the first run carries the paragraph's options, the last ends it. */
export function paragraph(runs: Run[], options: RunOptions = {}): Run[] {
  const list = runs.length > 0 ? runs.map((run) => ({ ...run, options: { ...run.options } })) : [{ text: '', options: {} }];
  Object.assign(list[0]!.options!, options);
  list.at(-1)!.options!.breakLine = true;
  return list;
}

/** A point and its numbered sub-points, as in templates/partials/bullets.hbs. */
function pointParagraphs(point: Point, ctx: LayoutContext, number: number | undefined): Run[] {
  const body = ctx.style.sizes.body;
  const indent = pt(body * css.indent);
  const bullet: RunOptions['bullet'] = number === undefined ? { indent } : { type: 'number', numberStartAt: number, indent };
  const subpoints = point.subpoints ?? [];
  // The gap after a point comes after its sub-points (the list item's margin), a small one before them.
  const gap = pt(body * css.pointGap);
  const own = paragraph(inlineRuns(point.text, runBase(ctx), ctx.style.fonts.mono), { bullet, paraSpaceAfter: subpoints.length > 0 ? pt(body * 0.2) : gap });
  const subSize = body * css.subpointScale;
  const subs = subpoints.flatMap((sub, i) =>
    paragraph(inlineRuns(sub.text, { ...runBase(ctx), fontSize: pt(subSize) }, ctx.style.fonts.mono), {
      bullet: { type: 'number', numberStartAt: i + 1, indent },
      indentLevel: 1,
      lineSpacing: pt(subSize * css.lineHeight),
      paraSpaceAfter: i === subpoints.length - 1 ? gap : pt(subSize * 0.15),
    }),
  );
  return [...own, ...subs];
}

/** A statement or quote: larger or italic text with the accent bar at its left, as paparan.css draws them. */
function barredText(ctx: LayoutContext, text: string, look: { scale: number; lineHeight: number; top: number; italic?: boolean; inset?: number }): void {
  const size = ctx.style.sizes.body * look.scale;
  const inset = look.inset ?? 24;
  const top = ctx.box.y + look.top * size;
  const height = Math.min(ctx.box.y + ctx.box.h - top, wrappedLines(plainText(text), size, ctx.box.w - inset - 6) * size * look.lineHeight);
  ctx.slide.addShape('rect', { x: inch(ctx.box.x), y: inch(top), w: inch(6), h: inch(height), fill: { color: hex(ctx.colors.accent) }, line: { type: 'none' } });
  const runs = paragraph(inlineRuns(text, { ...runBase(ctx), italic: look.italic }, ctx.style.fonts.mono));
  ctx.slide.addText(runs, { ...textBox(ctx, { x: ctx.box.x + 6 + inset, y: top, w: ctx.box.w - 6 - inset, h: ctx.box.y + ctx.box.h - top }, size), lineSpacing: pt(size * look.lineHeight) });
}

// --- Tables --------------------------------------------------------------------

function writeTable(header: string[], rows: string[][], align: (string | null)[], ctx: LayoutContext): void {
  const size = css.tableSize;
  const columns = Math.max(header.length, ...rows.map((row) => row.length));
  // Columns as wide as their longest line, as the browser's automatic table layout does, within reason.
  const weights = Array.from({ length: columns }, (_, c) => Math.min(40, Math.max(6, ...[header, ...rows].map((row) => plainText(row[c] ?? '').length))));
  const total = weights.reduce((a, b) => a + b, 0);
  const colW = weights.map((weight) => inch((ctx.box.w * weight) / total));
  const cellAlign = (c: number): Pptx.default.HAlign => (align[c] === 'center' ? 'center' : align[c] === 'right' ? 'right' : 'left');
  const cell = (text: string, c: number, head: boolean): Pptx.default.TableCell => ({
    text: inlineRuns(text, { ...runBase(ctx), bold: head || undefined }, ctx.style.fonts.mono),
    options: {
      align: cellAlign(c),
      valign: 'top',
      color: hex(head ? ctx.colors.heading : ctx.colors.text),
      border: [
        { type: 'none' },
        { type: 'none' },
        head ? { type: 'solid', pt: pt(2), color: hex(ctx.colors.heading) } : { type: 'solid', pt: pt(1), color: hex(ctx.colors.rule) },
        { type: 'none' },
      ],
    },
  });
  const tableRows = [header.map((text, c) => cell(text, c, true)), ...rows.map((row) => Array.from({ length: columns }, (_, c) => cell(row[c] ?? '', c, false)))];
  ctx.slide.addTable(tableRows, {
    x: inch(ctx.box.x),
    y: inch(ctx.box.y),
    w: inch(ctx.box.w),
    colW,
    fontFace: ctx.style.fonts.body,
    fontSize: pt(size),
    margin: [inch(6), inch(12), inch(6), inch(12)],
    autoPage: false,
  });
}

// --- Pictures ------------------------------------------------------------------

/** Formats PowerPoint and LibreOffice both show; others are drawn as their alt text, with a warning. */
const pictureTypes = new Set(['png', 'jpeg', 'gif', 'bmp']);

function writeImage(body: Extract<SlideBody, { layout: 'image' }>, ctx: LayoutContext): void {
  const small = ctx.style.sizes.small;
  const captionLines = body.caption ? wrappedLines(plainText(body.caption), small, ctx.box.w) : 0;
  const captionHeight = body.caption ? 10 + captionLines * small * css.lineHeight : 0;
  const room = { w: ctx.box.w, h: Math.min(css.imageMaxHeight, ctx.box.h - captionHeight) };
  const file = body.src ? path.join(ctx.deckDir, body.src) : undefined;
  const type = file ? readImageType(file) : undefined;
  const size = file && type && pictureTypes.has(type) ? readImageSize(file) : undefined;
  let shown: Box;
  if (file && size) {
    const scale = Math.min(room.w / size.width, room.h / size.height);
    shown = { w: size.width * scale, h: size.height * scale, x: 0, y: 0 };
  } else {
    if (file) ctx.warn(`image "${path.basename(body.src)}" is ${type ? `a ${type.toUpperCase()} file, which PowerPoint may not show` : 'unreadable'}: slides.pptx shows its alt text; export it as PNG or JPEG`);
    shown = { w: Math.min(room.w, 640), h: Math.min(room.h, 200), x: 0, y: 0 };
  }
  // Centred in the body, the caption under it, as `figure.image` is.
  const groupHeight = shown.h + captionHeight;
  shown.x = ctx.box.x + (ctx.box.w - shown.w) / 2;
  shown.y = ctx.box.y + Math.max(0, (ctx.box.h - groupHeight) / 2);
  const alt = plainText(body.alt) || plainText(body.caption ?? '');
  if (file && size) {
    ctx.slide.addImage({ path: file, x: inch(shown.x), y: inch(shown.y), w: inch(shown.w), h: inch(shown.h), altText: alt });
  } else {
    ctx.slide.addText(paragraph([{ text: alt || '(image)', options: runBase(ctx) }]), {
      ...textBox(ctx, shown, small),
      align: 'center',
      valign: 'middle',
      color: hex(ctx.colors.muted),
      line: { color: hex(ctx.colors.rule), width: 1.5, dashType: 'dash' },
    });
  }
  if (body.caption) {
    const caption = paragraph(inlineRuns(body.caption, runBase(ctx), ctx.style.fonts.mono));
    ctx.slide.addText(caption, { ...textBox(ctx, { x: ctx.box.x, y: shown.y + shown.h + 10, w: ctx.box.w, h: captionHeight }, small), align: 'center', color: hex(ctx.colors.muted) });
  }
}

// --- Formulas and diagrams ------------------------------------------------------------

/**
 * A display formula as a native PowerPoint equation, centred in the body as the deck shows it: here a text
 * box with the formula as plain text (what apps without equations show), which the package step wraps with
 * the equation (pptx-package.ts). A formula that does not parse keeps its source, as code (the parser warned).
 */
function writeEquation(tex: string, ctx: LayoutContext): void {
  // The deck's size (render.ts): as large as fits the width, from 44 px down to 22 px.
  let px = displayMathSize(tex, ctx.box.w, 44, 22).px;
  const look = (size: number) => ({ lang: ctx.style.lang, sizePt: pt(size), color: hex(ctx.colors.text) });
  let equation = pptxEquation(tex, look(px));
  if (!equation) return layoutWriters.code!({ layout: 'code', text: tex, lang: 'tex' }, ctx);
  // LibreOffice stretches an equation to its box: the box has the formula's shape, smaller type if it must.
  const fit = Math.min(1, ctx.box.w / (equation.width * px), ctx.box.h / (equation.height * px));
  if (fit < 1) {
    px *= fit;
    equation = pptxEquation(tex, look(px))!;
  }
  const w = equation.width * px;
  const h = equation.height * px;
  const box = { x: ctx.box.x + (ctx.box.w - w) / 2, y: ctx.box.y + (ctx.box.h - h) / 2, w, h };
  ctx.slide.addText(paragraph([{ text: equation.text, options: runBase(ctx) }]), { ...textBox(ctx, box, px), align: 'center', valign: 'middle', objectName: ctx.equation(equation.omml) });
}

/** A diagram as its picture (drawn by the browser, see diagram-pictures.ts), fitted and centred; without one, its source as code. */
function writeDiagram(source: string, ctx: LayoutContext): void {
  const picture = ctx.diagrams?.get(source);
  if (!picture) return layoutWriters.code!({ layout: 'code', text: source, lang: 'mermaid' }, ctx);
  // As the deck's .diagram-svg: never larger than drawn, at most 480 px high, centred.
  const scale = Math.min(1, ctx.box.w / picture.width, Math.min(ctx.box.h, 480) / picture.height);
  const w = picture.width * scale;
  const h = picture.height * scale;
  const box = { x: ctx.box.x + (ctx.box.w - w) / 2, y: ctx.box.y + (ctx.box.h - h) / 2, w, h };
  ctx.slide.addImage({ data: `image/png;base64,${picture.png.toString('base64')}`, ...inchBox(box), altText: picture.alt });
}

function inchBox(box: Box): { x: number; y: number; w: number; h: number } {
  return { x: inch(box.x), y: inch(box.y), w: inch(box.w), h: inch(box.h) };
}

/** The text of sanitized raw HTML, one entry per block. */
function htmlText(html: string): string[] {
  const safe = sanitizeBlock(html, false);
  return safe
    .replace(/<(br|\/p|\/li|\/h\d|\/div|\/tr|\/blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
