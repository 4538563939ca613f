/**
 * Words as the planner's rules see them: tokens of a sentence, which of them
 * carry content (not stopwords), and which look like verbs. Indonesian is
 * written by hand here because no maintained npm tagger covers it offline;
 * the stopword lists come from stopwords-iso.
 */
import { createRequire } from 'node:module';

export type Lang = 'id' | 'en';

/** The planner's language: Indonesian or English (anything else is planned with the English rules). */
export function planLang(lang: string | undefined): Lang {
  return lang?.toLowerCase().startsWith('id') ? 'id' : 'en';
}

let stopwordLists: Record<Lang, Set<string>> | undefined;

/** Stopwords of a language (stopwords-iso: about 750 Indonesian and 1,300 English words), loaded once. */
export function stopwords(lang: Lang): Set<string> {
  if (!stopwordLists) {
    const all = createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
    stopwordLists = { id: new Set(all.id), en: new Set(all.en) };
  }
  return stopwordLists[lang];
}

/** Whitespace tokens of a text (punctuation stays attached, as the author wrote it). */
export function tokens(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

/** A token without surrounding punctuation and Markdown emphasis, lower-cased. */
export function bare(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
}

/** Content words of a text: lower-cased, without stopwords and one-letter tokens, reduplications folded ("negara-negara" → "negara"). */
export function contentWords(text: string, lang: Lang): string[] {
  const stop = stopwords(lang);
  return tokens(text)
    .map((t) => foldReduplication(bare(t)))
    .filter((w) => w.length > 1 && !stop.has(w) && !/^\d{4}$/u.test(w));
}

/** "negara-negara" → "negara", "prinsip-prinsip" → "prinsip"; other words unchanged. */
export function foldReduplication(word: string): string {
  const m = /^(\p{L}+)-\1$/u.exec(word);
  return m ? m[1]! : word;
}

/** A number the audience should see: a percentage, an amount, a count or a year. */
export function hasNumber(text: string): boolean {
  return /\d/u.test(text);
}

// Indonesian verbs are mostly affixed (me-, ber-, di-, ter-, memper-); these words share those
// beginnings but are not verbs, or are prepositions that head a phrase rather than a clause.
const ID_NOT_VERBS = new Set([
  'di', 'dia', 'diri', 'dirinya', 'dinamika', 'diplomasi', 'dimana', 'dinas', 'direktur', 'diskusi', 'digital', 'digitalisasi',
  'terhadap', 'tersebut', 'terutama', 'terkait', 'termasuk', 'terakhir', 'tertentu', 'terbesar', 'terbaik', 'terlalu', 'ternyata', 'tertinggi',
  'berbagai', 'beragam', 'beberapa', 'berdasarkan', 'bersama', 'berupa', 'berikut', 'berikutnya', 'berarti', 'bertahun-tahun', 'berkelanjutan',
  'melalui', 'menurut', 'mengenai', 'meskipun', 'meski', 'mereka', 'media', 'menteri', 'menengah', 'metode', 'memang', 'mendatang', 'merah',
  'perempuan', 'pertama', 'pertumbuhan', 'perekonomian', 'peran', 'perubahan', 'persen', 'perusahaan', 'pergi', 'permintaan',
]);
// Words that make a clause without an affix: copulas, modals and aspect markers, common base verbs.
const ID_BASE_VERBS = new Set([
  'adalah', 'ialah', 'merupakan', 'menjadi', 'ada', 'punya', 'bisa', 'dapat', 'akan', 'telah', 'sudah', 'sedang', 'masih', 'mampu',
  'harus', 'perlu', 'ingin', 'mau', 'tumbuh', 'naik', 'turun', 'lahir', 'masuk', 'keluar', 'tiba', 'datang', 'pergi', 'tetap', 'mulai',
  'mencapai', 'hidup', 'tinggal', 'lepas', 'jatuh', 'kembali', 'hilang', 'muncul', 'terjadi', 'bermula',
]);

const EN_VERBS = new Set(
  (
    'is are was were be been being has have had do does did can could will would shall should may might must ' +
    'become becomes became make makes made show shows showed shown remain remains grow grows grew grown need needs lead leads led ' +
    'help helps give gives gave given take takes took taken provide provides include includes allow allows require requires ' +
    'reduce reduces increase increases depend depends face faces use uses offer offers rise rises rose fall falls fell cut cuts ' +
    'keep keeps kept cause causes mean means get gets got see sees saw seen find finds found know knows knew known ' +
    'say says said think thinks argue argues argued suggest suggests hold holds held stand stands stood run runs ran ' +
    'cost costs pay pays paid build builds built bring brings brought begin begins began begun absorb absorbs store stores ' +
    'trap traps release releases drive drives drove kill kills save saves protect protects lower lowers raise raises ' +
    'replace replaces turn turns change changes work works matter matters fail fails lack lacks affect affects create creates ' +
    'spend spends spent lose loses lost win wins won meet meets met set sets put puts let lets seem seems appear appears ' +
    'warm warms cool cools heat heats plant plants shade shades reflect reflects emit emits ' +
    'send sends sent feel feels felt live lives lived die dies died flow flows move moves moved spread spreads ' +
    'suffer suffers rely relies relied improve improves reach reaches contain contains produce produces vary varies ' +
    'differ differs exceed exceeds threaten threatens struggle struggles lie lies lay serve serves served ' +
    'introduce introduces published publish publishes explain explains described describe describes ' +
    'supply supplies supplied generate generates cover covers covered account accounts'
  ).split(' '),
);

/** Whether a token is (probably) a verb: enough for "does this clause still say something". */
export function isVerb(token: string, lang: Lang): boolean {
  const word = bare(token);
  if (word.length < 2) return false;
  if (lang === 'en') return EN_VERBS.has(word) || /^[a-z]{3,}(?:ed|ised|ized|ises|izes)$/u.test(word);
  if (ID_NOT_VERBS.has(word)) return false;
  if (ID_BASE_VERBS.has(word)) return true;
  return /^(?:me[mnlrwy]|ber|bel|di|ter)\p{L}{3,}$/u.test(word);
}

/** Whether a text has a verb, so it can stand as a statement. */
export function hasVerb(text: string, lang: Lang): boolean {
  return tokens(text).some((t) => isVerb(t, lang));
}

/** Words of a text, as counted on a slide. */
export function wordCount(text: string): number {
  return tokens(text.replace(/\*\*/gu, '')).length;
}
