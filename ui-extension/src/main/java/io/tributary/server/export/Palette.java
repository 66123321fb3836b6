package io.tributary.server.export;

/** The light theme of the web UI, for images drawn on the server. */
record Palette(String fill, String stroke) {
  static final String BACKGROUND = "#ffffff";
  static final String TEXT = "#1b2330";
  static final String EDGE = "#8a94a6";
  static final String FOCUS = "#2563eb";

  static Palette of(NodeKind kind) {
    return switch (kind) {
      case PROCESS -> new Palette("#fef3c7", "#b45309");
      case COLUMN -> new Palette("#ecfdf5", "#059669");
      case REDACTED -> new Palette("#e5e7eb", "#5b6575");
      case DATASET -> new Palette("#dbeafe", "#2563eb");
    };
  }
}
