/** Path and URL checks shared by every place that must keep files inside a folder or off the network. */
import path from 'node:path';

/** True when `child` is `parent` itself or lies below it (".." segments and other drives are outside). */
export function isWithin(child: string, parent: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(child));
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** True for a reference with a scheme (`https:`, `data:`, `javascript:`) or a protocol-relative `//host` one. */
export function hasScheme(reference: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith('//');
}
