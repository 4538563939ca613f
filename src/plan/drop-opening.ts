/**
 * Rule: drop what opens a sentence without carrying its point: connectives
 * ("Selain itu", "Moreover") and attribution frames ("Menurut X (2015),",
 * "According to X,", "beberapa pakar merasa jika"). The citation itself is not
 * lost: the slide's source line is made from the whole sentence.
 */
import type { Lang } from './words.js';

const ID_CONNECTIVES = [
  'selain itu', 'di samping itu', 'oleh karena itu', 'oleh sebab itu', 'karena itu', 'karenanya', 'dengan demikian', 'dalam hal ini',
  'hal ini terjadi karena', 'hal ini disebabkan oleh', 'hal ini disebabkan karena', 'hal ini disebabkan', 'hal ini karena', 'ini karena',
  'hal ini menunjukkan bahwa', 'hal tersebut menunjukkan bahwa', 'namun demikian', 'meskipun demikian', 'walaupun demikian', 'namun',
  'akan tetapi', 'tetapi', 'sementara itu', 'di sisi lain', 'adapun', 'dimana', 'di mana', 'kemudian', 'lalu', 'selanjutnya',
  'pertama', 'kedua', 'ketiga', 'keempat', 'terakhir', 'akhirnya', 'pada akhirnya', 'dengan kata lain', 'misalnya', 'sebagai contoh',
  'contohnya', 'maka', 'jadi', 'bahkan', 'padahal', 'sehingga', 'untuk itu', 'dalam esai ini', 'dalam tulisan ini', 'dalam makalah ini',
  'pada dasarnya', 'secara umum', 'tentu saja', 'lebih lanjut', 'tidak hanya itu', 'oleh karenanya', 'dengan begitu', 'di sinilah',
  'berdasarkan uraian di atas', 'berdasarkan pembahasan di atas', 'dapat disimpulkan bahwa', 'jadi dapat disimpulkan bahwa', 'kesimpulannya', 'seiring perkembangannya', 'seiring berjalannya waktu', 'seiring dengan itu', 'dalam konteks ini', 'berkaitan dengan hal tersebut',
];
const EN_CONNECTIVES = [
  'moreover', 'furthermore', 'in addition', 'additionally', 'however', 'therefore', 'thus', 'hence', 'consequently', 'as a result',
  'in this essay', 'in this paper', 'in other words', 'for example', 'for instance', 'finally', 'first', 'firstly', 'second', 'secondly',
  'third', 'thirdly', 'lastly', 'meanwhile', 'on the other hand', 'in contrast', 'by contrast', 'similarly', 'likewise', 'indeed',
  'of course', 'in fact', 'overall', 'in conclusion', 'to conclude', 'in short', 'this is because', 'that is why', 'notably', 'also',
  'it is important to note that', 'it should be noted that', 'it is clear that', 'it is worth noting that', 'in particular', 'then',
  'more recently', 'recently', 'historically', 'today', 'at the same time', 'nevertheless', 'nonetheless', 'still', 'yet', 'besides', 'after all', 'to sum up', 'in summary', 'as such',
];

// "Menurut Andirini Pujayanti (2015)," / "According to Oke (1982)," / "As Smith (2019) argues,": up to the first comma.
const ID_ATTRIBUTION = /^(?:menurut|berdasarkan pendapat|sebagaimana (?:dikemukakan|dijelaskan|disampaikan)(?: oleh)?|seperti (?:yang )?(?:dikemukakan|dijelaskan|disampaikan)(?: oleh)?)\s+[^,]{1,80},\s*/iu;
const EN_ATTRIBUTION = /^(?:according to|as (?:[^,]{1,60}) (?:argues|argued|notes|noted|shows|showed|puts it|explains|explained|points out|pointed out|suggests|suggested|writes|wrote))\s*[^,]{0,80},\s*/iu;
// "beberapa pakar ahli merasa jika KSS …", "Smith (2019) menyatakan bahwa …", "Studies show that …": a reporting frame of a few words.
const ID_REPORTING = /^(?:[^.]{0,100}?\s)?(?:menemukan|mencatat|melaporkan|menyimpulkan|mengungkapkan|memperlihatkan|merasa|menilai|berpendapat|menyatakan|menjelaskan|mengemukakan|menyebutkan|menegaskan|meyakini|memperkirakan|mengatakan|menunjukkan)\s+(?:bahwa|jika|kalau)\s+/iu;
const EN_REPORTING = /^(?:[^.]{0,100}?\s)?(?:argue|argues|argued|believe|believes|believed|claim|claims|claimed|state|states|stated|suggest|suggests|suggested|show|shows|showed|found|find|finds|note|notes|noted|explain|explains|explained|estimate|estimates|estimated|report|reports|reported|say|says|said)\s+that\s+/iu;

/** Drops opening connectives and attribution frames, as often as they stack ("Namun, menurut X, ..."). */
export function dropOpening(text: string, lang: Lang): string {
  let out = text.trim();
  for (let guard = 0; guard < 5; guard++) {
    const next = dropOnce(out, lang);
    if (next === out) break;
    out = next;
  }
  return capitalizeFirst(out);
}

function dropOnce(text: string, lang: Lang): string {
  const connectives = lang === 'id' ? ID_CONNECTIVES : EN_CONNECTIVES;
  const lower = text.toLowerCase();
  for (const connective of connectives) {
    if (!lower.startsWith(connective)) continue;
    const rest = text.slice(connective.length);
    // A whole word only, followed by a comma or a space ("Namun," / "Namun Indonesia"), never "Pertamina".
    const m = /^(?:,\s*|\s+)/u.exec(rest);
    if (!m) continue;
    const remainder = rest.slice(m[0].length);
    if (remainder.split(/\s+/u).length >= 3) return remainder;
  }
  for (const frame of lang === 'id' ? [ID_ATTRIBUTION, ID_REPORTING] : [EN_ATTRIBUTION, EN_REPORTING]) {
    const m = frame.exec(text);
    if (m && m[0].length < text.length) {
      const remainder = text.slice(m[0].length);
      // A frame is dropped only when what is left still makes a statement of a few words.
      if (remainder.split(/\s+/u).length >= 4) return remainder;
    }
  }
  return text;
}

/** Upper-cases the first letter (after Markdown emphasis), as a point starts. */
export function capitalizeFirst(text: string): string {
  return text.replace(/^([*_"“(]*)(\p{Ll})/u, (_, lead: string, letter: string) => lead + letter.toUpperCase());
}
