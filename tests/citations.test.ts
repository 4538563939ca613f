import { describe, expect, it } from 'vitest';
import { findCitations, formatCitationLabel, matchReference, stripCitations } from '../src/citations.js';

// Real paragraphs from the shared essay "Kerja Sama Selatan-Selatan".
const OPENING =
  'Upaya yang dilakukan Indonesia untuk memperluas jangkauan dan memperkuat posisi sektor ekonomi terutama di kancah internasional menjadikannya semakin memperhatikan potensi dari kerja sama dengan negara-negara lain, salah satu kerja sama yang terjalin ialah Kerja Sama Selatan-Selatan (South-South Cooperation). Menurut Andirini Pujayanti (2015), Kerja sama Selatan-Selatan ini ialah suatu kerja sama yang dilakukan oleh sejumlah negara-negara berkembang di belahan bumi selatan dan memiliki keinginan yang sama untuk mendirikan kemandirian kolektif guna memperkuat posisi negara-negara berkembang ini dalam forum internasional (Pujayanti, 2015).';
const UNCLOSED =
  'Dimana kerja sama ini memiliki prinsip yakni solidaritas, adanya kesetaraan, benefit yang saling mengutungkan satu sama lain, dan prinsip-prinsip lainnya ini berkembang dari setidaknya 10 kesepakatan yang ada pada Konferensi Asia Afrika (KAA) dan telah tertuang dalam Dasasila Bandung ketika itu (Pusat Pengkajian dan Pengembangan Kebijakan pada Organisasi Internasional (2016). Lahirnya KSS ini pun dilatarbelakangi oleh kesamaan keinginan dari beberapa negara berkembang yang kala itu masih fresh atau baru saja lepas dari masa kolonialisme dan menginginkan memiliki peranan yang sentral dalam dunia internasional.';
const DONOR =
  'Dengan seiring berkembangnya perekonomian Indonesia, saat ini Indonesia bukan hanya sebagai negara penerima manfaat internasional (recipient country) namun juga menjadi negara yang menyalurkan bantuan atau negara donor (new emerging donor) untuk negara-negara berkembang lainnya di belahan bumi selatan (Helmys & Irawan, 2023).';
const PRINCIPLES =
  'Diplomasi yang dilakukan oleh Indonesia sendiri dilakukan melalui beragam kebijakan luar negeri, terdapat beberapa prinsip dasar terkait diplomasi dan politik luar negeri Indonesia, diantaranya ialah: 1) penegakan demokrasi dan Hak Asasi Manusia (HAM); 2) peningkatan inklusi serta pembangunan berkelanjutan; dan 3) peningkatan penelitian dan pengembangan (Indrawan et al., 2023).';
const GOALS =
  'Upaya diplomasi ekonomi yang dilakukan melalui kerja sama ini pun dilakukan guna menumbuhkan citra positif Indonesia dalam upaya mewujudkan kontribusi negara dalam ranah global dan menjadikan Indonesia dapat mencapai sasaran pembangunan yang berkelanjutan (sustainable development goals) pada tahun 2030 mendatang.';
const SHARE =
  'Melalui diplomasi ekonomi \u00a0ini, beberapa pakar ahli merasa jika Kerjasama Selatan-Selatan ini akan memberikan sumbangan yang cukup besar terhadap pertumbuhan ekonomi di Indonesia yakni sebesar 57% dari total GDP seluruh dunia pada tahun 2030 mendatang (Pujayanti, 2015).';
const CORPORATE = 'Pusat Pengkajian dan Pengembangan Kebijakan pada Organisasi Internasional';

const summarize = (text: string) =>
  findCitations(text).map((c) => ({ raw: c.raw, works: c.works, parenthetical: c.parenthetical }));

