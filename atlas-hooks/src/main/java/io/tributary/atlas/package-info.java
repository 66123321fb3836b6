/**
 * Apache Atlas's REST v2 and notification JSON, as records, and the mappers between it and the
 * catalog API. One piece of code serves both Atlas's REST API on the embedded catalog and the
 * remote Atlas backend, so the JSON Tributary reads and the JSON it sends are the same shapes.
 *
 * <p>Field names, enum spellings and null handling follow Atlas 2.4's own model classes ({@code
 * org.apache.atlas.model.*}): absent values are omitted, dates are epoch milliseconds.
 */
package io.tributary.atlas;
