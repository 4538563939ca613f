/**
 * The build pipeline for one essay: load → parse → plan → render → write
 * (→ print PDFs). `compileEssay` does the pure part in memory, for tests and
 * the preview server; `buildEssay` adds the disk and the atomic swap.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { copyDeckAssets } from './assets.js';
import { applyBibliography } from './bibliography.js';
import { checkDiagrams } from './diagrams.js';
import { guessLanguage } from './language.js';
import { essayText } from './plan/deck.js';
import { writeRichAssets } from './rich-assets.js';
import { decodeEssayBytes } from './decode.js';
import { pdfKinds, resolveSettings, type CliSettings, type PdfKind, type ProjectConfig, type Settings } from './config.js';
import { asPaparanError, firstLine, type Diagnostic, PaparanError } from './errors.js';
import type { DrawOptions } from './diagram-pictures.js';
import type { PptxResult } from './export-pptx.js';
import { attachFootnotes } from './footnotes.js';
import type { DocxImportResult } from './import-docx.js';
import { importPlainText, type ImportResult } from './import-text.js';
import { resolveImages } from './images.js';
import type { Deck, SourceDoc } from './model.js';
import { parseEssay, slugFromPath } from './parse.js';
import { planDeck } from './plan/deck.js';
import { readEssayBytes } from './read-essay.js';
import { renderDeck } from './render.js';
import { builtinTemplatesDir, loadTemplates } from './templates.js';
import { resolveTheme, themeDiagnostics, themeView, type Theme } from './themes.js';
import { version } from './version.js';
import { carryOverPdfs, carryOverPptx, checkReplaceable, createStaging, discardStaging, publishStaging } from './output.js';
import { PPTX_FILE, printedPdfs, sourceName, writeManifest, type ManifestPdf } from './manifest.js';
import { checkDistinctSlugs, checkSlug } from './slug.js';

export interface LoadedEssay {
  /** Markdown with front matter (a .txt or Word essay has been imported). */
  source: string;
  diagnostics: Diagnostic[];
  /** The folder the essay's images are in, when not the essay's own: a Word file's pictures, taken out into a temporary folder. */
  baseDir?: string;
  /** True when the Markdown was made from a Word file: its line numbers mean nothing to the user. */
  lineless?: boolean;
  /** Removes what loading made (the temporary folder of a Word file's pictures). */
  dispose?: () => Promise<void>;
}

/** Essays paparan reads through the Word importer, which says what to do with a .doc, an .odt or a PDF. */
const WORD_FILE = /\.(docx|docm|dotx|dotm|doc|dot|odt|rtf|pdf)$/i;

/** Reads an essay from disk: decodes its bytes and imports plain text (.txt) or Word (.docx) to Markdown. */
export async function loadEssay(file: string): Promise<LoadedEssay> {
  if (/\.txt$/i.test(file)) {
    const { imported, diagnostics } = await importEssayFile(file);
    return { source: imported.markdown, diagnostics };
  }
  if (WORD_FILE.test(file)) {
    const { imported, diagnostics } = await importEssayFile(file);
    // The pictures go to a folder of their own, which the images step reads as the essay's folder.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paparan-docx-'));
    const dispose = () => rm(dir, { recursive: true, force: true });
    try {
      for (const image of imported.images ?? []) {
        await mkdir(path.dirname(path.join(dir, image.path)), { recursive: true });
        await writeFile(path.join(dir, image.path), image.bytes);
      }
    } catch (error) {
      await dispose();
      throw error;
    }
    return { source: imported.markdown, diagnostics, baseDir: dir, lineless: true, dispose };
  }
  const decoded = decodeEssayBytes(await readEssayBytes(file), file);
  return { source: decoded.text, diagnostics: decoded.warnings.map((message) => warning(file, message)) };
}

