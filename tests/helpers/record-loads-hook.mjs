// The loader hook of record-loads.mjs (hooks run in a thread of their own): one line per ES module file loaded.
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let out;

export function initialize(data) {
  out = data.out;
}

export async function load(url, context, next) {
  const result = await next(url, context);
  if (url.startsWith('file:')) appendFileSync(out, `${fileURLToPath(url)}\n`);
  return result;
}
