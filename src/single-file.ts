/**
 * `--single-file`: folds a built deck into one self-contained index.html
 * (styles, scripts, fonts and images inlined as data URLs) that presents
 * offline from a USB stick or an email attachment.
 *
 * The page is read with an HTML parser (parse5) and its stylesheets with a CSS
 * parser (css-tree), so a user's template may write its tags in any form
 * (`<LINK href=x REL=stylesheet>`, `<script defer src=…>`). Whatever local
 * file the page still refers to afterwards stops the build with its name,
 * rather than a deck that breaks once the loose files are gone.
 */
import * as csstree from 'css-tree';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultTreeAdapter, html as html5, parse, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { PaparanError } from './errors.js';
import { contentTypeOf } from './mime.js';
import { hasScheme, isWithin } from './paths.js';
import { loadTemplates } from './templates.js';

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** What the deck was made from, to name in a message: the essay and the template folders in use. */
export interface DeckSource {
  essay?: string;
  templateDirs?: string[];
}

/** The loose files and pages the single file replaces; they are removed once it is written. */
const loose = ['assets', 'media', 'handout.html', 'notes.html'];

/** Attributes that load a file, on any element (reveal.js reads the data- ones). */
const loadingAttributes = ['src', 'poster', 'data-src', 'data-background', 'data-background-image', 'data-background-video'];

