/**
 * Questions in English over the catalog: the intent is classified from cue words and the sentence's
 * structure (which side of a verb the entity stands on), entity names are resolved against the
 * index tolerating typos, partial names and synonyms, and the catalog's own queries (lineage, path,
 * impact, runs, counts) give the answer. The same question over the same catalog always gives the
 * same answer.
 */
package io.tributary.search.ask;
