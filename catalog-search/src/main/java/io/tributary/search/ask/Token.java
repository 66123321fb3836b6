package io.tributary.search.ask;

/**
 * One word of a question.
 *
 * @param text as written, lower case, outer punctuation removed
 * @param lemma a crude base form for matching cues (plural and verb endings removed)
 * @param quoted whether it came from a quoted name, which is never a cue
 */
record Token(String text, String lemma, boolean quoted) {}
