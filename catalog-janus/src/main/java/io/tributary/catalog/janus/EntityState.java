package io.tributary.catalog.janus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityRef;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.janusgraph.core.JanusGraphTransaction;

/**
 * One entity while a batch is written: its state merged in memory from every write of the batch,
 * and what of it differs from the graph. The vertex is written once, when the batch is flushed.
 *
 * <p>A write that repeats the entity's last write at a later time (a streaming job's refresh) is
 * recognised without touching its JSON: it changes no value, only times, which are brought up to
 * date when something needs them ({@link #refresh}).
 */
final class EntityState implements AttributeMerge.Target {
  /** The name an entity write may carry among its attributes, as Atlas requests do. */
  private static final String NAME_ATTRIBUTE = "name";

  /** Attributes that are the entity's identity and name, never stored as attributes. */
  private static final Set<String> NOT_ATTRIBUTES = Set.of(NAME_ATTRIBUTE, "qualifiedName");

  final EntityKey key;
  final EntityRef ref;

  /** Not in the graph before this batch. */
  final boolean isNew;

  /**
   * Known to repeat this server's last write ({@link RepeatedWrites}): neither read nor written,
   * without attributes or times; every write the batch applies to it is a repeat.
   */
  private boolean unread;

  /** The vertex's id: of a stored entity, or set when a new one is flushed. */
  private Object vertexId;

  /** The vertex, once needed: a refresh that changes nothing never fetches it. */
  private Vertex vertex;

  /** The mutation of the batch that created the entity; -1 while not written or stored. */
  int createdIn = -1;

  /** Written by some mutation of the batch so far (a stored entity counts as written). */
  boolean exists;

  final String storedName;
  String name;

  /** Shared with the write cache until {@link #writableAttributes} copies it. */
  private ObjectNode attributes;

  private boolean attributesShared;

  /** Shared with the write cache, and without {@link #refresh}, until {@link #times} is asked. */
  private ObjectNode times;

  private boolean timesShared;

  /** The last write applied, if it won on every attribute: see {@link WriteCache.Snapshot}. */
  EntityWrite lastWrite;

  /** A write whose asOf {@link #times} does not hold yet. */
  EntityWrite refresh;

  final Set<String> storedClassifications;
  final Set<String> addedClassifications = new LinkedHashSet<>();

  boolean valuesChanged;

  /**
   * The names of what this batch changed ({@link ChangeEvent#attributes}): handed to the change
   * feed's drafts, which read it when the batch is published. Made by the first write that is not a
   * repeat, so that a refresh's repeated entities allocate nothing.
   */
  Set<String> changedNames;

  /** Whether the vertex lacks the times ({@link #refresh} included). */
  boolean timesDirty;

  boolean visiblyChanged;

  private final AttributeMerge merge;

  private EntityState(
      EntityKey key,
      Guid guid,
      Object vertexId,
      Vertex vertex,
      String storedName,
      ObjectNode attributes,
      ObjectNode times,
      boolean shared,
      Set<String> storedClassifications,
      AttributeMerge merge) {
    this.key = key;
    this.ref = new EntityRef(guid, key);
    this.isNew = vertexId == null;
    this.vertexId = vertexId;
    this.vertex = vertex;
    this.exists = !isNew;
    this.storedName = storedName;
    this.name = storedName;
    this.attributes = attributes;
    this.attributesShared = shared;
    this.times = times;
    this.timesShared = shared;
    this.storedClassifications = storedClassifications;
    this.merge = merge;
  }

  /** An entity the graph does not hold. */
  static EntityState fresh(EntityKey key, Json json, AttributeMerge merge) {
    return new EntityState(
        key,
        Guid.forKey(key),
        null,
        null,
        null,
        json.parse(null),
        json.parse(null),
        false,
        Set.of(),
        merge);
  }

  /** A stored entity as the graph holds it. */
  static EntityState stored(
      EntityKey key, Vertex v, EntityVertices.Stored stored, Json json, AttributeMerge merge) {
    return new EntityState(
        key,
        new Guid(stored.string(GraphSchema.GUID)),
        v.id(),
        v,
        stored.string(GraphSchema.NAME),
        json.parse(stored.string(GraphSchema.ATTRIBUTES)),
        json.parse(stored.string(GraphSchema.ATTRIBUTE_TIMES)),
        false,
        stored.classifications(),
        merge);
  }

  /**
   * A stored entity as the write cache knows it. The cached JSON is never modified: it is copied
   * when a write changes it.
   */
  static EntityState cached(EntityKey key, WriteCache.Snapshot s, AttributeMerge merge) {
    EntityState state =
        new EntityState(
            key,
            s.guid(),
            s.vertexId(),
            null,
            s.name(),
            s.attributes(),
            s.times(),
            true,
            s.classifications(),
            merge);
    state.lastWrite = s.lastWrite();
    state.refresh = s.refresh();
    state.timesDirty = s.timesDirty();
    return state;
  }

  /**
   * A stored entity this server last wrote with {@code e.lastWrite()}, which the batch's writes
   * only repeat: it is not read.
   */
  static EntityState repeated(EntityKey key, RepeatedWrites.Entry e, AttributeMerge merge) {
    EntityState state =
        new EntityState(
            key,
            e.guid(),
            e.vertexId(),
            null,
            e.name(),
            null,
            null,
            false,
            e.classifications(),
            merge);
    state.lastWrite = e.lastWrite();
    state.unread = true;
    return state;
  }

