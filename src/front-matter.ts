/**
 * Front matter: the YAML block at the top of an essay. Every key is listed once
 * in the schema below, with what it means; unknown keys are warnings, wrong
 * values are errors that name the file and line.
 */
import { isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import * as z from 'zod/mini';
import './zod.js';
import { handoutLayouts, outputFormats, pdfKinds, type HandoutLayout } from './config.js';
import { ContentError, type Diagnostic } from './errors.js';

/** Text with something in it besides spaces (trimmed). */
const filled = () => z.string().check(z.trim(), z.minLength(1));

/** A student: their name and student number (NIM), e.g. `{ name: Siti Rahma, nim: "2201234" }`. */
const authorSchema = z.strictObject({ name: filled(), nim: z.optional(filled()) });
export type Author = z.infer<typeof authorSchema>;

const metaSchema = z.strictObject({
  /** Deck title; falls back to the first `#` heading, then the file name. */
  title: filled(),
  /** Shown under the title on the title slide. */
  subtitle: z.optional(z.string()),
  /** One author or several: each a name, or a name with a student number (`{ name, nim }`). */
  author: z.optional(z.union([z.string(), authorSchema, z.array(z.union([z.string(), authorSchema]))])),
  /** The course (mata kuliah) the essay was written for, shown on the title slide. */
  course: z.optional(z.string()),
  /** The lecturer or lecturers (dosen pengampu), shown on the title slide. */
  lecturer: z.optional(z.union([z.string(), z.array(z.string())])),
  /** Study programme, faculty, university, shown on the title slide. */
  institution: z.optional(z.string()),
  /** An image file next to the essay (the campus logo), shown on the title slide. */
  logo: z.optional(filled()),
  /** Free text, shown as written; `YYYY-MM-DD` is shown in the essay's language ("12 Mei 2026"). */
  date: z.optional(z.string()),
  /** BCP 47 language tag: `id`, `en`, ...; guessed from the text when absent. */
  lang: z.optional(z.string().check(z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'a language tag such as "id" or "en"'))),
  /** Built-in theme name or a path to a theme folder. */
  theme: z.optional(z.string()),
  /** Summary for `<meta name="description">` and the PDF subject. */
  description: z.optional(z.string()),
  keywords: z.optional(z.array(z.string())),
  /** A BibTeX, CSL-JSON or RIS file next to the essay; `[@key]` cites its entries (see src/bibliography.ts). */
  bibliography: z.optional(filled()),
  /** A CSL style file next to the essay for the references; APA 7 when absent. */
  csl: z.optional(filled()),
  /** Reference entries, added to the essay's references section. */
  references: z.optional(z.array(z.string())),
  /** Planned length of the talk in minutes; the speaker view paces each slide against it. */
  duration: z.optional(z.number().check(z.positive())),
  /** `summary` (default): short points, the essay in the notes; `full`: every sentence on a slide. */
  detail: z.optional(z.enum(['summary', 'full'])),
  /** Slide shape. */
  aspect: z.optional(z.enum(['16:9', '4:3'])),
  /** Also keep harmless `style` attributes in raw HTML (colours, sizes, alignment); scripts, handlers and url()s are still removed. */
  allowHtml: z.optional(z.boolean()),
  /** Slides per handout page. */
  handout: z.optional(z.union(handoutLayouts.map((n) => z.literal(n)) as [z.ZodMiniLiteral<HandoutLayout>, ...z.ZodMiniLiteral<HandoutLayout>[]])),
  paper: z.optional(z.enum(['a4', 'letter', 'a5'])),
  landscape: z.optional(z.boolean()),
  grayscale: z.optional(z.boolean()),
  /** Which PDFs to make; `false` for none. */
  pdf: z.optional(z.union([z.literal(false), z.array(z.enum(pdfKinds))])),
  /** What to write besides the deck: `[html, pdf, pptx]` adds slides.pptx; without `pdf`, no PDFs. */
  formats: z.optional(z.array(z.enum(outputFormats))),
  /** Where the text came from (set by `paparan import`). */
  source: z.optional(z.string()),
});

