/**
 * Loads the Handlebars templates: paparan's own in templates/, then any
 * folder that overrides them (a project's templates/, a theme's). A later
 * folder's file of the same name wins.
 */
import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PaparanError } from './errors.js';

/** paparan's own templates folder. */
export const builtinTemplatesDir = fileURLToPath(new URL('../templates', import.meta.url));

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

  // A separate instance, so that overrides of one build never leak into another.
  const hb = Handlebars.create();
  for (const [name, file] of Object.entries(files)) {
    if (!name.startsWith('partials/')) continue;
    hb.registerPartial(name.slice('partials/'.length), compileFile(hb, file));
  }
  const layout = compileFile(hb, layoutFile);
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
function compileFile(hb: typeof Handlebars, file: string): HandlebarsTemplateDelegate {
  const source = readFileSync(file, 'utf8');
  try {
    // Parsing alone finds syntax errors now, with their line, without compiling twice.
    hb.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const line = Number(/on line (\d+)/.exec(message)?.[1]) || undefined;
    const reason = message.split('\n').at(-1) ?? message;
    throw new PaparanError(`template syntax error: ${reason}`, { file, line, cause: error });
  }
  return hb.compile(source, { preventIndent: true });
}
