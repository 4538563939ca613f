/**
 * Rule: when a point is still too long, drop the phrase that sets the scene
 * before its subject ("Di tengah dinamika global yang terus berubah,",
 * "Dengan adanya kerja sama ini,", "In many cities today,"), but keep one
 * that holds a date or a figure ("Pada tahun 1951,"), which is the point.
 */
import { hasVerb, tokens, type Lang } from './words.js';

const ID_OPENERS = /^(?:di|dengan|melalui|seiring|pasca|dalam|pada|sejak|untuk|karena|meskipun|walaupun|bagi|sebagai|setelah|sebelum|ketika|saat|selama|berdasarkan|mengingat|demi|akibat)\s/iu;
const EN_OPENERS = /^(?:in|with|through|since|after|before|during|for|because|although|while|as|when|by|despite|given|across|over|under|at|on)\s/iu;

/** The text without its opening scene-setting phrase (up to the first comma), when what is left still has a verb. */
export function dropLeadingPhrase(text: string, lang: Lang): string {
  if (!(lang === 'id' ? ID_OPENERS : EN_OPENERS).test(text)) return text;
  const comma = text.indexOf(',');
  if (comma < 0) return text;
  const phrase = text.slice(0, comma);
  const rest = text.slice(comma + 1).trim();
  if (/\d/u.test(phrase) || tokens(phrase).length > 12 || tokens(rest).length < 4 || !hasVerb(rest, lang)) return text;
  return rest;
}

/** "Dengan adanya X," only sets the scene: dropped even from a point that fits. */
export function dropSceneSetter(text: string, lang: Lang): string {
  const m = /^(?:dengan adanya|dengan seiring|seiring dengan|seiring|di tengah)\s[^,]{1,80},\s*/iu.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  return tokens(rest).length >= 4 && hasVerb(rest, lang) ? rest : text;
}
