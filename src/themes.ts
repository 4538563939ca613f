/**
 * Themes: finding one by name or path, following its `extends` chain, and
 * working out what the deck needs from it — the stylesheets to link (parent
 * first), the files to copy, the CSS generated from theme.json, the logo, the
 * template folders — plus its resolved colours for the contrast checks.
 *
 * A theme is a folder with a theme.json (or theme.yaml) and/or a theme.css.
 * Each theme of the chain is copied to `assets/themes/<name>/` in the deck, so
 * url()s in its CSS keep pointing at its own fonts and images.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contrastRatio, isColor, isDark, toGrayscale, toHex } from './contrast.js';
import { cssReferences } from './css-references.js';
import { imageTypeNames, readImageType } from './image-type.js';
import { hasScheme, isWithin } from './paths.js';
import { PaparanError, type Diagnostic, type Where } from './errors.js';
import {
  colorVariables,
  findThemeConfig,
  readRootVariables,
  readThemeConfig,
  rootVariables,
  sizeLimits,
  sizeVariables,
  themeConfigFiles,
  type ColorRole,
  type FontsourceSpec,
  type Palette,
  type SizeRole,
  type ThemeConfig,
} from './theme-config.js';
import { builtinTemplatesDir } from './templates.js';

/** paparan's built-in themes. */
export const builtinThemesDir = fileURLToPath(new URL('../themes', import.meta.url));
export const defaultThemeName = 'default';

/** One theme of an `extends` chain. */
export interface ThemeLayer {
  /** The folder's name: what `--theme` takes when it sits in a themes/ folder. */
  name: string;
  dir: string;
  /** theme.json / theme.yaml; undefined for a CSS-only theme. */
  configFile?: string;
  config: ThemeConfig;
  builtin: boolean;
  /** The layer's folder inside the deck, e.g. `assets/themes/default`. */
  assetDir: string;
  /** The layer's stylesheets (absolute paths), in load order. */
  cssFiles: string[];
}

export interface Theme {
  /** The chosen theme's folder name. */
  name: string;
  /** theme.json's `name`, else the folder name. */
  title: string;
  description: string;
  /** The chosen theme's folder. */
  dir: string;
  builtin: boolean;
  /** Parent first; the chosen theme is last. */
  chain: ThemeLayer[];
  /** Colours after the whole chain is applied (paparan.css's defaults underneath). */
  palette: Palette;
  /** Colours of an inverted slide (`class=inverse`, or a per-slide background of the other brightness). */
  inverse: Palette;
  /** Colours of handouts and notes pages, when the chain sets any. */
  printPalette?: Palette;
  /** Text sizes in px after the whole chain is applied. */
  sizes: Partial<Record<SizeRole, number>>;
  /** Colour values the checks could not read, as [custom property, value, file]. */
  unreadable: [string, string, string][];
  /** The logo, relative to the deck folder, if the chain has one. */
  logo?: string;
  /** Stylesheets for index.html, relative to the deck folder, in load order. */
  styles: string[];
  /** Template override folders of the chain, parent first. */
  templateDirs: string[];
  /** What to copy into the deck: [absolute source file or folder, destination relative to the deck]. */
  copies: [string, string][];
  /** Stylesheets made from the settings: [destination relative to the deck, CSS]. */
  generated: [string, string][];
}

/** What the deck templates receive about the theme. */
export interface ThemeView {
  name: string;
  styles: string[];
  logo?: string;
}

/** The custom properties paparan.css sets before any theme. */
const baseVariables = readRootVariables(readFileSync(path.join(builtinTemplatesDir, 'assets', 'paparan.css'), 'utf8'));

/** Theme folders a name is looked up in: the project's `themes/` first, then the built-in ones. */
export function themeSearchDirs(projectDir: string): string[] {
  const own = path.join(projectDir, 'themes');
  return path.resolve(own) === path.resolve(builtinThemesDir) ? [builtinThemesDir] : [own, builtinThemesDir];
}

