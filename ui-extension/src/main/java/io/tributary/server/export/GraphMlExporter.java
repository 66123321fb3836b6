package io.tributary.server.export;

import io.tributary.catalog.LineageEdge;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** GraphML, for yEd, Gephi and NetworkX: one node per entity, one directed edge per link. */
public final class GraphMlExporter implements LineageExporter {
  private static final String NS = "http://graphml.graphdrawing.org/xmlns";
  private static final List<String> NODE_KEYS =
      List.of("typeName", "qualifiedName", "name", "tenant", "classifications");

  @Override
  public String format() {
    return "graphml";
  }

  @Override
  public String mediaType() {
    return "application/graphml+xml";
  }

  @Override
  public String fileExtension() {
    return "graphml";
  }

  @Override
  public void write(LineageExport export, OutputStream out) throws IOException {
    try {
      // The JDK's writer, not whatever the classpath registers: the Woodstox that Ranger's shaded
      // Hadoop client registers fails on the newline written after the end of the document.
      XMLStreamWriter w =
          XMLOutputFactory.newDefaultFactory()
              .createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("graphml");
      w.writeDefaultNamespace(NS);
      for (String key : NODE_KEYS) {
        key(w, key, "node");
      }
      key(w, "relationshipType", "edge");
      w.writeStartElement("graph");
      w.writeAttribute("id", "lineage");
      w.writeAttribute("edgedefault", "directed");
      for (LineageExport.Node node : export.nodes()) {
        w.writeCharacters("\n  ");
        w.writeStartElement("node");
        w.writeAttribute("id", node.guid().value());
        Map<String, String> values =
            Map.of(
                "typeName", node.typeName(),
                "qualifiedName", node.qualifiedName(),
                "name", node.name(),
                "tenant", node.entity() == null ? "" : node.entity().tenant().value(),
                "classifications",
                    node.entity() == null
                        ? ""
                        : String.join(",", new TreeSet<>(node.entity().classifications())));
        for (String key : NODE_KEYS) {
          data(w, key, values.get(key));
        }
        w.writeEndElement();
      }
      int i = 0;
      for (LineageEdge e : export.graph().edges()) {
        w.writeCharacters("\n  ");
        w.writeStartElement("edge");
        w.writeAttribute("id", "e" + i++);
        w.writeAttribute("source", e.from().value());
        w.writeAttribute("target", e.to().value());
        data(w, "relationshipType", e.relationshipType());
        w.writeEndElement();
      }
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.writeCharacters("\n");
      w.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write GraphML: " + e.getMessage(), e);
    }
  }

  private static void key(XMLStreamWriter w, String name, String target) throws XMLStreamException {
    w.writeCharacters("\n");
    w.writeEmptyElement("key");
    w.writeAttribute("id", name);
    w.writeAttribute("for", target);
    w.writeAttribute("attr.name", name);
    w.writeAttribute("attr.type", "string");
  }

  private static void data(XMLStreamWriter w, String key, String value) throws XMLStreamException {
    w.writeStartElement("data");
    w.writeAttribute("key", key);
    w.writeCharacters(value);
    w.writeEndElement();
  }
}
