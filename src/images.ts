/**
 * Images of an essay: a path is relative to the essay's folder and may not
 * leave it; the file must exist; remote images are never fetched (the deck
 * must present offline), so they show their alt text instead.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ContentError } from './errors.js';
import { hasScheme, isWithin } from './paths.js';
import type { Deck } from './model.js';

/** Checks every image of the deck and points it at its copy in `media/`; fills `deck.assets`. */
export function resolveImages(deck: Deck, baseDir: string): void {
  const copies = new Map<string, string>();
  const copyOf = (absolute: string): string => {
    let target = copies.get(absolute);
    if (!target) {
      target = `media/${copies.size + 1}-${path.basename(absolute).replace(/[^\w.-]+/g, '_')}`;
      copies.set(absolute, target);
      deck.assets.push({ from: absolute, to: target });
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
    body.src = copyOf(localFile(src, baseDir, where));
  }
}

/** A slide background is a colour, or a local image that is copied like any other. */
function resolveBackground(value: string, baseDir: string, where: { file: string; line?: number }, copyOf: (file: string) => string): string {
  const trimmed = value.trim();
  if (/^(#[0-9a-f]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla)\([\d\s.,%/]+\))$/i.test(trimmed)) return trimmed;
  if (hasScheme(trimmed) || !/\.(png|jpe?g|gif|webp|svg)$/i.test(trimmed)) {
    throw new ContentError(`background "${value}" must be a colour (#12355b, navy) or an image file next to the essay`, where);
  }
  return copyOf(localFile(trimmed, baseDir, where));
}

/** Images only show as their own block (`![alt](file)`), where they are checked and copied. */
function hasUncheckedImage(body: Deck['slides'][number]['body']): boolean {
  if (body?.layout === 'html') return /<img\b/i.test(body.html);
  if (body?.layout === 'bullets') return body.points.some((p) => /!\[[^\]]*\]\(/.test(p.text));
  return false;
}

/** The absolute path of a local image; it must exist and stay inside the essay's folder. */
function localFile(src: string, baseDir: string, where: { file: string; line?: number }): string {
  const relative = decodePath(src.split(/[?#]/)[0]!);
  const absolute = path.resolve(baseDir, relative);
  if (path.isAbsolute(relative) || !isWithin(absolute, baseDir)) {
    throw new ContentError(`image "${src}" is outside the essay's folder: move it next to the essay and use a relative path`, where);
  }
  if (!existsSync(absolute) || !statSync(absolute).isFile()) {
    throw new ContentError(`image "${src}" not found: put the file at ${absolute} or fix the path`, where);
  }
  return absolute;
}

/** `%20` in a path is a space; a `%` that starts no valid escape (`100%.png`) is taken literally. */
function decodePath(reference: string): string {
  try {
    return decodeURI(reference);
  } catch {
    return reference;
  }
}
