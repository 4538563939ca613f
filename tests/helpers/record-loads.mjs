// Preloaded with `node --import`: writes every JavaScript file the process loads to the file named by
// PAPARAN_LOADS, one path a line: ES modules as the loader hook sees them, CommonJS ones from require's cache.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.PAPARAN_LOADS;
if (out) {
  register(new URL('./record-loads-hook.mjs', import.meta.url), { data: { out } });
  process.on('exit', () => appendFileSync(out, Object.keys(createRequire(import.meta.url).cache).join('\n') + '\n'));
}
