import { describe, expect, it } from 'vitest';
import { countWords, splitClauses, splitEnumeration, splitSentences } from '../src/sentences.js';

/** The shared essay "Kerja Sama Selatan-Selatan", line by line, verbatim (its two no-break spaces included). */
const ESSAY = [
  'Di tengah dinamika global yang terus berubah, Indonesia semakin mengarah pada kerja sama politik luar negerinya sebagai salah satu strategi utama dalam meningkatkan diplomasi ekonomi. Upaya yang dilakukan Indonesia untuk memperluas jangkauan dan memperkuat posisi sektor ekonomi terutama di kancah internasional menjadikannya semakin memperhatikan potensi dari kerja sama dengan negara-negara lain, salah satu kerja sama yang terjalin ialah Kerja Sama Selatan-Selatan (South-South Cooperation). Menurut Andirini Pujayanti (2015), Kerja sama Selatan-Selatan ini ialah suatu kerja sama yang dilakukan oleh sejumlah negara-negara berkembang di belahan bumi selatan dan memiliki keinginan yang sama untuk mendirikan kemandirian kolektif guna memperkuat posisi negara-negara berkembang ini dalam forum internasional (Pujayanti, 2015).',
  'Adanya KSS ini merupakan suatu kerja sama yang dilakukan Indonesia bersama negara berkembang lainnya dimana mereka memiliki tujuan untuk saling membantu, baik itu dalam hal bantuan hibah, sumber daya melalui bantuan tunai maupun non tunai lainnya, seperti saling berbagi melalui beragam pelatihan, peningkatan pengetahuan, peningkatan keterampilan, teknologi, dan pemberdayaan perempuan. Selain itu diharapkan dapat menjadi penghubung anara \u00a0negara-negara berkembang dengan negara maju, dan melalui Kerja Sama Selatan-Selatan ini diharapkan pula negara-negara berkembang ini bisa saling membantu dan melepaskan ketergantungan mereka terhadap bantuan negara-negara maju agar bisa mengejar ketertinggalannya dan sedikit demi sedikit melepaskan diri agar bisa menjadi negara yang lebih mandiri.',
  'Terbentuknya Kerja Sama Selatan-Selatan Indonesia',
  'Kerja Sama Selatan-Selatan ini bermula sejak diadakannya Konferensi Asia Afrika (KAA) yang diselenggarakan di Bandung pada 1955 lalu. Dimana kerja sama ini memiliki prinsip yakni solidaritas, adanya kesetaraan, benefit yang saling mengutungkan satu sama lain, dan prinsip-prinsip lainnya ini berkembang dari setidaknya 10 kesepakatan yang ada pada Konferensi Asia Afrika (KAA) dan telah tertuang dalam Dasasila Bandung ketika itu (Pusat Pengkajian dan Pengembangan Kebijakan pada Organisasi Internasional (2016). Lahirnya KSS ini pun dilatarbelakangi oleh kesamaan keinginan dari beberapa negara berkembang yang kala itu masih fresh atau baru saja lepas dari masa kolonialisme dan menginginkan memiliki peranan yang sentral dalam dunia internasional. KSS ini juga awalnya hanya berfokus pada cakupan politik saja, namun akhirnya meluas ke ranah kerja sama ekonomi serta pembangunan. Pasca kemerdekaan, Indonesia sendiri telah memiliki hubungan yang baik dengan beberapa negara di belahan bumi selatan, salah satunya Mesir yang menjadi negara pertama yang mengakui kedaulatan Indonesia dan mengakui kemerdekaan pada 1945. Pata tahun 1951, Indonesia juga melakukan penandatanganan untuk kerja sama persahabatan yang dilakukannya dengan India. Masih banyak lagi diplomasi luar negeri khususnya dengan negara-negara selatan yang telah dilakukan oleh Indonesia. Seiring perkembangannya, terjadi perubahan dalam Kerja Sama Selatan-Selatan Indonesia, diantaranya peralihan dari Orde Lama ke Orde Baru. Dimana pada masa Orde Baru, KSS ini dimanfaatkan sekali oleh Indonesia untuk mendapatkan manfaat dari negara lain. Hal ini terjadi karena peran Indonesia dalam KSS pada masa itu hanyalah sebagai penerima manfaat atau bantuan dari neegara-negara selatan lainnya yang perekonomiannya lebih baik dari Indonesia. Ini karena inflasi yang terjadi pada masa itu mencapai hingga 500% sehingga Indonesia sangat kalut dalam hal perekonomian pada masa itu. Di era reformasi, Kerja Sama Selatan-Selatan ini kemudian masuk kedalam RPJMN tahunn 2010, yang didalamnya kemudian dibentuk Tim Koordinasi Nasional KSS yang kemudian pada 2017 dilakukan oleh Kementerian Luar Negeri. Dengan seiring berkembangnya perekonomian Indonesia, saat ini Indonesia bukan hanya sebagai negara penerima manfaat internasional (recipient country) namun juga menjadi negara yang menyalurkan bantuan atau negara donor (new emerging donor) untuk negara-negara berkembang lainnya di belahan bumi selatan (Helmys & Irawan, 2023).',
  'Keterkaitan Kerja Sama Selatan-Selatan dan Diplomasi Ekonomi Indonesia',
  'Keterlibatan Indonesia dalam Kerja Sama Selatan-Selatan ini menjadi salah satu upaya yang dilakukan guna mensukseskan kepentingan politik dan ekonomi melalui kebijakan luar negeri. Upaya diplomasi ekonomi yang dilakukan melalui kerja sama ini pun dilakukan guna menumbuhkan citra positif Indonesia dalam upaya mewujudkan kontribusi negara dalam ranah global dan menjadikan Indonesia dapat mencapai sasaran pembangunan yang berkelanjutan (sustainable development goals) pada tahun 2030 mendatang.',
  'Diplomasi yang dilakukan oleh Indonesia sendiri dilakukan melalui beragam kebijakan luar negeri, terdapat beberapa prinsip dasar terkait diplomasi dan politik luar negeri Indonesia, diantaranya ialah: 1) penegakan demokrasi dan Hak Asasi Manusia (HAM); 2) peningkatan inklusi serta pembangunan berkelanjutan; dan 3) peningkatan penelitian dan pengembangan (Indrawan et al., 2023). Kerja sama Selatan-Selatan ini pun terus mengalami perkembangan terutama dalam aspek ekonomi serta pembangunan yang dilakukan guna meningkatkan pembangunan nasional dan menumbuhkan daya saing antar negara-negara berkembang di wilayah selatan. Diplomasi ekonomi yang dilakukan Indonesia dalam Kerja Sama Selatan-Selatan ini dilakukan guna memperkuat dan menstabilkan kepentingan politik serta ekonomi melalui beragam bantuan yang di donorkan oleh Indonesia ke negara berkembang lainnya baik itu bantuan materi seperti tunai ataupun non tunai hingga bantuan melalui berbagai program yang dibutuhkan oleh negara berkembang lainnya, seperti pelatihan ketenagakerjaan, pelatihan ahli UMKM, pelatihan good governance pelatihan bagi perempuan, hingga program di bidang perikanan dan pertanian. Hal tersebut telah menjadi upaya diplomasi Indonesia dalam bidang ekonomi dan politik melalui bantuan pembangunan yang dilakukan Indonesia dalam Kerjasama Selatan-Selatan guna merealisasikan tujuan pembangunan berkelanjutan atau sustainable development goals yang ingin di capai pada 2030 mendatang (Hutabarat & Damayanti, 2023).',
  'Â',
  'Potensi dan Tantangan dalam Membangun Kerja Sama Selatan-Selatan yang Efektif bagi Indonesia',
  'Beragam dampak yang dirasakan oleh negara penerima manfaat maupun pemberi manfaat, menjadikan kerja sama Selatan-Selatan ini dirasa cocok serta memberikan banyak dampak positif serta manfaat untuk pembangunan negara baik dilihat dari segi ekonoomi, budaya, hingga politik. Dengan adanya kerjasama Selatan-Selatan ini, diplomasi ekonomi yang dilakukan oleh Indonesia juga mengalami kontribusi yang cukup meningkat, diantaranya perluasan investasi, meningkatnya akses pasar, serta meningkatnya perdagangan antar negara-negara selatan. Melalui diplomasi ekonomi \u00a0ini, beberapa pakar ahli merasa jika Kerjasama Selatan-Selatan ini akan memberikan sumbangan yang cukup besar terhadap pertumbuhan ekonomi di Indonesia yakni sebesar 57% dari total GDP seluruh dunia pada tahun 2030 mendatang (Pujayanti, 2015).',
];

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();
const firstWords = (sentences: string[], n = 2): string[] => sentences.map((s) => s.split(' ').slice(0, n).join(' '));

