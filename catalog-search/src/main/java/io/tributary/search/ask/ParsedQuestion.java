package io.tributary.search.ask;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A question taken apart.
 *
 * @param spans the phrases that name entities, in order (a path question has two)
 * @param types entity types the question restricts to ("topics", "Flink jobs"), empty for any
 * @param fieldSpan whether the spans name fields (columns) rather than datasets or jobs
 * @param since the start of the time window the question names ("today"), or null
 * @param classification a classification named by the question (PII), or null
 */
record ParsedQuestion(
    String text,
    Intent intent,
    List<String> spans,
    Set<String> types,
    boolean fieldSpan,
    Instant since,
    String classification) {}
