package io.tributary.search.index;

import io.tributary.catalog.Guid;
import io.tributary.contract.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The Lucene index: documents by guid, BM25 over analysed text (English stemming, identifiers split
 * into words), HNSW vectors when an embedder is on. One writer; searches see the state of the last
 * {@link #refresh()}. The last change-feed sequence applied is kept in the commit's user data, so
 * that a restart knows where to continue.
 */
public final class SearchIndex implements AutoCloseable {
  public static final String SEQUENCE = "tributary.feed.sequence";
  public static final String EMBEDDER = "tributary.embedder";

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Path path;

  private SearchIndex(Path path, Directory directory, IndexWriter writer) throws IOException {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  public static SearchIndex open(Path path) {
    try {
      Files.createDirectories(path);
      Directory directory = FSDirectory.open(path);
      IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(32);
      return new SearchIndex(path, directory, new IndexWriter(directory, config));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index in " + path, e);
    }
  }

  /** The sequence stored with the last commit, 0 when none (a new or an emptied index). */
  public long committedSequence() {
    String value = commitData(SEQUENCE);
    return value == null ? 0 : Long.parseLong(value);
  }

  /** Which embedder wrote the vectors of the last commit, null when none committed. */
  public String committedEmbedder() {
    return commitData(EMBEDDER);
  }

  private String commitData(String key) {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data == null) {
      return null;
    }
    for (Map.Entry<String, String> e : data) {
      if (key.equals(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  public int size() {
    return writer.getDocStats().numDocs;
  }

  public void upsert(IndexedEntity e, float[] vector) {
    try {
      writer.updateDocument(new Term(Fields.GUID, e.guid().value()), document(e, vector));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public void delete(Guid guid) {
    try {
      writer.deleteDocuments(new Term(Fields.GUID, guid.value()));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public void deleteAll() {
    try {
      writer.deleteAll();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Makes what was written so far searchable. */
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Makes what was written durable, with the last feed sequence it includes. */
  public void commit(long sequence, String embedder) {
    try {
      writer.setLiveCommitData(
          Map.of(SEQUENCE, Long.toString(sequence), EMBEDDER, embedder).entrySet());
      writer.commit();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** BM25 over names, qualified names, fields, descriptions, tags, owners and context. */
  public List<Hit> keyword(String text, IndexFilter filter, int k) {
    return search(filtered(keywordQuery(text), filter), k);
  }

  /** Nearest vectors (HNSW), restricted to the filter. */
  public List<Hit> semantic(float[] vector, IndexFilter filter, int k) {
    Query restriction = filter.isEmpty() ? null : filtered(new MatchAllDocsQuery(), filter);
    return search(new KnnFloatVectorQuery(Fields.VECTOR, vector, k, restriction), k);
  }

  /** Any query over the index's {@link Fields}, filtered. */
  public List<Hit> query(Query query, IndexFilter filter, int k) {
    return search(filtered(query, filter), k);
  }

  /** The query text parsed by the index's analyser for one field, or null if nothing is left. */
  public Query parse(String field, String text) {
    return new QueryBuilder(analyzer).createBooleanQuery(field, text);
  }

  /** The terms the index's analyser makes of a text (lower case, English stems). */
  public List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (var stream = analyzer.tokenStream(Fields.NAME_WORDS, text)) {
      var term =
          stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Bytes the index takes on disk. */
  public long diskBytes() {
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).mapToLong(SearchIndex::sizeOf).sum();
    } catch (IOException e) {
      return -1;
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  Query keywordQuery(String text) {
    String lower = text.toLowerCase(Locale.ROOT).strip();
    String words = String.join(" ", Words.split(text));
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(
        new BoostQuery(new TermQuery(new Term(Fields.NAME_LC, lower)), 8),
        BooleanClause.Occur.SHOULD);
    q.add(
        new BoostQuery(new TermQuery(new Term(Fields.QUALIFIED_NAME_LC, lower)), 8),
        BooleanClause.Occur.SHOULD);
    q.add(
        new BoostQuery(new PrefixQuery(new Term(Fields.NAME_LC, lower)), 2),
        BooleanClause.Occur.SHOULD);
    add(q, Fields.NAME_WORDS, words, 3);
    add(q, Fields.FIELDS, words, 1.5f);
    add(q, Fields.ALL, words, 1);
    return q.build();
  }

  private void add(BooleanQuery.Builder q, String field, String text, float boost) {
    Query parsed = parse(field, text);
    if (parsed != null) {
      q.add(new BoostQuery(parsed, boost), BooleanClause.Occur.SHOULD);
    }
  }

  private static Query filtered(Query query, IndexFilter filter) {
    if (filter.isEmpty()) {
      return query;
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    if (filter.tenant() != null) {
      q.add(term(Fields.TENANT, filter.tenant().value()), BooleanClause.Occur.FILTER);
    }
    if (!filter.types().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      filter.types().forEach(t -> any.add(term(Fields.TYPE, t), BooleanClause.Occur.SHOULD));
      q.add(any.build(), BooleanClause.Occur.FILTER);
    }
    if (filter.classification() != null) {
      q.add(term(Fields.CLASSIFICATION, filter.classification()), BooleanClause.Occur.FILTER);
    }
    if (filter.kind() != null) {
      q.add(term(Fields.KIND, filter.kind().name()), BooleanClause.Occur.FILTER);
    }
    return q.build();
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }

  private List<Hit> search(Query query, int k) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top = searcher.search(query, Math.max(1, k));
        List<Hit> out = new ArrayList<>(top.scoreDocs.length);
        var stored = searcher.storedFields();
        for (ScoreDoc d : top.scoreDocs) {
          out.add(new Hit(entity(stored.document(d.doc)), d.score));
        }
        return out;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document document(IndexedEntity e, float[] vector) {
    Document d = new Document();
    d.add(new StringField(Fields.GUID, e.guid().value(), Field.Store.YES));
    d.add(new StringField(Fields.TENANT, e.tenant().value(), Field.Store.YES));
    d.add(new StringField(Fields.TYPE, e.typeName(), Field.Store.YES));
    d.add(new StringField(Fields.KIND, e.kind().name(), Field.Store.YES));
    d.add(new StringField(Fields.QUALIFIED_NAME, e.qualifiedName(), Field.Store.YES));
    d.add(
        new StringField(
            Fields.QUALIFIED_NAME_LC, e.qualifiedName().toLowerCase(Locale.ROOT), Field.Store.NO));
    String name = e.name() == null ? e.qualifiedName() : e.name();
    d.add(new StoredField(Fields.NAME, name));
    d.add(new StringField(Fields.NAME_LC, name.toLowerCase(Locale.ROOT), Field.Store.NO));
    d.add(new TextField(Fields.NAME_WORDS, Words.expanded(name), Field.Store.NO));
    for (String word : new java.util.TreeSet<>(Words.split(name))) {
      d.add(new StringField(Fields.NAME_TOKEN, word, Field.Store.NO));
    }
    StringBuilder all = new StringBuilder();
    all.append(Words.expanded(e.qualifiedName())).append(' ');
    all.append(String.join(" ", Words.split(e.typeName()))).append(' ');
    for (String f : e.fields()) {
      d.add(new StringField(Fields.FIELD_EXACT, f.toLowerCase(Locale.ROOT), Field.Store.YES));
      d.add(new TextField(Fields.FIELDS, Words.expanded(f), Field.Store.NO));
    }
    for (String c : e.classifications()) {
      d.add(new StringField(Fields.CLASSIFICATION, c, Field.Store.YES));
      all.append(c).append(' ');
    }
    for (String o : e.owners()) {
      d.add(new StoredField(Fields.OWNER, o));
      all.append(Words.expanded(o)).append(' ');
    }
    e.tags().forEach(t -> all.append(Words.expanded(t)).append(' '));
    if (e.description() != null) {
      d.add(new StoredField(Fields.DESCRIPTION, e.description()));
      all.append(e.description()).append(' ');
    }
    if (e.dataset() != null) {
      d.add(new StringField(Fields.DATASET, e.dataset(), Field.Store.YES));
      all.append(Words.expanded(e.dataset())).append(' ');
    }
    if (e.context() != null) {
      all.append(e.context());
    }
    d.add(new TextField(Fields.ALL, all.toString(), Field.Store.NO));
    d.add(new IntPoint(Fields.PRODUCERS, e.producers()));
    d.add(new StoredField(Fields.PRODUCERS, e.producers()));
    d.add(new IntPoint(Fields.CONSUMERS, e.consumers()));
    d.add(new StoredField(Fields.CONSUMERS, e.consumers()));
    d.add(new IntPoint(Fields.QUALITY_FAILURES, e.qualityFailures()));
    d.add(new StoredField(Fields.QUALITY_FAILURES, e.qualityFailures()));
    d.add(new LongPoint(Fields.UPDATED, e.updateTime()));
    d.add(new StoredField(Fields.UPDATED, e.updateTime()));
    if (vector != null) {
      d.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return d;
  }

  private static IndexedEntity entity(Document d) {
    return new IndexedEntity(
        new Guid(d.get(Fields.GUID)),
        new TenantId(d.get(Fields.TENANT)),
        d.get(Fields.TYPE),
        EntityKind.valueOf(d.get(Fields.KIND)),
        d.get(Fields.QUALIFIED_NAME),
        d.get(Fields.NAME),
        d.get(Fields.DESCRIPTION),
        values(d, Fields.FIELD_EXACT),
        List.of(),
        values(d, Fields.OWNER),
        values(d, Fields.CLASSIFICATION),
        d.get(Fields.DATASET),
        null,
        number(d, Fields.PRODUCERS).intValue(),
        number(d, Fields.CONSUMERS).intValue(),
        number(d, Fields.QUALITY_FAILURES).intValue(),
        number(d, Fields.UPDATED).longValue());
  }

  private static List<String> values(Document d, String field) {
    return Stream.of(d.getFields(field)).map(IndexableField::stringValue).toList();
  }

  private static Number number(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null || f.numericValue() == null ? 0 : f.numericValue();
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
