/**
 * A bibliography file (`bibliography: refs.bib` in the front matter: BibTeX or
 * BibLaTeX, CSL-JSON or RIS, as Zotero and Mendeley export them) read with
 * citation-js. Pandoc citations (`[@key]`, `[@a; @b, p. 12]`, narrative `@key`)
 * become author–year text, which the planner moves to the source line as it
 * does written citations; the works cited are listed in APA 7 (Indonesian
 * terms for an Indonesian essay) or in the style of `csl: style.csl`.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CslEntry } from '@citation-js/core';
import { findCitations, matchReference } from './citations.js';
import { ContentError, type Diagnostic } from './errors.js';
import type { Block, SourceDoc } from './model.js';
import { isWithin } from './paths.js';

/** `[@a; see @b, p. 12]`: a bracket holding at least one `@key`. */
const BRACKETED = /\[([^[\]]*?@[^[\]]*?)\](?!\()/g;
const ITEM = /^\s*(.*?)(-?)@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*?)\s*(?:,\s*(.+?))?\s*$/u;
/** `@key` in running text (not an e-mail address: no word character before it). */
const NARRATIVE = /(?<![\p{L}\p{N}_@.\\[])@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])/gu;

type CitationJs = typeof import('@citation-js/core');
let loaded: CitationJs | undefined;

/** citation-js with its BibTeX, CSL and RIS plugins, loaded for the first bibliography: most essays have none, and it is 1.6 MB of code to read at start-up. */
function citationJs(): CitationJs {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const core = require('@citation-js/core') as CitationJs;
    for (const plugin of ['@citation-js/plugin-bibtex', '@citation-js/plugin-csl', '@citation-js/plugin-ris']) require(plugin);
    loaded = core;
  }
  return loaded;
}

interface Bibliography {
  entries: CslEntry[];
  /** The file as the messages name it, relative like the essay's own name. */
  file: string;
  text: string;
  template: string;
  lang: string;
}

/** The essay with its pandoc citations written out and the works it cites added to its references; `lines` gives the front matter keys' lines. */
export function applyBibliography(doc: SourceDoc, lines: Record<string, number>, lang: string): SourceDoc {
  const bibPath = doc.meta.bibliography;
  if (!bibPath) return doc;
  const bib = loadBibliography(doc, bibPath, doc.meta.csl, lines, lang);
  const byKey = new Map(bib.entries.map((entry) => [entry.id, entry]));
  const cited = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const warnedKeys = new Set<string>();
  const short = (key: string) => shortCitation(bib, key);

  const rewrite = (text: string, line: number): string => {
    if (!text.includes('@')) return text;
    let out = text.replace(BRACKETED, (whole, inner: string) => {
      const items = inner.split(';').map((part) => ITEM.exec(part));
      if (items.some((item) => !item)) return whole;
      const parts: string[] = [];
      for (const item of items as RegExpExecArray[]) {
        const [, prefix, suppress, key, locator] = item;
        if (!byKey.has(key!)) {
          if (!warnedKeys.has(key!)) diagnostics.push({ severity: 'warning', file: doc.file, line, message: `citation "@${key}" is not in ${bib.file}: add the entry to the bibliography or fix the key` });
          warnedKeys.add(key!);
          return whole;
        }
        cited.add(key!);
        const { names, year } = short(key!);
        parts.push(`${prefix ? `${prefix.trim()} ` : ''}${suppress ? year : `${names}, ${year}`}${locator ? `, ${locator}` : ''}`);
      }
      return `(${parts.join('; ')})`;
    });
    out = out.replace(NARRATIVE, (whole, key: string) => {
      if (!byKey.has(key)) {
        // A handle (@budi) is not a citation; something that looks like a key (a year in it) is a typo.
        if (/\d{4}/.test(key) && !warnedKeys.has(key)) {
          warnedKeys.add(key);
          diagnostics.push({ severity: 'warning', file: doc.file, line, message: `citation "@${key}" is not in ${bib.file}: add the entry to the bibliography or fix the key` });
        }
        return whole;
      }
      cited.add(key);
      const { names, year } = short(key);
      return `${names} (${year})`;
    });
    return out;
  };
  const rewriteBlock = (block: Block): Block => {
    switch (block.kind) {
      case 'paragraph':
        return { ...block, text: rewrite(block.text, block.line), ...(block.keyPoints ? { keyPoints: block.keyPoints.map((p) => rewrite(p, block.line)) } : {}) };
      case 'quote':
        return { ...block, text: rewrite(block.text, block.line) };
      case 'list':
        return { ...block, items: block.items.map((item) => rewrite(item, block.line)) };
      case 'table':
        return { ...block, header: block.header.map((c) => rewrite(c, block.line)), rows: block.rows.map((row) => row.map((c) => rewrite(c, block.line))) };
      default:
        return block;
    }
  };
  const preamble = doc.preamble.map(rewriteBlock);
  const sections = doc.sections.map((s) => ({ ...s, blocks: s.blocks.map(rewriteBlock) }));

  // A work cited the written way, "(Pujayanti, 2015)", counts as cited too.
  const written = [...preamble, ...sections.flatMap((s) => s.blocks)].flatMap((b) => (b.kind === 'paragraph' || b.kind === 'quote' ? findCitations(b.text) : b.kind === 'list' ? b.items.flatMap(findCitations) : []));
  const formatted = formatEntries(bib, bib.entries.map((e) => e.id));
  for (const entry of bib.entries) {
    if (cited.has(entry.id)) continue;
    const text = formatted.get(entry.id) ?? '';
    if (written.some((citation) => citation.works.some((work) => matchReference(work, [text]) === 0))) cited.add(entry.id);
  }
  for (const entry of bib.entries) {
    if (!cited.has(entry.id)) diagnostics.push({ severity: 'warning', file: bib.file, line: entryLine(bib.text, entry.id), message: `entry "${entry.id}" is never cited: cite it with [@${entry.id}] or leave it out of the bibliography` });
  }
  // The works cited, in the style's order.
  const listed = [...formatEntries(bib, [...cited]).values()].map((text) => ({ text }));
  return { ...doc, preamble, sections, references: [...doc.references, ...listed], diagnostics: [...doc.diagnostics, ...diagnostics] };
}