/** Deterministic pseudo-random numbers (mulberry32), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Tokens chosen to hit every rule: abbreviations, initials, numbers, brackets (closed and not),
// quotes, Markdown, list markers, enumeration separators and odd whitespace.
const TOKENS = [
  'kerja', 'sama', 'Indonesia', 'negara', 'the', 'essay', 'Lalu', 'Then', 'dan', 'and', 'yang', 'which',
  'dll.', 'etc.', 'et', 'al.,', 'Prof.', 'Dr.', 'No.', 'hlm.', 'e.g.', 'U.S.', 'A.', 'J.', 'S.H.,',
  '3,5', '1.500', '61,07%', 'Rp', '2.5.1', '17.08.1945', '(2016).', '(Pujayanti,', '2015).', '(KAA)',
  '(lihat', '5.', 'Bab', '2)', '1)', '(1)', 'a)', '"Go."', '“Stop.', 'Now.”', '[link.', 'Text](http://x.id/a.b)',
  '`code.', 'Here`', '*Go.*', '_kata._', 'itu.', 'end?', 'yes!', 'wait…', 'so...', 'ialah:', 'HAM);', 'serta',
  'berkelanjutan;', 'x,', 'y;', '(', ')', '.', ',', ';', ':', 'Â',
];
const SPACES = [' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', ' \n '];

function generateText(next: () => number): string {
  const length = 1 + Math.floor(next() * 60);
  let text = next() < 0.2 ? ' ' : '';
  for (let i = 0; i < length; i++) {
    text += TOKENS[Math.floor(next() * TOKENS.length)]!;
    text += SPACES[Math.floor(next() * SPACES.length)]!;
  }
  return text;
}

const GENERATED = Array.from({ length: 400 }, (_, seed) => generateText(random(seed + 1)));
const MARKER = /^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]$/;
const CONJUNCTIONS = new Set(['dan', 'serta', 'atau', 'and', 'or']);

/**
 * Words that must survive an enumeration split: everything but item markers, with trailing ";"/","
 * dropped and sentence punctuation as its own token (the tail may take the final ".").
 */
