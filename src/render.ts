/**
 * Renders a planned Deck to the HTML of index.html. TypeScript computes a
 * view of each slide (Markdown already turned into sanitized HTML); the
 * Handlebars templates only present it.
 */
import { Marked } from 'marked';
import { authorLine, authorList, lecturerList } from './byline.js';
import { displayDate, labelsFor } from './language.js';
import { budgetFor, slideSizeFor } from './layout.js';
import type { Deck, Point, Slide, SlideBody } from './model.js';
import { keepHyphenated, plainTextHtml } from './nobreak.js';
import { chartSvg } from './chart.js';
import { highlightLines } from './highlight.js';
import { displayMathSize, findInlineMath, protectMath, renderMath, restoreMath } from './math.js';
import { sanitizeBlock, sanitizeInline } from './sanitize.js';
import type { Templates } from './templates.js';
import { slideBackgroundClass } from './contrast.js';
import type { ThemeView } from './themes.js';

const markdown = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Markdown inline text → sanitized HTML, its hyphenated words kept whole at line ends. Formulas are taken
 * out first and put back as KaTeX's output after sanitizing: KaTeX escapes the TeX it shows and (trust:
 * false) makes no links or scripts, while its MathML and hundreds of class names would need a wide
 * allow-list that essay HTML must not get.
 */
export function renderInline(text: string): string {
  const { text: markdownText, spans } = protectMath(text);
  return restoreMath(keepHyphenated(sanitizeInline(markdown.parseInline(markdownText) as string)), spans, 'render');
}

/** A speaker-notes paragraph: Markdown inline → sanitized HTML, formulas kept as their TeX source in code. */
export function renderNote(text: string): string {
  const { text: markdownText, spans } = protectMath(text);
  return restoreMath(keepHyphenated(sanitizeInline(markdown.parseInline(markdownText) as string)), spans, 'source');
}

/** The reveal.js settings every deck uses, each with the reason for it. */
export function revealConfig(deck: Deck): Record<string, unknown> {
  const size = slideSizeFor(deck.meta.aspect);
  return {
    width: size.width,
    height: size.height,
    // A small margin keeps slide edges off the projector's border.
    margin: 0.04,
    // Never scale the slide up past its design size nor below legibility.
    minScale: 0.2,
    maxScale: 2,
    // Content slides read from the top; title and section slides centre themselves in CSS.
    center: false,
    display: 'flex',
    hash: true,
    history: false,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    progress: true,
    controls: true,
    transition: 'fade',
    transitionSpeed: 'fast',
    // Print every fragment state on one page.
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    showNotes: false,
    // Offline: no preview iframes of links.
    previewLinks: false,
    // The speaker view paces slides against the planned length of the talk.
    ...(deck.meta.duration ? { totalTime: Math.round(deck.meta.duration * 60) } : {}),
  };
}

/** Renders the deck's index.html with the given templates; the theme gives the stylesheets to link and the logo. */
export function renderDeck(deck: Deck, templates: Templates, version: string, theme: ThemeView = { name: 'default', styles: [] }): string {
  const labels = labelsFor(deck.lang);
  const authors = authorsOf(deck);
  const slides = deck.slides.map((slide, index) => slideView(slide, index, deck, authors));
  const view = {
    lang: deck.lang,
    version,
    title: deck.meta.title,
    description: deck.meta.description ?? deck.meta.subtitle ?? deck.meta.title,
    author: authors,
    // `<` escaped so that no text in the JSON can close the script element.
    configJson: JSON.stringify({ reveal: revealConfig(deck), labels: { notes: labels.notes } }).replace(/</g, '\\u003c'),
    slides,
    // KaTeX's stylesheet (and its fonts) only for a deck that shows a formula.
    hasMath: JSON.stringify(slides).includes('class=\\"katex'),
    // Mermaid (3.5 MB) only for a deck that shows a diagram.
    hasDiagrams: deck.slides.some((slide) => slide.body?.layout === 'diagram'),
    // Stylesheets of the theme chain, parent first, and its logo (relative to the deck folder).
    themeName: theme.name,
    themeStyles: theme.styles,
    logo: theme.logo,
  };
  return templates.layout(view);
}

