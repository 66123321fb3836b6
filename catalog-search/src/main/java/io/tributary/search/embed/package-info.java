/**
 * Sentence embeddings computed in process from a model shipped in a jar: nothing is downloaded at
 * run time.
 */
package io.tributary.search.embed;