describe('findCitations', () => {
  it('finds the narrative and the parenthetical citation in the opening paragraph, with their offsets', () => {
    const found = findCitations(OPENING);
    expect(found.map((c) => [c.raw, c.works, c.parenthetical])).toEqual([
      ['Andirini Pujayanti (2015)', [{ author: 'Pujayanti', year: '2015' }], false],
      ['(Pujayanti, 2015)', [{ author: 'Pujayanti', year: '2015' }], true],
    ]);
    for (const c of found) expect(OPENING.slice(c.index, c.index + c.raw.length)).toBe(c.raw);
  });

  it('reads the essay\'s unclosed "(Pusat ... (2016)." as one citation of the corporate author', () => {
    const found = findCitations(UNCLOSED);
    expect(found).toHaveLength(1);
    expect(found[0]!.works).toEqual([{ author: CORPORATE, year: '2016' }]);
    expect(found[0]!.raw).toBe(`(${CORPORATE} (2016)`);
    expect(found[0]!.parenthetical).toBe(true);
    expect(UNCLOSED.slice(found[0]!.index, found[0]!.index + found[0]!.raw.length)).toBe(found[0]!.raw);
  });

  it('includes the ")" that closes such a corporate citation when the writer did close it', () => {
    expect(summarize('ketika itu (Pusat Kajian Kebijakan (2016)). Lalu')).toEqual([
      { raw: '(Pusat Kajian Kebijakan (2016))', works: [{ author: 'Pusat Kajian Kebijakan', year: '2016' }], parenthetical: true },
    ]);
    expect(stripCitations('ketika itu (Pusat Kajian Kebijakan (2016)). Lalu')).toBe('ketika itu. Lalu');
  });

  it('finds the closing citations of the essay paragraphs', () => {
    expect(summarize(DONOR)).toEqual([
      { raw: '(Helmys & Irawan, 2023)', works: [{ author: 'Helmys', year: '2023' }], parenthetical: true },
    ]);
    expect(summarize(PRINCIPLES)).toEqual([
      { raw: '(Indrawan et al., 2023)', works: [{ author: 'Indrawan', year: '2023' }], parenthetical: true },
    ]);
    expect(summarize(SHARE)).toEqual([
      { raw: '(Pujayanti, 2015)', works: [{ author: 'Pujayanti', year: '2015' }], parenthetical: true },
    ]);
  });

  it.each([
    ['(Pujayanti, 2015)', 'Pujayanti', '2015'],
    ['(Helmys & Irawan, 2023)', 'Helmys', '2023'],
    ['(Indrawan et al., 2023)', 'Indrawan', '2023'],
    ['(Indrawan dkk., 2023)', 'Indrawan', '2023'],
    ['(Hutabarat & Damayanti, 2023)', 'Hutabarat', '2023'],
    ['(Smith and Jones, 2019)', 'Smith', '2019'],
    ['(Smith, Jones, & Lee, 2019)', 'Smith', '2019'],
    ['(Smith, 2019, p. 4)', 'Smith', '2019'],
    ['(Smith, 2019, hlm. 4)', 'Smith', '2019'],
    ['(Pujayanti, 2015: 12-14)', 'Pujayanti', '2015'],
    ['(Smith 2019)', 'Smith', '2019'],
    ['(Smith, 2019a)', 'Smith', '2019a'],
    ['(Smith, n.d.)', 'Smith', 'n.d.'],
    ['(Smith, t.t.)', 'Smith', 't.t.'],
    ['(van der Berg, 2019)', 'van der Berg', '2019'],
    ['(World Health Organization, 2020)', 'World Health Organization', '2020'],
  ])('reads the parenthetical citation %s', (raw, author, year) => {
    expect(summarize(`Teks ini ${raw}.`)).toEqual([{ raw, works: [{ author, year }], parenthetical: true }]);
  });

  it('reads every work of a multi-work citation', () => {
    expect(summarize('as shown (Smith, 2019; Doe & Roe, 2020a).')).toEqual([
      {
        raw: '(Smith, 2019; Doe & Roe, 2020a)',
        works: [
          { author: 'Smith', year: '2019' },
          { author: 'Doe', year: '2020a' },
        ],
        parenthetical: true,
      },
    ]);
  });

  it.each([
    ['Menurut Andirini Pujayanti (2015), kerja sama', 'Andirini Pujayanti (2015)', 'Pujayanti'],
    ['Smith (2019) argues that', 'Smith (2019)', 'Smith'],
    ['as Indrawan et al. (2023) show', 'Indrawan et al. (2023)', 'Indrawan'],
    ['Menurut Helmys dan Irawan (2023), KSS', 'Helmys dan Irawan (2023)', 'Helmys'],
    ['In Smith and Jones (2019, p. 4) we read', 'Smith and Jones (2019, p. 4)', 'Smith'],
    ["Smith's (2019) study", "Smith's (2019)", 'Smith'],
    ['Menurut Badan Pusat Statistik (2020), inflasi', 'Badan Pusat Statistik (2020)', 'Badan Pusat Statistik'],
    ['As the World Bank (2020) notes', 'World Bank (2020)', 'World Bank'],
  ])('reads the narrative citation in "%s"', (text, raw, author) => {
    const found = summarize(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ raw, parenthetical: false });
    expect(found[0]!.works[0]!.author).toBe(author);
  });

  it.each([
    'Konferensi Asia Afrika (KAA) di Bandung pada 1955 lalu.',
    'Hak Asasi Manusia (HAM) dan demokrasi.',
    'Kerja Sama Selatan-Selatan (South-South Cooperation) berkembang.',
    GOALS,
    'sebesar 57% dari total GDP',
    'pada masa Orde Baru (1966–1998) dan (pada tahun 2030)',
    'target tahun (2030) tercapai',
  ])('finds no citation in "%s"', (text) => {
    expect(findCitations(text)).toEqual([]);
  });
});

