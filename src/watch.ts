/**
 * Watches the files and folders of a project with chokidar (recursive
 * fs.watch misses and invents events on Linux in the Node versions we allow).
 * Paths that do not exist yet are watched for their creation. Editor swap,
 * backup and lock files are never reported.
 */
import { watch } from 'chokidar';
import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isWithin } from './paths.js';

export interface ProjectWatcher {
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Called with the absolute path of every file added, changed or removed. */
  onChange: (file: string) => void;
  /** Paths not to watch at all (the output folder, files nothing is built from); `stats` is absent when not yet known. */
  skip?: (file: string, stats?: Stats) => boolean;
  /** Watching failed (e.g. too many watched folders); the watcher goes on where it can. */
  onError?: (error: unknown) => void;
}

/**
 * Names editors write next to the file being edited: vim's `.x.swp` and its
 * write test `4913`, `x~` backups, emacs' `.#x` and `#x#`, LibreOffice's
 * `.~lock.x#`, `*.tmp`, JetBrains' `x___jb_tmp___`. Hidden files too.
 */
const editorFile = /^\.|^#.*#$|~$|^4913$|\.(swp|swo|swx|tmp|bak|crdownload)$|___jb_(tmp|old)___$/i;

/** Watches `paths` (files or folders, recursively) and resolves once the watch is in place. */
export async function watchPaths(paths: string[], options: WatchOptions): Promise<ProjectWatcher> {
  const roots = paths.map((p) => path.resolve(p));
  // Only names below a watched path are judged: a hidden folder that holds the project is not editor scratch.
  const isEditorFile = (file: string) => roots.some((root) => file !== root && isWithin(file, root)) && editorFile.test(path.basename(file));
  const watcher = watch(roots, {
    ignoreInitial: true,
    ignored: (file, stats) => isEditorFile(path.resolve(file)) || (options.skip?.(path.resolve(file), stats) ?? false),
  });
  // chokidar reports a file's second change within 50 ms of its first not at all, and sends no
  // trailing event (paulmillr/chokidar#1455): look at the file again once that window has passed,
  // and report it if it differs from what the last event saw.
  const rechecks = new Map<string, NodeJS.Timeout>();
  watcher.on('all', (event, file, stats) => {
    // A new folder changes nothing by itself; the files that appear in it are reported one by one.
    if (event === 'addDir') return;
    const absolute = path.resolve(file);
    options.onChange(absolute);
    clearTimeout(rechecks.get(absolute));
    rechecks.delete(absolute);
    if (event !== 'add' && event !== 'change') return;
    const seen = fingerprint(stats ?? statOrNull(absolute));
    const recheck = () => {
      rechecks.delete(absolute);
      if (fingerprint(statOrNull(absolute)) !== seen) options.onChange(absolute);
    };
    rechecks.set(absolute, setTimeout(recheck, 60));
  });
  watcher.on('error', (error) => options.onError?.(error));
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  return {
    close() {
      for (const timer of rechecks.values()) clearTimeout(timer);
      return watcher.close();
    },
  };
}

function statOrNull(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** What changes when a file is written: its length, its modification time, or the file itself (saved by renaming); not a chmod. */
function fingerprint(stats: Stats | undefined): string {
  return stats ? `${stats.ino}:${stats.size}:${stats.mtimeMs}` : 'gone';
}
