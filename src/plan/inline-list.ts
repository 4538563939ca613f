/**
 * Rule: an enumeration inside a sentence becomes sub-points, one short item
 * each. Numbered ("diantaranya ialah: 1) …; 2) …; dan 3) …") or after a cue
 * word ("seperti a, b, hingga c", "such as a, b and c"); a head word repeated
 * without a comma also starts an item ("pelatihan good governance pelatihan
 * bagi perempuan" is two trainings).
 */
import { splitEnumeration } from '../sentences.js';
import { bare, hasVerb, isVerb, tokens, type Lang } from './words.js';

export interface InlineList {
  /** The sentence up to the list (its cue word dropped). */
  lead: string;
  items: string[];
}

const ID_CUES = /\b(?:seperti|diantaranya(?: ialah| adalah)?|di antaranya(?: ialah| adalah)?|antara lain|yakni|yaitu|meliputi|termasuk|berupa)\s*:?\s+/giu;
const EN_CUES = /\b(?:such as|including|namely|for example|e\.g\.,?|like)\s*:?\s+/giu;
// Words that join the last item on: ", dan pemberdayaan perempuan", ", hingga program …".
const LAST_JOINER = /^(?:dan|serta|hingga|sampai|atau|maupun|and|or|as well as)\s+/iu;
const ITEM_MAX_WORDS = 8;
/** Nouns that only announce the items ("include measures such as …", "melakukan langkah-langkah seperti …"). */
const GENERIC_HEAD = /^(?:measures|things|factors|steps|ways|methods|means|actions|activities|approaches|elements|aspects|examples|items|hal|hal-hal|langkah|langkah-langkah|cara|cara-cara|faktor|faktor-faktor|aspek|kegiatan|tindakan|bentuk)$/u;


/** The inline list of a sentence (at least three items), or null. */
export function findInlineList(sentence: string, lang: Lang): InlineList | null {
  const numbered = splitEnumeration(sentence);
  if (numbered && numbered.items.length >= 2) {
    return { lead: numbered.lead.replace(/(?:[\s:,;]*\b(?:diantaranya|di antaranya|antara lain|yakni|yaitu|ialah|adalah|namely|including))*[\s:,;]*$/iu, ''), items: numbered.items };
  }
  const cues = [...sentence.matchAll(lang === 'id' ? ID_CUES : EN_CUES)].reverse();
  for (const cue of cues) {
    const after = sentence.slice(cue.index + cue[0].length).replace(/[.!?]+$/u, '');
    const items = splitItems(after, lang);
    if (items && items.length >= 3) {
      return { lead: withoutGenericHead(sentence.slice(0, cue.index).replace(/[\s,;:]+$/u, ''), lang), items };
    }
  }
  return null;
}

function splitItems(text: string, lang: Lang): string[] | null {
  const parts = text.split(/\s*,\s*/u);
  // "…, dan prinsip-prinsip lainnya ini berkembang dari …": a last chunk that is a clause of its own ends the list before it.
  const last = parts.at(-1)!.trim();
  if (parts.length >= 4 && LAST_JOINER.test(last) && tokens(last).length > ITEM_MAX_WORDS && hasVerb(last.replace(LAST_JOINER, ''), lang)) parts.pop();
  if (parts.length < 2) return null;
  const items: string[] = [];
  for (const [i, raw] of parts.entries()) {
    let part = raw.trim();
    const last = i === parts.length - 1;
    if (last) part = part.replace(LAST_JOINER, '');
    else if (i === parts.length - 2 && !LAST_JOINER.test(parts[i + 1]!.trim())) {
      // "a, b dan c": the last two items share a chunk.
      const joined = /^(.*?)\s+(?:dan|serta|hingga|atau|and|or)\s+(.+)$/iu.exec(parts[i + 1]!.trim());
      if (joined) {
        items.push(...splitRepeatedHead(part), ...splitRepeatedHead(joined[1]!), ...splitRepeatedHead(joined[2]!));
        return items.every((item) => tokens(item).length <= ITEM_MAX_WORDS) ? items : null;
      }
    }
    if (part === '') return null;
    items.push(...splitRepeatedHead(part));
  }
  return items.every((item) => tokens(item).length <= ITEM_MAX_WORDS) ? items : null;
}

/** "pelatihan good governance pelatihan bagi perempuan" → two items, split where the first word comes back. */
function splitRepeatedHead(item: string): string[] {
  const words = tokens(item);
  const head = bare(words[0] ?? '');
  const again = words.findIndex((w, i) => i >= 2 && bare(w) === head);
  return again > 0 ? [words.slice(0, again).join(' '), ...splitRepeatedHead(words.slice(again).join(' '))] : [item];
}

/** "Common strategies include measures" → "Common strategies include": after its verb, a noun that only announces the items goes. */
function withoutGenericHead(lead: string, lang: Lang): string {
  const words = tokens(lead);
  if (words.length < 3 || !GENERIC_HEAD.test(bare(words.at(-1)!)) || !isVerb(words.at(-2)!, lang)) return lead;
  return words.slice(0, -1).join(' ');
}