/** True when a folder holds a theme (a settings file or a theme.css). */
export function isThemeDir(dir: string): boolean {
  return [...themeConfigFiles, 'theme.css'].some((name) => existsSync(path.join(dir, name)));
}

/** Names of all themes a project can use. */
export function listThemes(projectDir: string): string[] {
  const names = new Set<string>();
  for (const root of themeSearchDirs(projectDir)) {
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root)) {
      const dir = path.join(root, name);
      if (statSync(dir).isDirectory() && isThemeDir(dir)) names.add(name);
    }
  }
  return [...names].sort();
}

export interface ThemeSummary {
  name: string;
  description: string;
  builtin: boolean;
  extends?: string;
  dir: string;
  /** Set when the theme cannot be used, with the reason. */
  error?: string;
}

/** Every theme a project can use, with its description; a broken theme is listed with its error. */
export function describeThemes(projectDir: string): ThemeSummary[] {
  return listThemes(projectDir).map((name) => {
    try {
      const theme = resolveTheme(name, projectDir);
      return { name, description: theme.description, builtin: theme.builtin, extends: theme.chain.at(-1)!.config.extends, dir: theme.dir };
    } catch (error) {
      const dir = themeSearchDirs(projectDir).map((root) => path.join(root, name)).find(isThemeDir) ?? name;
      return { name, description: '', builtin: isWithin(dir, builtinThemesDir), dir, error: String(error) };
    }
  });
}

/** Resolves `--theme`/`theme:` (a name, or a path to a folder) and its `extends` chain; unknown names list the available ones. */
export function resolveTheme(nameOrPath: string | undefined, projectDir: string, where: Where = {}): Theme {
  const wanted = nameOrPath ?? defaultThemeName;
  const dir = locateTheme(wanted, projectDir, undefined);
  if (!dir) {
    const available = listThemes(projectDir).join(', ');
    throw new PaparanError(
      isPath(wanted)
        ? `theme folder ${path.resolve(projectDir, wanted)} has no ${themeConfigFiles[0]} or theme.css: create one, or pick a theme (${available})`
        : `unknown theme "${wanted}": choose one of ${available}, or give a path to a theme folder`,
      where,
    );
  }
  return assembleTheme(loadChain(dir, projectDir));
}

/** A name is looked up in the themes folders; anything with a slash or a leading dot is a folder path. */
function isPath(wanted: string): boolean {
  return /[\\/]/.test(wanted) || wanted.startsWith('.');
}

/** The folder of a theme; `skip` is a folder a name must not resolve to (a theme extending its own name). */
function locateTheme(wanted: string, projectDir: string, skip: string | undefined, relativeTo = projectDir): string | undefined {
  if (isPath(wanted)) {
    const dir = path.resolve(relativeTo, wanted);
    return isThemeDir(dir) ? dir : undefined;
  }
  return themeSearchDirs(projectDir)
    .map((root) => path.join(root, wanted))
    .find((dir) => isThemeDir(dir) && (!skip || path.resolve(dir) !== path.resolve(skip)));
}

