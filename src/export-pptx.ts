/**
 * `slides.pptx`: the planned deck as an editable PowerPoint file, written with
 * pptxgenjs from the deck and the theme (not from pictures of the slides, and
 * without a browser). Every slide is native text boxes, tables, charts,
 * equations and pictures at the deck's sizes and places, in the theme's colours
 * and fonts; its title is in the title placeholder, its notes in the notes page.
 * The body of a content slide is drawn by its layout's writer in
 * ./pptx-layouts.ts; diagrams come as pictures a browser drew before (see
 * ./diagram-pictures.ts), or stay their source.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import PptxModule from 'pptxgenjs';
import type * as Pptx from 'pptxgenjs';
import { isColor, isDark } from './contrast.js';
import type { Diagnostic } from './errors.js';
import { readImageType } from './image-type.js';
import { fitTitle } from './fit-title.js';
import { displayDate, labelsFor, type Labels } from './language.js';
import { budgetFor, slideSizeFor, type SlideBudget, type SlideSize } from './layout.js';
import { PPTX_FILE } from './manifest.js';
import type { DiagramPicture } from './diagram-pictures.js';
import type { Deck, Slide } from './model.js';
import { finishPackage, type SlideExtras } from './pptx-package.js';
import { hex, inch, pt, textBox, writeBody, runBase, paragraph, type Box, type LayoutContext, type PptxStyle } from './pptx-layouts.js';
import { inlineRuns, mathAsText, plainText, type Run } from './pptx-text.js';
import { authorsOf } from './render.js';
import { wrappedLines } from './text-width.js';
import { readRootVariables, type Palette } from './theme-config.js';
import type { Theme } from './themes.js';

/** pptxgenjs is typed as a CommonJS module; its ES build's default export is the class. */
const PptxGenJS = PptxModule as unknown as new () => Pptx.default;

export interface PptxResult {
  file: string;
  slides: number;
  bytes: number;
  ms: number;
  /** What the PowerPoint file could not carry over (e.g. an SVG picture shown as its alt text). */
  diagnostics: Diagnostic[];
}

export interface PptxOptions {
  /** Pictures of the deck's diagrams by Mermaid source (diagram-pictures.ts); a diagram without one shows its source as code. */
  diagrams?: ReadonlyMap<string, DiagramPicture>;
}

/** Writes `slides.pptx` into the deck folder `dir` (which holds the deck's `media/`). */
export async function writePptx(deck: Deck, theme: Theme, dir: string, options: PptxOptions = {}): Promise<PptxResult> {
  const started = performance.now();
  const { buffer, diagnostics } = await renderPptx(deck, theme, dir, options);
  const file = path.join(dir, PPTX_FILE);
  await writeFile(file, buffer);
  return { file, slides: deck.slides.length, bytes: buffer.length, ms: performance.now() - started, diagnostics };
}