describe('stripCitations', () => {
  it('removes a closing citation without leaving a space before the period', () => {
    expect(stripCitations('dalam forum internasional (Pujayanti, 2015).')).toBe('dalam forum internasional.');
    expect(stripCitations(DONOR)).toMatch(/di belahan bumi selatan\.$/);
  });

  it('keeps narrative citations, which are part of the sentence', () => {
    expect(stripCitations(OPENING)).toContain('Menurut Andirini Pujayanti (2015), Kerja sama');
    expect(stripCitations(OPENING)).toMatch(/dalam forum internasional\.$/);
  });

  it('removes the essay\'s unclosed corporate citation', () => {
    expect(stripCitations(UNCLOSED)).toContain('dalam Dasasila Bandung ketika itu. Lahirnya KSS ini pun');
  });

  it('leaves clean spacing and punctuation around a removed citation', () => {
    expect(stripCitations('Hasilnya (Smith, 2019), kata mereka, jelas (Doe, 2020; Roe, 2021) sekali.')).toBe(
      'Hasilnya, kata mereka, jelas sekali.',
    );
    expect(stripCitations('(Smith, 2019) showed it.')).toBe('showed it.');
    expect(stripCitations('Tanpa sitasi (HAM) di sini.')).toBe('Tanpa sitasi (HAM) di sini.');
    expect(stripCitations(GOALS)).toBe(GOALS);
  });
});