function significantWords(text: string): string[] {
  return normalize(text)
    .split(' ')
    .filter((word) => word !== '' && !MARKER.test(word))
    .map((word) => word.replace(/[;,]+$/, ''))
    .flatMap((word) => word.split(/(?=[.?!…])|(?<=[.?!…])/))
    .filter((word) => word !== '');
}

/** Asserts [lead, ...items, tail] is the sentence minus markers, separators and joining conjunctions. */
function expectWordsSurvive(sentence: string, parts: { lead: string; items: string[]; tail: string }): void {
  const kept = significantWords([parts.lead, ...parts.items, parts.tail].join(' '));
  let j = 0;
  for (const word of significantWords(sentence)) {
    if (word === kept[j]) j++;
    else expect(CONJUNCTIONS.has(word), `"${word}" was dropped from: ${sentence}`).toBe(true);
  }
  expect(j, `words invented or reordered in: ${sentence}`).toBe(kept.length);
}

describe('splitSentences', () => {
  it('splits every paragraph of the shared essay at its real sentence ends', () => {
    const starts = ESSAY.map((paragraph) => firstWords(splitSentences(paragraph, 'id')));
    expect(starts).toEqual([
      ['Di tengah', 'Upaya yang', 'Menurut Andirini'],
      ['Adanya KSS', 'Selain itu'],
      ['Terbentuknya Kerja'],
      [
        'Kerja Sama', 'Dimana kerja', 'Lahirnya KSS', 'KSS ini', 'Pasca kemerdekaan,', 'Pata tahun',
        'Masih banyak', 'Seiring perkembangannya,', 'Dimana pada', 'Hal ini', 'Ini karena', 'Di era',
        'Dengan seiring',
      ],
      ['Keterkaitan Kerja'],
      ['Keterlibatan Indonesia', 'Upaya diplomasi'],
      ['Diplomasi yang', 'Kerja sama', 'Diplomasi ekonomi', 'Hal tersebut'],
      ['Â'],
      ['Potensi dan'],
      ['Beragam dampak', 'Dengan adanya', 'Melalui diplomasi'],
    ]);
  });

  it('ends a sentence after "(2016)." even though the essay never closes the "(" before it', () => {
    const text =
      'Dimana kerja sama ini memiliki prinsip yakni solidaritas, adanya kesetaraan, benefit yang saling mengutungkan satu sama lain, dan prinsip-prinsip lainnya ini berkembang dari setidaknya 10 kesepakatan yang ada pada Konferensi Asia Afrika (KAA) dan telah tertuang dalam Dasasila Bandung ketika itu (Pusat Pengkajian dan Pengembangan Kebijakan pada Organisasi Internasional (2016). Lahirnya KSS ini pun dilatarbelakangi oleh kesamaan keinginan dari beberapa negara berkembang yang kala itu masih fresh atau baru saja lepas dari masa kolonialisme dan menginginkan memiliki peranan yang sentral dalam dunia internasional. KSS ini juga awalnya hanya berfokus pada cakupan politik saja, namun akhirnya meluas ke ranah kerja sama ekonomi serta pembangunan.';
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(3);
    expect(sentences[0]).toMatch(/ketika itu \(Pusat Pengkajian .* Internasional \(2016\)\.$/);
    expect(sentences[1]).toMatch(/^Lahirnya KSS ini pun/);
    expect(sentences[2]).toMatch(/^KSS ini juga/);
  });

  it('does not let an unclosed "(" pair up with a later list marker "2)"', () => {
    const text = 'Ketika itu (Pusat Kajian (2016). Lahirnya KSS pada 1) tahun itu; 2) tahun ini. Selesai.';
    expect(splitSentences(text)).toEqual([
      'Ketika itu (Pusat Kajian (2016).',
      'Lahirnya KSS pada 1) tahun itu; 2) tahun ini.',
      'Selesai.',
    ]);
  });

  it('does not let an unclosed "(" swallow the paragraph up to a stray ")" far away', () => {
    const long =
      'Lahirnya KSS ini pun dilatarbelakangi oleh kesamaan keinginan dari beberapa negara berkembang yang kala itu masih fresh atau baru saja lepas dari masa kolonialisme dan menginginkan memiliki peranan yang sentral dalam dunia internasional.';
    const text = `Ketika itu (Pusat Kajian (2016). ${long} Kalimat ketiga ini salah ketik).`;
    expect(splitSentences(text)).toEqual(['Ketika itu (Pusat Kajian (2016).', long, 'Kalimat ketiga ini salah ketik).']);
  });

  it('ends sentences after a closing citation, not at "et al."', () => {
    expect(firstWords(splitSentences('dalam forum internasional (Pujayanti, 2015). Adanya KSS ini penting.'), 1)).toEqual([
      'dalam',
      'Adanya',
    ]);
    const enumeration = ESSAY[6]!;
    const sentences = splitSentences(enumeration);
    expect(sentences[0]).toMatch(/\(Indrawan et al\., 2023\)\.$/);
    expect(sentences[1]).toMatch(/^Kerja sama Selatan-Selatan ini pun/);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(splitSentences('He said "Go." Then he left.')).toEqual(['He said "Go."', 'Then he left.']);
    expect(splitSentences('Ia berkata, “Pergi!” Lalu diam.')).toEqual(['Ia berkata, “Pergi!”', 'Lalu diam.']);
    expect(splitSentences('It was fine (mostly.) Then it broke.')).toEqual(['It was fine (mostly.)', 'Then it broke.']);
    expect(splitSentences('Selesai.[^1] Berikutnya.')).toEqual(['Selesai.[^1]', 'Berikutnya.']);
  });

  it('splits at "?", "!", "…" and "..." before a capital, digit, quote or bracket', () => {
    expect(splitSentences('Apa itu KSS? Kerja sama! Tunggu… Lalu... Oke.')).toEqual([
      'Apa itu KSS?', 'Kerja sama!', 'Tunggu…', 'Lalu...', 'Oke.',
    ]);
    expect(splitSentences('Merdeka pada 1945. 17 negara hadir.')).toHaveLength(2);
    expect(splitSentences('Selesai. "Kutipan" ini penting.')).toHaveLength(2);
    expect(splitSentences('Selesai. (Catatan: penting.) Lanjut.')).toHaveLength(3);
    expect(splitSentences('Done. [Link](http://x.id) next.')).toHaveLength(2);
  });

  it('keeps "dll." and other periods followed by a lowercase word inside the sentence', () => {
    expect(splitSentences('Pelatihan, teknologi, dll. dan pemberdayaan perempuan. Selesai.')).toEqual([
      'Pelatihan, teknologi, dll. dan pemberdayaan perempuan.',
      'Selesai.',
    ]);
    expect(splitSentences('Versi lama. versi baru tetap satu kalimat.')).toHaveLength(1);
  });

  it.each([
    'dll.', 'dsb.', 'dst.', 'dkk.', 'hlm.', 'tsb.', 'yth.', 'No.', 'Prof.', 'Dr.', 'Drs.', 'Ir.', 'H.', 'Hj.', 'St.',
    'Jl.', 'Bpk.', 'Sdr.', 'a.n.', 'u.p.', 'S.H.', 'M.Si.', 'M.A.', 'Ph.D.', 'S.E.', 'S.Pd.', 'Tbk.', 'ca.', 'Kab.',
    'Kec.', 'Prov.', 'Rp.',
  ])('does not split after the Indonesian abbreviation "%s"', (abbreviation) => {
    expect(splitSentences(`Surat untuk ${abbreviation} Budi Santoso sudah dikirim. Lalu selesai.`)).toEqual([
      `Surat untuk ${abbreviation} Budi Santoso sudah dikirim.`,
      'Lalu selesai.',
    ]);
  });

  it.each([
    'et al.', 'e.g.', 'i.e.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'No.', 'vs.', 'etc.', 'Fig.', 'p.', 'pp.', 'Vol.',
    'Inc.', 'Ltd.', 'Jr.', 'Sr.', 'St.', 'U.S.', 'U.K.', 'a.m.', 'p.m.',
  ])('does not split after the English abbreviation "%s"', (abbreviation) => {
    expect(splitSentences(`The note from ${abbreviation} Smith arrived at 9. Then we left.`)).toEqual([
      `The note from ${abbreviation} Smith arrived at 9.`,
      'Then we left.',
    ]);
  });

  it('never splits after "etc." mid-paragraph, but "etc." at the very end still ends the sentence', () => {
    expect(splitSentences('We bought apples, pears, etc. Then we went home.')).toHaveLength(1);
    expect(splitSentences('We bought apples, pears, etc.')).toEqual(['We bought apples, pears, etc.']);
  });

  it('does not split after initials', () => {
    expect(splitSentences('Menurut A. Pujayanti kerja sama ini penting. J. R. R. Tolkien setuju.')).toEqual([
      'Menurut A. Pujayanti kerja sama ini penting.',
      'J. R. R. Tolkien setuju.',
    ]);
  });

  it('does not split inside numbers, amounts, versions and dates', () => {
    const text =
      'Inflasi mencapai 3,5 kali dan 61,07% dari Rp 1.500.000 pada versi 2.5 atau 2.5.1, tanggal 17.08.1945. Lalu turun.';
    expect(splitSentences(text)).toEqual([
      'Inflasi mencapai 3,5 kali dan 61,07% dari Rp 1.500.000 pada versi 2.5 atau 2.5.1, tanggal 17.08.1945.',
      'Lalu turun.',
    ]);
  });

  it('does not split at a period inside a closed parenthesis or bracket group', () => {
    expect(splitSentences('Rinciannya ada di bab lain (lihat hlm. 5. Bab 2) dan lampiran. Selesai.')).toEqual([
      'Rinciannya ada di bab lain (lihat hlm. 5. Bab 2) dan lampiran.',
      'Selesai.',
    ]);
    expect(splitSentences('(See the appendix. It lists all data.) Next one.')).toEqual([
      '(See the appendix. It lists all data.)',
      'Next one.',
    ]);
  });

  it('does not split inside a Markdown link or inline code; emphasis markers are plain text', () => {
    expect(splitSentences('Baca [laporan ini. Bab Dua](https://x.id/a.b) dulu. Lalu diskusi.')).toEqual([
      'Baca [laporan ini. Bab Dua](https://x.id/a.b) dulu.',
      'Lalu diskusi.',
    ]);
    expect(splitSentences('Run `npm test. Then build` now. Done.')).toEqual(['Run `npm test. Then build` now.', 'Done.']);
    expect(splitSentences('This is *Go.* Then _stop._ **Fin.**')).toEqual(['This is *Go.*', 'Then _stop._', '**Fin.**']);
  });

  it('keeps an inline numbered list "1. Foo; 2. Bar" in one sentence', () => {
    expect(splitSentences('Prinsipnya ialah: 1. Penegakan hukum; 2. Pembangunan. Selesai.')).toEqual([
      'Prinsipnya ialah: 1. Penegakan hukum; 2. Pembangunan.',
      'Selesai.',
    ]);
  });

  it('returns no sentences for blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t ')).toEqual([]);
  });

  it('is lossless on every line of the essay: the sentences join back to the text', () => {
    for (const paragraph of ESSAY) {
      const sentences = splitSentences(paragraph);
      expect(sentences.join(' ')).toBe(normalize(paragraph));
      for (const sentence of sentences) expect(sentence).toBe(sentence.trim());
      for (const sentence of sentences) expect(sentence).not.toBe('');
    }
    expect(splitSentences(ESSAY.join('\n')).join(' ')).toBe(normalize(ESSAY.join('\n')));
  });

  it('is lossless on generated text full of edge cases', () => {
    for (const text of GENERATED) {
      const sentences = splitSentences(text);
      expect(sentences.join(' ')).toBe(normalize(text));
      for (const sentence of sentences) expect(sentence !== '' && sentence === sentence.trim()).toBe(true);
    }
  });
});