function slideView(slide: Slide, index: number, deck: Deck, authors: string | undefined): Record<string, unknown> {
  const labels = labelsFor(deck.lang);
  const classes = [`slide-${slide.kind}`, slide.body ? `layout-${slide.body.layout}` : '', slide.continued ? 'is-continued' : '', slide.className ?? '', slideBackgroundClass(slide.background) ?? '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id: slide.id,
    kind: slide.kind,
    index,
    classes,
    background: slide.background,
    timing: slide.timing,
    title: slide.title,
    subtitle: slide.subtitle,
    // Headings as HTML: plain text escaped, hyphenated words kept whole at line ends; a formula in a title rendered.
    titleHtml: titleWithMath(slide.title) ?? plainTextHtml(slide.title),
    subtitleHtml: slide.subtitle === undefined ? undefined : plainTextHtml(slide.subtitle),
    notes: slide.notes.map(renderNote),
  };
  switch (slide.kind) {
    case 'title':
      return { ...common, ...titleView(deck, authors) };
    case 'section':
      return { ...common, partial: 'section', number: sectionNumber(deck, slide), previewHtml: sectionPreview(deck, slide) };
    case 'closing':
      return { ...common, partial: 'closing' };
    default:
      return {
        ...common,
        partial: 'content',
        kicker: slide.kicker,
        kickerHtml: slide.kicker === undefined ? undefined : plainTextHtml(slide.kicker),
        continuedLabel: slide.continued ? labels.continued : undefined,
        body: slide.body ? bodyView(slide.body, deck) : { partial: 'html', html: '' },
        sourcesLabel: (slide.sources?.length ?? 0) > 1 ? labels.sources : labels.source,
        sourcesLine: slide.sources?.join('; '),
      };
  }
}

function bodyView(body: SlideBody, deck: Deck): Record<string, unknown> {
  switch (body.layout) {
    case 'bullets':
      return {
        partial: 'bullets',
        ordered: body.ordered,
        start: body.start ?? 1,
        points: pointViews(body.points),
      };
    case 'statement':
      return { partial: 'statement', html: renderInline(body.text) };
    case 'bignumber':
      return { partial: 'bignumber', figure: body.figure, captionHtml: renderInline(body.caption) };
    case 'timeline':
      return { partial: 'timeline', events: body.events.map((e) => ({ date: e.date, html: renderInline(e.label) })), count: body.events.length };
    case 'definition':
      return { partial: 'definition', definitionHtml: renderInline(body.definition), points: pointViews(body.points) };
    case 'compare':
      return { partial: 'compare', leadHtml: body.lead ? renderInline(body.lead) : undefined, columns: body.columns.map((c) => ({ heading: c.heading, points: pointViews(c.points) })) };
    case 'steps':
      return { partial: 'steps', items: pointViews(body.items), points: pointViews(body.points), count: body.items.length };
    case 'quote':
      return { partial: 'quote', html: renderInline(body.text), attributionHtml: body.attribution ? renderInline(body.attribution) : undefined };
    case 'table': {
      const cell = (text: string, i: number) => ({ html: renderInline(text), align: body.align[i] ?? undefined });
      return { partial: 'table', header: body.header.map(cell), rows: body.rows.map((row) => row.map(cell)) };
    }
    case 'image':
      return { partial: 'image', src: body.src, alt: body.alt, captionHtml: body.caption ? renderInline(body.caption) : undefined, points: pointViews(body.points ?? []) };
    case 'code': {
      // highlight.js output is escaped text in its own spans: inserted as is, not through the sanitizer.
      const start = body.start ?? 1;
      const marked = new Set(body.marked ?? []);
      const lines = highlightLines(body.text, body.lang).map((html, i) => ({ html, number: start + i, marked: marked.has(start + i) }));
      return { partial: 'code', lang: body.lang, lines };
    }
    case 'diagram':
      // Escaped source in a <pre>; templates/assets/diagrams.js draws it when the page loads.
      return { partial: 'diagram', source: body.source, line: body.line };
    case 'chart':
      // Drawn here from numbers and escaped labels (see chart.ts): no essay markup reaches the SVG.
      return { partial: 'chart', svg: chartSvg(body.chart, deck.lang, body.chart.series.map((s) => s.name).join(', ')) };
    case 'math': {
      // Sized so the formula fits the slide's width (see math.ts), never below the readable 22 px.
      const { width } = slideSizeFor(deck.meta.aspect);
      const size = displayMathSize(body.tex, width - 160, 44, 22);
      return { partial: 'math', html: renderMath(body.tex, true, size.wrap), fontPx: size.px, wrap: size.wrap };
    }
    case 'html':
      return { partial: 'html', html: sanitizeBlock(body.html, deck.meta.allowHtml === true) };
    case 'references':
      return { partial: 'references', entries: body.entries.map((text) => ({ html: renderInline(text) })) };
  }
}