/** Follows `extends` from the chosen theme to its root; returns the chain parent first. */
function loadChain(dir: string, projectDir: string): ThemeLayer[] {
  const chain: ThemeLayer[] = [];
  let current: string | undefined = dir;
  while (current) {
    const layer = loadLayer(current);
    chain.unshift(layer);
    const parent = layer.config.extends;
    if (!parent) break;
    const parentDir = locateTheme(parent, projectDir, layer.dir, layer.dir);
    // By name the theme's own folder is skipped (so themes/default may extend the built-in default); by path it is found.
    const self = !parentDir ? locateTheme(parent, projectDir, undefined, layer.dir) : parentDir;
    if (self && path.resolve(self) === path.resolve(layer.dir)) {
      throw new PaparanError(`theme "${layer.name}" extends itself: remove "extends", or name another theme`, { file: layer.configFile });
    }
    if (!parentDir) {
      throw new PaparanError(`theme "${layer.name}" extends unknown theme "${parent}": choose one of ${listThemes(projectDir).join(', ')}, or give a path to a theme folder`, {
        file: layer.configFile,
      });
    }
    const childFirst = [...chain].reverse();
    const loop = childFirst.findIndex((l) => path.resolve(l.dir) === path.resolve(parentDir));
    if (loop >= 0) {
      const names = [...childFirst.slice(loop), childFirst[loop]!].map((l) => l.name);
      const before = childFirst.slice(0, loop).map((l) => l.name);
      const from = before.length ? ` (reached from ${before.join(' → ')})` : '';
      throw new PaparanError(`themes extend each other in a loop: ${names.join(' → ')}${from}; remove one "extends"`, { file: layer.configFile });
    }
    current = parentDir;
  }
  // Each theme gets its own folder in the deck; the parent keeps the plain name.
  const used = new Set<string>();
  for (const layer of chain) {
    let slot = layer.name;
    for (let n = 2; used.has(slot); n++) slot = `${layer.name}-${n}`;
    used.add(slot);
    layer.assetDir = `assets/themes/${slot}`;
  }
  return chain;
}

function loadLayer(dir: string): ThemeLayer {
  const configFile = findThemeConfig(dir);
  const config = configFile ? readThemeConfig(configFile) : {};
  const name = path.basename(dir);
  const where = configFile ?? path.join(dir, 'theme.css');
  const cssNames = config.css === undefined ? (existsSync(path.join(dir, 'theme.css')) ? ['theme.css'] : []) : [config.css].flat();
  const cssFiles = cssNames.map((file) => requireThemeFile(dir, file, 'css', where));
  return { name, dir, configFile, config, builtin: isWithin(dir, builtinThemesDir), assetDir: `assets/themes/${name}`, cssFiles };
}

/** A file a theme names: it must exist inside the theme's folder, and a link may not lead out of it; a logo must be an image. */
function requireThemeFile(dir: string, file: string, key: string, where: string): string {
  const full = path.resolve(dir, file);
  if (!isWithin(full, dir)) throw new PaparanError(`"${key}" names ${file}, which is outside the theme folder: keep the theme's files in ${dir}`, { file: where });
  if (!existsSync(full)) throw new PaparanError(`"${key}" names ${file}, which does not exist in ${dir}: add the file or fix the path`, { file: where });
  const real = realpathSync(full);
  if (!isWithin(real, realpathSync(dir))) {
    throw new PaparanError(`"${key}" names ${file}, a link to ${real} outside the theme folder: copy the file into the theme instead of linking it`, { file: where });
  }
  if (key === 'logo' && !(statSync(real).isFile() && readImageType(real))) {
    throw new PaparanError(`"${key}" names ${file}, which is not an image file (not ${imageTypeNames}): export it as SVG or PNG`, { file: where });
  }
  return full;
}

