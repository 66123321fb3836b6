/**
 * The HTTP face of natural-language search: questions ({@code /api/v1/ask}), generated summaries
 * ({@code /api/v1/entities/{guid}/summary}) and insights ({@code /api/v1/insights}). Text search
 * itself extends {@code GET /api/v1/search}.
 */
package io.tributary.server.search;
