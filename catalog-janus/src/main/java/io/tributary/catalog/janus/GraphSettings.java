package io.tributary.catalog.janus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JanusGraph settings for a {@link JanusConfig}: defaults per backend, then the caller's raw
 * properties on top. See docs/storage.md for why each default is what it is.
 */
final class GraphSettings {
  /** Where BerkeleyJE keeps its files inside the data directory. */
  static final String GRAPH_SUBDIRECTORY = "graph";

  private GraphSettings() {}

  static Map<String, String> of(JanusConfig config) {
    Map<String, String> s = new LinkedHashMap<>();
    // Every key, label and index is created by GraphSchema; a typo must fail, not invent schema.
    s.put("schema.default", "none");
    s.put("metrics.enabled", "false");
    s.put("cache.tx-cache-size", "20000");
    s.put("cache.tx-dirty-size", "1000");
    switch (config.backend()) {
      case BERKELEYJE -> {
        s.put("storage.backend", "berkeleyje");
        s.put(
            "storage.directory",
            config
                .dataDirectory()
                .toAbsolutePath()
                .normalize()
                .resolve(GRAPH_SUBDIRECTORY)
                .toString());
        // One JE cache and one JanusGraph cache share the heap with the server and its indexes.
        s.put("storage.berkeleyje.cache-percentage", "30");
        // Readers release record locks at once, so a long lineage query never stalls a commit.
        s.put("storage.berkeleyje.isolation-level", "READ_COMMITTED");
        // A commit that returned is on disk: fsync the JE log on every commit.
        s.put("storage.berkeleyje.ext.je.txn.durability", "SYNC,SYNC,NONE");
        // The directory lock guarantees one writer, so cached slices never go stale.
        s.put("cache.db-cache", "true");
        s.put("cache.db-cache-size", "0.15");
        s.put("cache.db-cache-time", "0");
        s.put("cache.db-cache-clean-wait", "0");
      }
      case INMEMORY -> s.put("storage.backend", "inmemory");
      case CQL -> {
        s.put("storage.backend", "cql");
        // Several catalog nodes write to one cluster: a node's cache would serve stale reads.
        s.put("cache.db-cache", "false");
        // Each block of ids is claimed with a write, this wait, and a read that checks no other
        // server claimed it first. JanusGraph waits 300 ms, which halves the write rate of a
        // fresh server (dozens of claims: one per partition and id kind). The wait must exceed
        // the clock skew between servers plus a QUORUM write's latency; 50 ms keeps a margin over
        // NTP-synchronised hosts in one data centre. Larger blocks make claims rarer still.
        s.put("ids.authority.wait-time", "50 ms");
        s.put("ids.block-size", "100000");
        // A lock claim of a server killed mid-commit is honoured until it expires: JanusGraph's 5
        // minutes would stall every write to the keys it was committing (its retries give up
        // after 100 s) long after its partitions moved to the others. A claim is held only while
        // one group commit writes (well under a second, seconds under heavy load); 30 s keeps a
        // wide margin. Stored in the keyspace when the graph is first created (GLOBAL_OFFLINE).
        s.put("storage.lock.expiry-time", "30000");
      }
      default -> throw new IllegalStateException("unhandled backend " + config.backend());
    }
    s.putAll(config.properties());
    return s;
  }
}
