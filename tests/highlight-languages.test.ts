/**
 * src/highlight.ts registers a highlight.js language only when a code block uses it (issue 13):
 * its table of names, aliases and embedded languages (src/highlight-languages.ts) must be
 * highlight.js's own, and the colours the same as with every language registered.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { highlightLines, knownLanguage } from '../src/highlight.js';
import { languageModule } from '../scripts/highlight-languages.mjs';

const full = createRequire(import.meta.url)('highlight.js') as typeof import('highlight.js').default;

describe('highlight.js languages on demand', () => {
  it('has the table of the installed highlight.js (else run node scripts/highlight-languages.mjs)', () => {
    expect(readFileSync(new URL('../src/highlight-languages.ts', import.meta.url), 'utf8')).toBe(languageModule());
  });

  it('knows every name and alias highlight.js knows, in any case, and nothing else', () => {
    for (const name of full.listLanguages()) {
      for (const alias of [name, ...(full.getLanguage(name)!.aliases ?? [])]) {
        expect(knownLanguage(alias), alias).toBe(true);
        expect(knownLanguage(alias.toUpperCase()), alias).toBe(true);
      }
    }
    for (const unknown of ['bahasa-rahasia', 'constructor', '__proto__', 'toString']) expect(knownLanguage(unknown), unknown).toBe(false);
  });

  const samples: [lang: string, code: string][] = [
    ['py', 'def f(x):\n    return x * 2  # double\n'],
    ['HTML', '<style>\np { color: red; }\n</style>\n<script>\nconst gql = graphql`query { a }`;\n</script>\n<p class="x">Hi</p>\n'],
    ['md', '# Title\n\n<b>bold</b> and `code`\n'],
    ['sh', 'echo "$HOME" | grep x\n'],
    ['ts', 'const a: number = 1;\nconst el = <div>{a}</div>;\n'],
    ['php', '<?php echo "x"; ?>\n<div>html</div>\n'],
    ['erb', '<% if x %>\n<p><%= y %></p>\n<% end %>\n'],
  ];
  it.each(samples)('colours %s code as highlight.js with all its languages does', (lang, code) => {
    const expected = full.highlight(code, { language: lang, ignoreIllegals: true }).value;
    expect(expected).toContain('<span class="hljs-');
    expect(colours(highlightLines(code, lang).join('\n'))).toEqual(colours(expected));
  });
});

/** Each character of highlighted code with the classes around it (line breaks left out: highlightLines closes the spans at each one). */
function colours(html: string): string[] {
  const classes: string[] = [];
  const out: string[] = [];
  for (const part of html.split(/(<span [^>]*>|<\/span>)/)) {
    if (part.startsWith('<span ')) classes.push(part);
    else if (part === '</span>') classes.pop();
    else for (const char of part) if (char !== '\n') out.push(`${char} ${classes.join('')}`);
  }
  return out;
}
