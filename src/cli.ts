/**
 * The command line. The only module that prints to the terminal or decides
 * the exit code; everything else returns results or throws PaparanError.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EssayResult } from './build.js';
import { defaults, detailLevels, handoutLayouts, loadProjectConfig, maxTimeout, pdfKinds, type Detail, type HandoutLayout, type PdfKind } from './config.js';
import { PdfPrinter } from './pdf-printer.js';
import { ExitCode, formatDiagnostic, formatWhere, PaparanError, type Diagnostic } from './errors.js';
import { checkOutDir, stopPublishing } from './output.js';
import { checkDistinctSlugs, slugFromPath } from './slug.js';
import { checkImportTargets, importTarget, writeImported } from './import-target.js';
import { closestWord } from './suggest.js';
import { version } from './version.js';

interface BuildFlags {
  out?: string;
  theme?: string;
  /** `--pdf slides,notes` gives a list; `--no-pdf` gives false. */
  pdf?: PdfKind[] | false;
  /** `--pptx` gives true, `--no-pptx` false. */
  pptx?: boolean;
  handout?: HandoutLayout;
  detail?: Detail;
  paper?: 'a4' | 'letter' | 'a5';
  landscape?: boolean;
  grayscale?: boolean;
  browser?: string;
  timeout?: number;
  singleFile?: boolean;
  quiet?: boolean;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command()
    .name('paparan')
    .description('Turn an essay into a Reveal.js presentation and printable PDF handouts.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('build', { isDefault: true })
    .description('build essays (content/*.md by default) into <out>/<slug>/')
    .argument('[files...]', '.md, .txt or .docx essays to build')
    .option('-o, --out <dir>', 'output folder (default: dist)')
    .option('-t, --theme <name|path>', 'theme name or theme folder (overrides the front matter)')
    .addOption(new Option('--detail <level>', 'summary: short points, the essay in the notes (default); full: every sentence on a slide').choices(detailLevels))
    .option('--pdf <kinds>', 'which PDFs to print: slides,handout,notes (default: all three)', pdfList)
    .option('--no-pdf', 'build the HTML deck only, skip the PDFs')
    .option('--pptx', 'also write slides.pptx, the deck as an editable PowerPoint file')
    .option('--no-pptx', 'skip slides.pptx even when the front matter or config asks for it')
    .addOption(new Option('--handout <n>', `slides per handout page: ${handoutLayouts.join(', ')} (default: 3)`).argParser(handoutLayout))
    .addOption(new Option('--paper <size>', 'paper for the handout and notes (default: a4)').choices(['a4', 'letter', 'a5']))
    .option('--landscape', 'handout and notes in landscape')
    .option('--grayscale', 'toner-saving PDFs with no colour')
    .option('--browser <path>', 'Chrome or Chromium to print with (default: found automatically)')
    .option('--timeout <seconds>', `seconds one PDF may take to print before it is stopped (default: ${defaults.timeout})`, timeoutSeconds)
    .option('--single-file', 'one self-contained index.html (styles, scripts, fonts, images inlined)')
    .option('-q, --quiet', 'print errors only')
    .action(async (files: string[], flags: BuildFlags) => {
      exitCode = await runBuild(files, flags);
    });

  program
    .command('serve')
    .description('build, serve on http://127.0.0.1:PORT, rebuild and reload the browser on every change')
    .argument('[files...]', '.md, .txt or .docx essays (default: content/*.md)')
    .option('-p, --port <port>', 'port to listen on (the next free one if taken)', portNumber, 8080)
    .option('--host <host>', 'address to listen on; anything but 127.0.0.1 shares the deck on your network', '127.0.0.1')
    .option('-o, --out <dir>', 'output folder (default: dist)')
    .option('-t, --theme <name|path>', 'theme name or theme folder')
    .action(async (files: string[], flags: { port: number; host: string; out?: string; theme?: string }) => {
      exitCode = await runServe(files, flags);
    });

  program
    .command('import')
    .description('convert a plain-text or Word essay into content/<slug>.md (a Word file\'s pictures into content/<slug>-images/)')
    .argument('<file>', 'the .txt or .docx essay')
    .option('--title <title>', 'the essay title (otherwise taken from the text or the file name)')
    .addOption(new Option('--lang <tag>', 'language of the essay (guessed when absent)').argParser(languageTag))
    .option('-o, --out <dir>', 'folder for the Markdown file', 'content')
    .option('-f, --force', 'overwrite an existing file')
    .action(async (file: string, flags: { title?: string; lang?: string; out: string; force?: boolean }) => {
      exitCode = await runImport(file, flags);
    });

  program
    .command('check')
    .description('plan essays (content/*.md by default) and check that their decks can be presented: short points, distinct titles, nothing lost')
    .argument('[files...]', '.md, .txt or .docx essays to check')
    .addOption(new Option('--detail <level>', 'summary (default) or full').choices(detailLevels))
    .option('--no-browser', 'skip laying the slides out in a browser to find the ones that overflow')
    .option('--browser <path>', 'Chrome or Chromium to lay the slides out with (default: found automatically)')
    .action(async (files: string[], flags: CheckFlags) => {
      exitCode = await runCheck(files, flags);
    });

  program
    .command('themes')
    .description('list the themes with their descriptions; --preview renders a gallery of them')
    .argument('[themes...]', 'theme names or folders to preview (default: every theme)')
    .option('--preview', 'screenshot each theme on a sample deck into <out>/ with an index.html')
    .option('-o, --out <dir>', 'folder for the gallery', path.join('dist', 'themes'))
    .option('--essay <file>', 'the essay the gallery shows (default: a built-in sample)')
    .option('--browser <path>', 'Chrome or Chromium to take the screenshots with')
    .action(async (themes: string[], flags: ThemesFlags) => {
      exitCode = await runThemes(themes, flags);
    });

  const meant = mistypedCommand(argv[0], program);
  if (meant) {
    console.error(`paparan: unknown command "${argv[0]}": did you mean ${meant}?`);
    return ExitCode.usage;
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with code 0.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    printError(error);
    return error instanceof PaparanError ? error.exitCode : ExitCode.buildFailed;
  }
  return exitCode;
}