/** Everything the deck needs from a chain, and its resolved colours and sizes. */
function assembleTheme(chain: ThemeLayer[]): Theme {
  const chosen = chain.at(-1)!;
  const vars = new Map(baseVariables);
  const varSource = new Map<string, string>();
  const unreadable: [string, string, string][] = [];
  const styles = ['assets/themes/slide-colors.css'];
  const copies: [string, string][] = [];
  const generated: [string, string][] = [];
  const templateDirs: string[] = [];
  const inverse: Partial<Palette> = {};
  const print: Partial<Palette> = {};
  let logo: string | undefined;

  for (const layer of chain) {
    const { config } = layer;
    const where = layer.configFile ?? layer.cssFiles[0] ?? layer.dir;
    copies.push([layer.dir, layer.assetDir]);
    templateDirs.push(path.join(layer.dir, 'templates'));
    for (const file of config.fonts?.files ?? []) requireThemeFile(layer.dir, file, 'fonts.files', where);
    const fonts = (config.fonts?.fontsource ?? []).map((spec) => fontsourceFaces(spec, layer, where));
    for (const face of fonts) copies.push(...face.copies);

    const rootVars = rootVariables(config);
    // Values from theme.json land in CSS: they may not load anything (no url(), image-set(), @import…), or the deck stops being offline.
    // A built-in theme's files are checked by the tests (tests/themes.test.ts), not on every build: the CSS parser is slow to load.
    const loading = layer.builtin ? undefined : rootVars.find(([name, value]) => loadsAnything(name, value));
    if (loading) throw new PaparanError(`"${loading[0]}" loads a file ("${loading[1]}"): put url()s in the theme's CSS, with the file in the theme folder`, { file: where });
    for (const [name, value] of rootVars) (vars.set(name, value), varSource.set(name, where));
    Object.assign(inverse, config.colors?.inverse);
    Object.assign(print, config.print?.colors);
    const css = configCss(layer, fonts.flatMap((f) => f.faces), rootVars);
    if (css) {
      generated.push([`${layer.assetDir}/theme-config.css`, css]);
      styles.push(`${layer.assetDir}/theme-config.css`);
    }
    const sheets = [...layer.cssFiles];
    if (config.print?.css) sheets.push(requireThemeFile(layer.dir, config.print.css, 'print.css', where));
    for (const file of sheets) {
      const text = readFileSync(file, 'utf8');
      if (!layer.builtin) checkThemeCss(file, layer.dir);
      if (layer.cssFiles.includes(file)) for (const [name, value] of readRootVariables(text)) (vars.set(name, value), varSource.set(name, file));
      styles.push(`${layer.assetDir}/${path.relative(layer.dir, file).split(path.sep).join('/')}`);
    }
    if (config.logo !== undefined) logo = config.logo ? `${layer.assetDir}/${relativeUrl(requireThemeFile(layer.dir, config.logo, 'logo', where), layer.dir)}` : undefined;
  }

  const palette = {} as Palette;
  for (const [role, name] of Object.entries(colorVariables) as [ColorRole, string][]) {
    const value = vars.get(name) ?? baseVariables.get(name)!;
    if (isColor(value)) palette[role] = toHex(value);
    else {
      unreadable.push([name, value, varSource.get(name) ?? chosen.dir]);
      palette[role] = toHex(baseVariables.get(name)!);
    }
  }
  const sizes: Partial<Record<SizeRole, number>> = {};
  for (const [role, name] of Object.entries(sizeVariables) as [SizeRole, string][]) {
    const px = /^(\d+(?:\.\d+)?)px$/.exec(vars.get(name)?.trim() ?? '');
    if (px) sizes[role] = Number(px[1]);
  }
  const inversePalette = { ...invertedPalette(palette), ...hexColors(inverse) };
  const printPalette = Object.keys(print).length > 0 ? { ...palette, ...hexColors(print) } : undefined;
  generated.unshift(['assets/themes/slide-colors.css', slideColorsCss(chosen.name, palette, inversePalette)]);

  return {
    name: chosen.name,
    title: [...chain].reverse().find((l) => l.config.name)?.config.name ?? chosen.name,
    description: chosen.config.description ?? cssDescription(chosen) ?? '',
    dir: chosen.dir,
    builtin: chosen.builtin,
    chain,
    palette,
    inverse: inversePalette,
    printPalette,
    sizes,
    unreadable,
    logo,
    styles,
    templateDirs,
    copies,
    generated,
  };
}

function hexColors(colors: Partial<Palette>): Partial<Palette> {
  return Object.fromEntries(Object.entries(colors).map(([role, value]) => [role, toHex(value)]));
}

