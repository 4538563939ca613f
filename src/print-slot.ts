/**
 * The slot a paper page (handout, notes) leaves in each slide's frame for compose-pdf.ts to draw the printed
 * slide into: an empty link to itself, which Chrome keeps in the PDF as a link annotation with a named
 * destination, so the composer finds where it landed. A module of its own: the paper pages are rendered
 * before pdf-lib is loaded.
 */

/** The prefix of a slot's name; the slide's number (from 1) follows. */
export const SLOT = 'paparan-slide-';

/** The slot for slide `n` (from 1): an empty link to itself, laid over its frame by print.css. */
export function slotMarkup(n: number): string {
  return `<a class="paparan-slot" id="${SLOT}${n}" href="#${SLOT}${n}"></a>`;
}
