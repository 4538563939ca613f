/**
 * Themes as a user meets them without a browser: choosing one, inheriting from
 * another, the errors for broken ones, the contrast checks, template overrides
 * and what a built deck folder holds.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEssay, compileEssay } from '../src/build.js';
import { contrastRatio, isDark, parseColor, slideBackgroundClass, toGrayscale, toHex } from '../src/contrast.js';
import { PaparanError } from '../src/errors.js';
import { checkContrast, checkThemeCss, describeThemes, listThemes, loadsAnything, minimumContrast, resolveTheme, themeDiagnostics } from '../src/themes.js';

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'tests/fixtures/themes');
const project = path.join(fixtures, 'project');
const kampus = path.join(root, 'examples/themes/kampus');
const builtins = ['default', 'gelap', 'merah-putih'];
const essay = '---\ntitle: A Small Essay\nlang: en\n---\n\n## One part\n\nThis paragraph is fine. It has two sentences.\n';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-themes-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Writes files (path → text) under a folder. */
function writeTree(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** The error a function throws, as a PaparanError. */
function errorOf(fn: () => unknown): PaparanError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PaparanError);
    return error as PaparanError;
  }
  throw new Error('expected an error');
}

describe('contrast', () => {
  it('computes WCAG contrast ratios of known pairs', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('rgb(255, 0, 0)', 'white')).toBeCloseTo(4, 1);
    expect(contrastRatio('#123', '#123')).toBe(1);
  });

  it('reads every CSS colour: hex, names, rgb(), hsl(), oklch()', () => {
    expect(toHex(parseColor('#12355b')!)).toBe('#12355b');
    expect(toHex(parseColor('rebeccapurple')!)).toBe('#663399');
    expect(toHex(parseColor('darkslategray')!)).toBe('#2f4f4f');
    expect(toHex(parseColor('hsl(120 50% 40%)')!)).toBe('#339933');
    expect(toHex(parseColor('oklch(0.5 0.2 240)')!)).toBe('#0069c7');
    expect(toHex(parseColor(' rgb(1 2 3) ')!)).toBe('#010203');
    expect(toHex(parseColor('rgba(0, 0, 0, 0.5)')!)).toBe('#00000080');
    expect(parseColor('var(--x)')).toBeUndefined();
    expect(parseColor('#12345')).toBeUndefined();
    expect(parseColor('reddish')).toBeUndefined();
  });

  it('composites a colour with alpha over what it sits on before measuring contrast', () => {
    // Black at 30% on white is a light gray: about 2.1:1, not the 21:1 of black.
    expect(contrastRatio('rgba(0, 0, 0, 0.3)', '#ffffff')).toBeCloseTo(2.11, 2);
    // A half-transparent black background over white is a mid gray.
    expect(contrastRatio('#000000', 'rgb(0 0 0 / 50%)')).toBeCloseTo(contrastRatio('#000000', '#808080'), 1);
    // A code background with alpha sits on the slide background, not on white.
    expect(contrastRatio('#ffffff', '#ffffff00', '#000000')).toBe(21);
    expect(contrastRatio('#ffffff', '#ffffff00')).toBe(1);
    expect(isDark('rgb(0 0 0 / 10%)')).toBe(false);
  });

  it('turns colours gray the way a grayscale printout does, and judges dark the way reveal.js does', () => {
    expect(toGrayscale('#ff0000')).toBe('#363636');
    expect(isDark('#12355b')).toBe(true);
    expect(isDark('#fff3c4')).toBe(false);
    expect(slideBackgroundClass('#1b1b3a')).toBe('has-dark-background');
    expect(slideBackgroundClass('#fff3c4')).toBe('has-light-background');
    expect(slideBackgroundClass('media/photo.jpg')).toBeUndefined();
    // The name images.ts gives a background picture: culori's tokenizer throws on "1-" (a number, then a sign).
    expect(slideBackgroundClass('media/1-photo.jpg')).toBeUndefined();
    expect(parseColor('1-')).toBeUndefined();
  });
});