  boolean unread() {
    return unread;
  }

  Object vertexId() {
    return vertexId;
  }

  /** The vertex, fetched from {@code tx} on first use. */
  Vertex vertex(JanusGraphTransaction tx) {
    if (vertex == null) {
      vertex = tx.getVertex(vertexId);
    }
    return vertex;
  }

  /** The vertex a new entity was flushed to. */
  void created(Vertex v) {
    vertex = v;
    vertexId = v.id();
  }

  @Override
  public ObjectNode attributes() {
    return attributes;
  }

  @Override
  public ObjectNode writableAttributes() {
    if (attributesShared) {
      attributes = attributes.deepCopy();
      attributesShared = false;
    }
    return attributes;
  }

  /** The times, copied from the cache and brought up to date first if need be. */
  @Override
  public ObjectNode times() {
    if (timesShared) {
      times = times.deepCopy();
      timesShared = false;
    }
    if (refresh != null) {
      confirm(times, refresh, merge);
      refresh = null;
    }
    return times;
  }

  /** The times as they are, {@link #refresh} not applied: for the write cache. */
  ObjectNode timesAsIs() {
    return times;
  }

  /** Sets the time of every attribute {@code write} carries, and of its name, to its asOf. */
  static void confirm(ObjectNode times, EntityWrite write, AttributeMerge merge) {
    String asOf = merge.text(write.asOf());
    for (String attribute : write.attributes().keySet()) {
      if (!NOT_ATTRIBUTES.contains(attribute)) {
        times.put(attribute, asOf);
      }
    }
    if (nameOf(write) != null) {
      times.put(NAME_ATTRIBUTE, asOf);
    }
  }

  private static String nameOf(EntityWrite write) {
    Object nameAttribute = write.attributes().get(NAME_ATTRIBUTE);
    return write.name() != null
        ? write.name()
        : nameAttribute instanceof String s && !s.isBlank() ? s : null;
  }

  /**
   * Merges a write newest-wins per attribute; returns whether anything visible changed.
   *
   * @see AttributeMerge
   */
  boolean apply(EntityWrite write) {
    if (repeats(lastWrite, classifications(), write)) {
      // Every value is what the last write set; only its times move, and only when needed.
      if (write.asOf().isAfter(lastWrite.asOf())) {
        refresh = write;
        lastWrite = write;
        timesDirty = true;
      }
      return false;
    }
    if (unread) {
      // The batch checked every write of an unread entity before skipping its read.
      throw new IllegalStateException(
          "entity " + key + " was not read, yet " + write + " changes it");
    }
    if (changedNames == null) {
      changedNames = new LinkedHashSet<>();
    }
    String newName = nameOf(write);
    boolean changed = false;
    boolean nameWon = true;
    if (newName != null) {
      nameWon = AttributeMerge.wins(times(), NAME_ATTRIBUTE, write.asOf());
      if (nameWon) {
        times().put(NAME_ATTRIBUTE, merge.text(write.asOf()));
        timesDirty = true;
        if (!newName.equals(name)) {
          name = newName;
          changed = true;
          changedNames.add(NAME_ATTRIBUTE);
        }
      }
    }
    AttributeMerge.Outcome outcome =
        merge.merge(this, write.attributes(), write.asOf(), NOT_ATTRIBUTES, changedNames);
    lastWrite = nameWon && outcome.allWon() ? write : null;
    timesDirty |= outcome.timesChanged();
    valuesChanged |= outcome.valuesChanged();
    changed |= outcome.valuesChanged();
    for (String c : write.classifications()) {
      if (!storedClassifications.contains(c) && addedClassifications.add(c)) {
        changed = true;
        changedNames.add(ChangeEvent.CLASSIFICATIONS);
      }
    }
    visiblyChanged |= changed;
    return changed;
  }

  /**
   * Whether {@code write} carries what the last write carried, at the same time or later: the last
   * write set the time of each of those attributes, so this one wins on all and changes no value.
   */
  static boolean repeats(EntityWrite lastWrite, Set<String> classifications, EntityWrite write) {
    return lastWrite != null
        && !write.asOf().isBefore(lastWrite.asOf())
        && Objects.equals(write.name(), lastWrite.name())
        && write.attributes().equals(lastWrite.attributes())
        && classifications.containsAll(write.classifications());
  }

  /**
   * Whether {@code writes}, applied in order to an entity whose last write was {@code lastWrite},
   * are all repeats ({@link #apply} follows the same steps).
   */
  static boolean allRepeat(
      EntityWrite lastWrite, Set<String> classifications, List<EntityWrite> writes) {
    EntityWrite last = lastWrite;
    for (EntityWrite w : writes) {
      if (!repeats(last, classifications, w)) {
        return false;
      }
      if (w.asOf().isAfter(last.asOf())) {
        last = w;
      }
    }
    return true;
  }

  boolean nameChanged() {
    return name != null && !name.equals(storedName);
  }

  /** Whether the vertex needs any write besides its attribute times. */
  boolean needsWrite() {
    return isNew || valuesChanged || nameChanged() || !addedClassifications.isEmpty();
  }

  Set<String> classifications() {
    if (addedClassifications.isEmpty()) {
      return storedClassifications;
    }
    Set<String> all = new LinkedHashSet<>(storedClassifications);
    all.addAll(addedClassifications);
    return Set.copyOf(all);
  }
}