describe('matchReference', () => {
  const references = [
    'Helmys, R., & Irawan, D. (2023). Kerja sama Selatan-Selatan. Jurnal.',
    'Hutabarat & Damayanti (2023).',
    'Indrawan, J., Ilmar, A., & Efriza. (2023). Diplomasi. Jurnal.',
    '- Pujayanti, Andirini (2015). *Kerja Sama Selatan-Selatan*. DPR RI.',
    `${CORPORATE}. (2016). Laporan kajian. Kemlu.`,
    'Smithson, J. (2019). Not Smith.',
    'Smith, J. (2019b). The second one.',
    'Müller, K. (n.d.). Ohne Datum.',
  ];

  it('finds the entry for each citation of the essay', () => {
    for (const text of [OPENING, UNCLOSED, DONOR, PRINCIPLES]) {
      for (const citation of findCitations(text)) {
        for (const work of citation.works) expect(matchReference(work, references), work.author).toBeGreaterThanOrEqual(0);
      }
    }
    expect(matchReference({ author: 'Pujayanti', year: '2015' }, references)).toBe(3);
    expect(matchReference({ author: CORPORATE, year: '2016' }, references)).toBe(4);
    expect(matchReference({ author: 'Indrawan', year: '2023' }, references)).toBe(2);
  });

  it('ignores case and diacritics', () => {
    expect(matchReference({ author: 'HELMYS', year: '2023' }, references)).toBe(0);
    expect(matchReference({ author: 'Muller', year: 'n.d.' }, references)).toBe(7);
  });

  it('needs the year, a whole surname and the first author', () => {
    expect(matchReference({ author: 'Pujayanti', year: '2016' }, references)).toBe(-1);
    expect(matchReference({ author: 'Smith', year: '2019' }, references)).toBe(6);
    expect(matchReference({ author: 'Smith', year: '2019a' }, references)).toBe(-1);
    expect(matchReference({ author: 'Irawan', year: '2023' }, references)).toBe(-1);
    expect(matchReference({ author: 'Pusat Pengkajian', year: '2016' }, references)).toBe(-1);
  });

  it('matches the short reference lines of the essay\'s Markdown version', () => {
    const short = [
      'Helmys & Irawan (2023).',
      'Hutabarat & Damayanti (2023).',
      'Indrawan et al. (2023).',
      'Pujayanti, Andirini (2015).',
      `${CORPORATE} (2016).`,
    ];
    expect(matchReference({ author: 'Hutabarat', year: '2023' }, short)).toBe(1);
    expect(matchReference({ author: 'Indrawan', year: '2023' }, short)).toBe(2);
    expect(matchReference({ author: CORPORATE, year: '2016' }, short)).toBe(4);
  });
});

describe('formatCitationLabel', () => {
  it.each([
    [{ author: 'Pujayanti', year: '2015', raw: 'Andirini Pujayanti (2015)' }, 'Pujayanti (2015)'],
    [{ author: 'Pujayanti', year: '2015', raw: '(Pujayanti, 2015)' }, 'Pujayanti (2015)'],
    [{ author: 'Helmys', year: '2023', raw: '(Helmys & Irawan, 2023)' }, 'Helmys & Irawan (2023)'],
    [{ author: 'Indrawan', year: '2023', raw: '(Indrawan et al., 2023)' }, 'Indrawan et al. (2023)'],
    [{ author: 'Indrawan', year: '2023', raw: 'Indrawan et al. (2023)' }, 'Indrawan et al. (2023)'],
    [{ author: 'Indrawan', year: '2023', raw: '(Indrawan dkk., 2023)' }, 'Indrawan dkk. (2023)'],
    [{ author: 'Smith', year: '2019', raw: '(Smith, Jones, & Lee, 2019)' }, 'Smith et al. (2019)'],
    [{ author: 'Doe', year: '2020', raw: '(Smith, 2019; Doe and Roe, 2020)' }, 'Doe and Roe (2020)'],
    [{ author: CORPORATE, year: '2016', raw: `(${CORPORATE} (2016)` }, `${CORPORATE} (2016)`],
    [{ author: 'Smith', year: 'n.d.' }, 'Smith (n.d.)'],
  ])('labels %o as "%s"', (work, label) => {
    expect(formatCitationLabel(work)).toBe(label);
  });

  it('labels every work found in the essay paragraphs', () => {
    const labels = [OPENING, UNCLOSED, DONOR, PRINCIPLES].flatMap((text) =>
      findCitations(text).flatMap((c) => c.works.map((w) => formatCitationLabel({ ...w, raw: c.raw }))),
    );
    expect(labels).toEqual([
      'Pujayanti (2015)',
      'Pujayanti (2015)',
      `${CORPORATE} (2016)`,
      'Helmys & Irawan (2023)',
      'Indrawan et al. (2023)',
    ]);
  });
});

describe('academic titles', () => {
  it('cites the person, not the title: "(Prof. Budi, 2022)" and "Menurut Dr. Andi Wijaya (2019)"', () => {
    expect(findCitations('kesiapan guru (Prof. Budi, 2022).')[0]!.works).toEqual([{ author: 'Budi', year: '2022' }]);
    expect(findCitations('Menurut Dr. Andi Wijaya (2019), guru perlu pelatihan.')[0]!.works).toEqual([{ author: 'Wijaya', year: '2019' }]);
  });
});