describe('built-in themes', () => {
  it('are the three documented ones, each with a description', () => {
    const listed = describeThemes(root);
    expect(listed.map((t) => t.name)).toEqual(builtins);
    for (const theme of listed) {
      expect(theme.error, theme.name).toBeUndefined();
      expect(theme.builtin).toBe(true);
      expect(theme.description.length, theme.name).toBeGreaterThan(20);
    }
  });

  it.each(builtins)('%s passes WCAG AA for every text colour, on slides, inverted slides and paper, in colour and in grayscale', (name) => {
    const theme = resolveTheme(name, root);
    const checks = checkContrast(theme);
    expect(checks.length).toBeGreaterThanOrEqual(10);
    const failing = checks.filter((c) => c.ratio < minimumContrast || c.grayscaleRatio < minimumContrast);
    expect(failing.map((c) => `${c.palette} ${c.foreground}/${c.background} ${c.ratio.toFixed(2)} (gray ${c.grayscaleRatio.toFixed(2)})`)).toEqual([]);
    expect(themeDiagnostics(theme)).toEqual([]);
  });

  it.each(builtins)('%s keeps text within the sizes the planner budgets for (body ≤ 34px, headings ≤ 44px)', (name) => {
    const { sizes } = resolveTheme(name, root);
    expect(sizes.body).toBeLessThanOrEqual(34);
    expect(sizes.heading).toBeLessThanOrEqual(44);
  });

  it.each(builtins)('%s loads nothing but its own files (the checks a user\'s theme gets on every build)', (name) => {
    const dir = path.join(root, 'themes', name);
    const css = readdirSync(dir, { recursive: true }).map(String).filter((file) => file.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    for (const file of css) expect(() => checkThemeCss(path.join(dir, file), dir), file).not.toThrow();
    const values = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(values) : [];
    for (const value of values(JSON.parse(readFileSync(path.join(dir, 'theme.json'), 'utf8')))) expect(loadsAnything('--value', value), value).toBe(false);
  });

  it('the dark theme prints on white paper', () => {
    const theme = resolveTheme('gelap', root);
    expect(isDark(theme.palette.background)).toBe(true);
    expect(theme.printPalette?.background).toBe('#ffffff');
  });
});

describe('choosing a theme', () => {
  const file = () => path.join(work, 'essay.md');
  const withTheme = (theme: string) => essay.replace('lang: en', `lang: en\ntheme: ${theme}`);

  it('uses the default theme when nothing names one', () => {
    expect(compileEssay(essay, { file: file(), projectDir: root }).theme.name).toBe('default');
  });

  it('takes the command line over the front matter, and the front matter over the config file', () => {
    const compile = (source: string, cli: { theme?: string }, config: { theme?: string }) => compileEssay(source, { file: file(), projectDir: root, cli, config }).theme.name;
    expect(compile(essay, {}, { theme: 'gelap' })).toBe('gelap');
    expect(compile(withTheme('merah-putih'), {}, { theme: 'gelap' })).toBe('merah-putih');
    expect(compile(withTheme('merah-putih'), { theme: 'default' }, { theme: 'gelap' })).toBe('default');
  });

  it('reads the project default from paparan.config.json through a real build', async () => {
    writeTree(work, { 'paparan.config.json': '{ "theme": "gelap" }', 'essay.md': essay });
    const { loadProjectConfig } = await import('../src/config.js');
    const result = await buildEssay(file(), { outDir: path.join(work, 'dist'), projectDir: work, config: loadProjectConfig(work).config });
    if (!result.ok) throw result.error;
    expect(readFileSync(path.join(result.outDir, 'index.html'), 'utf8')).toContain('data-theme="gelap"');
  });

  it('finds a theme in the project themes/ folder, or at any folder path', () => {
    expect(compileEssay(essay, { file: file(), projectDir: project, cli: { theme: 'warm' } }).theme.dir).toBe(path.join(project, 'themes/warm'));
    expect(compileEssay(essay, { file: file(), projectDir: root, cli: { theme: 'examples/themes/kampus' } }).theme.name).toBe('kampus');
    expect(compileEssay(essay, { file: file(), projectDir: work, cli: { theme: kampus } }).theme.name).toBe('kampus');
  });

  it('names the essay and lists the available themes for an unknown name in the front matter', () => {
    const error = errorOf(() => compileEssay(withTheme('ungu'), { file: file(), projectDir: root }));
    expect(error.message).toBe('unknown theme "ungu": choose one of default, gelap, merah-putih, or give a path to a theme folder');
    expect(error.file).toBe(file());
  });

  it('lists the available themes for a folder that holds no theme', () => {
    mkdirSync(path.join(work, 'empty'));
    const error = errorOf(() => resolveTheme('./empty', work));
    expect(error.message).toContain(`theme folder ${path.join(work, 'empty')} has no theme.json or theme.css`);
    expect(error.message).toContain('default, gelap, merah-putih');
  });
});

describe('inheritance', () => {
  it('a child overrides a few colours and keeps the rest of its parent', () => {
    const parent = resolveTheme('default', root);
    const child = resolveTheme(kampus, root);
    expect(child.chain.map((l) => l.name)).toEqual(['default', 'kampus']);
    expect(child.palette.heading).toBe('#0b5d3b');
    expect(child.palette.text).toBe(parent.palette.text);
    expect(child.palette.background).toBe(parent.palette.background);
    // The parent's stylesheets load first, so the child's custom properties win.
    expect(child.styles).toEqual([
      'assets/themes/slide-colors.css',
      'assets/themes/default/theme-config.css',
      'assets/themes/default/theme.css',
      'assets/themes/kampus/theme-config.css',
    ]);
    const css = new Map(child.generated);
    expect(css.get('assets/themes/kampus/theme-config.css')).toMatch(/:root \{\n {2}--color-heading: #0b5d3b;\n {2}--color-accent: #8a5a00;\n {2}--color-rule: #cfe3d8;\n\}/);
    expect(css.get('assets/themes/default/theme-config.css')).toContain('--color-text: #1f2933;');
    expect(child.logo).toBe('assets/themes/kampus/logo.svg');
    expect(child.templateDirs).toEqual([path.join(root, 'themes/default/templates'), path.join(kampus, 'templates')]);
  });

  it('follows a chain through a project theme to a built-in one, fonts included', () => {
    const warm = resolveTheme('warm', project);
    expect(warm.chain.map((l) => l.name)).toEqual(['gelap', 'warm']);
    expect(warm.title).toBe('Warm');
    expect(warm.palette.accent).toBe('#ffa94d');
    expect(warm.palette.heading).toBe(resolveTheme('gelap', root).palette.heading);
    // Real path: node_modules may be a link (a git worktree sharing the main checkout's).
    const fonts = path.join(realpathSync(path.join(root, 'node_modules')), '@fontsource/atkinson-hyperlegible/files');
    expect(warm.copies).toContainEqual([path.join(fonts, 'atkinson-hyperlegible-latin-700-normal.woff2'), 'assets/themes/gelap/fonts/atkinson-hyperlegible-latin-700-normal.woff2']);
  });

  it('a project theme may extend the built-in theme of the same name', () => {
    writeTree(work, { 'themes/default/theme.json': '{ "extends": "default", "colors": { "heading": "#000000" } }' });
    const theme = resolveTheme('default', work);
    expect(theme.chain.map((l) => l.dir)).toEqual([path.join(root, 'themes/default'), path.join(work, 'themes/default')]);
    expect(theme.chain.map((l) => l.assetDir)).toEqual(['assets/themes/default', 'assets/themes/default-2']);
    expect(theme.builtin).toBe(false);
  });

  it('names the loop when themes extend each other', () => {
    const error = errorOf(() => resolveTheme('loop-a', project));
    expect(error.message).toBe('themes extend each other in a loop: loop-a → loop-b → loop-a; remove one "extends"');
    expect(error.file).toBe(path.join(project, 'themes/loop-b/theme.yaml'));
  });

  it('says a theme extends itself, by name or by path, rather than calling it unknown', () => {
    writeTree(work, { 'themes/selfish/theme.json': '{ "extends": "selfish" }', 'themes/mirror/theme.yaml': 'extends: .\n' });
    const byName = errorOf(() => resolveTheme('selfish', work));
    expect(byName.message).toBe('theme "selfish" extends itself: remove "extends", or name another theme');
    expect(byName.file).toBe(path.join(work, 'themes/selfish/theme.json'));
    expect(errorOf(() => resolveTheme('mirror', work)).message).toBe('theme "mirror" extends itself: remove "extends", or name another theme');
  });

  it('names the whole chain of a longer loop', () => {
    writeTree(work, {
      'themes/a/theme.json': '{ "extends": "b" }',
      'themes/b/theme.json': '{ "extends": "c" }',
      'themes/c/theme.json': '{ "extends": "../b" }',
    });
    expect(errorOf(() => resolveTheme('a', work)).message).toBe('themes extend each other in a loop: b → c → b (reached from a); remove one "extends"');
  });

  it('lists the available themes when the parent is unknown', () => {
    const error = errorOf(() => resolveTheme('orphan', project));
    expect(error.message).toMatch(/^theme "orphan" extends unknown theme "no-such-theme": choose one of big-text, css-only, default, gelap, /);
    expect(error.file).toBe(path.join(project, 'themes/orphan/theme.json'));
  });
});

describe('broken themes', () => {
  it('names the theme file and the missing logo', () => {
    const error = errorOf(() => resolveTheme('missing-logo', project));
    expect(error.file).toBe(path.join(project, 'themes/missing-logo/theme.json'));
    expect(error.message).toContain('"logo" names images/crest.svg, which does not exist');
  });

  it('refuses a stylesheet that loads from the network', () => {
    const error = errorOf(() => resolveTheme('remote-font', project));
    expect(error.file).toBe(path.join(project, 'themes/remote-font/theme.css'));
    expect(error.message).toContain('loads https://fonts.example.com/css2?family=Roboto from the network');
  });

  it('names a url() that points at a missing file, and one outside the theme folder', () => {
    writeTree(work, {
      'themes/a/theme.css': ".reveal { background: url('img/batik.svg'); }",
      'themes/b/theme.css': ".reveal { background: url('../shared.svg'); }",
      'themes/shared.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    expect(errorOf(() => resolveTheme('a', work)).message).toContain('url(img/batik.svg) names a file that does not exist');
    expect(errorOf(() => resolveTheme('b', work)).message).toContain('url(../shared.svg) points outside the theme folder');
  });

  it.each([
    ['image-set()', '  background: image-set("http://x.test/a.png" 1x);'],
    ['-webkit-image-set()', "  background: -webkit-image-set('https://x.test/a.png' 1x);"],
    ['src()', '  background: src("//x.test/a.png");'],
    ['cross-fade()', '  background: cross-fade(url(a.svg), "https://x.test/a.png");'],
    ['uppercase URL()', '  background: URL(https://x.test/a.png);'],
    ['an escaped name', "  background: i\\6d age-set('http://x.test/a.png' 1x);"],
    ['comments inside', "  background: image-set(/* hi */ 'http://x.test/a.png' /* there */ 1x);"],
    ['a custom property', '  --motif: image-set("http://x.test/a.png" 1x);'],
    ['@font-face src', '}\n@font-face { font-family: X; src: local(X), url(ftp://x.test/a.woff2); }\n.x {'],
    ['@import', '}\n@import/* hi */"http://x.test/a.css";\n.x {'],
  ])('refuses a stylesheet that loads from the network through %s, naming the file and line', (_, line) => {
    writeTree(work, { 'themes/net/theme.css': `/* A theme. */\n.reveal {\n${line}\n}\n`, 'themes/net/a.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    const error = errorOf(() => resolveTheme('net', work));
    expect(error.file).toBe(path.join(work, 'themes/net/theme.css'));
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.message).toMatch(/^loads (https?|ftp):\/\/x\.test\/a\.(png|css|woff2)|^loads \/\/x\.test\/a\.png/);
    expect(error.message).toMatch(/from the network .*: a theme must ship its fonts and images in its folder/);
  });

  it.each([
    ['an escaped u\\72l(', '.reveal { background: u\\72l(http://x.test/a.png); }', 'cannot tell what "u\\72l(http://x.test/a.png)" loads'],
    ['a var() inside image-set()', '.reveal { background: image-set(var(--x) 1x); }', 'cannot tell what "var() inside image-set()" loads'],
    ['a file: URL', '.reveal { background: url(file:///etc/passwd); }', 'url(file:///etc/passwd) is not a file of the theme'],
    ['a javascript: URL', '.reveal { background: image-set("javascript:alert(1)" 1x); }', 'image-set("javascript:alert(1)") is not a file of the theme'],
    ['a data: stylesheet', '@import "data:text/css,a{}";', 'is a data: URL that is not an image or a font'],
    ['an absolute path', '.reveal { background: url(/etc/passwd); }', 'url(/etc/passwd) points outside the theme folder'],
    ['an escape out of the folder with backslashes', '.reveal { background: image-set("..\\\\..\\\\x.png" 1x); }', 'points outside the theme folder'],
  ])('refuses %s', (_, css, message) => {
    writeTree(work, { 'themes/odd/theme.css': css });
    const error = errorOf(() => resolveTheme('odd', work));
    expect(`${error}`).toContain(`${path.join(work, 'themes/odd/theme.css')}:1: `);
    expect(error.message).toContain(message);
  });

  it('checks a stylesheet the theme @imports, and allows data: images and files of the theme', () => {
    writeTree(work, {
      'themes/parts/theme.css': '@import "parts/colors.css";\n.reveal { background: url("data:image/svg+xml,<svg/>"), image-set("a.svg" 1x); }\n',
      'themes/parts/parts/colors.css': '.reveal h2 {\n  background: url(https://x.test/a.png);\n}\n',
      'themes/parts/a.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    expect(`${errorOf(() => resolveTheme('parts', work))}`).toMatch(new RegExp(`^${path.join(work, 'themes/parts/parts/colors.css')}:2: loads https://x.test/a.png from the network`));
    writeFileSync(path.join(work, 'themes/parts/parts/colors.css'), '.reveal h2 { color: #12355b; }\n');
    expect(resolveTheme('parts', work).name).toBe('parts');
  });

  it('refuses a theme.json value that loads a file, however it is written', () => {
    for (const value of ['image-set(\\"http://x.test/a.png\\" 1x)', 'red; } body { background: src(\\"http://x.test/a.png\\") } :root { --y: 1', 'U\\\\52L(http://x.test/a.png)']) {
      writeTree(work, { 'themes/vars/theme.json': `{ "variables": { "--motif": "${value}" } }` });
      const error = errorOf(() => resolveTheme('vars', work));
      expect(error.file).toBe(path.join(work, 'themes/vars/theme.json'));
      expect(error.message).toMatch(/^"--motif" loads a file \(".*"\): put url\(\)s in the theme's CSS/);
    }
  });

  it('names an unknown key and lists the known ones', () => {
    writeTree(work, { 'themes/typo/theme.json': '{ "colours": { "text": "#000" } }' });
    const error = errorOf(() => resolveTheme('typo', work));
    expect(error.file).toBe(path.join(work, 'themes/typo/theme.json'));
    expect(error.message).toMatch(/^theme setting "\(top level\)": .*colours.*; known keys: name, description, extends, colors, fonts/);
  });

  it('names a colour it cannot read, and a font package that is not installed', () => {
    writeTree(work, {
      'themes/bad-colour/theme.json': '{ "colors": { "accent": "reddish" } }',
      'themes/no-font/theme.json': '{ "fonts": { "fontsource": [{ "package": "@fontsource/not-installed-here" }] } }',
    });
    expect(errorOf(() => resolveTheme('bad-colour', work)).message).toMatch(/^theme setting "colors.accent": expected a colour/);
    expect(errorOf(() => resolveTheme('no-font', work)).message).toBe('font package @fontsource/not-installed-here is not installed: run `npm install @fontsource/not-installed-here` in the project');
  });

  it('are listed with their problem rather than hiding the good ones', () => {
    const listed = describeThemes(project);
    expect(listed.find((t) => t.name === 'warm')).toMatchObject({ description: 'The dark theme with an orange accent.', extends: 'gelap', builtin: false });
    expect(listed.find((t) => t.name === 'loop-a')?.error).toContain('loop');
    expect(listed.find((t) => t.name === 'gelap')?.builtin).toBe(true);
  });
});

describe('links in a theme folder', () => {
  const secret = 'root:x:0:0:SECRET-LINE:/root:/bin/bash\n';
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
  beforeEach(() => {
    // A private file outside the theme, standing in for /etc/passwd.
    writeFileSync(path.join(work, 'passwd'), secret);
  });

  it('refuses a logo that is a link to a file outside the theme folder', () => {
    writeTree(work, { 'themes/linked/theme.json': '{ "extends": "default", "logo": "logo.svg" }' });
    symlinkSync(path.join(work, 'passwd'), path.join(work, 'themes/linked/logo.svg'));
    const error = errorOf(() => resolveTheme('linked', work));
    expect(error.file).toBe(path.join(work, 'themes/linked/theme.json'));
    expect(error.message).toBe(`"logo" names logo.svg, a link to ${path.join(work, 'passwd')} outside the theme folder: copy the file into the theme instead of linking it`);
  });

  it('refuses a logo that is not an image', () => {
    writeTree(work, { 'themes/fake/theme.json': '{ "logo": "logo.png" }', 'themes/fake/logo.png': secret });
    const error = errorOf(() => resolveTheme('fake', work));
    expect(error.file).toBe(path.join(work, 'themes/fake/theme.json'));
    expect(error.message).toBe('"logo" names logo.png, which is not an image file (not PNG, JPEG, GIF, WebP, AVIF, SVG, BMP or ICO): export it as SVG or PNG');
  });

  it('refuses a url() and a stylesheet that are links to files outside the theme folder', () => {
    writeTree(work, { 'themes/css-link/theme.css': '/* A motif. */\n.reveal {\n  background: url("motif.svg");\n}\n', 'themes/sheet-link/theme.json': '{ "css": "linked.css" }' });
    symlinkSync(path.join(work, 'passwd'), path.join(work, 'themes/css-link/motif.svg'));
    writeFileSync(path.join(work, 'outside.css'), '.reveal { color: red; }');
    symlinkSync('../../outside.css', path.join(work, 'themes/sheet-link/linked.css'));
    const error = errorOf(() => resolveTheme('css-link', work));
    expect(`${error}`).toBe(`${path.join(work, 'themes/css-link/theme.css')}:3: url(motif.svg) is a link to ${path.join(work, 'passwd')}, outside the theme folder ${path.join(work, 'themes/css-link')}: copy the file into the theme instead of linking it`);
    expect(errorOf(() => resolveTheme('sheet-link', work)).message).toBe(`"css" names linked.css, a link to ${path.join(work, 'outside.css')} outside the theme folder: copy the file into the theme instead of linking it`);
  });

  it.each([false, true])('copies neither a link out of the theme nor what it points at into the deck (single file: %s)', async (singleFile) => {
    writeTree(work, {
      'essay.md': essay,
      'themes/tidy/theme.json': '{ "extends": "default", "logo": "logo.svg" }',
      'themes/tidy/images/crest.svg': svg,
    });
    // A link inside the theme is fine and becomes a plain file; one leading out is left behind.
    symlinkSync('images/crest.svg', path.join(work, 'themes/tidy/logo.svg'));
    symlinkSync(path.join(work, 'passwd'), path.join(work, 'themes/tidy/unused.png'));
    symlinkSync('.', path.join(work, 'themes/tidy/images/again'));
    const result = await buildEssay(path.join(work, 'essay.md'), { outDir: path.join(work, 'dist'), projectDir: work, cli: { theme: 'tidy' }, singleFile });
    if (!result.ok) throw result.error;
    const files = readdirSync(result.outDir, { recursive: true, withFileTypes: true });
    expect(files.filter((f) => lstatSync(path.join(f.parentPath, f.name)).isSymbolicLink()).map((f) => f.name)).toEqual([]);
    const text = files.filter((f) => f.isFile()).map((f) => readFileSync(path.join(f.parentPath, f.name), 'utf8')).join('\n');
    expect(text).not.toContain('SECRET-LINE');
    if (singleFile) expect(text).toContain(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
    else expect(readFileSync(path.join(result.outDir, 'assets/themes/tidy/logo.svg'), 'utf8')).toBe(svg);
  });
});

describe('checking a user theme', () => {
  it('warns about each text colour below WCAG AA, with the pair and its ratio', () => {
    const compiled = compileEssay(essay, { file: path.join(work, 'essay.md'), projectDir: project, cli: { theme: 'low-contrast' } });
    const warnings = compiled.diagnostics.map((d) => d.message);
    expect(warnings).toContain('theme "low-contrast": muted #999999 on background #ffffff has a contrast of 2.85:1, below the 4.5:1 WCAG AA asks for: darken or lighten one of them');
    expect(warnings.some((w) => w.startsWith('theme "low-contrast": accent #ff9900 on background #ffffff has a contrast of 2.14:1'))).toBe(true);
    expect(compiled.diagnostics[0]?.file).toBe(path.join(project, 'themes/low-contrast/theme.json'));
    expect(compiled.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('reads colour names, hsl() and oklch() in theme.json and theme.css, without warnings', () => {
    writeTree(work, {
      'themes/modern/theme.json': '{ "colors": { "heading": "rebeccapurple", "text": "darkslategray", "accent": "oklch(0.45 0.15 30)", "muted": "hsl(210 15% 35%)" } }',
      'themes/modern/theme.css': ':root { --color-code-background: hsl(210 40% 96%); }\n',
    });
    const theme = resolveTheme('modern', work);
    expect(theme.palette).toMatchObject({ heading: '#663399', text: '#2f4f4f', muted: '#4c5967', codeBackground: '#f1f5f9' });
    expect(themeDiagnostics(theme)).toEqual([]);
  });

  it('checks a colour with alpha as it shows: text over its background, the background over white', () => {
    writeTree(work, {
      'themes/faint/theme.json': '{ "colors": { "text": "rgba(0, 0, 0, 0.3)" } }',
      'themes/veiled/theme.json': '{ "colors": { "background": "rgb(0 0 0 / 50%)", "text": "#000000", "heading": "#ffffff", "muted": "#ffffff", "accent": "#ffffff", "codeBackground": "#ffffff" } }',
    });
    const faint = themeDiagnostics(resolveTheme('faint', work)).map((d) => d.message);
    expect(faint).toContain('theme "faint": text #0000004d on background #ffffff has a contrast of 2.12:1, below the 4.5:1 WCAG AA asks for: darken or lighten one of them');
    const veiled = themeDiagnostics(resolveTheme('veiled', work)).map((d) => d.message);
    // Black text on a background that shows as mid gray: 5.3:1, enough; not 1:1 as black on black.
    expect(veiled.filter((m) => m.startsWith('theme "veiled": text '))).toEqual([]);
    expect(veiled.some((m) => m.startsWith('theme "veiled": heading #ffffff on background #00000080 has a contrast of 4.00:1'))).toBe(true);
  });

  it('reads the colours of a CSS-only theme from its :root', () => {
    const theme = resolveTheme('css-only', project);
    expect(theme.palette).toMatchObject({ background: '#f6efe0', text: '#2b2118', heading: '#5a3212' });
    expect(theme.description).toBe('A theme with only a stylesheet: sepia paper.');
    expect(themeDiagnostics(theme)).toEqual([]);
  });

  it('warns when text is larger than the planner allows for', () => {
    const messages = themeDiagnostics(resolveTheme('big-text', project)).map((d) => d.message);
    expect(messages).toEqual(['theme "big-text": --size-body is 36px, larger than the 34px the slide planner allows for: slides may overflow']);
  });

  it('does not warn about the example theme', () => {
    expect(themeDiagnostics(resolveTheme(kampus, root))).toEqual([]);
  });
});

describe('the built deck', () => {
  it('links the chain parent first and copies each theme, its fonts and its generated CSS', async () => {
    writeTree(work, { 'essay.md': essay });
    const result = await buildEssay(path.join(work, 'essay.md'), { outDir: path.join(work, 'dist'), projectDir: project, cli: { theme: 'warm' } });
    if (!result.ok) throw result.error;
    const html = readFileSync(path.join(result.outDir, 'index.html'), 'utf8');
    const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual([
      'assets/reveal/reveal.css',
      'assets/paparan.css',
      'assets/rich.css',
      'assets/themes/slide-colors.css',
      'assets/themes/gelap/theme-config.css',
      'assets/themes/gelap/theme.css',
      'assets/themes/warm/theme-config.css',
    ]);
    for (const link of links) expect(existsSync(path.join(result.outDir, link!)), link).toBe(true);
    expect(existsSync(path.join(result.outDir, 'assets/themes/gelap/fonts/atkinson-hyperlegible-latin-400-normal.woff2'))).toBe(true);
    const gelapCss = readFileSync(path.join(result.outDir, 'assets/themes/gelap/theme-config.css'), 'utf8');
    expect(gelapCss).toContain("src: url('fonts/atkinson-hyperlegible-latin-400-normal.woff2') format('woff2')");
    expect(gelapCss).toContain('html.paparan-print {');
  });

  it('shows the logo on the title slide and small on the others', () => {
    const { html } = compileEssay(essay, { file: path.join(work, 'essay.md'), projectDir: root, cli: { theme: kampus } });
    expect(html).toContain('<img class="title-logo" src="assets/themes/kampus/logo.svg" alt="">');
    expect(html.match(/class="slide-logo"/g)?.length).toBeGreaterThan(1);
    expect(compileEssay(essay, { file: path.join(work, 'essay.md'), projectDir: root }).html).not.toContain('logo');
  });

  it('marks slides with a per-slide background as dark or light, so the theme can flip their colours', () => {
    const source = readFileSync(path.join(fixtures, 'per-slide.md'), 'utf8');
    const { html } = compileEssay(source, { file: path.join(fixtures, 'per-slide.md'), projectDir: root });
    expect(html).toMatch(/class="slide-content layout-(?:bullets|statement) inverse"/);
    expect(html).toMatch(/class="[^"]*has-dark-background" data-kind="content" data-background="#1b1b3a"/);
    expect(html).toMatch(/class="[^"]*has-light-background" data-kind="content" data-background="#fff3c4"/);
  });
});

describe('template overrides', () => {
  it('a project templates/partials/title.hbs changes the title slide', () => {
    writeTree(work, { 'templates/partials/title.hbs': '<h1 class="deck-title campus-title">{{title}} — {{#if authors}}{{authors}}{{else}}anonymous{{/if}}</h1>\n' });
    const { html } = compileEssay(essay, { file: path.join(work, 'essay.md'), projectDir: work });
    expect(html).toContain('<h1 class="deck-title campus-title">A Small Essay — anonymous</h1>');
    expect(html).not.toContain('class="title-block"');
  });

  it("a theme's templates/ overrides a partial for every deck that uses the theme", () => {
    writeTree(work, {
      'themes/banner/theme.json': '{ "extends": "default" }',
      'themes/banner/templates/partials/section.hbs': '<p class="section-banner">Part {{number}}</p>\n<h2 class="section-title">{{title}}</h2>\n',
    });
    const { html } = compileEssay(essay, { file: path.join(work, 'essay.md'), projectDir: work, cli: { theme: 'banner' } });
    expect(html).toContain('<p class="section-banner">Part 1 / 1</p>');
  });

  it('a template syntax error names the template file and line', () => {
    writeTree(work, { 'templates/partials/title.hbs': '<header>\n  <h1>{{title}</h1>\n</header>\n' });
    const error = errorOf(() => compileEssay(essay, { file: path.join(work, 'essay.md'), projectDir: work }));
    expect(error.file).toBe(path.join(work, 'templates/partials/title.hbs'));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^template syntax error: /);
  });
});

describe('listing', () => {
  it('lists the project themes together with the built-in ones', () => {
    expect(listThemes(project)).toEqual(['big-text', 'css-only', 'default', 'gelap', 'loop-a', 'loop-b', 'low-contrast', 'merah-putih', 'missing-logo', 'orphan', 'remote-font', 'warm']);
  });
});
