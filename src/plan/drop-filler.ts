/**
 * Rule: drop words that carry nothing on a slide: "ini"/"tersebut" after a
 * noun, "pun", "saja", "juga", "yang dilakukan" / "that" after a reporting
 * verb, "which is". The agent of a passive ("yang dilakukan oleh X") stays,
 * and "juga" stays inside "namun juga"/"tetapi juga", which pairs with
 * "bukan hanya".
 */
import type { Lang } from './words.js';

// "saat ini" (now) and "hal ini" (this, as a subject) are not pointers to drop: their "ini" is protected.
const ID_PROTECTED = /\b(saat|dewasa|akhir-akhir|belakangan|tahun|hari|kali|masa|hingga|sampai|hal) (ini|tersebut|itu)\b/giu;
const PROTECT = '\u2060';

const ID_FILLER: [RegExp, string][] = [
  [/^\s*adanya\s+/iu, ''],
  [/(\p{L}[\p{L}-]*)\s+(?:ini|tersebut)(?=[\s,.;:]|$)/gu, '$1'],
  [/\s+(?:pun|saja|pula|sekali|tentunya|kemudian)(?=[\s,.;:]|$)/giu, ''],
  [/(?<!\b(?:namun|tetapi|melainkan|tapi))\s+juga(?=[\s,.;:]|$)/giu, ''],
  [/\b(\p{Lu}\p{L}*)\s+sendiri\b/gu, '$1'],
  [/\b((?:19|20)\d\d)\s+lalu\b/gu, '$1'],
  // "Diplomasi yang dilakukan oleh Indonesia" → "Diplomasi Indonesia"; the agent of the passive stays.
  [/\s+yang\s+(?:di|ter)?lakukan(?:nya)?\s+oleh\s+/giu, ' '],
  [/\s+yang\s+(?:di|ter)?lakukan(?:nya)?(?!\s+oleh)(?=[\s,.;:]|$)/giu, ''],
  [/\s+yang\s+(?:diselenggarakan|diadakan|dilaksanakan|terjadi|ada)(?=\s+(?:di|pada|dalam)\s)/giu, ''],
  [/\b(?:suatu|sebuah)\s+/giu, ''],
  [/\bbaik itu\s+/giu, 'baik '],
  [/\b(hanya)lah\b/giu, '$1'],
];

const EN_FILLER: [RegExp, string][] = [
  [/\b(argue|argues|argued|believe|believes|show|shows|showed|suggest|suggests|suggested|found|find|finds|mean|means|meant|note|notes|noted|say|says|said|think|thinks|notice|notices|noticed|know|knows|warn|warns|warned)\s+that\s+/giu, '$1 '],
  // ", which are green,": an aside between commas goes whole.
  [/,\s+which\s+(?:is|are|was|were)\s+[^,]+,/giu, ''],
  [/\bin order to\b/giu, 'to'],
  [/\ba (?:large |great |small )?number of\b/giu, 'many'],
  [/\bdue to the fact that\b/giu, 'because'],
  [/\s+(?:very|really|quite|actually|basically|also|simply|just|certainly)(?=\s)/giu, ''],
];

/** Drops filler words and empty relative clauses. */
export function dropFiller(text: string, lang: Lang): string {
  let out = ` ${text.trim()} `;
  if (lang === 'id') {
    out = out.replace(ID_PROTECTED, `$1 ${PROTECT}$2`);
    out = ` ${out.trim()} `;
    for (const [pattern, replacement] of ID_FILLER) out = out.replace(pattern, replacement);
    out = out.replaceAll(PROTECT, '');
  } else {
    for (const [pattern, replacement] of EN_FILLER) out = out.replace(pattern, replacement);
  }
  return out.replace(/\s+/gu, ' ').replace(/\s+([,.;:])/gu, '$1').trim();
}
