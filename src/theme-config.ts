/**
 * A theme's settings file (theme.json, theme.yaml or theme.yml): its schema,
 * reading it, and turning its colours, fonts and sizes into CSS custom
 * properties. Also reads the custom properties a theme.css sets on :root, so
 * that a CSS-only theme can be checked too.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod/mini';
import './zod.js';
import { isColor } from './contrast.js';
import { PaparanError } from './errors.js';

/** Settings file names, in the order they are looked for. */
export const themeConfigFiles = ['theme.json', 'theme.yaml', 'theme.yml'];

/** Colour roles and the custom property each one sets. */
export const colorVariables = {
  background: '--color-background',
  text: '--color-text',
  heading: '--color-heading',
  accent: '--color-accent',
  muted: '--color-muted',
  rule: '--color-rule',
  codeBackground: '--color-code-background',
} as const;
export type ColorRole = keyof typeof colorVariables;
export type Palette = Record<ColorRole, string>;

/** Size roles and their custom properties; the planner's budgets assume at most the sizes in `sizeLimits`. */
export const sizeVariables = {
  body: '--size-body',
  heading: '--size-heading',
  title: '--size-title',
  small: '--size-small',
} as const;
export type SizeRole = keyof typeof sizeVariables;

/** The largest sizes (px) the planner's line budgets (src/layout.ts) allow for. */
export const sizeLimits: Partial<Record<SizeRole, number>> = { body: 34, heading: 44 };

const color = z.string().check(z.refine(isColor, { message: 'expected a colour such as "#12355b", "navy", "rgb(18 53 91)" or "hsl(212 67% 21%)"' }));
const colorsSchema = z.partial(z.strictObject(Object.fromEntries(Object.keys(colorVariables).map((k) => [k, color])) as Record<ColorRole, typeof color>));
const size = z.union([z.number().check(z.positive()), z.string().check(z.regex(/^\d+(\.\d+)?px$/, 'expected a size in px, such as "28px"'))]);

const fontsourceSchema = z.strictObject({
  /** An npm package of the Fontsource project, e.g. "@fontsource/noto-serif". */
  package: z.string().check(z.regex(/^@fontsource\/[a-z0-9-]+$/, 'expected a Fontsource package name such as "@fontsource/noto-serif"')),
  weights: z._default(z.array(z.number().check(z.int(), z.minimum(100), z.maximum(900))).check(z.minLength(1)), [400, 700]),
  italic: z._default(z.boolean(), true),
  subsets: z._default(z.array(z.string()).check(z.minLength(1)), ['latin', 'latin-ext']),
});

const themeConfigSchema = z.strictObject({
  /** A display name; the folder name is what --theme takes. */
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  /** A parent theme: a name, or a folder path relative to this theme's folder. */
  extends: z.optional(z.string().check(z.minLength(1))),
  colors: z.optional(z.extend(colorsSchema, { inverse: z.optional(colorsSchema) })),
  fonts: z.optional(
    z.partial(
      z.strictObject({
        body: z.string(),
        heading: z.string(),
        mono: z.string(),
        /** Font files of the theme's own folder that its CSS uses (checked to exist). */
        files: z.array(z.string()),
        fontsource: z.array(fontsourceSchema),
      }),
    ),
  ),
  sizes: z.optional(z.partial(z.strictObject(Object.fromEntries(Object.keys(sizeVariables).map((k) => [k, size])) as Record<SizeRole, typeof size>))),
  /** Any other custom property, e.g. { "--slide-padding": "40px 56px" }. */
  variables: z.optional(z.record(z.string().check(z.regex(/^--[a-zA-Z0-9-]+$/, 'expected a custom property name such as "--slide-padding"')), z.string())),
  /** Stylesheets of the theme, loaded in this order; default: theme.css when it exists. */
  css: z.optional(z.union([z.string(), z.array(z.string())])),
  /** An image (SVG, PNG…) shown small on every slide and larger on the title slide. */
  logo: z.optional(z.string()),
  print: z.optional(
    z.partial(
      z.strictObject({
        /** Colours for handouts and notes pages (paper, not projector). */
        colors: colorsSchema,
        /** A stylesheet for handouts and notes; scope its rules with `.paparan-print`. */
        css: z.string(),
      }),
    ),
  ),
});

