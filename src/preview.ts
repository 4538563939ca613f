/**
 * `paparan serve`: build, serve, watch, rebuild what changed, reload the
 * browser. A bad edit shows its error in the browser and the terminal while
 * the last good deck stays up; nothing here ever stops the server.
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { buildEssay, type BuildOptions, type EssayResult } from './build.js';
import type { ProjectConfig } from './config.js';
import type { DeckEntry } from './deck-index.js';
import { slugFromPath } from './parse.js';
import { formatWhere } from './errors.js';
import { isWithin } from './paths.js';
import { startPreviewServer, type PreviewServer } from './server.js';
import { watchPaths } from './watch.js';

export interface PreviewOptions extends Omit<BuildOptions, 'afterWrite'> {
  /** Essays to build and watch. */
  files: string[];
  /** Lists the essays again when an essay file appears (serve without file names: content/*.md); new ones are built too. */
  findEssays?: () => string[];
  host?: string;
  port?: number;
  /** Reads the project config file again (before every rebuild). */
  readConfig?: () => ProjectConfig;
  /** Told of every build's result (the CLI prints it as `build` does). */
  onResult: (result: EssayResult) => void;
  /** Told when a rebuild failed outside any essay (e.g. an unreadable config file). */
  onError: (error: unknown) => void;
}

export interface Preview {
  server: PreviewServer;
  /** URL of each essay's deck (of the essays served at the start). */
  urls: Record<string, string>;
  close(): Promise<void>;
}

/** What a change touches: an essay, an image an essay may use, what every deck is built with, or maybe a new essay. */
type ChangeKind = 'essay' | 'image' | 'shared' | 'candidate';

/** Image files an essay can show (see images.ts). */
const imageFile = /\.(png|jpe?g|gif|webp|svg)$/i;
/** Bibliography and citation style files an essay can name (see bibliography.ts); they rebuild like images. */
const bibliographyFile = /\.(bib|bibtex|json|ris|csl)$/i;

