/**
 * Finds a theme by name or path. A theme is a folder with a theme.css (and
 * optionally fonts, images and templates) that is copied next to the deck.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PaparanError } from './errors.js';

/** paparan's built-in themes. */
export const builtinThemesDir = fileURLToPath(new URL('../themes', import.meta.url));
export const defaultThemeName = 'default';

export interface Theme {
  name: string;
  /** The theme's folder; all of it is copied to `assets/theme/`. */
  dir: string;
}

/** Theme folders a name is looked up in: the project's `themes/` first, then the built-in ones. */
export function themeSearchDirs(projectDir: string): string[] {
  const own = path.join(projectDir, 'themes');
  return path.resolve(own) === path.resolve(builtinThemesDir) ? [builtinThemesDir] : [own, builtinThemesDir];
}

/** Resolves `--theme`/`theme:` (a name, or a path to a folder) to a theme; unknown names list the available ones. */
export function resolveTheme(nameOrPath: string | undefined, projectDir: string, where: { file?: string; line?: number } = {}): Theme {
  const wanted = nameOrPath ?? defaultThemeName;
  if (/[\\/]/.test(wanted) || wanted.startsWith('.')) {
    const dir = path.resolve(projectDir, wanted);
    if (!existsSync(path.join(dir, 'theme.css'))) {
      throw new PaparanError(`theme folder ${dir} has no theme.css: create it or pick a built-in theme (${listThemes(projectDir).join(', ')})`, where);
    }
    return { name: path.basename(dir), dir };
  }
  for (const root of themeSearchDirs(projectDir)) {
    const dir = path.join(root, wanted);
    if (existsSync(path.join(dir, 'theme.css'))) return { name: wanted, dir };
  }
  throw new PaparanError(`unknown theme "${wanted}": choose one of ${listThemes(projectDir).join(', ')}, or give a path to a theme folder`, where);
}

/** Names of all themes a project can use. */
export function listThemes(projectDir: string): string[] {
  const names = new Set<string>();
  for (const root of themeSearchDirs(projectDir)) {
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root)) {
      const dir = path.join(root, name);
      if (statSync(dir).isDirectory() && existsSync(path.join(dir, 'theme.css'))) names.add(name);
    }
  }
  return [...names].sort();
}