/** The PowerPoint file of a deck, in memory. `deckDir` is where the deck's images are. */
export async function renderPptx(deck: Deck, theme: Theme, deckDir: string, options: PptxOptions = {}): Promise<{ buffer: Buffer; diagnostics: Diagnostic[] }> {
  const size = slideSizeFor(deck.meta.aspect);
  const style = pptxStyle(theme, deck.lang);
  const labels = labelsFor(deck.lang);
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'paparan', width: inch(size.width), height: inch(size.height) });
  pptx.layout = 'paparan';
  pptx.title = deck.meta.title;
  pptx.author = authorsOf(deck) ?? '';
  pptx.subject = deck.meta.description ?? deck.meta.subtitle ?? deck.meta.title;
  if (deck.meta.institution) pptx.company = deck.meta.institution;
  pptx.theme = { headFontFace: style.fonts.heading, bodyFontFace: style.fonts.body };
  const geometry = new Geometry(size, budgetFor(size));
  defineLayouts(pptx, geometry, style, theme, deckDir);

  const diagnostics: Diagnostic[] = [];
  const extras: SlideExtras[] = [];
  const sections = deck.slides.filter((s) => s.kind === 'section');
  deck.slides.forEach((slide, index) => {
    const colors = slideColors(slide, style);
    const warn = (message: string) => diagnostics.push({ severity: 'warning', file: deck.file, line: slide.line, message: `slides.pptx, slide ${index + 1}: ${message}` });
    const target = pptx.addSlide({ masterName: layoutName(slide) });
    setBackground(target, slide, colors, style, deckDir);
    const equations: SlideExtras['equations'] = [];
    const equation = (omml: string) => {
      const name = `Equation ${equations.length + 1}`;
      equations.push({ name, omml });
      return name;
    };
    const writer = { slide: target, style, colors, geometry, labels, deckDir, warn, equation, diagrams: options.diagrams };
    switch (slide.kind) {
      case 'title':
        writeTitleSlide(writer, slide, deck);
        break;
      case 'section':
        writeSectionSlide(writer, slide, `${sections.indexOf(slide) + 1} / ${sections.length}`);
        break;
      case 'closing':
        writeClosingSlide(writer, slide);
        break;
      default:
        writeContentSlide(writer, slide);
    }
    // The notes are written by finishPackage, as paragraphs; pptxgenjs makes the notes page.
    target.addNotes(' ');
    // A diagram drawn as a picture keeps its Mermaid source in the notes, to edit and draw again.
    const diagram = slide.body?.layout === 'diagram' && options.diagrams?.has(slide.body.source) ? slide.body.source.split('\n') : [];
    extras.push({ notes: [...slide.notes.map((note) => plainText(note, 'source')), ...diagram], accent: hex(colors.accent), equations });
  });

  const written = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer;
  const buffer = await finishPackage(written, {
    lang: style.lang,
    language: deck.lang,
    keywords: deck.meta.keywords ?? [],
    description: deck.meta.description,
    slides: extras,
    fonts: style.fonts,
  });
  return { buffer, diagnostics };
}

// --- Theme ---------------------------------------------------------------------

/** Colours, fonts and sizes of a theme, as the PowerPoint file uses them. */
export function pptxStyle(theme: Theme, lang: string): PptxStyle {
  return {
    palette: theme.palette,
    inverse: theme.inverse,
    fonts: themeFonts(theme),
    sizes: { body: theme.sizes.body ?? 30, heading: theme.sizes.heading ?? 40, title: theme.sizes.title ?? 60, small: theme.sizes.small ?? 20 },
    lang: officeLanguage(lang),
  };
}

/**
 * The theme's font families, by name: theme.json's `fonts`, else the custom properties of its
 * stylesheets, else paparan's Noto Sans. Office shows a font that is not installed in a font
 * it has of the same kind (see docs/office.md).
 */
export function themeFonts(theme: Theme): PptxStyle['fonts'] {
  const vars = new Map<string, string>();
  for (const layer of theme.chain) {
    for (const file of layer.cssFiles) for (const [name, value] of readRootVariables(readFileSync(file, 'utf8'))) vars.set(name, value);
    for (const role of ['body', 'heading', 'mono'] as const) {
      const family = layer.config.fonts?.[role];
      if (family) vars.set(`--font-${role}`, family);
    }
  }
  const body = firstFamily(vars.get('--font-body')) ?? 'Noto Sans';
  return { body, heading: firstFamily(vars.get('--font-heading')) ?? body, mono: firstFamily(vars.get('--font-mono')) ?? 'DejaVu Sans Mono' };
}