/** Builds the essays, serves the output folder and rebuilds on every change. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const { files: firstFiles, findEssays, host, port, readConfig, onResult, onError, ...buildBase } = options;
  const projectDir = path.resolve(options.projectDir ?? process.cwd());
  const outDir = path.resolve(options.outDir);
  const files = [...firstFiles];
  const essays = new Set(files.map((f) => path.resolve(f)));
  /** By absolute essay path: what the index page shows and which images each essay used in its last good build. */
  const decks = new Map<string, DeckEntry & { images: Set<string>; ok: boolean }>();
  const essayKey = (file: string) => path.resolve(file);

  // The server first: a bad --host fails at once, before any build. The folder exists even if every build fails.
  await mkdir(outDir, { recursive: true });
  const server = await startPreviewServer(outDir, { host, port, decks: () => files.flatMap((f) => decks.get(essayKey(f)) ?? []) });
  const urls = Object.fromEntries(files.map((file) => [file, `${server.url}${encodeURIComponent(slugFromPath(file))}/`]));

  /** Builds one essay (the config read once per round) and records what the index page and the watcher need. */
  async function build(file: string, config: ProjectConfig | undefined): Promise<EssayResult> {
    let title: string | undefined;
    let images: string[] = [];
    const result = await buildEssay(file, {
      ...buildBase,
      config,
      // The preview prints no PDFs; those an earlier `paparan build` printed stay, marked not current.
      keepEarlierFiles: true,
      afterWrite: async ({ compiled }) => {
        title = compiled.deck.meta.title;
        images = compiled.deck.assets.map((asset) => path.resolve(asset.from));
        // The bibliography and its style are files the essay is built from, watched like its images.
        const { bibliography, csl } = compiled.doc.meta;
        for (const used of [bibliography, csl]) if (used) images.push(path.resolve(compiled.doc.baseDir, used));
      },
    });
    const known = decks.get(essayKey(file));
    decks.set(essayKey(file), {
      slug: result.ok ? result.slug : slugFromPath(file),
      file,
      title: result.ok ? title : known?.title,
      slides: result.ok ? result.slides : known?.slides,
      error: result.ok ? undefined : `${formatWhere(result.error)}${result.error.message}`,
      images: result.ok ? new Set(images) : (known?.images ?? new Set()),
      ok: result.ok,
    });
    onResult(result);
    return result;
  }

  const readConfigNow = () => readConfig?.() ?? options.config;
  try {
    const config = readConfigNow();
    for (const file of files) await build(file, config);
  } catch (error) {
    await server.close();
    throw error;
  }

  const templatesDir = path.join(projectDir, 'templates');
  const themesDir = path.join(projectDir, 'themes');
  const configFiles = ['paparan.config.json', 'paparan.config.yaml', 'paparan.config.yml'].map((name) => path.join(projectDir, name));
  // The folders of the essays (their images may sit below them), not the essay files: editors that save by renaming replace the file.
  const essayDirs = [...new Set(files.map((f) => path.dirname(essayKey(f))))];

  function classify(file: string): ChangeKind | undefined {
    if (essays.has(file)) return 'essay';
    if (configFiles.includes(file) || isWithin(file, templatesDir) || isWithin(file, themesDir)) return 'shared';
    if (!essayDirs.some((dir) => isWithin(file, dir))) return undefined;
    if (imageFile.test(file) || bibliographyFile.test(file)) return 'image';
    if (findEssays && /\.(md|txt)$/i.test(file)) return 'candidate';
    return undefined;
  }

  // The project folder itself is watched, but only the paths things are built from: templates/, themes/
  // and a config file are then noticed even when created after the start. Essays outside it add their folders.
  const sources = [...essayDirs, templatesDir, themesDir, ...configFiles];
  const leadsToSource = (file: string) => sources.some((source) => isWithin(file, source) || isWithin(source, file));
  const watcher = await watchPaths([projectDir, ...essayDirs.filter((dir) => !isWithin(dir, projectDir))], {
    onChange,
    onError,
    // Never the output (it may lie inside an essay folder) or packages; no file nothing is built from.
    skip: (file, stats) =>
      isWithin(file, outDir) || path.basename(file) === 'node_modules' || !leadsToSource(file) || (stats?.isFile() === true && !classify(file)),
  });

  let timer: NodeJS.Timeout | undefined;
  const changed = new Map<string, ChangeKind>();
  let running = Promise.resolve();
  function onChange(changedPath: string): void {
    const kind = classify(changedPath);
    if (!kind) return;
    changed.set(changedPath, kind);
    // Editors write a file in several steps: wait for them to settle briefly.
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = new Map(changed);
      changed.clear();
      // Whatever goes wrong in one rebuild, the next save must still be built.
      running = running.then(() => rebuild(batch)).catch(onError);
    }, 15);
  }

  async function rebuild(batch: Map<string, ChangeKind>): Promise<void> {
    const kinds = new Set(batch.values());
    const targets = new Set<string>();
    if (kinds.has('candidate') && findEssays) {
      for (const file of findEssays()) {
        if (essays.has(essayKey(file))) continue;
        files.push(file);
        essays.add(essayKey(file));
        targets.add(essayKey(file));
      }
    }
    for (const [file, kind] of batch) {
      if (kind === 'essay') targets.add(file);
      // An image: the essays that show it, and those that failed (perhaps for want of it).
      if (kind === 'image') for (const [essay, deck] of decks) if (deck.images.has(file) || !deck.ok) targets.add(essay);
    }
    // A template, theme or config change: every deck, and the page reloads for the new stylesheets.
    const full = kinds.has('shared') || kinds.has('image');
    const config = readConfigNow();
    for (const file of files) {
      if (!kinds.has('shared') && !targets.has(essayKey(file))) continue;
      const result = await build(file, config);
      const slug = result.ok ? result.slug : slugFromPath(file);
      if (result.ok) server.broadcast({ type: 'reload', slug, full });
      else server.broadcast({ type: 'error', slug, message: `${formatWhere(result.error)}${result.error.message}` });
    }
  }

  return {
    server,
    urls,
    async close() {
      clearTimeout(timer);
      await watcher.close();
      await running;
      await server.close();
    },
  };
}
