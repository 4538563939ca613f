/**
 * Rule: a sentence that announces the essay's own plan ("In this essay, I will
 * outline …", "Oleh karena itu, esai ini akan membahas …") is no point for a
 * slide: the outline slide shows the plan, and the speaker says it. It stays
 * in the notes.
 */
import type { Lang } from './words.js';

const ROADMAP: Record<Lang, RegExp[]> = {
  en: [
    /\b(?:in|throughout) this (?:essay|paper|article|report|assignment)\b/iu,
    /\bthis (?:essay|paper|article|report|assignment) (?:will|would|aims to|sets out to|seeks to|begins|discusses|examines|explores|argues|outlines|describes|considers|is organi[sz]ed)\b/iu,
    /^(?:\S+\s+){0,3}I (?:will|shall|am going to) (?:first )?(?:outline|discuss|explain|argue|examine|describe|explore|consider|show|review|analy[sz]e|look at)\b/iu,
    /\bthe (?:following|next|final|last|first) sections? (?:will )?(?:discuss|describe|examine|explore|consider|outline|show)/iu,
  ],
  id: [
    /\b(?:esai|makalah|tulisan|artikel|karya tulis|laporan) ini (?:akan |hendak |bertujuan untuk |berusaha )?(?:membahas|menjelaskan|menguraikan|mengkaji|menganalisis|memaparkan|mendeskripsikan|menelaah|mengulas)\b/iu,
    /\b(?:dalam|pada|melalui) (?:esai|makalah|tulisan|artikel) ini,? penulis\b/iu,
    /\bpenulis (?:akan |hendak )?(?:membahas|menjelaskan|menguraikan|mengkaji|menganalisis|memaparkan)\b/iu,
    /\bbagian (?:berikut|selanjutnya|pertama|terakhir)(?:nya)? (?:akan )?(?:membahas|menjelaskan|menguraikan)\b/iu,
  ],
};

// Every pattern names the essay, its writer or its parts: a sentence without these words is none (most, quickly).
const MENTIONS: Record<Lang, RegExp> = {
  en: /essay|paper|article|report|assignment|section|\bI (?:will|shall|am)\b/iu,
  id: /esai|makalah|tulisan|artikel|karya tulis|laporan|penulis|bagian/iu,
};

/** Whether the sentence announces what the essay will do rather than saying something about its subject. */
export function isRoadmap(sentence: string, lang: Lang): boolean {
  return MENTIONS[lang].test(sentence) && ROADMAP[lang].some((pattern) => pattern.test(sentence));
}
