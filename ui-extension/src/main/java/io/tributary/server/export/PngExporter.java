package io.tributary.server.export;

import io.tributary.catalog.LineageEdge;
import io.tributary.server.layout.LayoutResult.Point;
import java.awt.AWTError;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG drawn with Java2D from the ELK layout. Large graphs are scaled down so that neither side
 * exceeds {@link #MAX_SIDE} pixels.
 */
public final class PngExporter implements LineageExporter {
  static final int MAX_SIDE = 8_000;

  @Override
  public String format() {
    return "png";
  }

  @Override
  public String mediaType() {
    return "image/png";
  }

  @Override
  public boolean needsDrawing() {
    return true;
  }

  @Override
  public String fileExtension() {
    return "png";
  }

  @Override
  public void write(LineageExport export, OutputStream out) throws IOException {
    Drawing d = export.drawing().get();
    double scale = Math.min(2.0, Math.min(MAX_SIDE / d.width(), MAX_SIDE / d.height()));
    int width = Math.max(1, (int) Math.ceil(d.width() * scale));
    int height = Math.max(1, (int) Math.ceil(d.height() * scale));
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.decode(Palette.BACKGROUND));
      g.fillRect(0, 0, width, height);
      g.scale(scale, scale);
      drawEdges(g, export.graph().edges(), d);
      drawNodes(g, export, d);
    } finally {
      g.dispose();
    }
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("no PNG writer is available");
    }
  }

  private static void drawEdges(Graphics2D g, List<LineageEdge> edges, Drawing d) {
    g.setColor(Color.decode(Palette.EDGE));
    g.setStroke(new BasicStroke(1.5f));
    for (int i = 0; i < edges.size(); i++) {
      List<Point> route = d.routes().get(i);
      if (route.size() < 2) {
        continue;
      }
      Path2D.Double line = new Path2D.Double();
      line.moveTo(route.get(0).x(), route.get(0).y());
      route.stream().skip(1).forEach(p -> line.lineTo(p.x(), p.y()));
      g.draw(line);
      arrow(g, route.get(route.size() - 2), route.get(route.size() - 1));
    }
  }

  private static void arrow(Graphics2D g, Point from, Point to) {
    AffineTransform saved = g.getTransform();
    g.translate(to.x(), to.y());
    g.rotate(Math.atan2(to.y() - from.y(), to.x() - from.x()));
    Path2D.Double head = new Path2D.Double();
    head.moveTo(0, 0);
    head.lineTo(-8, -4);
    head.lineTo(-8, 4);
    head.closePath();
    g.fill(head);
    g.setTransform(saved);
  }

  private static void drawNodes(Graphics2D g, LineageExport export, Drawing d) {
    Font font = labelFont();
    for (LineageExport.Node node : export.nodes()) {
      Drawing.Box b = d.boxes().get(node.guid());
      Palette p = Palette.of(node.kind());
      boolean focus = node.guid().equals(export.graph().start());
      RoundRectangle2D.Double box =
          new RoundRectangle2D.Double(b.x(), b.y(), b.width(), b.height(), 10, 10);
      g.setColor(Color.decode(p.fill()));
      g.fill(box);
      g.setColor(Color.decode(focus ? Palette.FOCUS : p.stroke()));
      g.setStroke(new BasicStroke(focus ? 3f : 1.5f));
      g.draw(box);
      if (font != null) {
        label(g, font, node.name(), b);
      }
    }
  }

  /** Null when the JVM has no usable font (a headless machine without fontconfig fonts). */
  private static Font labelFont() {
    try {
      Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
      font.getFamily();
      return font;
    } catch (AWTError | RuntimeException e) {
      return null;
    }
  }

  private static void label(Graphics2D g, Font font, String text, Drawing.Box b) {
    try {
      g.setFont(font);
      g.setColor(Color.decode(Palette.TEXT));
      FontMetrics m = g.getFontMetrics();
      String shown = text;
      while (shown.length() > 1 && m.stringWidth(shown) > b.width() - 10) {
        shown = shown.substring(0, shown.length() - 2) + "…";
      }
      g.drawString(
          shown,
          (float) (b.centerX() - m.stringWidth(shown) / 2.0),
          (float) (b.centerY() + m.getAscent() / 2.0 - 2));
    } catch (AWTError | RuntimeException e) {
      // Without fonts the boxes and edges still tell the story; labels are in the other formats.
    }
  }
}
