package io.tributary.search.embed;

/** Turns text into a unit-length vector; similar meanings give close vectors. */
public interface Embedder {
  /** The vector's length. */
  int dimensions();

  float[] embed(String text);

  /** No model: for indexes that run keyword search only. */
  static Embedder none() {
    return NoEmbedder.INSTANCE;
  }

  /** Whether this embedder produces vectors at all. */
  default boolean enabled() {
    return true;
  }
}
