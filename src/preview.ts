/**
 * `paparan serve`: build, serve, watch, rebuild what changed, reload the
 * browser. A bad edit shows its error in the browser and the terminal while
 * the last good deck stays up; nothing here ever stops the server.
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { buildEssay, type BuildOptions, type EssayResult } from './build.js';
import type { ProjectConfig } from './config.js';
import { slugFromPath } from './parse.js';
import { formatWhere } from './errors.js';
import { startPreviewServer, type PreviewServer } from './server.js';
import { watchFolders } from './watch.js';

export interface PreviewOptions extends BuildOptions {
  /** Essays to build and watch. */
  files: string[];
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
  /** URL of each essay's deck. */
  urls: Record<string, string>;
  close(): Promise<void>;
}

/** Builds the essays, serves the output folder and rebuilds on every change. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const { files, onResult, onError } = options;
  const projectDir = path.resolve(options.projectDir ?? process.cwd());
  // The config is read again before each rebuild, so that editing it takes effect.
  const buildOptions = (): BuildOptions => ({ ...options, config: options.readConfig?.() ?? options.config, afterWrite: undefined });
  // The server first: a bad --host fails at once, before any build. The folder exists even if every build fails.
  await mkdir(options.outDir, { recursive: true });
  const server = await startPreviewServer(options.outDir, { host: options.host, port: options.port });
  try {
    for (const file of files) onResult(await buildEssay(file, buildOptions()));
  } catch (error) {
    await server.close();
    throw error;
  }
  const urls = Object.fromEntries(files.map((file) => [file, `${server.url}${encodeURIComponent(slugFromPath(file))}/`]));

  const essays = new Set(files.map((f) => path.resolve(f)));
  const shared = ['templates', 'themes', 'paparan.config.json', 'paparan.config.yaml', 'paparan.config.yml'].map((p) => path.join(projectDir, p));
  // Folders, not single files: editors that save by renaming replace the file a watch would hold.
  // The project folder itself is watched shallowly (the config, essays at the top); never node_modules.
  const folders = [...new Set([...essays].map((f) => path.dirname(f)))].filter((dir) => dir !== projectDir);
  const outDir = path.resolve(options.outDir);
  const ignore = (p: string) =>
    p.startsWith(outDir + path.sep) || (path.dirname(p) === projectDir && !shared.includes(p) && !essays.has(p));
  const watcher = watchFolders({ recursive: [...folders, ...shared.filter((p) => !p.includes('paparan.config'))], shallow: [projectDir] }, onChange, ignore);

  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  let running = Promise.resolve();
  function onChange(changedPath: string): void {
    changed.add(changedPath);
    // Editors write a file in several steps: wait for them to settle briefly.
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...changed];
      changed.clear();
      // Whatever goes wrong in one rebuild, the next save must still be built.
      running = running.then(() => rebuild(batch)).catch(onError);
    }, 15);
  }

  async function rebuild(batch: string[]): Promise<void> {
    // An essay changed: rebuild it. A template, theme, config or image changed: rebuild all.
    const onlyEssays = batch.every((p) => essays.has(p));
    const targets = onlyEssays ? files.filter((f) => batch.includes(path.resolve(f))) : files;
    const build = buildOptions();
    for (const file of targets) {
      const result = await buildEssay(file, build);
      onResult(result);
      const slug = slugFromPath(file);
      // A theme, template or config change needs the new stylesheets: reload the page, not just the slides.
      if (result.ok) server.broadcast({ type: 'reload', slug, full: !onlyEssays });
      else server.broadcast({ type: 'error', slug, message: `${formatWhere(result.error)}${result.error.message}` });
    }
  }

  return {
    server,
    urls,
    async close() {
      clearTimeout(timer);
      watcher.close();
      await running;
      await server.close();
    },
  };
}