/**
 * The command a first word was probably meant to be: `build` is the default command, so any
 * other word is an essay to build, but one that is no file and close to a command is a typo.
 */
function mistypedCommand(word: string | undefined, program: Command): string | undefined {
  // Options, paths and file names with an extension are never taken for a command.
  if (!word || word.startsWith('-') || /[./\\]/.test(word) || existsSync(word)) return undefined;
  const commands = [...program.commands.flatMap((command) => [command.name(), ...command.aliases()]), 'help'];
  return commands.includes(word) ? undefined : closestWord(word, commands);
}

async function runBuild(files: string[], flags: BuildFlags): Promise<number> {
  const essays = files.length > 0 ? files : defaultEssays();
  if (essays.length === 0) {
    console.error('paparan: no essays found in content/: add content/<name>.md or name files to build');
    return ExitCode.usage;
  }
  const { config, file: configFile } = loadProjectConfig(process.cwd());
  const outDir = flags.out ?? config.out ?? defaults.out;
  // Before anything is written: two essays for one folder, or an output folder that cannot be.
  checkDistinctSlugs(essays, slugFromPath, outDir);
  await checkOutDir(outDir, outLabel(flags.out, config.out, configFile));
  const cli = { theme: flags.theme, detail: flags.detail, pdf: flags.pdf, pptx: flags.pptx, handout: flags.handout, paper: flags.paper, landscape: flags.landscape, grayscale: flags.grayscale, browser: flags.browser, timeout: flags.timeout };
  // Set by Ctrl-C: from then on the pages closing under the printer fail, and that is no news to print.
  let interrupted: number | undefined;
  const printer = new PdfPrinter(flags.quiet ? undefined : (slug, message) => interrupted ?? console.error(`  ${slug}: ${message}`), essays.length);
  // Ctrl-C: one line, close the browser, then exit; the exit hooks remove staging folders, so dist/ keeps its last good decks.
  const interrupt = (signal: NodeJS.Signals) => {
    interrupted = 128 + (os.constants.signals[signal] ?? 2);
    stopPublishing();
    console.error('paparan: interrupted');
    void printer.close().finally(() => process.exit(interrupted));
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.once(signal, interrupt);
  // Chromium starts, with its tabs, while the build code loads and the essays are compiled: most of its start-up is then
  // free. Not when the flags or the config ask for no PDF (an essay's front matter may still ask: then it starts on demand).
  const guessedPdfs = flags.pdf ?? config.pdf ?? defaults.pdf;
  // Awaited until Chromium is spawned: loading and compiling the essays hold this thread, and would hold up its start.
  if (guessedPdfs !== false && guessedPdfs.length > 0) await printer.warmUp(flags.browser ?? config.browser);
  let results: EssayResult[];
  try {
    // Loaded here, not at start-up: `paparan --version`, `check` and `import` need little of it.
    const { buildEssays } = await import('./build.js');
    const onWait = flags.quiet ? undefined : (slug: string, message: string) => console.error(`  ${slug}: ${message}`);
    const options = { outDir, cli, config, singleFile: flags.singleFile, pdfs: printer.print, browser: printer.browser, onWait };
    results = await buildEssays(essays, options, (result) => interrupted ?? report(result, flags.quiet));
  } finally {
    await printer.close();
    for (const signal of signals) process.off(signal, interrupt);
  }
  if (interrupted !== undefined) return interrupted;
  for (const warning of printer.warnings) console.error(formatDiagnostic(warning));
  const codes = results.map((r) => (r.ok ? (r.pdfError?.exitCode ?? ExitCode.ok) : r.error.exitCode));
  if (printer.unavailable) {
    // The decks were built; only the PDFs are missing.
    console.error(`error: ${printer.unavailable.message}`);
    codes.push(printer.unavailable.exitCode);
  }
  return Math.max(ExitCode.ok, ...codes);
}

/** How messages name the output folder: by the flag or config entry that chose it. */
function outLabel(flag: string | undefined, configured: string | undefined, configFile: string | undefined): string {
  if (flag !== undefined) return `--out ${flag}`;
  if (configured !== undefined) return `out "${configured}" (${configFile ? path.relative(process.cwd(), configFile) : 'config'})`;
  return `output folder ${defaults.out}`;
}

/** Every essay in content/, in name order. */
function defaultEssays(): string[] {
  const dir = 'content';
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
    .sort()
    .map((name) => path.join(dir, name));
}

function report(result: EssayResult, quiet = false): void {
  for (const d of result.diagnostics) if (!quiet || d.severity === 'error') console.error(formatDiagnostic(d));
  if (!result.ok) {
    printError(result.error);
    return;
  }
  if (quiet) {
    if (result.pdfError) printError(result.pdfError);
    return;
  }
  const warnings = result.diagnostics.filter((d: Diagnostic) => d.severity === 'warning').length;
  const parts = [
    `${result.slides} slides`,
    warnings === 1 ? '1 warning' : `${warnings} warnings`,
    `${(result.ms / 1000).toFixed(2)} s`,
  ];
  if (result.singleFileBytes !== undefined) parts.push(`single file ${(result.singleFileBytes / 1024 / 1024).toFixed(2)} MB`);
  if (result.pptx) parts.push(`${result.pptx.file} ${(result.pptx.ms / 1000).toFixed(2)} s`);
  console.log(`✓ ${result.slug}: ${parts.join(', ')} → ${path.join(result.outDir, 'index.html')}`);
  if (result.pdfError) printError(result.pdfError);
  if (result.stalePdfs.length > 0) {
    const fix = result.pdfError ? 'fix the printing error above' : 'install Chromium (or pass --browser PATH)';
    const message = `${listed(result.stalePdfs)} ${result.stalePdfs.length === 1 ? 'is' : 'are'} from the previous build, not this one: ${fix} and build again`;
    console.error(formatDiagnostic({ severity: 'warning', file: result.file, message }));
  }
}

/** "a", "a and b", "a, b and c". */
function listed(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

interface CheckFlags {
  detail?: Detail;
  /** False with --no-browser. */
  browser: boolean | string;
}

async function runCheck(files: string[], flags: CheckFlags): Promise<number> {
  const essays = files.length > 0 ? files : defaultEssays();
  if (essays.length === 0) {
    console.error('paparan: no essays found in content/: add content/<name>.md or name files to check');
    return ExitCode.usage;
  }
  const { checkEssay, formatFigures, startCheckBrowser } = await import('./check.js');
  // One browser for every essay; without one the figures are still checked, and the line says overflow was not.
  const { session, reason } = flags.browser === false ? { session: undefined, reason: 'skipped (--no-browser)' } : await startCheckBrowser(typeof flags.browser === 'string' ? flags.browser : undefined);
  let failed = false;
  try {
    for (const file of essays) {
      const result = await checkEssay(file, { detail: flags.detail }, session);
      console.log(`${result.problems.length === 0 ? '✓' : '✗'} ${file}`);
      if (result.figures) for (const line of formatFigures(result.figures)) console.log(`  ${line}`);
      if (result.figures) console.log(`  slides that overflow: ${result.overflowing ? result.overflowing.length : `not measured: ${reason}`}`);
      for (const problem of result.problems) console.log(`  out of bounds: ${problem}`);
      for (const warning of result.warnings) console.log(`  warning: ${warning}`);
      failed ||= result.problems.length > 0;
    }
  } finally {
    await session?.close();
  }
  return failed ? ExitCode.buildFailed : ExitCode.ok;
}

async function runImport(file: string, flags: { title?: string; lang?: string; out: string; force?: boolean }): Promise<number> {
  const target = importTarget(file, flags.out);
  const { importEssayFile } = await import('./build.js');
  const { imported, diagnostics } = await importEssayFile(file, { title: flags.title, lang: flags.lang });
  // A Word file's pictures go beside the essay, in <slug>-images/, where its Markdown points.
  const images = (imported.images ?? []).map((image) => ({ target: path.join(path.dirname(target), image.path), bytes: image.bytes }));
  const options = { source: file, force: flags.force };
  await checkImportTargets([target, ...images.map((image) => image.target)], options);
  for (const image of images) await writeImported(image.target, image.bytes, options);
  await writeImported(target, imported.markdown, options);
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  const pictures = images.length === 0 ? '' : `, ${images.length === 1 ? '1 picture' : `${images.length} pictures`} in ${path.dirname(images[0]!.target)}`;
  console.log(`✓ ${target} (${imported.lang}): "${imported.title}"${pictures}`);
  return ExitCode.ok;
}

async function runServe(files: string[], flags: { port: number; host: string; out?: string; theme?: string }): Promise<number> {
  const essays = files.length > 0 ? files : defaultEssays();
  if (essays.length === 0) {
    console.error('paparan: no essays found in content/: add content/<name>.md or name files to serve');
    return ExitCode.usage;
  }
  const { startPreview } = await import('./preview.js');
  const projectDir = process.cwd();
  const { config, file: configFile } = loadProjectConfig(projectDir);
  const outDir = flags.out ?? config.out ?? defaults.out;
  checkDistinctSlugs(essays, slugFromPath, outDir);
  await checkOutDir(outDir, outLabel(flags.out, config.out, configFile));
  const preview = await startPreview({
    files: essays,
    // Without file names, an essay added to content/ while serving is built too.
    findEssays: files.length > 0 ? undefined : defaultEssays,
    outDir,
    cli: { theme: flags.theme },
    config,
    readConfig: () => loadProjectConfig(projectDir).config,
    host: flags.host,
    port: flags.port,
    onResult: (result) => report(result),
    onError: printError,
  });
  // Warned once the address is known to work: a bad --host gets its one error line only.
  if (!['127.0.0.1', 'localhost', '::1'].includes(flags.host)) {
    console.error(`warning: serving on ${flags.host}: anyone on this network can open the decks`);
  }
  for (const url of Object.values(preview.urls)) console.log(`→ ${url}`);
  console.log('Watching content/, templates/, themes/ and the config. Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await preview.close();
  return ExitCode.ok;
}

function handoutLayout(value: string): HandoutLayout {
  const n = Number(value);
  if (!(handoutLayouts as readonly number[]).includes(n)) throw new InvalidArgumentError(`expected one of ${handoutLayouts.join(', ')}`);
  return n as HandoutLayout;
}

function pdfList(value: string): PdfKind[] {
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  const unknown = kinds.filter((k) => !(pdfKinds as readonly string[]).includes(k));
  if (unknown.length > 0 || kinds.length === 0) throw new InvalidArgumentError(`expected a list of ${pdfKinds.join(', ')}`);
  return kinds as PdfKind[];
}

function timeoutSeconds(value: string): number {
  const seconds = Number(value);
  if (!(seconds > 0 && seconds <= maxTimeout)) throw new InvalidArgumentError(`expected a number of seconds, more than 0 and at most ${maxTimeout}`);
  return seconds;
}

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}

interface ThemesFlags {
  preview?: boolean;
  out: string;
  essay?: string;
  browser?: string;
}

/** `paparan themes`: one line per theme; with --preview, the gallery. */
async function runThemes(themes: string[], flags: ThemesFlags): Promise<number> {
  const projectDir = process.cwd();
  if (flags.preview) {
    const { renderThemeGallery } = await import('./theme-gallery.js');
    const gallery = await renderThemeGallery({ projectDir, outDir: flags.out, themes, essay: flags.essay, browser: flags.browser });
    for (const theme of gallery.themes) for (const d of theme.diagnostics) console.error(formatDiagnostic(d));
    console.log(`✓ ${gallery.themes.length} themes → ${gallery.index}`);
    return ExitCode.ok;
  }
  const { describeThemes } = await import('./themes.js');
  const listed = describeThemes(projectDir);
  const width = Math.max(...listed.map((t) => t.name.length));
  for (const theme of listed) {
    const origin = theme.builtin ? '' : ` (${path.relative(projectDir, theme.dir) || theme.dir})`;
    const parent = theme.extends ? ` Extends ${theme.extends}.` : '';
    console.log(`${theme.name.padEnd(width)}  ${theme.error ? `unusable: ${theme.error}` : `${theme.description}${parent}`}${origin}`);
  }
  return listed.some((t) => t.error) ? ExitCode.buildFailed : ExitCode.ok;
}

function languageTag(value: string): string {
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value)) throw new InvalidArgumentError('expected a language tag such as "id" or "en"');
  return value;
}

/** One line per error: `file:line: error: message`; the stack only with PAPARAN_DEBUG=1. */
function printError(error: unknown): void {
  if (error instanceof PaparanError) {
    console.error(`${formatWhere(error)}error: ${error.message}`);
  } else {
    console.error(`paparan: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (process.env.PAPARAN_DEBUG && error instanceof Error) console.error(error.stack);
}

// Run when executed directly (`tsx src/cli.ts`); bin/paparan.js calls runCli itself.
if (process.argv[1] && /cli\.[jt]s$/.test(process.argv[1])) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
