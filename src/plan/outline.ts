/**
 * A planned deck as plain text, one slide a block: what a lecturer reads to
 * judge the plan, and what the golden tests compare, so that any change to
 * the rules shows in a diff.
 */
import type { Deck, Point } from '../model.js';

/** Titles, kickers, points (indented sub-points) and source lines of every slide. */
export function outlineDeck(deck: Deck): string {
  const lines: string[] = [];
  deck.slides.forEach((slide, i) => {
    const kicker = slide.kicker ? `${slide.kicker} › ` : '';
    lines.push(`${i + 1}. [${slide.kind}${slide.body && slide.kind === 'content' ? `/${slide.body.layout}` : ''}] ${kicker}${slide.title}`);
    const body = slide.body;
    if (body?.layout === 'bullets' && slide.kind === 'content') lines.push(...body.points.flatMap((p) => pointLines(p, '   - ')));
    if (body?.layout === 'statement') lines.push(`   > ${body.text}`);
    if (body?.layout === 'bignumber') lines.push(`   [${body.figure}] ${body.caption}`);
    if (body?.layout === 'timeline') lines.push(...body.events.map((e) => `   ${e.date}: ${e.label}`));
    if (body?.layout === 'definition') lines.push(`   = ${body.definition}`, ...body.points.flatMap((p) => pointLines(p, '   - ')));
    if (body?.layout === 'compare') {
      if (body.lead) lines.push(`   ${body.lead}:`);
      lines.push(...body.columns.flatMap((c) => [`   | ${c.heading}`, ...c.points.flatMap((p) => pointLines(p, '   |  - '))]));
    }
    if (body?.layout === 'steps') lines.push(...body.items.map((p, n) => `   ${n + 1}. ${p.text}`), ...body.points.flatMap((p) => pointLines(p, '   - ')));
    if (slide.sources?.length) lines.push(`   (${slide.sources.join('; ')})`);
  });
  return `${lines.join('\n')}\n`;
}

function pointLines(point: Point, prefix: string): string[] {
  return [`${prefix}${point.text}`, ...(point.subpoints ?? []).flatMap((s) => pointLines(s, `   ${prefix}`))];
}