/** Reads and converts a plain-text or Word essay; decoding and import warnings become diagnostics. A Word file's pictures come back in memory. */
export async function importEssayFile(file: string, options: { title?: string; lang?: string } = {}): Promise<{ imported: ImportResult & Partial<Pick<DocxImportResult, 'images'>>; diagnostics: Diagnostic[] }> {
  if (WORD_FILE.test(file)) {
    // Loaded only for Word files: mammoth is not needed to build Markdown.
    const { importDocx } = await import('./import-docx.js');
    const imported = await importDocx(await readEssayBytes(file), { file, ...options, imageDir: `${slugFromPath(file)}-images` });
    return { imported, diagnostics: imported.warnings.map((w) => warning(file, w.message)) };
  }
  const decoded = decodeEssayBytes(await readEssayBytes(file), file);
  const imported = importPlainText(decoded.text, { file, ...options });
  const diagnostics = [...decoded.warnings.map((message) => warning(file, message)), ...imported.warnings.map((w) => warning(file, w.message, w.line))];
  return { imported, diagnostics };
}

/** A "line N: ..." prefix from decoding becomes the diagnostic's line. */
function warning(file: string, message: string, line?: number): Diagnostic {
  const match = /^line (\d+): (.*)$/s.exec(message);
  return match ? { severity: 'warning', file, line: Number(match[1]), message: match[2]! } : { severity: 'warning', file, line, message };
}

export interface CompileOptions {
  file: string;
  /** Folder that holds `themes/` and `templates/` overrides; defaults to the working folder. */
  projectDir?: string;
  /** Settings from the command line; they win over the front matter. */
  cli?: CliSettings;
  /** The project config file's settings; the front matter wins over them. */
  config?: ProjectConfig;
  /** The folder image paths resolve against and must stay in (default: the essay's folder). */
  baseDir?: string;
}

export interface CompiledEssay {
  doc: SourceDoc;
  deck: Deck;
  theme: Theme;
  settings: Settings;
  /** Template folders in override order: built-in, the project's, the theme chain's. */
  templateDirs: string[];
  html: string;
  diagnostics: Diagnostic[];
}

/** Parses, plans and renders essay source in memory; image files are checked but not copied. */
export function compileEssay(source: string, options: CompileOptions): CompiledEssay {
  const { file, cli = {}, config = {} } = options;
  const projectDir = options.projectDir ?? process.cwd();
  const parsed = parseEssay({ source, file, baseDir: options.baseDir ?? path.dirname(path.resolve(file)), slug: slugFromPath(file) });
  // `bibliography:` in the front matter: pandoc citations written out, the cited works listed.
  const doc = applyBibliography(parsed, parsed.metaLines ?? {}, parsed.meta.lang ?? guessLanguage(essayText(parsed)));
  const settings = resolveSettings(cli, doc.meta, config);
  const deck = planDeck(doc, { detail: settings.detail });
  if (doc.footnotes) attachFootnotes(deck, doc.footnotes);
  resolveImages(deck, doc.baseDir, { logoLine: doc.metaLines?.logo });
  const themeFromEssay = cli.theme === undefined && doc.meta.theme !== undefined;
  const theme = resolveTheme(settings.theme, projectDir, themeFromEssay ? { file } : {});
  const templateDirs = [builtinTemplatesDir, path.join(projectDir, 'templates'), ...theme.templateDirs];
  const templates = loadTemplates(templateDirs);
  const html = renderDeck(deck, templates, version, themeView(theme));
  // A theme the user made is checked for contrast (built-in ones are checked by the tests).
  const themeWarnings = theme.builtin ? [] : themeDiagnostics(theme);
  return { doc, deck, theme, settings, templateDirs, html, diagnostics: [...deck.diagnostics, ...themeWarnings] };
}

