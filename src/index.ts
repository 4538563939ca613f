/**
 * paparan as a library (the package's entry, `import { build, compile } from 'paparan'`):
 * `build` writes decks and PDFs to an output folder as the CLI does, `compile` turns
 * essay source into a deck and its HTML in memory. Problems an author can fix are
 * thrown (or returned, per essay) as PaparanError, never printed.
 */
import { buildEssays, compileEssay, type CompiledEssay, type EssayResult } from './build.js';
import { defaults, loadProjectConfig, type CliSettings, type ProjectConfig } from './config.js';
import type { BrowserError, Diagnostic } from './errors.js';
import { PdfPrinter } from './pdf-printer.js';

/** Settings that win over the essay's front matter and the project config file: the CLI's flags. */
export type SettingsOverrides = CliSettings;

export interface ProjectOptions {
  /** Folder with the project's `themes/`, `templates/` and config file (default: the working folder). */
  projectDir?: string;
  /** Settings instead of the project's config file (paparan.config.json/.yaml, "paparan" in package.json). */
  config?: ProjectConfig;
}

export interface CompileOptions extends SettingsOverrides, ProjectOptions {
  /** The essay's path: names it in messages, gives the slug, and image paths resolve against its folder (default: essay.md). */
  file?: string;
}

/** Plans and renders an essay's Markdown (with front matter) in memory: the deck, its index.html and the warnings. Throws PaparanError for bad content. */
export function compile(source: string, options: CompileOptions = {}): CompiledEssay {
  const { file = 'essay.md', projectDir = process.cwd(), config, ...cli } = options;
  return compileEssay(source, { file, projectDir, cli, config: config ?? loadProjectConfig(projectDir).config });
}

export interface BuildOptions extends SettingsOverrides, ProjectOptions {
  /** Fold each deck into one self-contained index.html. */
  singleFile?: boolean;
  /** Told about each essay as soon as it is built (or failed). */
  onResult?: (result: EssayResult) => void;
  /** Told as each PDF is printed, e.g. `slides.pdf 1.2 s (30 pages)`. */
  onProgress?: (slug: string, message: string) => void;
}

export interface BuildSummary {
  /** One per essay, in the order given; a failed essay left its previous output untouched. */
  results: EssayResult[];
  /** Problems of the PDFs that are not an essay's failure, such as blocked requests. */
  warnings: Diagnostic[];
  /** Set when PDFs were asked for but no browser was found: the decks were built without them. */
  pdfUnavailable?: BrowserError;
}

/** Builds `.md`, `.txt` or `.docx` essays into `<out>/<slug>/` (default out: the config file's, else dist), with the PDFs (and slides.pptx) their settings ask for. */
export async function build(files: string[], options: BuildOptions = {}): Promise<BuildSummary> {
  const { projectDir = process.cwd(), config = loadProjectConfig(projectDir).config, singleFile, onResult, onProgress, ...cli } = options;
  const printer = new PdfPrinter(onProgress, files.length);
  try {
    const outDir = cli.out ?? config.out ?? defaults.out;
    const results = await buildEssays(files, { outDir, projectDir, cli, config, singleFile, pdfs: printer.print, browser: printer.browser }, onResult);
    return { results, warnings: printer.warnings, pdfUnavailable: printer.unavailable };
  } finally {
    await printer.close();
  }
}

export { PaparanError, ContentError, BrowserError, ExitCode, type Diagnostic } from './errors.js';
export type { CompiledEssay, EssayResult } from './build.js';
export type { HandoutLayout, PdfKind, ProjectConfig, Settings } from './config.js';
export type { EssayMeta } from './front-matter.js';
export type { Block, Deck, Directives, Point, Section, Slide, SlideBody, SlideKind, SourceDoc } from './model.js';
export type { Theme } from './themes.js';
export { version } from './version.js';