/** `'Atkinson Hyperlegible', 'Noto Sans', sans-serif` → `Atkinson Hyperlegible`; undefined for a `var()` or a generic family. */
function firstFamily(stack: string | undefined): string | undefined {
  const first = stack?.split(',')[0]?.trim().replace(/^['"]|['"]$/g, '');
  if (!first || first.startsWith('var(') || /^(sans-serif|serif|monospace|system-ui|cursive|fantasy)$/i.test(first)) return undefined;
  return first;
}

/** PowerPoint's spelling and screen readers want a language with its region: `id` → `id-ID`, `en` → `en-US`. */
export function officeLanguage(lang: string): string {
  const regions: Record<string, string> = { id: 'id-ID', in: 'id-ID', en: 'en-US', ms: 'ms-MY', jv: 'jv-ID', su: 'su-ID', nl: 'nl-NL', fr: 'fr-FR', de: 'de-DE', ar: 'ar-SA', ja: 'ja-JP', zh: 'zh-CN' };
  const tag = lang.trim();
  return /-/.test(tag) ? tag : (regions[tag.toLowerCase()] ?? tag);
}

/** An inverted slide, or one whose background colour is of the other brightness, takes the theme's inverse colours. */
function slideColors(slide: Slide, style: PptxStyle): Palette {
  const classes = (slide.className ?? '').split(/\s+/);
  if (classes.includes('inverse')) return style.inverse;
  if (slide.background && isColor(slide.background) && isDark(slide.background) !== isDark(style.palette.background)) return style.inverse;
  return style.palette;
}

function setBackground(target: Pptx.default.Slide, slide: Slide, colors: Palette, style: PptxStyle, deckDir: string): void {
  if (slide.background && isColor(slide.background)) target.background = { color: hex(slide.background) };
  else if (slide.background && ['png', 'jpeg', 'gif', 'bmp'].includes(readImageType(path.join(deckDir, slide.background)) ?? '')) target.background = { path: path.join(deckDir, slide.background) };
  else if (colors !== style.palette) target.background = { color: hex(colors.background) };
}

// --- Geometry --------------------------------------------------------------------

/** Where things go, in CSS pixels, after templates/assets/paparan.css. */
class Geometry {
  readonly padTop = 44;
  readonly padSide = 64;
  readonly padBottom = 28;
  readonly kickerHeight = 22 * 1.3;
  readonly titleLine = 1.2;

  constructor(
    readonly size: SlideSize,
    readonly budget: SlideBudget,
  ) {}

  get innerWidth(): number {
    return this.size.width - 2 * this.padSide;
  }

  /** Top of a content slide's title: below the kicker line when there is one. */
  titleTop(kicker: boolean): number {
    return this.padTop + (kicker ? this.kickerHeight + 6 : 0);
  }

  /** The box of a content slide's title placeholder: room for the three lines a heading may take. */
  titleBox(kicker: boolean, headingPx: number): Box {
    return { x: this.padSide, y: this.titleTop(kicker), w: this.innerWidth, h: 3 * headingPx * this.titleLine };
  }

  /** The centre line that title, section and closing slides are built around. */
  get middle(): number {
    return this.padTop + (this.size.height - this.padTop - this.padBottom) / 2;
  }
}

interface SlideWriter {
  slide: Pptx.default.Slide;
  style: PptxStyle;
  colors: Palette;
  geometry: Geometry;
  labels: Labels;
  deckDir: string;
  warn: (message: string) => void;
  equation: LayoutContext['equation'];
  diagrams: LayoutContext['diagrams'];
}

function layoutName(slide: Slide): string {
  if (slide.kind === 'title' || slide.kind === 'section' || slide.kind === 'closing') return `paparan-${slide.kind}`;
  return slide.kicker ? 'paparan-content-kicker' : 'paparan-content';
}

/** The title placeholder's place and look on each kind of slide: PowerPoint's outline and its accessibility checker read the titles there. */
function titlePlaceholder(kind: string, g: Geometry, style: PptxStyle, colors: Palette): Pptx.default.PlaceholderProps & Pptx.default.TextPropsOptions {
  const base = { name: 'title', type: 'title' as const, margin: 0, fontFace: style.fonts.heading, bold: true, color: hex(colors.heading), lang: style.lang };
  switch (kind) {
    case 'title': {
      // Grows upwards from just above the middle, the subtitle and byline below it: the group stays about centred.
      const px = style.sizes.title;
      return { ...base, ...inches({ x: g.padSide, y: g.padTop, w: g.innerWidth, h: g.middle - 24 - g.padTop }), valign: 'bottom', align: 'left', fontSize: pt(px), lineSpacing: pt(px * 1.15) };
    }
    case 'section':
      return { ...base, ...inches({ x: g.padSide, y: g.middle - 40, w: g.innerWidth, h: 3 * 52 * 1.2 }), valign: 'top', align: 'left', fontSize: pt(52), lineSpacing: pt(52 * 1.2) };
    case 'closing': {
      const px = style.sizes.title;
      return { ...base, ...inches({ x: g.padSide, y: g.padTop, w: g.innerWidth, h: g.middle - g.padTop }), valign: 'bottom', align: 'center', bold: false, fontSize: pt(px), lineSpacing: pt(px * 1.2) };
    }
    default: {
      const px = style.sizes.heading;
      return { ...base, ...inches(g.titleBox(kind === 'content-kicker', px)), valign: 'top', align: 'left', fontSize: pt(px), lineSpacing: pt(px * g.titleLine) };
    }
  }
}

function inches(box: Box): { x: number; y: number; w: number; h: number } {
  return { x: inch(box.x), y: inch(box.y), w: inch(box.w), h: inch(box.h) };
}

/** One slide layout per kind of slide, each with its title placeholder and the slide number. */
function defineLayouts(pptx: Pptx.default, g: Geometry, style: PptxStyle, theme: Theme, deckDir: string): void {
  const colors = style.palette;
  // Bottom left, as the deck shows it (paparan.css `.slide-number`).
  const slideNumber: Pptx.default.SlideNumberProps = { x: inch(12), y: inch(g.size.height - 10 - 22), w: inch(80), h: inch(22), fontFace: style.fonts.body, fontSize: pt(16), color: hex(colors.muted), align: 'left' };
  const logo = theme.logo && ['png', 'jpeg', 'gif'].includes(readImageType(path.join(deckDir, theme.logo)) ?? '') ? path.join(deckDir, theme.logo) : undefined;
  for (const kind of ['title', 'section', 'content', 'content-kicker', 'closing']) {
    const objects: Pptx.default.SlideMasterProps['objects'] = [{ placeholder: { options: titlePlaceholder(kind, g, style, colors), text: '' } }];
    // The theme's logo, small in the top padding of every slide but the title slide (paparan.css `.slide-logo`).
    if (logo && kind !== 'title') objects.push({ image: { path: logo, x: inch(g.size.width - 16 - 120), y: inch(8), w: inch(120), h: inch(30), sizing: { type: 'contain', w: inch(120), h: inch(30) }, altText: '' } });
    pptx.defineSlideMaster({ title: `paparan-${kind}`, background: { color: hex(colors.background) }, objects, slideNumber });
  }
}

/** The title in its placeholder; `runs` may add a smaller "(continued)". */
function addTitle(w: SlideWriter, kind: string, runs: Run[]): void {
  const placeholder = titlePlaceholder(kind, w.geometry, w.style, w.colors);
  const { name, type, ...options } = placeholder;
  void type;
  w.slide.addText(paragraph(runs), { ...options, placeholder: name, objectName: 'Title' });
}

// --- Slide kinds ---------------------------------------------------------------------

function writeTitleSlide(w: SlideWriter, slide: Slide, deck: Deck): void {
  const g = w.geometry;
  addTitle(w, 'title', [{ text: mathAsText(slide.title), options: runBase(w) }]);
  let y = g.middle - 24 + 20;
  if (slide.subtitle) {
    const lines = wrappedLines(slide.subtitle, 34, g.innerWidth);
    w.slide.addText(paragraph([{ text: slide.subtitle, options: runBase(w) }]), { ...textBox(w, { x: g.padSide, y, w: g.innerWidth, h: lines * 34 * 1.35 }, 34), color: hex(w.colors.muted), objectName: 'Subtitle' });
    y += lines * 34 * 1.35;
  }
  const authors = authorsOf(deck);
  const date = deck.meta.date === undefined ? undefined : displayDate(deck.meta.date, deck.lang);
  const byline: Run[] = [
    ...(authors ? paragraph([{ text: authors, options: runBase(w) }]) : []),
    ...(deck.meta.institution ? paragraph([{ text: deck.meta.institution, options: { ...runBase(w), color: hex(w.colors.muted) } }]) : []),
    ...(date ? paragraph([{ text: date, options: { ...runBase(w), color: hex(w.colors.muted) } }]) : []),
  ];
  if (byline.length === 0) return;
  // The byline under its accent rule (paparan.css `.byline`), 48px below the title block.
  y += 48;
  const lines = byline.filter((run) => run.options?.breakLine).length;
  w.slide.addShape('rect', { x: inch(g.padSide), y: inch(y), w: inch(g.innerWidth), h: inch(4), fill: { color: hex(w.colors.accent) }, line: { type: 'none' } });
  const height = Math.min(g.size.height - g.padBottom - y - 24, lines * 26 * 1.35);
  w.slide.addText(byline, { ...textBox(w, { x: g.padSide, y: y + 24, w: g.innerWidth, h: height }, 26), objectName: 'Byline' });
}

function writeSectionSlide(w: SlideWriter, slide: Slide, number: string): void {
  const g = w.geometry;
  const top = g.middle - 40;
  w.slide.addText(paragraph([{ text: number, options: runBase(w) }]), {
    ...textBox(w, { x: g.padSide, y: top - 16 - 26 * 1.35, w: g.innerWidth, h: 26 * 1.35 }, 26),
    bold: true,
    color: hex(w.colors.accent),
    charSpacing: pt(26 * 0.08),
    objectName: 'Section number',
  });
  addTitle(w, 'section', [{ text: mathAsText(slide.title), options: runBase(w) }]);
  const lines = Math.min(3, wrappedLines(mathAsText(slide.title), 52, g.innerWidth, true));
  // The short accent line under a section title (themes/default/theme.css).
  w.slide.addShape('rect', { x: inch(g.padSide), y: inch(top + lines * 52 * 1.2 + 28), w: inch(120), h: inch(6), fill: { color: hex(w.colors.accent) }, line: { type: 'none' } });
}

function writeClosingSlide(w: SlideWriter, slide: Slide): void {
  const g = w.geometry;
  addTitle(w, 'closing', [{ text: mathAsText(slide.title), options: runBase(w) }]);
  if (!slide.subtitle) return;
  w.slide.addText(paragraph([{ text: slide.subtitle, options: runBase(w) }]), {
    ...textBox(w, { x: g.padSide, y: g.middle + 24, w: g.innerWidth, h: 36 * 1.35 * 2 }, 36),
    align: 'center',
    color: hex(w.colors.muted),
    objectName: 'Subtitle',
  });
}

/** Content, outline and references slides: kicker, title, rule, body, source line. */
function writeContentSlide(w: SlideWriter, slide: Slide): void {
  const g = w.geometry;
  const heading = w.style.sizes.heading;
  if (slide.kicker) {
    // One line, as the deck shows it (its whole heading is on the section slide): capitals at 22px take about 0.68em each.
    const kicker = fitTitle(slide.kicker.toUpperCase(), Math.floor(g.innerWidth / (22 * 0.68)), 1).shown;
    w.slide.addText(paragraph([{ text: kicker, options: runBase(w) }]), {
      ...textBox(w, { x: g.padSide, y: g.padTop, w: g.innerWidth, h: g.kickerHeight }, 22),
      bold: true,
      color: hex(w.colors.accent),
      charSpacing: pt(22 * 0.04),
      lineSpacing: pt(22 * 1.3),
      objectName: 'Section',
    });
  }
  const continued = slide.continued ? ` (${w.labels.continued})` : '';
  const titleRuns: Run[] = [{ text: mathAsText(slide.title), options: runBase(w) }];
  if (continued) titleRuns.push({ text: continued, options: { ...runBase(w), bold: false, fontSize: pt(heading * 0.7), color: hex(w.colors.muted) } });
  addTitle(w, slide.kicker ? 'content-kicker' : 'content', titleRuns);
  // The continued label is smaller (0.7em): counted as bold heading text, it errs on the safe side.
  const lines = Math.min(3, wrappedLines(`${mathAsText(slide.title)}${continued}`, heading, g.innerWidth, true));
  const ruleY = g.titleTop(Boolean(slide.kicker)) + lines * heading * g.titleLine + 12;
  w.slide.addShape('line', { x: inch(g.padSide), y: inch(ruleY + 1.5), w: inch(g.innerWidth), h: 0, line: { color: hex(w.colors.rule), width: pt(3) } });

  let bottom = g.size.height - g.padBottom;
  const sources = slide.sources?.length ? `${slide.sources.length > 1 ? w.labels.sources : w.labels.source}: ${slide.sources.join('; ')}` : undefined;
  if (sources) {
    const small = w.style.sizes.small;
    const height = wrappedLines(plainText(sources), small, g.innerWidth) * small * 1.3;
    bottom -= height;
    w.slide.addText(paragraph(inlineRuns(sources, runBase(w), w.style.fonts.mono)), {
      ...textBox(w, { x: g.padSide, y: bottom, w: g.innerWidth, h: height }, small),
      color: hex(w.colors.muted),
      lineSpacing: pt(small * 1.3),
      objectName: 'Sources',
    });
    bottom -= 12;
  }
  if (!slide.body) return;
  const top = ruleY + 3 + 20;
  const ctx: LayoutContext = { slide: w.slide, box: { x: g.padSide, y: top, w: g.innerWidth, h: bottom - top }, style: w.style, colors: w.colors, deckDir: w.deckDir, warn: w.warn, equation: w.equation, diagrams: w.diagrams };
  writeBody(slide.body, ctx);
}

export type { SlideExtras };
