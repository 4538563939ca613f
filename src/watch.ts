/**
 * Watches folders for changes with the operating system's own notifications
 * (fs.watch, recursive). Events are reported as absolute paths; the caller
 * debounces. Folders that do not exist are skipped.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface FolderWatcher {
  close(): void;
}

/** Calls `onChange(absolutePath)` for every change below the given folders (in `shallow` ones: directly in them). */
export function watchFolders(
  folders: { recursive: string[]; shallow?: string[] },
  onChange: (file: string) => void,
  ignore: (file: string) => boolean = () => false,
): FolderWatcher {
  const watchers: FSWatcher[] = [];
  const wanted = [...folders.recursive.map((f) => [f, true] as const), ...(folders.shallow ?? []).map((f) => [f, false] as const)];
  for (const [folder, recursive] of wanted.map(([f, r]) => [path.resolve(f), r] as const)) {
    if (!existsSync(folder)) continue;
    const watcher = watch(folder, { recursive }, (_event, name) => {
      if (!name) return;
      // Hidden files and folders below the watched one (.git, editor swap files) are never content.
      if (name.toString().split(path.sep).some((part) => part.startsWith('.'))) return;
      const file = path.join(folder, name.toString());
      if (!ignore(file)) onChange(file);
    });
    // A folder removed while watched: stop quietly rather than crash the server.
    watcher.on('error', () => watcher.close());
    watchers.push(watcher);
  }
  return {
    close() {
      for (const watcher of watchers) watcher.close();
    },
  };
}