/** Reads and parses the bibliography; a missing, outside or unreadable file is an error at the front matter line. */
function loadBibliography(doc: SourceDoc, written: string, csl: string | undefined, lines: Record<string, number>, lang: string): Bibliography {
  const where = { file: doc.file, line: lines.bibliography };
  const file = localFile(written, doc.baseDir, where, 'bibliography');
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const { Cite, plugins } = citationJs();
  let entries: CslEntry[];
  try {
    const ext = path.extname(file).toLowerCase();
    const data = ext === '.json' ? JSON.parse(text) : text;
    const forceType = ext === '.ris' ? '@ris/file' : ext === '.bib' || ext === '.bibtex' ? '@biblatex/text' : undefined;
    entries = new Cite(data, forceType ? { forceType } : undefined).data;
  } catch (error) {
    throw new ContentError(`bibliography "${written}" could not be read (${String((error as Error).message ?? error).split('\n')[0]}): export it again as BibTeX, CSL-JSON or RIS`, { ...where, cause: error });
  }
  if (entries.length === 0) throw new ContentError(`bibliography "${written}" has no entries: export it again as BibTeX, CSL-JSON or RIS`, where);
  const config = plugins.config.get('@csl');
  let template = 'apa';
  if (csl) {
    const style = readFileSync(localFile(csl, doc.baseDir, { file: doc.file, line: lines.csl }, 'csl style'), 'utf8');
    if (!/<style[\s>]/.test(style)) throw new ContentError(`csl style "${csl}" is not a CSL style file: download the .csl file from the Zotero style repository`, { file: doc.file, line: lines.csl });
    template = `paparan-${path.basename(csl, '.csl').replace(/[^\w-]/g, '_')}`;
    config.styles.add(template, style);
  }
  const locale = lang.toLowerCase().startsWith('id') ? 'id-ID' : 'en-US';
  if (locale === 'id-ID' && !config.locales.has('id-ID')) config.locales.add('id-ID', indonesianLocale(config.locales.get('en-US') ?? ''));
  return { entries, file: path.join(path.dirname(doc.file), written), text, template, lang: locale };
}

/** A file named in the front matter: relative to the essay, inside its folder (links included), existing. */
function localFile(written: string, baseDir: string, where: { file: string; line?: number }, label: string): string {
  const absolute = path.resolve(baseDir, written);
  if (path.isAbsolute(written) || !isWithin(absolute, baseDir)) {
    throw new ContentError(`${label} "${written}" is outside the essay's folder: move it next to the essay and use a relative path`, where);
  }
  if (!existsSync(absolute) || !statSync(absolute).isFile()) throw new ContentError(`${label} "${written}" not found: put the file at ${absolute} or fix the path`, where);
  const real = realpathSync(absolute);
  if (!isWithin(real, realpathSync(baseDir))) {
    throw new ContentError(`${label} "${written}" is a link to ${real}, outside the essay's folder: copy the file next to the essay instead of linking it`, where);
  }
  return real;
}