describe('splitEnumeration', () => {
  const essaySentence =
    'Diplomasi yang dilakukan oleh Indonesia sendiri dilakukan melalui beragam kebijakan luar negeri, terdapat beberapa prinsip dasar terkait diplomasi dan politik luar negeri Indonesia, diantaranya ialah: 1) penegakan demokrasi dan Hak Asasi Manusia (HAM); 2) peningkatan inklusi serta pembangunan berkelanjutan; dan 3) peningkatan penelitian dan pengembangan (Indrawan et al., 2023).';

  it("turns the essay's inline list into a lead, three items and the citation", () => {
    expect(splitEnumeration(essaySentence)).toEqual({
      lead: 'Diplomasi yang dilakukan oleh Indonesia sendiri dilakukan melalui beragam kebijakan luar negeri, terdapat beberapa prinsip dasar terkait diplomasi dan politik luar negeri Indonesia, diantaranya ialah:',
      items: [
        'penegakan demokrasi dan Hak Asasi Manusia (HAM)',
        'peningkatan inklusi serta pembangunan berkelanjutan',
        'peningkatan penelitian dan pengembangan',
      ],
      tail: '(Indrawan et al., 2023).',
    });
  });

  it('finds the same list in the essay paragraph once it is split into sentences', () => {
    const found = splitSentences(ESSAY[6]!).map(splitEnumeration);
    expect(found.map((e) => e?.items.length ?? 0)).toEqual([3, 0, 0, 0]);
  });

  it.each([
    ['Ada tiga: (a) satu, (b) dua, dan (c) tiga.', 'Ada tiga:', ['satu', 'dua', 'tiga'], '.'],
    ['Ada: i) satu; ii) dua; iii) tiga.', 'Ada:', ['satu', 'dua', 'tiga'], '.'],
    ['Langkahnya: a) siapkan data, b) olah data atau c) tulis laporan.', 'Langkahnya:', ['siapkan data', 'olah data', 'tulis laporan'], '.'],
    ['We need: 1. speed, 2. safety, and 3. cost (Smith, 2019).', 'We need:', ['speed', 'safety', 'cost'], '(Smith, 2019).'],
    ['Goals are (1) growth and (2) equity', 'Goals are', ['growth', 'equity'], ''],
  ])('recognises the markers in "%s"', (sentence, lead, items, tail) => {
    expect(splitEnumeration(sentence)).toEqual({ lead, items, tail });
  });

  it.each([
    'Konferensi Asia Afrika diselenggarakan di Bandung pada 1955 lalu.',
    'Langkah 1) saja yang penting di sini.',
    'Pasal 5 ayat (1) dan (2) berlaku bagi semua.',
    'Inflasi 1) naik 3) turun.',
    'Bab 1) membahas sejarah 2) membahas ekonomi.',
  ])('returns null when there is no enumeration: "%s"', (sentence) => {
    expect(splitEnumeration(sentence)).toBeNull();
  });

  it('recovers generated enumerations exactly, whatever the marker style and separators', () => {
    const inner = ['demokrasi', 'dan', 'Hak', '(HAM)', '3,5', 'dll.', 'e.g.', 'growth', 'serta', 'Rp', '1.500'];
    const plain = ['pembangunan', 'inklusi', 'equity', 'pasar', 'riset', 'trade'];
    const styles = [(n: number) => `${n})`, (n: number) => `(${n})`, (n: number) => `${n}.`, (n: number) => `${'abcdef'[n - 1]})`];
    const separators = ['; ', ', ', '; dan ', ', serta ', ', and ', ' atau ', ', or '];
    const tails = ['.', '(Indrawan et al., 2023).', '(Budi, 2020, hlm. 4).', ''];
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const pick = <T,>(list: T[]): T => list[Math.floor(next() * list.length)]!;
      const items = Array.from({ length: 2 + Math.floor(next() * 4) }, () => {
        const words = Array.from({ length: Math.floor(next() * 4) }, () => pick(inner));
        return [...words, pick(plain)].join(' ');
      });
      const marker = pick(styles);
      const lead = `Prinsip dasarnya ${pick(['ialah:', 'are:', 'mencakup'])}`;
      const body = items.map((item, i) => `${marker(i + 1)} ${item}${i < items.length - 1 ? pick(separators) : ''}`).join('').replace(/ +/g, ' ');
      const tail = pick(tails);
      const sentence = `${lead} ${body}${tail.startsWith('(') ? ' ' : ''}${tail}`;
      expect(splitEnumeration(sentence), sentence).toEqual({ lead, items, tail });
    }
  });

  it('keeps every word that is not a marker or separator, in order', () => {
    const sentences = [
      essaySentence,
      'Ada tiga: (a) satu, (b) dua, dan (c) tiga.',
      'Prinsipnya: 1) tegas; 2) adil, serta 3) terbuka (Budi dkk., 2020, hlm. 4).',
      ...GENERATED.flatMap((text) => splitSentences(text)),
    ];
    let checked = 0;
    for (const sentence of sentences) {
      const parts = splitEnumeration(sentence);
      if (!parts) continue;
      checked++;
      expect(parts.items.length).toBeGreaterThanOrEqual(2);
      for (const item of parts.items) expect(item).not.toBe('');
      expectWordsSurvive(sentence, parts);
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});

describe('splitClauses', () => {
  it('leaves a sentence that already fits as it is', () => {
    expect(splitClauses('Kerja sama ini penting  bagi Indonesia.', 10)).toEqual(['Kerja sama ini penting bagi Indonesia.']);
  });

  it('prefers ";" over ","', () => {
    const sentence =
      'We measured the river at dawn, and the readings were low; the team then moved north, where the water ran faster.';
    expect(splitClauses(sentence, 12)).toEqual([
      'We measured the river at dawn, and the readings were low;',
      'the team then moved north, where the water ran faster.',
    ]);
  });

  it('prefers ":" over ","', () => {
    const sentence = 'Indonesia, India, dan Mesir punya satu tujuan bersama: kemandirian, kesetaraan, dan solidaritas antarbangsa.';
    expect(splitClauses(sentence, 10)).toEqual([
      'Indonesia, India, dan Mesir punya satu tujuan bersama:',
      'kemandirian, kesetaraan, dan solidaritas antarbangsa.',
    ]);
  });

  it('prefers a comma before a conjunction over a plain comma', () => {
    const sentence = 'The committee met on Monday, reviewed the budget in detail, and approved the plan for next year.';
    expect(splitClauses(sentence, 10)).toEqual([
      'The committee met on Monday, reviewed the budget in detail,',
      'and approved the plan for next year.',
    ]);
    const indonesian =
      'KSS ini juga awalnya hanya berfokus pada cakupan politik saja, namun akhirnya meluas ke ranah kerja sama ekonomi serta pembangunan.';
    expect(splitClauses(indonesian, 12)).toEqual([
      'KSS ini juga awalnya hanya berfokus pada cakupan politik saja,',
      'namun akhirnya meluas ke ranah kerja sama ekonomi serta pembangunan.',
    ]);
  });

  it('prefers a comma before a conjunction even when a plain comma is nearer the middle', () => {
    const sentence =
      'Pada masa Orde Baru yang panjang itu, Indonesia lebih banyak menerima bantuan, sedangkan kini Indonesia sendiri menjadi donor.';
    expect(splitClauses(sentence, 12)).toEqual([
      'Pada masa Orde Baru yang panjang itu, Indonesia lebih banyak menerima bantuan,',
      'sedangkan kini Indonesia sendiri menjadi donor.',
    ]);
  });

  it('cuts the comma nearest the middle when all boundaries rank the same', () => {
    const sentence = 'satu dua tiga empat, lima enam tujuh delapan, sembilan sepuluh sebelas dua belas, tiga belas empat belas lima belas.';
    expect(splitClauses(sentence, 12)).toEqual([
      'satu dua tiga empat, lima enam tujuh delapan,',
      'sembilan sepuluh sebelas dua belas, tiga belas empat belas lima belas.',
    ]);
  });

  it('keeps cutting until every piece fits', () => {
    const pieces = splitClauses(ESSAY[6]!.split('. ')[0]! + '.', 15);
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    for (const piece of pieces) expect(countWords(piece)).toBeLessThanOrEqual(15);
  });

  it('never cuts inside parentheses or a Markdown link', () => {
    const inParens =
      'Hasil survei (dilakukan di Jakarta, Bandung, dan Surabaya pada tahun 2023) menunjukkan kenaikan besar bagi semua responden.';
    expect(splitClauses(inParens, 8)).toEqual([inParens]);
    const inLink =
      'Lihat [laporan tahunan, edisi kedua, revisi akhir](https://x.id/a) yang memuat data lengkap ekspor dan impor.';
    expect(splitClauses(inLink, 8)).toEqual([inLink]);
  });

  it('never leaves a piece shorter than four words', () => {
    expect(splitClauses('Ya, kami setuju dengan semua usulan yang diajukan oleh panitia kemarin sore.', 5)).toEqual([
      'Ya, kami setuju dengan semua usulan yang diajukan oleh panitia kemarin sore.',
    ]);
    for (const text of GENERATED) {
      const pieces = splitClauses(text, 6);
      if (pieces.length > 1) for (const piece of pieces) expect(countWords(piece)).toBeGreaterThanOrEqual(4);
    }
  });

  it('is lossless on the essay and on generated text', () => {
    const sentences = [...ESSAY.flatMap((p) => splitSentences(p)), ...GENERATED];
    for (const sentence of sentences) {
      for (const max of [5, 12, 25]) {
        const pieces = splitClauses(sentence, max);
        expect(pieces.join(' ')).toBe(normalize(sentence));
        for (const piece of pieces) expect(piece !== '' && piece === piece.trim()).toBe(true);
      }
    }
  });
});

describe('countWords', () => {
  it('counts whitespace-separated tokens', () => {
    expect(countWords('  Kerja sama\nSelatan-Selatan\u00a0(KSS). ')).toBe(4);
    expect(countWords('')).toBe(0);
    expect(countWords(' \t ')).toBe(0);
  });
});
