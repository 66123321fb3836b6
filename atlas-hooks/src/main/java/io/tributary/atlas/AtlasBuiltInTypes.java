package io.tributary.atlas;

import java.util.Set;

/** Atlas's primitive type names, which no typedef may reuse. */
final class AtlasBuiltInTypes {
  private static final Set<String> PRIMITIVES =
      Set.of(
          "boolean",
          "byte",
          "short",
          "int",
          "long",
          "float",
          "double",
          "biginteger",
          "bigdecimal",
          "string",
          "date",
          "object");

  private AtlasBuiltInTypes() {}

  static boolean isPrimitive(String name) {
    return PRIMITIVES.contains(name);
  }
}
