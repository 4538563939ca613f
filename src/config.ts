/**
 * Build settings in one place. Precedence, highest first:
 *   1. command-line flags
 *   2. the essay's front matter
 *   3. the project config file (paparan.config.json / .yaml, or "paparan" in package.json)
 *   4. the defaults below
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod/mini';
import './zod.js';
import { PaparanError } from './errors.js';
import type { EssayMeta } from './front-matter.js';

export const pdfKinds = ['slides', 'handout', 'notes'] as const;
/** What a build writes: the HTML deck (always: the PDFs are printed from it), the PDFs, an editable PowerPoint file. */
export const outputFormats = ['html', 'pdf', 'pptx'] as const;
export type OutputFormat = (typeof outputFormats)[number];
export type PdfKind = (typeof pdfKinds)[number];
export const handoutLayouts = [1, 2, 3, 4, 6, 9] as const;
export type HandoutLayout = (typeof handoutLayouts)[number];
export const detailLevels = ['summary', 'full'] as const;
/** How much of the essay the slides show: short points (the notes carry the rest), or every sentence. */
export type Detail = (typeof detailLevels)[number];

/** Every setting with its default. */
export const defaults = {
  /** Theme name or folder. */
  theme: 'default',
  /** Short points and claim titles (`summary`), or every sentence of the essay on the slides (`full`). */
  detail: 'summary' as Detail,
  /** Output root: each essay goes to `<out>/<slug>/`. */
  out: 'dist',
  /** What a build writes besides the deck: `pdf` prints the PDFs named by `pdf`, `pptx` writes slides.pptx. */
  formats: ['html', 'pdf'] as OutputFormat[],
  /** Which PDFs a build prints; an empty list prints none. */
  pdf: [...pdfKinds] as PdfKind[],
  /** Slides per audience-handout page. */
  handout: 3 as HandoutLayout,
  paper: 'a4' as 'a4' | 'letter' | 'a5',
  landscape: false,
  /** Toner-saving PDFs with no colour. */
  grayscale: false,
  /** Chrome/Chromium to print with; found automatically when unset. */
  browser: undefined as string | undefined,
  /** Seconds one PDF may take to print before it is stopped: a 100-slide deck prints in a few seconds, a minute means something hangs. */
  timeout: 60,
};
/** The longest timeout: Node's timers take at most about 24 days, and a day is already far too long. */
export const maxTimeout = 86_400;
export type Settings = typeof defaults;

const handoutSchema = z.union(handoutLayouts.map((n) => z.literal(n)) as unknown as [z.ZodMiniLiteral<HandoutLayout>, z.ZodMiniLiteral<HandoutLayout>]);

const configSchema = z.partial(
  z.strictObject({
    theme: z.string(),
    detail: z.enum(detailLevels),
    out: z.string(),
    formats: z.array(z.enum(outputFormats)),
    pdf: z.union([z.literal(false), z.array(z.enum(pdfKinds))]),
    handout: handoutSchema,
    paper: z.enum(['a4', 'letter', 'a5']),
    landscape: z.boolean(),
    grayscale: z.boolean(),
    browser: z.string(),
    timeout: z.number().check(z.positive(), z.maximum(maxTimeout)),
  }),
);
export type ProjectConfig = z.infer<typeof configSchema>;

const configFiles = ['paparan.config.json', 'paparan.config.yaml', 'paparan.config.yml'];

/** Reads the project's config file, if any; a bad one is an error naming the file. */
export function loadProjectConfig(projectDir: string): { config: ProjectConfig; file?: string } {
  for (const name of configFiles) {
    const file = path.join(projectDir, name);
    if (!existsSync(file)) continue;
    return { config: validateConfig(readConfigFile(file), file), file };
  }
  const pkgFile = path.join(projectDir, 'package.json');
  if (existsSync(pkgFile)) {
    const pkg = readConfigFile(pkgFile) as { paparan?: unknown };
    if (pkg.paparan !== undefined) return { config: validateConfig(pkg.paparan, `${pkgFile} ("paparan")`), file: pkgFile };
  }
  return { config: {} };
}

function readConfigFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PaparanError(unreadable(error as NodeJS.ErrnoException), { file, cause: error });
  }
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new PaparanError(`cannot parse the config file (${(error as Error).message.split('\n')[0]}): fix its syntax`, { file, cause: error });
  }
}

/** Why a config file that exists cannot be read, and what to do, in the words of the essay messages. */
function unreadable(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EISDIR':
      return 'is a folder, not a config file: rename or remove the folder';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the config file (permission denied): check its permissions';
    default:
      return `cannot read the config file (${error.code ?? error.message}): check the file`;
  }
}

function validateConfig(data: unknown, file: string): ProjectConfig {
  const result = configSchema.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path.join('.') || '(top level)';
    throw new PaparanError(`config "${key}": ${issue.message}; known keys: ${Object.keys(defaults).join(', ')}`, { file });
  }
  return result.data;
}

/** Flags as the CLI passes them: only what the user typed is set. `pdf` and `pptx` add their format to `formats`, or (false) take it away. */
export type CliSettings = Partial<Omit<Settings, 'pdf'>> & { pdf?: PdfKind[] | false; pptx?: boolean };

/** Merges the four sources in their order of precedence. */
export function resolveSettings(cli: CliSettings, meta: Partial<EssayMeta>, config: ProjectConfig): Settings {
  const fromMeta: Omit<Partial<Settings>, 'pdf'> & { pdf?: PdfKind[] | false } = {
    theme: meta.theme,
    detail: meta.detail,
    handout: meta.handout as HandoutLayout | undefined,
    paper: meta.paper,
    landscape: meta.landscape,
    grayscale: meta.grayscale,
    pdf: meta.pdf,
    formats: meta.formats,
  };
  const { pptx, ...flags } = cli;
  const merged: Record<string, unknown> = { ...defaults };
  for (const source of [config, fromMeta, flags] as Record<string, unknown>[]) {
    for (const [key, value] of Object.entries(source)) if (value !== undefined) merged[key] = value;
  }
  // --pdf KINDS / --no-pdf and --pptx / --no-pptx win over `formats` from the front matter or the config.
  const formats = new Set(merged.formats as OutputFormat[]);
  formats.add('html');
  if (Array.isArray(cli.pdf)) formats.add('pdf');
  if (cli.pdf === false) formats.delete('pdf');
  if (pptx !== undefined) formats[pptx ? 'add' : 'delete']('pptx');
  merged.formats = outputFormats.filter((format) => formats.has(format));
  if (merged.pdf === false || !formats.has('pdf')) merged.pdf = [];
  return merged as Settings;
}
