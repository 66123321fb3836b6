package io.tributary.search.embed;

/** The embedder of an index without vectors. */
final class NoEmbedder implements Embedder {
  static final NoEmbedder INSTANCE = new NoEmbedder();

  private NoEmbedder() {}

  @Override
  public int dimensions() {
    return 0;
  }

  @Override
  public float[] embed(String text) {
    throw new UnsupportedOperationException("embeddings are off (search.embeddings = false)");
  }

  @Override
  public boolean enabled() {
    return false;
  }
}