/** "Pujayanti dkk." and "2015" of an entry, from the style's own in-text citation. */
function shortCitation(bib: Bibliography, key: string): { names: string; year: string } {
  const { Cite } = citationJs();
  const text = new Cite(bib.entries.filter((e) => e.id === key)).format('citation', { format: 'text', template: bib.template, lang: bib.lang }).trim();
  const inner = text.replace(/^\((.*)\)$/s, '$1');
  const comma = inner.lastIndexOf(', ');
  return comma === -1 ? { names: inner, year: '' } : { names: inner.slice(0, comma), year: inner.slice(comma + 2) };
}

/** Each entry's reference, as Markdown (italics kept), by key in the style's order. */
function formatEntries(bib: Bibliography, keys: string[]): Map<string, string> {
  const entries = bib.entries.filter((e) => keys.includes(e.id));
  if (entries.length === 0) return new Map();
  const { Cite } = citationJs();
  const html = new Cite(entries).format('bibliography', { format: 'html', template: bib.template, lang: bib.lang });
  const result = new Map<string, string>();
  for (const match of html.matchAll(/<div data-csl-entry-id="([^"]*)" class="csl-entry">([\s\S]*?)<\/div>\s*(?=<div data-csl-entry-id|<\/div>\s*$)/g)) {
    result.set(decodeEntities(match[1]!), htmlToMarkdown(match[2]!));
  }
  return result;
}

/** citeproc's HTML of one entry → Markdown inline: italics kept, other tags dropped, text escaped. */
function htmlToMarkdown(html: string): string {
  return html
    .split(/(<[^>]+>)/)
    .map((part) => {
      if (/^<\/?i>$/.test(part)) return '*';
      // A numbered style puts the number and the entry in two blocks side by side.
      if (/^<div\b/.test(part)) return ' ';
      if (part.startsWith('<')) return '';
      return decodeEntities(part).replace(/([\\`*_[\]<>])/g, '\\$1');
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/** The line of an entry in the file: `@article{key,` (BibTeX), `"id": "key"` (CSL-JSON), `ID  - key` (RIS). */
function entryLine(text: string, key: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`@\\w+\\s*\\{\\s*${escaped}\\s*,|"id"\\s*:\\s*"${escaped}"|^ID  - ${escaped}\\s*$`, 'm').exec(text);
  return match ? text.slice(0, match.index).split('\n').length : undefined;
}

/** Indonesian terms on citeproc's US English locale: what APA 7 prints ("dkk.", "t.t.", "Diakses … dari", month names). */
export function indonesianLocale(enUS: string): string {
  const terms: Record<string, string> = {
    and: 'dan',
    'and others': 'dan lainnya',
    anonymous: 'anonim',
    accessed: 'diakses',
    retrieved: 'diakses',
    from: 'dari',
    in: 'dalam',
    'in press': 'dalam proses terbit',
    'no date': 't.t.',
    'et-al': 'dkk.',
    forthcoming: 'akan terbit',
    online: 'daring',
    edition: 'edisi',
    page: 'halaman',
  };
  const short: Record<string, string> = { 'no date': 't.t.', page: 'hlm.', edition: 'ed.', 'et-al': 'dkk.' };
  const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
  let xml = enUS.replace('xml:lang="en-US"', 'xml:lang="id-ID"');
  for (const [name, value] of Object.entries(terms)) {
    xml = xml.replace(new RegExp(`<term name="${name}">[^<]*</term>`), `<term name="${name}">${value}</term>`);
    xml = xml.replace(new RegExp(`(<term name="${name}">\\s*<single>)[^<]*(</single>\\s*<multiple>)[^<]*(</multiple>)`), `$1${value}$2${value}$3`);
  }
  for (const [name, value] of Object.entries(short)) {
    xml = xml.replace(new RegExp(`<term name="${name}" form="short">[^<]*</term>`), `<term name="${name}" form="short">${value}</term>`);
    xml = xml.replace(new RegExp(`(<term name="${name}" form="short">\\s*<single>)[^<]*(</single>\\s*<multiple>)[^<]*(</multiple>)`), `$1${value}$2${value}$3`);
  }
  months.forEach((month, i) => {
    const name = `month-${String(i + 1).padStart(2, '0')}`;
    xml = xml.replace(new RegExp(`<term name="${name}">[^<]*</term>`), `<term name="${name}">${month}</term>`);
  });
  // "1 Mei 2024", not "Mei 1, 2024".
  return xml.replace(/<date form="text">[\s\S]*?<\/date>/, '<date form="text"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date>');
}
