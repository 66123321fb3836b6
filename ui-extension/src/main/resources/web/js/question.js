const QUESTION = /^(who|what|which|where|when|how|is|are|does|do|did|why|show|list|count)\b|\?\s*$/i;

/** Whether search text reads as a question, which the search page then also asks. */
export function isQuestion(text) {
  if (!text || !text.trim()) return false;
  const t = text.trim();
  return QUESTION.test(t) || t.split(/\s+/).length >= 4;
}
