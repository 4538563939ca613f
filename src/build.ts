/**
 * The build pipeline for one essay: load → parse → plan → render → write
 * (→ print PDFs). `compileEssay` does the pure part in memory, for tests and
 * the preview server; `buildEssay` adds the disk and the atomic swap.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { copyDeckAssets } from './assets.js';
import { decodeEssayBytes } from './decode.js';
import { pdfKinds, resolveSettings, type CliSettings, type PdfKind, type ProjectConfig, type Settings } from './config.js';
import { asPaparanError, type Diagnostic, PaparanError } from './errors.js';
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
import { carryOverPdfs, checkReplaceable, createStaging, discardStaging, publishStaging } from './output.js';
import { printedPdfs, sourceName, writeManifest, type ManifestPdf } from './manifest.js';
import { checkDistinctSlugs, checkSlug } from './slug.js';

export interface LoadedEssay {
  /** Markdown with front matter (a .txt essay has been imported). */
  source: string;
  diagnostics: Diagnostic[];
}

/** Reads an essay from disk: decodes its bytes and imports plain text (.txt) to Markdown. */
export async function loadEssay(file: string): Promise<LoadedEssay> {
  if (/\.txt$/i.test(file)) {
    const { imported, diagnostics } = await importEssayFile(file);
    return { source: imported.markdown, diagnostics };
  }
  const decoded = decodeEssayBytes(await readEssayBytes(file), file);
  return { source: decoded.text, diagnostics: decoded.warnings.map((message) => warning(file, message)) };
}

/** Reads and converts a plain-text essay; decoding and import warnings become diagnostics. */
export async function importEssayFile(file: string, options: { title?: string; lang?: string } = {}): Promise<{ imported: ImportResult; diagnostics: Diagnostic[] }> {
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
  const doc = parseEssay({ source, file, baseDir: path.dirname(path.resolve(file)), slug: slugFromPath(file) });
  const settings = resolveSettings(cli, doc.meta, config);
  const deck = planDeck(doc, { detail: settings.detail });
  resolveImages(deck, doc.baseDir);
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
  /** Fold the deck into one self-contained index.html. */
  singleFile?: boolean;
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
  try {
    // Checked before any work: the slug becomes a path, and the folder may be the user's.
    const finalDir = path.join(options.outDir, checkSlug(slugFromPath(file), file));
    await checkReplaceable(finalDir, file);
    const loaded = await loadEssay(file);
    diagnostics = loaded.diagnostics;
    const compiled = compileEssay(loaded.source, { ...options, file });
    diagnostics = [...diagnostics, ...compiled.diagnostics];
    staging = await createStaging(finalDir);
    const dir = staging;
    await writeFile(path.join(dir, 'index.html'), compiled.html);
    await copyDeckAssets(dir, compiled.theme, compiled.deck.assets);
    await options.afterWrite?.({ compiled, dir });
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
        const pdfs = [...printed, ...carried].sort((a, b) => pdfKinds.indexOf(a.kind) - pdfKinds.indexOf(b.kind));
        await writeManifest(dir, { tool: 'paparan', version, slug: compiled.deck.slug, source: sourceName(file), built: builtAt, pdfs });
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
      stalePdfs: carried.map((pdf) => pdf.file),
      pdfError: pdfStep?.error,
    };
  } catch (error) {
    return { ok: false, file, error: asPaparanError(error, file), diagnostics, ms: elapsed() };
  } finally {
    if (staging) await discardStaging(staging);
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
