package io.tributary.search.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) run by ONNX Runtime from the model inside its jar.
 * Loading takes about a second, so it happens on first use, on the caller's thread (the indexer's
 * or a query's), never at construction.
 *
 * <p>The session runs on the calling thread alone, without ONNX Runtime's spinning thread pool: by
 * default its pool threads spin for a while after every inference, which on a small server takes a
 * core away from ingest for each entity embedded.
 */
public final class MiniLmEmbedder implements Embedder {
  private static final int DIMENSIONS = 384;
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  // The model splits long texts itself; one caller thread is the whole budget.
  private static final Executor SAME_THREAD = Runnable::run;

  private volatile Model model;

  /** The model on a session of our own options ({@link #open}). */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(SAME_THREAD);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSIONS;
    }
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[] embed(String text) {
    float[] vector = model().embed(text).content().vector();
    return normalised(vector);
  }

  private Model model() {
    Model m = model;
    if (m == null) {
      synchronized (this) {
        m = model;
        if (m == null) {
          m = open();
          model = m;
        }
      }
    }
    return m;
  }

  private static Model open() {
    try (InputStream onnx = resource(MODEL);
        InputStream tokenizer = resource(TOKENIZER);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session = environment.createSession(onnx.readAllBytes(), options);
      return new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
    } catch (IOException e) {
      throw new UncheckedIOException("loading the embedding model", e);
    } catch (OrtException e) {
      throw new IllegalStateException("loading the embedding model: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the embedding model's " + name + " is not on the classpath");
    }
    return in;
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
