/** Per-tenant quotas: ingest rate (token buckets) and entity count. */
package io.tributary.ranger.quota;