function relativeUrl(file: string, dir: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

/** The colours of an inverted slide when the theme names none: text and background swap. */
function invertedPalette(p: Palette): Palette {
  return { background: p.text, text: p.background, heading: p.background, accent: p.background, muted: p.background, rule: p.muted, codeBackground: p.text };
}

/** A CSS-only theme's description: the first comment of its theme.css. */
function cssDescription(layer: ThemeLayer): string | undefined {
  const file = layer.cssFiles[0];
  if (!file) return undefined;
  const comment = /^\s*\/\*+\s*([\s\S]*?)\s*\*+\//.exec(readFileSync(file, 'utf8'));
  return comment?.[1]?.split('\n')[0]?.trim() || undefined;
}

/**
 * Whatever a theme's stylesheet loads (url(), image-set(), src(), @import…) must be a file of the theme,
 * or a data: image or font: no network, nothing missing, nothing outside its folder. A stylesheet it
 * @imports is checked the same way.
 */
export function checkThemeCss(file: string, themeDir: string, checked = new Set<string>()): void {
  if (checked.has(file)) return;
  checked.add(file);
  const { references, unchecked } = cssReferences(readFileSync(file, 'utf8'));
  const fail = (message: string, line: number) => new PaparanError(message, { file, line });
  for (const { text, line } of unchecked) {
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    throw fail(`cannot tell what "${shown}" loads: write a plain url("file") that names a file in the theme folder`, line);
  }
  for (const ref of references) {
    // What a browser's URL parser ignores (outer spaces, tabs and newlines) and reads as "/" (a backslash).
    const url = ref.url.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+|[\0- ]+$/g, '').replace(/\\/g, '/');
    if (url === '' || url.startsWith('#')) continue;
    if (/^data:/i.test(url)) {
      if (!/^data:(image\/|font\/|application\/(x-)?font-)/i.test(url)) throw fail(`${shorten(ref.written)} is a data: URL that is not an image or a font: only images and fonts may be inlined`, ref.line);
      continue;
    }
    if (/^(https?|ftp|wss?):/i.test(url) || url.startsWith('//')) {
      throw fail(`loads ${url} from the network (${shorten(ref.written)}): a theme must ship its fonts and images in its folder (see docs/themes.md)`, ref.line);
    }
    if (hasScheme(url)) throw fail(`${shorten(ref.written)} is not a file of the theme: a theme must ship its fonts and images in its folder (see docs/themes.md)`, ref.line);
    let relative: string;
    try {
      relative = decodeURI(url.split(/[?#]/)[0]!);
    } catch {
      throw fail(`${ref.written} is not a valid file path (a stray "%"): fix the path`, ref.line);
    }
    const target = path.resolve(path.dirname(file), relative);
    if (!isWithin(target, themeDir)) throw fail(`${ref.written} points outside the theme folder ${themeDir}: copy the file into the theme`, ref.line);
    if (!existsSync(target)) throw fail(`${ref.written} names a file that does not exist (${target}): add it or fix the path`, ref.line);
    const real = realpathSync(target);
    if (!isWithin(real, realpathSync(themeDir))) throw fail(`${ref.written} is a link to ${real}, outside the theme folder ${themeDir}: copy the file into the theme instead of linking it`, ref.line);
    if (ref.import && statSync(real).isFile()) checkThemeCss(target, themeDir, checked);
  }
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** True when a value from theme.json would make the browser load something (any url(), image-set(), @import…). */
export function loadsAnything(name: string, value: string): boolean {
  // Parsed as the declaration it becomes, so a value that closes the rule early is seen too.
  const { references, unchecked } = cssReferences(`:root {\n  ${name}: ${value};\n}`);
  return references.length > 0 || unchecked.length > 0;
}

/** The stylesheet made from a layer's settings: its font faces, custom properties and print colours. */
function configCss(layer: ThemeLayer, faces: string[], rootVars: [string, string][]): string | undefined {
  const print = Object.entries(layer.config.print?.colors ?? {}) as [ColorRole, string][];
  if (faces.length === 0 && rootVars.length === 0 && print.length === 0) return undefined;
  const lines = [`/* Made by paparan from ${path.basename(layer.configFile ?? 'theme.json')} of the "${layer.name}" theme: edit that file, not this one. */`];
  lines.push(...faces);
  if (rootVars.length) lines.push(':root {', ...rootVars.map(([name, value]) => `  ${name}: ${value};`), '}');
  if (print.length) {
    // Handouts and notes pages put `paparan-print` on <html> (templates/handout.hbs, notes.hbs).
    lines.push('html.paparan-print {', ...print.map(([role, value]) => `  ${colorVariables[role]}: ${value};`), '}');
  }
  return `${lines.join('\n')}\n`;
}

/** Colours for slides whose background is not the theme's: `class=inverse`, or a `background=` of the other brightness. */
function slideColorsCss(name: string, palette: Palette, inverse: Palette): string {
  const vars = (p: Palette) => (Object.entries(colorVariables) as [ColorRole, string][]).map(([role, prop]) => `  ${prop}: ${p[role]};`).join('\n');
  // reveal.js marks a slide with a background colour as has-dark-background or has-light-background.
  const other = isDark(palette.background) ? 'has-light-background' : 'has-dark-background';
  return [
    `/* Made by paparan from the colours of the "${name}" theme: per-slide backgrounds (docs/themes.md). */`,
    `.reveal .slides > section.inverse,\n.reveal .slides > section.${other} {\n${vars(inverse)}\n  color: ${inverse.text};\n}`,
    `.reveal .slides > section.inverse, .reveal .backgrounds .slide-background.inverse { background-color: ${inverse.background}; }`,
    `.reveal.${other} .slide-number, .reveal.${other} .progress, .reveal.${other} .controls { color: ${inverse.muted}; --color-muted: ${inverse.muted}; --color-accent: ${inverse.accent}; }`,
    '',
  ].join('\n');
}

/** The @font-face rules and font files for one Fontsource package of a theme. */
function fontsourceFaces(spec: FontsourceSpec, layer: ThemeLayer, where: string): { faces: string[]; copies: [string, string][] } {
  const packageDir = findPackage(spec.package, layer.dir);
  if (!packageDir) throw new PaparanError(`font package ${spec.package} is not installed: run \`npm install ${spec.package}\` in the project`, { file: where });
  const faces: string[] = [];
  const copies: [string, string][] = [];
  const subsets = new RegExp(`-(${spec.subsets.map((s) => s.replace(/[^a-z0-9-]/g, '')).join('|')})-(\\d+)-(normal|italic)\\.woff2$`);
  for (const weight of spec.weights) {
    for (const style of spec.italic ? ['normal', 'italic'] : ['normal']) {
      const cssFile = path.join(packageDir, style === 'italic' ? `${weight}-italic.css` : `${weight}.css`);
      if (!existsSync(cssFile)) throw new PaparanError(`font package ${spec.package} has no ${weight} ${style} face (${cssFile} is missing): change "weights" or "italic"`, { file: where });
      const found = new Set<string>();
      for (const block of readFileSync(cssFile, 'utf8').matchAll(/@font-face\s*\{([^}]*)\}/g)) {
        const file = /url\(\.\/files\/([^)'"]+\.woff2)\)/.exec(block[1]!)?.[1];
        const subset = file ? subsets.exec(file)?.[1] : undefined;
        if (!file || !subset) continue;
        found.add(subset);
        const family = /font-family:\s*([^;]+);/.exec(block[1]!)?.[1]?.trim();
        const range = /unicode-range:\s*([^;]+);/.exec(block[1]!)?.[1]?.trim();
        faces.push(
          `@font-face { font-family: ${family}; font-style: ${style}; font-weight: ${weight}; font-display: block; src: url('fonts/${file}') format('woff2');${range ? ` unicode-range: ${range};` : ''} }`,
        );
        copies.push([path.join(packageDir, 'files', file), `${layer.assetDir}/fonts/${file}`]);
      }
      const missing = spec.subsets.filter((s) => !found.has(s));
      if (missing.length) throw new PaparanError(`font package ${spec.package} has no "${missing.join('", "')}" subset for ${weight} ${style}: change "subsets"`, { file: where });
    }
  }
  return { faces, copies };
}

/** A package's folder: from the theme's own node_modules upwards, else paparan's. */
function findPackage(name: string, fromDir: string): string | undefined {
  for (const base of [path.join(fromDir, 'theme.json'), fileURLToPath(import.meta.url)]) {
    try {
      return path.dirname(createRequire(base).resolve(`${name}/package.json`));
    } catch {
      // not installed there
    }
  }
  return undefined;
}

/** What the deck's templates receive about the theme. */
export function themeView(theme: Theme): ThemeView {
  return { name: theme.name, styles: theme.styles, logo: theme.logo };
}

// --- Checks ------------------------------------------------------------------

/** WCAG AA: normal text needs a contrast of at least 4.5:1 against its background. */
export const minimumContrast = 4.5;

export interface ContrastCheck {
  /** Which colours: `palette` (the slides), `inverse` (inverted slides) or `print` (handouts). */
  palette: 'palette' | 'inverse' | 'print';
  foreground: ColorRole;
  background: ColorRole;
  ratio: number;
  /** The same pair printed in grayscale. */
  grayscaleRatio: number;
  colors: [string, string];
}

/** The text/background pairs every theme must keep legible. */
const checkedPairs: [ColorRole, ColorRole][] = [
  ['text', 'background'],
  ['heading', 'background'],
  ['muted', 'background'],
  ['accent', 'background'],
  ['text', 'codeBackground'],
];

/** Contrast of every text/background pair of the theme's slides, inverted slides and print colours. */
export function checkContrast(theme: Pick<Theme, 'palette' | 'inverse' | 'printPalette'>): ContrastCheck[] {
  const palettes = [['palette', theme.palette], ['inverse', theme.inverse], ['print', theme.printPalette]] as const;
  return palettes.flatMap(([which, p]) =>
    p
      ? checkedPairs.map(([fg, bg]): ContrastCheck => {
          // A colour with alpha shows what is under it: a code block sits on the slide, the slide on white.
          const under = bg === 'background' ? '#ffffff' : p.background;
          return {
            palette: which,
            foreground: fg,
            background: bg,
            ratio: contrastRatio(p[fg], p[bg], under),
            grayscaleRatio: contrastRatio(toGrayscale(p[fg]), toGrayscale(p[bg]), toGrayscale(under)),
            colors: [p[fg], p[bg]],
          };
        })
      : [],
  );
}

const paletteLabel = { palette: '', inverse: 'inverted slides: ', print: 'print: ' } as const;

/** Warnings about a theme a user made: colour pairs below WCAG AA, colours that cannot be checked, text larger than the planner allows for. */
export function themeDiagnostics(theme: Theme): Diagnostic[] {
  const file = theme.chain.at(-1)!.configFile ?? theme.chain.at(-1)!.cssFiles[0] ?? theme.dir;
  const warn = (message: string, at = file): Diagnostic => ({ severity: 'warning', file: at, message: `theme "${theme.name}": ${message}` });
  const warnings: Diagnostic[] = [];
  for (const check of checkContrast(theme)) {
    const pair = `${paletteLabel[check.palette]}${check.foreground} ${check.colors[0]} on ${check.background} ${check.colors[1]}`;
    if (check.ratio < minimumContrast) {
      warnings.push(warn(`${pair} has a contrast of ${check.ratio.toFixed(2)}:1, below the ${minimumContrast}:1 WCAG AA asks for: darken or lighten one of them`));
    } else if (check.grayscaleRatio < minimumContrast) {
      warnings.push(warn(`${pair} has a contrast of only ${check.grayscaleRatio.toFixed(2)}:1 when printed in grayscale: make them differ more in lightness`));
    }
  }
  for (const [name, value, at] of theme.unreadable) warnings.push(warn(`cannot check the contrast of ${name}: "${value}" is not a colour paparan can check (write a CSS colour such as #12355b, navy or hsl(212 67% 21%))`, at));
  for (const [role, limit] of Object.entries(sizeLimits) as [SizeRole, number][]) {
    const size = theme.sizes[role];
    if (size !== undefined && size > limit) warnings.push(warn(`${sizeVariables[role]} is ${size}px, larger than the ${limit}px the slide planner allows for: slides may overflow`));
  }
  return warnings;
}