export type EssayMeta = z.infer<typeof metaSchema>;
export const knownMetaKeys = Object.keys(metaSchema.shape);

/** Keys whose value is text: a number or a YAML date there is what the author meant as text (`title: 1984`). */
const TEXT_KEYS = new Set(['bibliography', 'csl', 'title', 'subtitle', 'author', 'course', 'lecturer', 'institution', 'date', 'logo', 'lang', 'theme', 'description', 'source']);
/** Keys holding a list of text (or, for `author` and `lecturer`, one text). */
const TEXT_LIST_KEYS = new Set(['author', 'lecturer', 'keywords', 'references']);
/** Keys whose nested values are text too: a NIM written 0201236 keeps its leading zero. */
const NESTED_TEXT_KEYS = new Set(['author']);

export interface FrontMatter {
  /** Raw values, validated later once the title fallback is known. */
  data: Record<string, unknown>;
  /** Line of each top-level key, for messages. */
  keyLines: Record<string, number>;
  /** How the author wrote each top-level value that YAML did not read as text (`1984`, `2.10`, `2026-05-12`). */
  written?: Record<string, string>;
  /** The Markdown body and the line it starts on. */
  body: string;
  bodyLine: number;
}

/** Splits `---\nyaml\n---\nbody` and parses the YAML; a file without front matter has empty data. */
export function splitFrontMatter(source: string, file: string): FrontMatter {
  const match = /^---[ \t]*\n([\s\S]*?)\n?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  if (!match) {
    if (/^---[ \t]*\n/.test(source)) {
      throw new ContentError('front matter starts with "---" but never ends: close it with a line "---"', { file, line: 1 });
    }
    return { data: {}, keyLines: {}, body: source, bodyLine: 1 };
  }
  const yamlText = match[1] ?? '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line + 1;
    const reason = firstError.message.split('\n')[0] ?? 'invalid YAML';
    throw new ContentError(`invalid front matter YAML (${reason}): fix the YAML between the "---" lines`, { file, line });
  }
  const keyLines: Record<string, number> = {};
  const written: Record<string, string> = {};
  if (doc.contents && !isMap(doc.contents)) {
    throw new ContentError('front matter must be "key: value" lines, such as "title: My essay"', { file, line: 2 });
  }
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        keyLines[String(pair.key.value)] = lineCounter.linePos(pair.key.range[0]).line + 1;
        if (isScalar(pair.value) && typeof pair.value.value !== 'string' && pair.value.source) written[String(pair.key.value)] = pair.value.source;
        if (NESTED_TEXT_KEYS.has(String(pair.key.value)) && pair.value && !isScalar(pair.value)) {
          visit(pair.value, {
            Scalar(_, node) {
              if (typeof node.value === 'number' && node.source) node.value = node.source;
            },
          });
        }
      }
    }
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  return { data, keyLines, written, body: source.slice(match[0].length), bodyLine };
}

/** Validates front matter values; unknown keys become warnings, wrong values errors. */
export function validateMeta(fm: FrontMatter, file: string, diagnostics: Diagnostic[]): EssayMeta {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fm.data)) {
    if (knownMetaKeys.includes(key)) {
      data[key] = asWritten(key, value, fm.written?.[key]);
    } else {
      diagnostics.push({
        severity: 'warning',
        file,
        line: fm.keyLines[key],
        message: `unknown front matter key "${key}" is ignored (known keys: ${knownMetaKeys.join(', ')})`,
      });
    }
  }
  if (data.author !== undefined) checkAuthors(data.author, file, fm.keyLines.author ?? 1);
  const result = metaSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const item = typeof issue.path[1] === 'number' ? ` (item ${issue.path[1] + 1})` : '';
    const found = valueAt(data, issue.path);
    throw new ContentError(`front matter "${key}"${item}: ${describeIssue(issue, key, found)}`, { file, line: fm.keyLines[key] ?? 1 });
  }
  return result.data;
}

