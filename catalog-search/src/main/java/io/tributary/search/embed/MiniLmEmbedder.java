package io.tributary.search.embed;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) run by ONNX Runtime from the model inside its jar.
 * Loading takes about a second, so it happens on first use, on the caller's thread (the indexer's
 * or a query's), never at construction.
 */
public final class MiniLmEmbedder implements Embedder {
  private static final int DIMENSIONS = 384;
  // The model splits long texts itself; one caller thread is the whole budget.
  private static final Executor SAME_THREAD = Runnable::run;

  private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[] embed(String text) {
    float[] vector = model().embed(text).content().vector();
    return normalised(vector);
  }

  private AllMiniLmL6V2QuantizedEmbeddingModel model() {
    AllMiniLmL6V2QuantizedEmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        m = model;
        if (m == null) {
          m = new AllMiniLmL6V2QuantizedEmbeddingModel(SAME_THREAD);
          model = m;
        }
      }
    }
    return m;
  }

  private static float[] normalised(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    double norm = Math.sqrt(sum);
    if (norm == 0) {
      return v;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }
}
