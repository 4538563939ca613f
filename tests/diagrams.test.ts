/**
 * Mermaid diagrams: checked at build time (a syntax error is a file:line
 * warning and the diagram shows as code), drawn in the page from the deck's
 * own copy of mermaid; nothing comes from a network.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEssay, compileEssay } from '../src/build.js';

const root = path.resolve(import.meta.dirname, '..');
const fixture = (name: string) => path.join('tests/fixtures/rich', name);
const out = mkdtempSync(path.join(os.tmpdir(), 'paparan-diagrams-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('diagrams in an Indonesian essay', () => {
  it('warns with file:line about a diagram that does not parse and shows it as code; the others wait for the local mermaid', async () => {
    const result = await buildEssay(fixture('diagram.md'), { outDir: out, projectDir: root });
    if (!result.ok) throw result.error;
    const messages = result.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`);
    expect(messages).toEqual([expect.stringMatching(/^tests\/fixtures\/rich\/diagram\.md:46: diagram does not parse \(Parse error, unexpected EOF\): it is shown as code; fix the Mermaid source$/)]);
    const html = readFileSync(path.join(result.outDir, 'index.html'), 'utf8');
    expect(html.match(/<pre class="mermaid-source code"/g)).toHaveLength(4);
    expect(html).toContain('<pre class="mermaid-error code" data-line="46">flowchart TD\n  A[Mulai] --&gt;</pre>');
    expect(html).toContain('<script src="assets/mermaid/mermaid.min.js"></script>');
    expect(existsSync(path.join(result.outDir, 'assets/mermaid/mermaid.min.js'))).toBe(true);
    expect(existsSync(path.join(result.outDir, 'assets/diagrams.js'))).toBe(true);
    expect(html).not.toMatch(/(src|href)="https?:/);
  }, 60_000);
});

describe('diagrams in an English essay', () => {
  it('builds a flowchart and a sequence diagram with no warning', async () => {
    const result = await buildEssay(fixture('diagrams.md'), { outDir: out, projectDir: root });
    if (!result.ok) throw result.error;
    expect(result.diagnostics).toEqual([]);
    expect(readFileSync(path.join(result.outDir, 'index.html'), 'utf8').match(/<pre class="mermaid-source code"/g)).toHaveLength(2);
  }, 60_000);
});

describe('a deck without diagrams', () => {
  it('loads no mermaid', () => {
    const { html } = compileEssay(readFileSync(path.join(root, fixture('code.md')), 'utf8'), { file: fixture('code.md'), projectDir: root });
    expect(html).not.toContain('mermaid');
  });
});
