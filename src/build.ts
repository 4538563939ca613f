/**
 * The build pipeline for one essay: load → parse → plan → render → write
 * (→ print PDFs). `compileEssay` does the pure part in memory, for tests and
 * the preview server; `buildEssay` adds the disk and the atomic swap.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { copyDeckAssets } from './assets.js';
import { decodeEssayBytes } from './decode.js';
import { resolveSettings, type CliSettings, type ProjectConfig, type Settings } from './config.js';
import { ContentError, asPaparanError, type Diagnostic, PaparanError } from './errors.js';
import { importPlainText, type ImportResult } from './import-text.js';
import { resolveImages } from './images.js';
import type { Deck, SourceDoc } from './model.js';
import { parseEssay, slugFromPath } from './parse.js';
import { planDeck } from './plan.js';
import { renderDeck } from './render.js';
import { inlineDeck } from './single-file.js';
import { builtinTemplatesDir, loadTemplates } from './templates.js';
import { resolveTheme, themeDiagnostics, themeView, type Theme } from './themes.js';
import { version } from './version.js';
import { createStaging, discardStaging, publishStaging } from './output.js';

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

async function readEssayBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new ContentError(readFailure(error as NodeJS.ErrnoException), { file, cause: error });
  }
}

function readFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'file not found: check the path (essays live in content/)';
    case 'EISDIR':
      return 'is a folder, not an essay file: name a .md or .txt file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file (permission denied): check its permissions';
    default:
      return `cannot read the file (${error.code ?? error.message})`;
  }
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
  const deck = planDeck(doc);
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
  /** Work done on the staged folder before it is published (the PDF export). */
  afterWrite?: (staged: StagedDeck) => Promise<unknown>;
  /** Fold the deck into one self-contained index.html. */
  singleFile?: boolean;
}

export interface StagedDeck {
  compiled: CompiledEssay;
  /** The staging folder holding index.html and its assets. */
  dir: string;
}

export type EssayResult =
  | { ok: true; file: string; slug: string; outDir: string; slides: number; diagnostics: Diagnostic[]; ms: number; singleFileBytes?: number }
  | { ok: false; file: string; error: PaparanError; diagnostics: Diagnostic[]; ms: number };

/** Builds one essay into `<outDir>/<slug>/`; on any failure the previous output stays as it was. */
export async function buildEssay(file: string, options: BuildOptions): Promise<EssayResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let diagnostics: Diagnostic[] = [];
  let staging: string | undefined;
  try {
    const loaded = await loadEssay(file);
    diagnostics = loaded.diagnostics;
    const compiled = compileEssay(loaded.source, { ...options, file });
    diagnostics = [...diagnostics, ...compiled.diagnostics];
    const finalDir = path.join(options.outDir, compiled.deck.slug);
    staging = await createStaging(finalDir);
    await writeFile(path.join(staging, 'index.html'), compiled.html);
    await copyDeckAssets(staging, compiled.theme, compiled.deck.assets);
    await options.afterWrite?.({ compiled, dir: staging });
    const singleFileBytes = options.singleFile ? await inlineDeck(staging, { essay: file, templateDirs: compiled.templateDirs }) : undefined;
    await publishStaging(staging, finalDir);
    staging = undefined;
    return { ok: true, file, slug: compiled.deck.slug, outDir: finalDir, slides: compiled.deck.slides.length, diagnostics, ms: elapsed(), singleFileBytes };
  } catch (error) {
    return { ok: false, file, error: asPaparanError(error, file), diagnostics, ms: elapsed() };
  } finally {
    if (staging) await discardStaging(staging);
  }
}

/** Builds several essays one after another; a failing essay does not stop the others. */
export async function buildEssays(files: string[], options: BuildOptions, onResult?: (result: EssayResult) => void): Promise<EssayResult[]> {
  const results: EssayResult[] = [];
  for (const file of files) {
    const result = await buildEssay(file, options);
    onResult?.(result);
    results.push(result);
  }
  return results;
}
