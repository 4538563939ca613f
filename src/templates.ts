/**
 * Loads the Handlebars templates: paparan's own in templates/, then any
 * folder that overrides them (a project's templates/, a theme's). A later
 * folder's file of the same name wins. `npm run compile` precompiles the
 * built-in ones into lib/ (compiling them took ~40 ms of every build); a
 * template whose text is not the precompiled one is compiled as it is loaded.
 */
import Runtime from 'handlebars/runtime';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PaparanError } from './errors.js';

type Handlebars = typeof import('handlebars');

/** paparan's own templates folder. */
export const builtinTemplatesDir = fileURLToPath(new URL('../templates', import.meta.url));

/** Written by `npm run compile` next to the compiled modules (none next to src/). */
const precompiledFile = fileURLToPath(new URL('./templates.precompiled.cjs', import.meta.url));

/** A built-in template compiled ahead: the text and the Handlebars version it was compiled from. */
interface Precompiled {
  source: string;
  handlebars: string;
  spec: TemplateSpecification;
}

const require = createRequire(import.meta.url);
let precompiled: Record<string, Precompiled> | undefined;
let compiler: Handlebars | undefined;

/** The precompiled built-in templates by name, when lib/ has them. */
const precompiledTemplates = () => (precompiled ??= existsSync(precompiledFile) ? (require(precompiledFile) as Record<string, Precompiled>) : {});
/** Handlebars with its compiler, loaded only for a template that is not precompiled: the runtime alone is what a build needs. */
const handlebars = () => (compiler ??= require('handlebars') as Handlebars);
/** Options of every compile, ahead or at load. */
const compileOptions = { preventIndent: true };

export interface Templates {
  /** Renders the deck layout with its view. */
  layout: (view: object) => string;
  /** Every template file in use, by name: `layout`, `partials/slide`, ... */
  files: Record<string, string>;
}

/** Compiles the layout and partials found in `dirs` (later folders override earlier ones). */
export function loadTemplates(dirs: string[] = [builtinTemplatesDir], layoutName = 'layout'): Templates {
  const files: Record<string, string> = {};
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of listTemplates(dir)) files[name.replace(/\.hbs$/, '')] = path.join(dir, name);
  }
  const layoutFile = files[layoutName];
  if (!layoutFile) throw new PaparanError(`no ${layoutName}.hbs template in ${dirs.join(', ')}`);

  // The layout and the partials, each precompiled when its text is that of the precompiled one.
  const used = Object.entries(files)
    .filter(([name]) => name === layoutName || name.startsWith('partials/'))
    .map(([name, file]) => {
      const source = readFileSync(file, 'utf8');
      const ahead = precompiledTemplates()[name];
      return { name, file, source, spec: ahead?.source === source && ahead.handlebars === Runtime.VERSION ? ahead.spec : undefined };
    });
  // A separate instance, so that overrides of one build never leak into another.
  const hb = used.every((t) => t.spec) ? Runtime.create() : handlebars().create();
  const make = (t: (typeof used)[number]) => (t.spec ? hb.template(t.spec) : compileFile(hb as Handlebars, t.file, t.source));
  for (const t of used) if (t.name !== layoutName) hb.registerPartial(t.name.slice('partials/'.length), make(t));
  const layout = make(used.find((t) => t.name === layoutName)!);
  return {
    files,
    layout: (view) => {
      try {
        return layout(view);
      } catch (error) {
        throw new PaparanError(`template error: ${(error as Error).message}`, { file: layoutFile, cause: error });
      }
    },
  };
}

function listTemplates(dir: string): string[] {
  const names = readdirSync(dir).filter((n) => n.endsWith('.hbs'));
  const partialsDir = path.join(dir, 'partials');
  if (existsSync(partialsDir)) names.push(...readdirSync(partialsDir).filter((n) => n.endsWith('.hbs')).map((n) => `partials/${n}`));
  return names;
}

/** Compiles one file now, so a syntax error is reported with the template's file and line. */
function compileFile(hb: Handlebars, file: string, source: string): HandlebarsTemplateDelegate {
  try {
    // Parsing alone finds syntax errors now, with their line, without compiling twice.
    hb.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const line = Number(/on line (\d+)/.exec(message)?.[1]) || undefined;
    const reason = message.split('\n').at(-1) ?? message;
    throw new PaparanError(`template syntax error: ${reason}`, { file, line, cause: error });
  }
  return hb.compile(source, compileOptions);
}

/** The built-in templates of `dir` precompiled, as the CommonJS module `npm run compile` writes to lib/ (one that does not parse is left to be compiled, and reported, at load). */
export function precompileTemplates(dir = builtinTemplatesDir): string {
  const hb = handlebars();
  const entries: string[] = [];
  for (const name of listTemplates(dir)) {
    const source = readFileSync(path.join(dir, name), 'utf8');
    let spec: string;
    try {
      spec = hb.precompile(source, compileOptions) as string;
    } catch {
      continue;
    }
    entries.push(`  ${JSON.stringify(name.replace(/\.hbs$/, ''))}: { source: ${JSON.stringify(source)}, handlebars: ${JSON.stringify(hb.VERSION)}, spec: ${spec} },`);
  }
  return `// Made by \`npm run compile\` from templates/ (see src/templates.ts): do not edit.\nmodule.exports = {\n${entries.join('\n')}\n};\n`;
}