export interface BuildOptions extends Omit<CompileOptions, 'file'> {
  /** Output root; each essay goes to `<outDir>/<slug>/`. */
  outDir: string;
  /** Work done on the staged folder before it is published; a failure fails the essay. */
  afterWrite?: (staged: StagedDeck) => Promise<unknown>;
  /** The PDF step (after `afterWrite`): PDFs it could not print are carried over from the previous deck, marked stale. */
  pdfs?: (staged: StagedDeck) => Promise<PdfStep>;
  /**
   * Without a PDF step, keep the previous deck's PDFs, and without --pptx its slides.pptx (marked not current),
   * instead of dropping them: the preview server makes neither, and must not delete those a `paparan build` made.
   */
  keepEarlierFiles?: boolean;
  /** Fold the deck into one self-contained index.html. */
  singleFile?: boolean;
  /** The build's shared browser (the PDF printer's), started on first need: slides.pptx draws its diagrams in it. Without it, that step starts one of its own when a deck has diagrams. */
  browser?: DrawOptions['browser'];
  /** How long to wait for another build publishing the same deck folder, in ms. */
  lockWaitMs?: number;
  /** Told when another build holds the deck folder and this one waits. */
  onWait?: (slug: string, message: string) => void;
}

export interface StagedDeck {
  compiled: CompiledEssay;
  /** The staging folder holding index.html and its assets. */
  dir: string;
}

/** What the PDF step did: the PDFs it was asked for are those of `asked` found in the staging folder afterwards. */
export interface PdfStep {
  asked: PdfKind[];
  /** Why printing failed, when it did (a missing browser is reported by the step's owner, once). */
  error?: PaparanError;
}

export type EssayResult =
  | {
      ok: true;
      file: string;
      slug: string;
      outDir: string;
      slides: number;
      diagnostics: Diagnostic[];
      ms: number;
      singleFileBytes?: number;
      /** slides.pptx, when the settings asked for it: how long it took and how large it is. */
      pptx?: { file: string; ms: number; bytes: number };
      /** PDFs this build could not print, kept from the previous deck (e.g. `slides.pdf`). */
      stalePdfs: string[];
      /** Why some PDFs were not printed, when printing failed (the deck itself was published). */
      pdfError?: PaparanError;
    }
  | { ok: false; file: string; error: PaparanError; diagnostics: Diagnostic[]; ms: number };

/** Builds one essay into `<outDir>/<slug>/`; on any failure the previous output stays as it was. */
export async function buildEssay(file: string, options: BuildOptions): Promise<EssayResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let diagnostics: Diagnostic[] = [];
  let staging: string | undefined;
  let loaded: LoadedEssay | undefined;
  try {
    // Checked before any work: the slug becomes a path, and the folder may be the user's.
    const finalDir = path.join(options.outDir, checkSlug(slugFromPath(file), file));
    await checkReplaceable(finalDir, file);
    loaded = await loadEssay(file);
    diagnostics = loaded.diagnostics;
    const compiled = compileEssay(loaded.source, { ...options, file, baseDir: loaded.baseDir });
    // Mermaid's parser is asynchronous: diagrams are checked here, outside the pure compile.
    const diagrams = await checkDiagrams(compiled.deck, compiled.html);
    compiled.html = diagrams.html;
    compiled.diagnostics.push(...diagrams.diagnostics);
    diagnostics = [...diagnostics, ...(loaded.lineless ? withoutLines(compiled.diagnostics) : compiled.diagnostics)];
    staging = await createStaging(finalDir);
    const dir = staging;
    await writeFile(path.join(dir, 'index.html'), compiled.html);
    await copyDeckAssets(dir, compiled.theme, compiled.deck.assets);
    await writeRichAssets(dir, compiled.html);
    await options.afterWrite?.({ compiled, dir });
    const pptx = compiled.settings.formats.includes('pptx') ? await writeDeckPptx(compiled, dir, options.browser) : undefined;
    if (pptx) diagnostics = [...diagnostics, ...pptx.diagnostics];
    const pdfStep = await options.pdfs?.({ compiled, dir });
    // Loaded only for --single-file: its HTML and CSS parsers are not needed by other builds.
    const singleFileBytes = options.singleFile ? await (await import('./single-file.js')).inlineDeck(dir, { essay: file, templateDirs: compiled.templateDirs }) : undefined;
    const builtAt = new Date().toISOString();
    const printed = printedPdfs(dir, builtAt);
    const unprinted = (pdfStep?.asked ?? []).filter((kind) => !printed.some((pdf) => pdf.kind === kind));
    let carried: ManifestPdf[] = [];
    await publishStaging(dir, finalDir, {
      file,
      waitMs: options.lockWaitMs,
      onWait: (message) => options.onWait?.(compiled.deck.slug, message),
      // Under the lock, while the previous deck is still there to copy from.
      beforeSwap: async () => {
        carried = unprinted.length > 0 ? await carryOverPdfs(finalDir, dir, unprinted, !options.singleFile) : [];
        const kept = !pdfStep && options.keepEarlierFiles ? await carryOverPdfs(finalDir, dir, [...pdfKinds], !options.singleFile) : [];
        const pdfs = [...printed, ...carried, ...kept].sort((a, b) => pdfKinds.indexOf(a.kind) - pdfKinds.indexOf(b.kind));
        const keptPptx = !pptx && options.keepEarlierFiles ? await carryOverPptx(finalDir, dir) : undefined;
        const pptxEntry = pptx ? { file: PPTX_FILE, current: true, built: builtAt } : keptPptx;
        await writeManifest(dir, { tool: 'paparan', version, slug: compiled.deck.slug, source: sourceName(file), built: builtAt, pdfs, ...(pptxEntry ? { pptx: pptxEntry } : {}) });
      },
    });
    staging = undefined;
    return {
      ok: true,
      file,
      slug: compiled.deck.slug,
      outDir: finalDir,
      slides: compiled.deck.slides.length,
      diagnostics,
      ms: elapsed(),
      singleFileBytes,
      pptx: pptx && { file: PPTX_FILE, ms: Math.round(pptx.ms), bytes: pptx.bytes },
      stalePdfs: carried.map((pdf) => pdf.file),
      pdfError: pdfStep?.error,
    };
  } catch (error) {
    const failure = asPaparanError(error, file);
    return { ok: false, file, error: loaded?.lineless ? withoutLine(failure) : failure, diagnostics, ms: elapsed() };
  } finally {
    if (staging) await discardStaging(staging);
    await loaded?.dispose?.();
  }
}