/** A plain-text heading holding a formula: escaped, the formula rendered; undefined for a heading without one. */
function titleWithMath(title: string): string | undefined {
  const spans = findInlineMath(title).filter((span) => !span.display);
  if (spans.length === 0) return undefined;
  let html = '';
  let at = 0;
  for (const span of spans) {
    html += escapeHtml(title.slice(at, span.start)) + renderMath(span.tex, false);
    at = span.end;
  }
  return html + escapeHtml(title.slice(at));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Points as the templates show them: HTML, with their sub-points. */
function pointViews(points: Point[]): { html: string; subpoints: { html: string }[] }[] {
  return points.map((p) => ({ html: renderInline(p.text), subpoints: (p.subpoints ?? []).map((s) => ({ html: renderInline(s.text) })) }));
}

/** The title slide's byline: each author with their NIM, the course and lecturers labelled in the deck's language, the institution, the date, the essay's logo. */
function titleView(deck: Deck, authors: string | undefined): Record<string, unknown> {
  const labels = labelsFor(deck.lang);
  const { course, institution, logo } = deck.meta;
  const lecturers = lecturerList(deck.meta);
  const details = [
    ...(course ? [{ key: 'course', label: labels.course, values: [plainTextHtml(course)] }] : []),
    ...(lecturers.length > 0 ? [{ key: 'lecturer', label: lecturers.length > 1 ? labels.lecturers : labels.lecturer, values: lecturers.map(plainTextHtml) }] : []),
  ];
  const authorViews = authorList(deck.meta).map((a) => ({ nameHtml: plainTextHtml(a.name), nim: a.nim }));
  const date = deck.meta.date === undefined ? undefined : displayDate(deck.meta.date, deck.lang);
  return {
    partial: 'title',
    // The names as one line, for templates that show them so.
    authors,
    authorList: authorViews,
    studentIdLabel: labels.studentId,
    details,
    institution,
    institutionHtml: institution === undefined ? undefined : plainTextHtml(institution),
    date,
    // The essay's own logo (checked and copied by images.ts) takes the place of the theme's on the title slide.
    essayLogo: logo,
    hasByline: Boolean(authorViews.length > 0 || details.length > 0 || institution || date),
  };
}

/**
 * The titles of a section's slides as one line under its divider ("A · B · C"), each title once, cut at a
 * word with "…" when the line would be longer than the budget.
 */
function sectionPreview(deck: Deck, divider: Slide): string | undefined {
  const titles = [...new Set(deck.slides.filter((s) => s.kind === 'content' && s.section === divider.section).map((s) => s.title.replace(/…$/u, '')))];
  if (titles.length === 0) return undefined;
  const budget = budgetFor(slideSizeFor(deck.meta.aspect)).previewChars;
  const whole = titles.join(' · ');
  if ([...whole].length <= budget) return plainTextHtml(whole);
  const fits = (text: string) => [...text].length <= budget;
  // Whole titles while they fit with room for " · …"; then the next one cut at a word, if enough of it shows to be read.
  const kept: string[] = [];
  for (const title of titles) {
    if (!fits(`${[...kept, title].join(' · ')} · …`)) break;
    kept.push(title);
  }
  const lead = kept.length > 0 ? `${kept.join(' · ')} · ` : '';
  const words = titles[kept.length]!.split(' ');
  let count = 0;
  while (count < words.length && fits(`${lead}${words.slice(0, count + 1).join(' ')}…`)) count++;
  const cut = words.slice(0, count).join(' ').replace(/[\s·,;:.\-–—]+$/u, '');
  // Never a lone word or two of a title after whole ones: "A · B · …" says more titles follow.
  if (count >= 3 || (kept.length === 0 && count > 0)) return plainTextHtml(`${lead}${cut}…`);
  if (kept.length > 0) return plainTextHtml(`${lead}…`);
  // A first word longer than the line: cut inside it.
  return plainTextHtml(`${[...titles[0]!].slice(0, budget - 1).join('')}…`);
}

function sectionNumber(deck: Deck, slide: Slide): string {
  const sections = deck.slides.filter((s) => s.kind === 'section');
  return `${sections.indexOf(slide) + 1} / ${sections.length}`;
}

/** Author names as one line: "A", "A & B", "A, B & C" (student numbers are for the title slide only). */
export function authorsOf(deck: Pick<Deck, 'meta'>): string | undefined {
  return authorLine(deck.meta);
}