/** Authors in any of their forms, checked with messages in the author's terms rather than the schema's. */
function checkAuthors(value: unknown, file: string, line: number): void {
  const fail = (where: string, message: string) => {
    throw new ContentError(`front matter "author"${where}: ${message}`, { file, line });
  };
  if (typeof value === 'string') return;
  const isMapping = (item: unknown): item is Record<string, unknown> => item !== null && typeof item === 'object' && !Array.isArray(item);
  if (!Array.isArray(value) && !isMapping(value)) fail('', `expected a name, a list of names, or "name:" and "nim:", found ${describeFound(value)}`);
  const items: unknown[] = Array.isArray(value) ? value : [value];
  items.forEach((item, index) => {
    const where = Array.isArray(value) ? ` (item ${index + 1})` : '';
    if (typeof item === 'string') return;
    if (!isMapping(item)) return fail(where, `expected a name, or "name:" and "nim:", found ${describeFound(item)}`);
    const unknown = Object.keys(item).find((key) => key !== 'name' && key !== 'nim');
    if (unknown !== undefined) fail(where, `unknown key "${unknown}": an author has "name" and "nim"`);
    if (typeof item.name !== 'string' || item.name.trim() === '') fail(where, 'an author needs a name: write "- name: Siti Rahma" (and "nim: ..." if you like)');
    if (item.nim !== undefined && (typeof item.nim !== 'string' || item.nim.trim() === '')) fail(where, `"nim" must be a student number such as "2201234", found ${describeFound(item.nim)}`);
  });
}

/** Numbers and YAML dates in text keys become text as the author wrote them; other keys keep their values. */
function asWritten(key: string, value: unknown, written: string | undefined): unknown {
  if (TEXT_LIST_KEYS.has(key) && Array.isArray(value)) return value.map((item) => asText(item) ?? item);
  if (!TEXT_KEYS.has(key)) return value;
  return asText(value) === undefined ? value : (written ?? asText(value));
}

function asText(value: unknown): string | undefined {
  // Only `!!timestamp` gives a Date: the default (core) schema keeps `2026-05-12` as text.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function valueAt(data: Record<string, unknown>, at: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const step of at) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, key: string, found: unknown): string {
  if (key === 'lang' && issue.code === 'invalid_format') {
    return `${describeFound(found)} is not a language tag: use "id" (Indonesian) or "en" (English); other tags such as "en-GB" get English labels`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${kindName(issue.expected)}, found ${describeFound(found)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeFound(found)}`;
    case 'invalid_union':
      return `${unionExpectation(issue.errors)}, found ${describeFound(found)}`;
    case 'too_small':
      return issue.origin === 'string' ? 'is empty: write a value or remove the line' : `must be more than ${String(issue.minimum)}, found ${describeFound(found)}`;
    default:
      return issue.message;
  }
}

/** "expected text or a list" from the branches of a union, or "must be one of 1, 2, 3" when every branch is a fixed value. */
function unionExpectation(branches: z.core.$ZodIssue[][]): string {
  const firsts = branches.map((issues) => issues[0]).filter((issue) => issue !== undefined);
  if (firsts.length > 0 && firsts.every((issue) => issue.code === 'invalid_value')) {
    return `must be one of ${firsts.flatMap((issue) => issue.values).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  const kinds = firsts.map((issue) =>
    issue.code === 'invalid_type' ? kindName(issue.expected) : issue.code === 'invalid_value' ? issue.values.map((v) => JSON.stringify(v)).join(' or ') : 'another value',
  );
  return `expected ${[...new Set(kinds)].join(' or ')}`;
}

function kindName(expected: string): string {
  const names: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping' };
  return names[expected] ?? expected;
}

function describeFound(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'a mapping' : typeof value === 'string' ? JSON.stringify(value) : String(value);
}
