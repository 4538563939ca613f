/**
 * The language of an essay, and the few words paparan itself puts on slides
 * (outline, references, page numbers) in that language.
 */

export type Labels = {
  outline: string;
  references: string;
  thanks: string;
  questions: string;
  introduction: string;
  continued: string;
  source: string;
  sources: string;
  page: string;
  of: string;
  notes: string;
  slide: string;
  /** Title slide labels: the course, the lecturer(s), a student's number. */
  course: string;
  lecturer: string;
  lecturers: string;
  studentId: string;
  pageOf: (page: string, total: string) => string;
  /** The caption of a chart's table on the handout. */
  chartData: (slide: string) => string;
};

const ENGLISH: Labels = Object.freeze({
  outline: 'Outline',
  references: 'References',
  thanks: 'Thank you',
  questions: 'Questions?',
  introduction: 'Introduction',
  continued: 'continued',
  source: 'Source',
  sources: 'Sources',
  page: 'Page',
  of: 'of',
  notes: 'Notes',
  slide: 'Slide',
  course: 'Course',
  lecturer: 'Lecturer',
  lecturers: 'Lecturers',
  studentId: 'Student ID',
  pageOf: (page: string, total: string) => `Page ${page} of ${total}`,
  chartData: (slide: string) => `The numbers of slide ${slide}`,
});

const INDONESIAN: Labels = Object.freeze({
  outline: 'Daftar Isi',
  references: 'Referensi',
  thanks: 'Terima kasih',
  questions: 'Pertanyaan?',
  introduction: 'Pendahuluan',
  continued: 'lanjutan',
  source: 'Sumber',
  sources: 'Sumber',
  page: 'Halaman',
  of: 'dari',
  notes: 'Catatan',
  slide: 'Slide',
  course: 'Mata Kuliah',
  lecturer: 'Dosen Pengampu',
  lecturers: 'Dosen Pengampu',
  studentId: 'NIM',
  pageOf: (page: string, total: string) => `Halaman ${page} dari ${total}`,
  chartData: (slide: string) => `Angka pada slide ${slide}`,
});

/** Function words that are frequent in one language and (almost) absent from the other. */
const INDONESIAN_WORDS = new Set([
  'yang', 'dan', 'di', 'ke', 'dari', 'ini', 'itu', 'dengan', 'untuk', 'pada', 'adalah', 'dalam',
  'tidak', 'akan', 'juga', 'sebagai', 'oleh', 'atau', 'karena', 'serta', 'bahwa', 'dapat', 'telah',
  'sudah', 'lebih', 'kami', 'kita', 'mereka', 'tersebut', 'ada', 'bagi', 'antara', 'namun',
  'yakni', 'ialah', 'merupakan', 'secara', 'saat', 'hanya', 'sangat', 'masih', 'seperti', 'jika',
]);

const ENGLISH_WORDS = new Set([
  'the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'as', 'was', 'on', 'are',
  'by', 'this', 'be', 'from', 'at', 'or', 'an', 'which', 'have', 'has', 'not', 'but', 'were',
  'their', 'they', 'its', 'been', 'will', 'would', 'can', 'these', 'also', 'than', 'there',
]);

/** Fewer stop words than this is too little evidence to leave the English default. */
const MIN_EVIDENCE = 2;

/** Guesses whether a text is Indonesian ('id') or English ('en'); 'en' when unsure. */
export function guessLanguage(text: string): 'id' | 'en' {
  let indonesian = 0;
  let english = 0;
  for (const match of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const word = match[0];
    if (INDONESIAN_WORDS.has(word)) indonesian++;
    if (ENGLISH_WORDS.has(word)) english++;
  }
  // Indonesian essays quote English terms often, so Indonesian must clearly lead, not just win.
  return indonesian >= MIN_EVIDENCE && indonesian > english * 1.5 ? 'id' : 'en';
}

/** The fixed labels of a deck in a language (BCP 47 tag such as 'id', 'en', 'en-GB', 'id-ID'); other languages fall back to English. */
export function labelsFor(lang: string): Labels {
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  // `in` is the withdrawn ISO 639 code for Indonesian that old Java and Android locales still emit.
  return primary === 'id' || primary === 'in' ? INDONESIAN : ENGLISH;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A `YYYY-MM-DD` date in the deck's language ("12 Mei 2026", "12 May 2026"); other text, or an impossible date, as written. */
export function displayDate(text: string, lang: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return text;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 2026-02-30 over to March: a date that does not come back unchanged does not exist.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return text;
  const months = labelsFor(lang) === INDONESIAN ? MONTHS_ID : MONTHS_EN;
  return `${day} ${months[month - 1]} ${year}`;
}