/** Rewrites `dir/index.html` with everything it loads inlined, removes the loose assets, and returns its size in bytes. */
export async function inlineDeck(dir: string, source: DeckSource = {}): Promise<number> {
  const indexFile = path.join(dir, 'index.html');
  const document = parse(await readFile(indexFile, 'utf8'));
  const inliner = new Inliner(dir);
  await Promise.all(elementsOf(document).map((element) => inliner.inlineElement(element)));
  inliner.checkNothingLeft(document);
  if (inliner.problems.length > 0) throw problemError(inliner.problems, source);
  const html = serialize(document);
  await writeFile(indexFile, html);
  // The print pages that linked the loose files go too (the PDFs are already made).
  await Promise.all(loose.map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
  return Buffer.byteLength(html);
}

interface Problem {
  /** The reference as the page wrote it. */
  ref: string;
  /** Where it stands, e.g. `<link href>`. */
  where: string;
  reason: 'missing' | 'outside' | 'left' | 'remote';
}

class Inliner {
  readonly problems: Problem[] = [];
  constructor(private readonly dir: string) {}

  async inlineElement(element: Element): Promise<void> {
    const tag = element.tagName;
    const rel = (attr(element, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(element, 'href');
    if (tag === 'link' && href !== undefined && isLocal(href)) {
      if (rel.includes('stylesheet')) return this.inlineStylesheet(element, href);
      return this.inlineAttribute(element, 'href');
    }
    if (tag === 'script' && attr(element, 'src') !== undefined) return this.inlineScript(element);
    if (tag === 'style') return this.inlineStyleElement(element);
    const work: Promise<void>[] = [];
    for (const name of loadingAttributes) {
      if (name.startsWith('data-background') && isColour(attr(element, name) ?? '')) continue;
      work.push(this.inlineAttribute(element, name));
    }
    if (attr(element, 'srcset') !== undefined) work.push(this.inlineSrcset(element));
    // SVG <image href> and <use href>.
    if (element.namespaceURI === html5.NS.SVG && tag !== 'a') work.push(this.inlineAttribute(element, 'href'), this.inlineAttribute(element, 'xlink:href'));
    if (attr(element, 'style') !== undefined) {
      work.push(this.inlineCss(attr(element, 'style')!, this.dir, `<${tag} style>`, 'declarationList').then((css) => setAttr(element, 'style', css)));
    }
    await Promise.all(work);
  }

  /** `<link rel=stylesheet href=x>` becomes `<style>` with the sheet, its url()s inlined too. */
  private async inlineStylesheet(link: Element, href: string): Promise<void> {
    const file = this.localFile(href, '<link href>');
    if (!file) return;
    const css = await this.inlineCss(await readFile(file, 'utf8'), path.dirname(file), `${href} (<link href>)`);
    const style = defaultTreeAdapter.createElement('style', html5.NS.HTML, link.attrs.filter((a) => a.name === 'media'));
    defaultTreeAdapter.insertText(style, `\n${css.replace(/<\/style/gi, '<\\/style')}\n`);
    replace(link, style);
  }

  /** A classic script is written into the page; a deferred, async or module script keeps its timing as a data: URL. */
  private async inlineScript(script: Element): Promise<void> {
    const src = attr(script, 'src')!;
    if (!isLocal(src)) return;
    const file = this.localFile(src, '<script src>');
    if (!file) return;
    const type = (attr(script, 'type') ?? '').toLowerCase();
    const classic = type === '' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);
    if (!classic || attr(script, 'defer') !== undefined || attr(script, 'async') !== undefined) {
      setAttr(script, 'src', await this.dataUrl(file));
      return;
    }
    const js = await readFile(file, 'utf8');
    script.attrs = script.attrs.filter((a) => a.name !== 'src');
    script.childNodes = [];
    // A literal "</script" inside the code would end the element early.
    defaultTreeAdapter.insertText(script, `\n${js.replace(/<\/script/gi, '<\\/script')}\n`);
  }

  private async inlineStyleElement(style: Element): Promise<void> {
    const text = style.childNodes.map((node) => ('value' in node ? node.value : '')).join('');
    const css = await this.inlineCss(text, this.dir, '<style>');
    style.childNodes = [];
    defaultTreeAdapter.insertText(style, css);
  }

  private async inlineAttribute(element: Element, name: string): Promise<void> {
    const value = attr(element, name);
    if (value === undefined || !isLocal(value)) return;
    const file = this.localFile(value, `<${element.tagName} ${name}>`);
    if (file) setAttr(element, name, await this.dataUrl(file));
  }

  private async inlineSrcset(element: Element): Promise<void> {
    const candidates = attr(element, 'srcset')!.split(',').map((candidate) => candidate.trim().split(/\s+/));
    const inlined = await Promise.all(
      candidates.map(async ([url = '', ...descriptors]) => {
        const file = isLocal(url) ? this.localFile(url, `<${element.tagName} srcset>`) : undefined;
        return [file ? await this.dataUrl(file) : url, ...descriptors].join(' ');
      }),
    );
    setAttr(element, 'srcset', inlined.join(', '));
  }

  /** Inlines every url() of a stylesheet (fonts, motifs, logos) and every @import, relative to `baseDir`. */
  async inlineCss(css: string, baseDir: string, where: string, context: 'stylesheet' | 'declarationList' = 'stylesheet'): Promise<string> {
    const ast = csstree.parse(css, { context });
    const refs: { node: { value: string }; css: boolean }[] = [];
    csstree.walk(ast, {
      enter(node: csstree.CssNode) {
        if (node.type === 'Url') refs.push({ node, css: false });
        // @import "x.css" names its sheet with a plain string.
        if (node.type === 'Atrule' && node.name === 'import' && node.prelude?.type === 'AtrulePrelude') {
          const first = node.prelude.children.first;
          if (first?.type === 'String') refs.push({ node: first, css: true });
        }
      },
    });
    await Promise.all(
      refs.map(async (ref) => {
        const url = ref.node.value;
        if (url.startsWith('data:') || url.startsWith('#')) return;
        if (!isLocal(url)) {
          this.problems.push({ ref: url, where, reason: 'remote' });
          return;
        }
        const file = this.localFile(url, where, baseDir);
        if (!file) return;
        ref.node.value = file.endsWith('.css')
          ? `data:text/css;base64,${Buffer.from(await this.inlineCss(await readFile(file, 'utf8'), path.dirname(file), `${url} (@import)`)).toString('base64')}`
          : await this.dataUrl(file);
      }),
    );
    return csstree.generate(ast);
  }

  /** The file a local reference names, inside the deck folder; a problem (and undefined) when it is not there. */
  private localFile(ref: string, where: string, baseDir = this.dir): string | undefined {
    const file = ref.startsWith('/') && baseDir === this.dir ? path.join(this.dir, filePart(ref)) : path.resolve(baseDir, filePart(ref));
    if (!isWithin(file, this.dir)) this.problems.push({ ref, where, reason: 'outside' });
    else if (!existsSync(file)) this.problems.push({ ref, where, reason: 'missing' });
    else return file;
    return undefined;
  }

  private async dataUrl(file: string): Promise<string> {
    return `data:${contentTypeOf(file).replace(/; charset=.*/, '')};base64,${(await readFile(file)).toString('base64')}`;
  }

  /** After inlining: any local file the page still refers to is a problem, as is a link into the files that go. */
  checkNothingLeft(document: ParentNode): void {
    const left = (ref: string, where: string) => {
      if (!this.problems.some((p) => p.ref === ref)) this.problems.push({ ref, where, reason: 'left' });
    };
    for (const element of elementsOf(document)) {
      // href loads a file from a <link> and an SVG <image> or <use>; on <a> it is only followed when clicked.
      const loads = element.tagName === 'link' || element.namespaceURI === html5.NS.SVG;
      const refs: [string, string | undefined][] = [
        ...[...loadingAttributes, 'srcset', 'xlink:href'].map((name): [string, string | undefined] => [name, attr(element, name)]),
        ['href', loads && element.tagName !== 'a' ? attr(element, 'href') : undefined],
      ];
      for (const [name, value] of refs) {
        if (value === undefined || (name.startsWith('data-background') && isColour(value))) continue;
        const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of urls) if (isLocal(url)) left(url, `<${element.tagName} ${name}>`);
      }
      const href = element.tagName === 'a' || element.tagName === 'area' ? attr(element, 'href') : undefined;
      if (href !== undefined && isLocal(href) && loose.some((name) => filePart(href).replace(/^\.?\//, '').split('/')[0] === name)) {
        left(href, `<${element.tagName} href>`);
      }
    }
  }
}

/** One error for what could not be inlined, naming the reference and the template that wrote it (else the essay). */
function problemError(problems: Problem[], source: DeckSource): PaparanError {
  const first = problems[0]!;
  const reason = {
    missing: 'is not a file of the deck, so it cannot be inlined',
    outside: 'lies outside the deck folder, so it cannot be inlined',
    left: 'would point to a file the single file leaves out',
    remote: 'loads from the network, so it cannot be inlined',
  }[first.reason];
  const others = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new PaparanError(`--single-file: "${first.ref}" in ${first.where} ${reason}${others}: ship the file with the theme or remove the reference`, {
    file: templateWriting(first.ref, source.templateDirs ?? []) ?? source.essay,
  });
}

/** The template file whose text holds a reference, if one does (a user's override before the built-in ones). */
function templateWriting(ref: string, templateDirs: string[]): string | undefined {
  if (templateDirs.length === 0) return undefined;
  const files = Object.values(loadTemplates(templateDirs).files);
  return files.find((file) => readFileSync(file, 'utf8').includes(ref));
}

/** Every element of the page, <template> contents included. */
function elementsOf(parent: ParentNode): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      found.push(child);
      visit(child);
      if (child.tagName === 'template') visit(defaultTreeAdapter.getTemplateContent(child as DefaultTreeAdapterTypes.Template));
    }
  };
  visit(parent);
  return found;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function setAttr(element: Element, name: string, value: string): void {
  const existing = element.attrs.find((a) => a.name === name);
  if (existing) existing.value = value;
}

function replace(old: Element, replacement: Element): void {
  const parent = old.parentNode!;
  parent.childNodes[parent.childNodes.indexOf(old)] = replacement;
  replacement.parentNode = parent;
}

/** A reference to a file on this disk: relative, absolute or file:, not the web, data or a #fragment. */
function isLocal(ref: string): boolean {
  const value = ref.trim();
  if (value === '' || value.startsWith('#')) return false;
  return /^file:/i.test(value) || !hasScheme(value);
}

/** The path of a reference: query and fragment off, percent-escapes decoded. */
function filePart(ref: string): string {
  const value = ref.trim().replace(/^file:\/\//i, '');
  const bare = value.split(/[?#]/)[0] ?? '';
  try {
    return decodeURI(bare);
  } catch {
    return bare;
  }
}

/** A reveal.js background that is a colour or gradient, not a file. */
function isColour(value: string): boolean {
  const v = value.trim();
  return v === '' || v.startsWith('#') || v.includes('(') || /^[a-z]+$/i.test(v);
}
