import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaults, loadProjectConfig, resolveSettings } from '../src/config.js';
import { thrown } from './helpers/thrown.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'paparan-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings precedence', () => {
  it('uses the defaults when nothing is set', () => {
    expect(resolveSettings({}, {}, {})).toEqual({ ...defaults });
  });

  it('lets the config file set a project default, the front matter override it, and a flag override both', () => {
    const config = { theme: 'gelap', handout: 6 as const, paper: 'letter' as const };
    expect(resolveSettings({}, {}, config)).toMatchObject({ theme: 'gelap', handout: 6, paper: 'letter' });
    expect(resolveSettings({}, { theme: 'merah-putih', handout: 4 }, config)).toMatchObject({ theme: 'merah-putih', handout: 4, paper: 'letter' });
    expect(resolveSettings({ theme: 'default' }, { theme: 'merah-putih' }, config)).toMatchObject({ theme: 'default', handout: 6 });
  });

  it('turns "pdf: false" into no PDFs', () => {
    expect(resolveSettings({}, { pdf: false }, {}).pdf).toEqual([]);
    expect(resolveSettings({}, {}, { pdf: ['notes'] }).pdf).toEqual(['notes']);
  });
});

describe('loadProjectConfig', () => {
  it('reads paparan.config.json', () => {
    writeFileSync(path.join(dir, 'paparan.config.json'), JSON.stringify({ theme: 'gelap', grayscale: true }));
    expect(loadProjectConfig(dir).config).toEqual({ theme: 'gelap', grayscale: true });
  });

  it('reads the "paparan" key of package.json', () => {
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', paparan: { handout: 2 } }));
    expect(loadProjectConfig(dir).config).toEqual({ handout: 2 });
  });

  it('rejects an unknown key or a bad value, naming the file', () => {
    writeFileSync(path.join(dir, 'paparan.config.yaml'), 'handout: 5\n');
    expect(() => loadProjectConfig(dir)).toThrowError(/config "handout"/);
    try {
      loadProjectConfig(dir);
    } catch (error) {
      expect((error as { file: string }).file).toMatch(/paparan\.config\.yaml$/);
    }
  });

  it('names a config file that is a folder, and says what to do', () => {
    mkdirSync(path.join(dir, 'paparan.config.json'));
    expect(() => loadProjectConfig(dir)).toThrowError(/^is a folder, not a config file: rename or remove the folder$/);
    expect(thrown(() => loadProjectConfig(dir))).toMatchObject({ file: path.join(dir, 'paparan.config.json') });
  });

  it('has no settings when there is no config', () => {
    expect(loadProjectConfig(dir)).toEqual({ config: {} });
  });
});

describe('the PDF timeout', () => {
  it('is 60 s unless the config file sets another, within 0 to 86400 s', () => {
    expect(defaults.timeout).toBe(60);
    writeFileSync(path.join(dir, 'paparan.config.json'), JSON.stringify({ timeout: 120 }));
    expect(resolveSettings({}, {}, loadProjectConfig(dir).config).timeout).toBe(120);
    expect(resolveSettings({ timeout: 5 }, {}, loadProjectConfig(dir).config).timeout).toBe(5);
    writeFileSync(path.join(dir, 'paparan.config.json'), JSON.stringify({ timeout: 0 }));
    expect(() => loadProjectConfig(dir)).toThrowError(/config "timeout"/);
  });
});

describe('formats: html, pdf, pptx', () => {
  it('makes the deck and the PDFs by default, and slides.pptx when formats names pptx in the config or the front matter', () => {
    expect(resolveSettings({}, {}, {})).toMatchObject({ formats: ['html', 'pdf'], pdf: ['slides', 'handout', 'notes'] });
    expect(resolveSettings({}, {}, { formats: ['html', 'pdf', 'pptx'] }).formats).toEqual(['html', 'pdf', 'pptx']);
    expect(resolveSettings({}, { formats: ['html', 'pptx'] }, { formats: ['html', 'pdf'] })).toMatchObject({ formats: ['html', 'pptx'], pdf: [] });
  });

  it('always builds the HTML deck, the PDFs and the PowerPoint file are printed and written from', () => {
    expect(resolveSettings({}, { formats: ['pptx'] }, {}).formats).toEqual(['html', 'pptx']);
  });

  it('lets --pptx / --no-pptx and --pdf / --no-pdf win over formats', () => {
    expect(resolveSettings({ pptx: true }, {}, {}).formats).toEqual(['html', 'pdf', 'pptx']);
    expect(resolveSettings({ pptx: false }, { formats: ['html', 'pptx'] }, {}).formats).toEqual(['html']);
    expect(resolveSettings({ pdf: ['slides'] }, { formats: ['html', 'pptx'] }, {})).toMatchObject({ formats: ['html', 'pdf', 'pptx'], pdf: ['slides'] });
    expect(resolveSettings({ pdf: false }, {}, { formats: ['html', 'pdf', 'pptx'] })).toMatchObject({ formats: ['html', 'pptx'], pdf: [] });
  });

  it('refuses a format it does not know in the config file, naming the file', () => {
    writeFileSync(path.join(dir, 'paparan.config.json'), JSON.stringify({ formats: ['html', 'docx'] }));
    expect(thrown(() => loadProjectConfig(dir)).message).toMatch(/^config "formats\.1": .*"pptx"/);
  });
});
