/**
 * The mark paparan leaves in every deck folder it publishes (`.paparan.json`):
 * what built it, from which essay, when, and which PDFs are current. A build
 * replaces only a folder that carries this mark (or is clearly a deck of an
 * older paparan), never a folder of the user's that happens to share the name.
 */
import { existsSync } from 'node:fs';
import { lstat, open, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pdfKinds, type PdfKind } from './config.js';

export const MANIFEST_FILE = '.paparan.json';
/** The editable PowerPoint file a build writes when asked (`--pptx`, `formats: [..., pptx]`). */
export const PPTX_FILE = 'slides.pptx';

export interface ManifestPdf {
  /** `slides.pdf`, `handout.pdf` or `notes.pdf`. */
  file: string;
  kind: PdfKind;
  /** False when the PDF was carried over from an earlier build because this one could not print it. */
  current: boolean;
  /** When the build that printed it ran (ISO 8601). */
  built: string;
}

export interface ManifestPptx {
  file: string;
  /** False when it was kept from an earlier build. */
  current: boolean;
  /** When the build that wrote it ran (ISO 8601). */
  built: string;
}

export interface DeckManifest {
  tool: 'paparan';
  version: string;
  slug: string;
  /** The essay, relative to the folder paparan ran in (its name only when it lies elsewhere). */
  source: string;
  /** When this deck was built (ISO 8601). */
  built: string;
  pdfs: ManifestPdf[];
  /** slides.pptx: written by this build, or kept from an earlier one (`current: false`) by a build that wrote none (the preview). */
  pptx?: ManifestPptx;
}

/** The PDFs this build printed into deck folder `dir`, in the order they are listed. */
export function printedPdfs(dir: string, built: string): ManifestPdf[] {
  return pdfKinds.filter((kind) => existsSync(path.join(dir, `${kind}.pdf`))).map((kind) => ({ file: `${kind}.pdf`, kind, current: true, built }));
}

/** Writes the manifest into a deck folder. */
export async function writeManifest(dir: string, manifest: DeckManifest): Promise<void> {
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The deck folder's manifest, or undefined when it has none (or not one of ours). */
export async function readManifest(dir: string): Promise<DeckManifest | undefined> {
  try {
    const data = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as Partial<DeckManifest>;
    return data.tool === 'paparan' ? { ...data, pdfs: Array.isArray(data.pdfs) ? data.pdfs : [] } as DeckManifest : undefined;
  } catch {
    return undefined;
  }
}

/** How an essay path is recorded: relative to the working folder, or its bare name (no home folder leaks into a shared deck). */
export function sourceName(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(file) : relative.split(path.sep).join('/');
}

/** What the layout template writes into every deck's head; decks from before the manifest carry it too. */
const OLD_DECK_MARKS = ['<meta name="generator" content="paparan', 'href="assets/paparan.css"'];

/**
 * Why a build may not replace `dir`, or undefined when it may: it does not
 * exist, is empty, or is a paparan deck (a manifest, or an older paparan's index.html).
 */
export async function replaceRefusal(dir: string): Promise<string | undefined> {
  let info;
  try {
    info = await lstat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (info.isSymbolicLink()) return 'is a link, which paparan will not replace';
  if (!info.isDirectory()) return 'is a file, not a deck folder';
  if (await readManifest(dir)) return undefined;
  const entries = await readdir(dir);
  if (entries.length === 0) return undefined;
  if (entries.includes('index.html')) {
    const head = await readStart(path.join(dir, 'index.html'), 16 * 1024);
    if (OLD_DECK_MARKS.some((mark) => head.includes(mark))) return undefined;
  }
  return 'exists and was not made by paparan';
}

/** The first `bytes` of a file as text (a single-file deck's index.html can be many megabytes). */
async function readStart(file: string, bytes: number): Promise<string> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return '';
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return ''; // e.g. an index.html that is a folder: not a deck of ours
  } finally {
    await handle.close();
  }
}