/** Lines of Markdown made from a Word file point nowhere the user can look: the message names the file alone. */
function withoutLines(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map(({ line: _line, ...rest }) => rest);
}

function withoutLine(error: PaparanError): PaparanError {
  return error.line === undefined ? error : new PaparanError(error.message, { file: error.file, exitCode: error.exitCode, cause: error });
}

/** Writes slides.pptx into the staging folder, its diagrams drawn by a browser; pptxgenjs is loaded only when a PowerPoint file is asked for. */
async function writeDeckPptx(compiled: CompiledEssay, dir: string, browser?: DrawOptions['browser']): Promise<PptxResult> {
  const { writePptx } = await import('./export-pptx.js');
  const { drawDiagramPictures } = await import('./diagram-pictures.js');
  try {
    const { settings } = compiled;
    const drawn = await drawDiagramPictures(compiled.deck, dir, { browser, executablePath: settings.browser, timeoutMs: settings.timeout * 1000 });
    const pptx = await writePptx(compiled.deck, compiled.theme, dir, { diagrams: drawn.pictures });
    return { ...pptx, ms: pptx.ms + drawn.ms, diagnostics: [...drawn.diagnostics, ...pptx.diagnostics] };
  } catch (error) {
    if (error instanceof PaparanError) throw error;
    throw new PaparanError(`cannot write ${PPTX_FILE} (${firstLine(error)}): build without --pptx for now, and report this with the essay`, { file: compiled.deck.file, cause: error });
  }
}

/** Builds several essays one after another; a failing essay does not stop the others. Two files that would build one folder stop it all before anything is written. */
export async function buildEssays(files: string[], options: BuildOptions, onResult?: (result: EssayResult) => void): Promise<EssayResult[]> {
  checkDistinctSlugs(files, slugFromPath, options.outDir);
  const results: EssayResult[] = [];
  for (const file of files) {
    const result = await buildEssay(file, options);
    onResult?.(result);
    results.push(result);
  }
  return results;
}
