/**
 * Images of an essay: a path is relative to the essay's folder and may not
 * leave it, not even through a symbolic link; the file must exist and be an
 * image by its bytes; remote images are never fetched (the deck must present
 * offline), so they show their alt text instead.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isColor } from './contrast.js';
import { ContentError } from './errors.js';
import { imageTypeNames, readImageType } from './image-type.js';
import { hasScheme, isWithin } from './paths.js';
import type { Deck } from './model.js';

/** Checks every image of the deck, and the essay's logo, and points each at its copy in `media/`; fills `deck.assets`. */
export function resolveImages(deck: Deck, baseDir: string, options: { logoLine?: number } = {}): void {
  const copies = new Map<string, string>();
  // Keyed and copied by real path, so what is copied is the file that was checked.
  const copyOf = ({ written, real }: LocalImage): string => {
    let target = copies.get(real);
    if (!target) {
      target = `media/${copies.size + 1}-${path.basename(written).replace(/[^\w.-]+/g, '_')}`;
      copies.set(real, target);
      deck.assets.push({ from: real, to: target });
    }
    return target;
  };
  for (const slide of deck.slides) {
    const where = { file: deck.file, line: slide.line };
    if (slide.background) slide.background = resolveBackground(slide.background, baseDir, where, copyOf);
    const body = slide.body;
    if (hasUncheckedImage(body)) {
      deck.diagnostics.push({
        severity: 'warning',
        ...where,
        message: 'an image inside raw HTML or inside a sentence is not shown: put it on its own line as ![alt text](file.png)',
      });
    }
    if (body?.layout !== 'image') continue;
    const src = body.src.trim();
    // A picture beside a paragraph's points is named by its own line, not the paragraph's.
    if (body.line !== undefined) where.line = body.line;
    if (/^data:image\/(png|jpe?g|gif|webp|svg\+xml)[;,]/i.test(src)) continue;
    if (hasScheme(src)) {
      deck.diagnostics.push({
        severity: 'warning',
        ...where,
        message: `remote image "${src}" is not included (the deck works offline): download it next to the essay and link the file`,
      });
      body.src = '';
      continue;
    }
    body.src = copyOf(localFile(src, baseDir, where, 'image'));
  }
  if (deck.meta.logo !== undefined) deck.meta = { ...deck.meta, logo: resolveLogo(deck, baseDir, { file: deck.file, line: options.logoLine }, copyOf) };
}

/** The front matter's `logo:`: a local image checked and copied like any other; a remote one is left out (the deck works offline). */
function resolveLogo(deck: Deck, baseDir: string, where: { file: string; line?: number }, copyOf: (image: LocalImage) => string): string | undefined {
  const src = deck.meta.logo!.trim();
  if (/^data:image\/(png|jpe?g|gif|webp|svg\+xml)[;,]/i.test(src)) return src;
  if (hasScheme(src)) {
    deck.diagnostics.push({ severity: 'warning', ...where, message: `remote logo "${src}" is not included (the deck works offline): download it next to the essay and name the file` });
    return undefined;
  }
  return copyOf(localFile(src, baseDir, where, 'logo'));
}

/** A slide background is a colour, or a local image that is copied like any other. */
function resolveBackground(value: string, baseDir: string, where: { file: string; line?: number }, copyOf: (image: LocalImage) => string): string {
  const trimmed = value.trim();
  if (isColor(trimmed)) return trimmed;
  if (hasScheme(trimmed) || !/\.(png|jpe?g|gif|webp|svg)$/i.test(trimmed)) {
    throw new ContentError(`background "${value}" must be a colour (#12355b, navy) or an image file next to the essay`, where);
  }
  return copyOf(localFile(trimmed, baseDir, where, 'background image'));
}

/** Images only show as their own block (`![alt](file)`), where they are checked and copied. */
function hasUncheckedImage(body: Deck['slides'][number]['body']): boolean {
  if (body?.layout === 'html') return /<img\b/i.test(body.html);
  if (body?.layout === 'bullets') return body.points.some((p) => /!\[[^\]]*\]\(/.test(p.text));
  return false;
}

/** A local image: its path as the essay names it, and the real file behind any symbolic links. */
interface LocalImage {
  written: string;
  real: string;
}

/** A local image; it must exist, stay inside the essay's folder (links included) and be an image by its bytes. */
function localFile(src: string, baseDir: string, where: { file: string; line?: number }, label: string): LocalImage {
  const relative = decodePath(src.split(/[?#]/)[0]!);
  const absolute = path.resolve(baseDir, relative);
  if (path.isAbsolute(relative) || !isWithin(absolute, baseDir)) {
    throw new ContentError(`${label} "${src}" is outside the essay's folder: move it next to the essay and use a relative path`, where);
  }
  if (!existsSync(absolute) || !statSync(absolute).isFile()) {
    throw new ContentError(`${label} "${src}" not found: put the file at ${absolute} or fix the path`, where);
  }
  // A link inside the folder may lead anywhere (/etc/shadow); what counts is where it ends.
  const real = realpathSync(absolute);
  if (!isWithin(real, realpathSync(baseDir))) {
    throw new ContentError(`${label} "${src}" is a link to ${real}, outside the essay's folder: copy the file next to the essay instead of linking it`, where);
  }
  if (!readImageType(real)) {
    throw new ContentError(`${label} "${src}" is not an image file (not ${imageTypeNames}): export it as PNG or JPEG, or fix the path`, where);
  }
  return { written: absolute, real };
}

/** `%20` in a path is a space; a `%` that starts no valid escape (`100%.png`) is taken literally. */
function decodePath(reference: string): string {
  try {
    return decodeURI(reference);
  } catch {
    return reference;
  }
}