export type ThemeConfig = z.infer<typeof themeConfigSchema>;
export type FontsourceSpec = z.infer<typeof fontsourceSchema>;

/** The settings file in a theme folder, if it has one. */
export function findThemeConfig(dir: string): string | undefined {
  return themeConfigFiles.map((name) => path.join(dir, name)).find((file) => existsSync(file));
}

/** Reads and validates a theme's settings file; a bad one is an error naming the file and the key. */
export function readThemeConfig(file: string): ThemeConfig {
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new PaparanError(`cannot parse the theme settings (${(error as Error).message.split('\n')[0]}): fix its syntax`, { file, cause: error });
  }
  const result = themeConfigSchema.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path.join('.') || '(top level)';
    const known = issue.code === 'unrecognized_keys' ? `; known keys: ${Object.keys(knownKeysAt(issue.path)).join(', ')}` : '';
    throw new PaparanError(`theme setting "${key}": ${issue.message}${known}`, { file });
  }
  return result.data;
}

function knownKeysAt(keyPath: PropertyKey[]): Record<string, unknown> {
  let shape: Record<string, unknown> = themeConfigSchema.shape;
  for (const key of keyPath) {
    let next: unknown = shape[String(key)];
    // Through optional, default and list to the object inside.
    for (let inner = wrapped(next); inner; inner = wrapped(next)) next = inner;
    if (!next || typeof next !== 'object' || !('shape' in next)) break;
    shape = next.shape as Record<string, unknown>;
  }
  return shape;
}

/** What an optional, a default or a list schema wraps. */
function wrapped(schema: unknown): unknown {
  const def = (schema as { def?: { innerType?: unknown; element?: unknown } } | undefined)?.def;
  return def?.innerType ?? def?.element;
}

/** A size as CSS (`28` → `28px`). */
export function cssSize(value: number | string): string {
  return typeof value === 'number' ? `${value}px` : value;
}

/** A font family as a CSS list with paparan's fallbacks after it. */
export function fontStack(family: string, role: 'body' | 'heading' | 'mono'): string {
  const quoted = /^[\w-]+$/.test(family) && !/\s/.test(family) ? family : `'${family.replace(/'/g, "\\'")}'`;
  const fallback = role === 'mono' ? "'DejaVu Sans Mono', Consolas, monospace" : "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif";
  return `${quoted}, ${fallback}`;
}

/** The custom properties a settings file sets on :root, in a stable order. */
export function rootVariables(config: ThemeConfig): [string, string][] {
  const vars: [string, string][] = [];
  for (const [role, name] of Object.entries(colorVariables) as [ColorRole, string][]) {
    const value = config.colors?.[role];
    if (value) vars.push([name, value]);
  }
  for (const role of ['body', 'heading', 'mono'] as const) {
    const family = config.fonts?.[role];
    if (family) vars.push([`--font-${role}`, fontStack(family, role)]);
  }
  for (const [role, name] of Object.entries(sizeVariables) as [SizeRole, string][]) {
    const value = config.sizes?.[role];
    if (value !== undefined) vars.push([name, cssSize(value)]);
  }
  for (const [name, value] of Object.entries(config.variables ?? {})) vars.push([name, value]);
  return vars;
}

/** Custom properties set in the `:root { ... }` rules of a stylesheet (comments removed; later ones win). */
export function readRootVariables(css: string): Map<string, string> {
  const vars = new Map<string, string>();
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const rule of text.matchAll(/(?:^|[}\s;])(?:html\s*,\s*)?:root\s*\{([^}]*)\}/g)) {
    for (const declaration of rule[1]!.split(';')) {
      const match = /^\s*(--[a-zA-Z0-9-]+)\s*:\s*([\s\S]*?)\s*(!important)?\s*$/.exec(declaration);
      if (match) vars.set(match[1]!, match[2]!);
    }
  }
  return vars;
}
