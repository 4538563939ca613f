/**
 * The plain data that flows through the pipeline:
 * SourceDoc (what the essay says) → Deck (what the slides show).
 */
import type { Diagnostic } from './errors.js';
import type { ChartData } from './chart.js';
import type { EssayMeta } from './front-matter.js';
import type { Footnote } from './footnotes.js';

/** Author instructions attached to a block with `<!-- paparan: ... -->`. */
export interface Directives {
  /** Keep this block on one slide when it fits. */
  keep?: boolean;
  /** Start a new slide before this block. */
  breakBefore?: boolean;
  /** Extra CSS class(es) for the slide(s) this block lands on. */
  className?: string;
  /** A background (colour or image path) for the slide(s) this block lands on. */
  background?: string;
  /** Seconds to spend on the slide(s) of this block, for the speaker view's pacing. */
  timing?: number;
  /** `layout=timeline` (bignumber, definition, compare, steps) forces a layout for this passage; `layout=points` refuses them all. */
  layout?: string;
  /** `chart=bar` (line, pie) shows a table of numbers as a chart; `chart=none` keeps it a table. */
  chart?: string;
}

interface BlockBase {
  /** 1-based line in the source file where the block starts. */
  line: number;
  directives: Directives;
}

export type Block =
  | (BlockBase & { kind: 'paragraph'; text: string; keyPoints?: string[] })
  | (BlockBase & { kind: 'list'; ordered: boolean; start: number; items: string[] })
  | (BlockBase & { kind: 'quote'; text: string })
  | (BlockBase & { kind: 'table'; header: string[]; align: (string | null)[]; rows: string[][] })
  | (BlockBase & { kind: 'image'; src: string; alt: string; title?: string })
  /** Fenced code; `marked` lists the lines to highlight (` ```js {2,4-5} `), counted from 1. */
  | (BlockBase & { kind: 'code'; text: string; lang?: string; marked?: number[] })
  /** A ```mermaid diagram, its source. */
  | (BlockBase & { kind: 'diagram'; source: string })
  /** A display formula (`$$…$$` or a ```math block), TeX source. */
  | (BlockBase & { kind: 'math'; tex: string })
  | (BlockBase & { kind: 'html'; html: string });

export interface Section {
  title: string;
  /** 2 for `##`, 3 for `###`. */
  level: 2 | 3;
  line: number;
  blocks: Block[];
  directives: Directives;
}

export interface SourceDoc {
  /** Path as the user named it, used in every message. */
  file: string;
  /** Absolute folder of the essay; image paths resolve against it. */
  baseDir: string;
  slug: string;
  meta: EssayMeta;
  /** The line of each front matter key, for messages about its value. */
  metaLines?: Record<string, number>;
  /** Blocks before the first `##` heading. */
  preamble: Block[];
  sections: Section[];
  /** Reference entries (Markdown inline), from the references section and front matter. */
  references: { text: string; line?: number }[];
  /** Footnotes (`[^1]`), for the speaker notes of the slides that show their sentences. */
  footnotes?: Footnote[];
  diagnostics: Diagnostic[];
}

export type SlideKind = 'title' | 'outline' | 'section' | 'content' | 'references' | 'closing';

/** One point on a bullet slide, as Markdown inline text (rendered and sanitized by render.ts). */
export interface Point {
  text: string;
  subpoints?: Point[];
}

/** What a content slide shows; the layout picks the template partial. Text fields are Markdown inline. */
export type SlideBody =
  | { layout: 'bullets'; points: Point[]; ordered?: boolean; start?: number }
  | { layout: 'statement'; text: string }
  /** A figure shown very large, with what it measures (Markdown inline, the essay's qualifier kept). */
  | { layout: 'bignumber'; figure: string; caption: string }
  /** Dated events, sorted; each label is Markdown inline. */
  | { layout: 'timeline'; events: { date: string; label: string }[] }
  /** A term, its definition, and up to two points. */
  | { layout: 'definition'; term: string; definition: string; points: Point[] }
  /** Two columns with a heading each; `lead` says what is compared. */
  | { layout: 'compare'; lead?: string; columns: { heading: string; points: Point[] }[] }
  /** An enumeration of three to six items as numbered cards, and what else the slide says. */
  | { layout: 'steps'; items: Point[]; points: Point[] }
  | { layout: 'quote'; text: string; /** Who said it, from a closing "— Name" line. */ attribution?: string }
  | { layout: 'table'; header: string[]; align: (string | null)[]; rows: string[][] }
  /** A picture; with `points`, the picture fills one half and the points the other. */
  | { layout: 'image'; src: string; alt: string; caption?: string; points?: Point[]; /** The image's own source line, when the slide starts earlier (beside a paragraph). */ line?: number }
  /** Some lines of code; `start` is the number of the first (code split over slides keeps counting), `marked` the lines to highlight. */
  | { layout: 'code'; text: string; lang?: string; start?: number; marked?: number[] }
  /** A Mermaid diagram, drawn in the page from the deck's own copy of mermaid; `line` for messages. */
  | { layout: 'diagram'; source: string; line: number }
  /** A table of numbers drawn as a chart; the table itself, cells as written, goes to the notes and the handout. */
  | { layout: 'chart'; chart: ChartData; table: { header: string[]; rows: string[][]; align: (string | null)[] } }
  /** A display formula (TeX), rendered with KaTeX. */
  | { layout: 'math'; tex: string }
  | { layout: 'html'; html: string }
  | { layout: 'references'; entries: string[] };

export interface Slide {
  kind: SlideKind;
  /** Stable id for the URL hash (`#/kerangka`), unique in the deck. */
  id: string;
  /** Plain-text heading, escaped by the template. */
  title: string;
  /** A small line above a content slide's title: the section it belongs to. */
  kicker?: string;
  /** Second line for title, section and closing slides. */
  subtitle?: string;
  /** True when this slide continues the previous one's content. */
  continued?: boolean;
  body?: SlideBody;
  /** Labels of the works cited on this slide, for its source line. */
  sources?: string[];
  /** Speaker notes as plain paragraphs (escaped by the template). */
  notes: string[];
  className?: string;
  background?: string;
  /** Seconds planned for this slide (speaker view pacing). */
  timing?: number;
  /** Source line the slide came from, for messages. */
  line?: number;
  /** Index of the section this slide belongs to (-1 before the first). */
  section: number;
}

export interface Deck {
  file: string;
  slug: string;
  meta: EssayMeta;
  lang: string;
  slides: Slide[];
  /** Files the deck needs copied next to it: source path → path inside dist/<slug>/. */
  assets: { from: string; to: string }[];
  diagnostics: Diagnostic[];
}
