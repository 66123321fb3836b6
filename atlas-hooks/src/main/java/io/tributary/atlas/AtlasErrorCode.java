package io.tributary.atlas;

import java.text.MessageFormat;

/**
 * The subset of Atlas's {@code AtlasErrorCode} that Tributary's Atlas API raises, with Atlas's HTTP
 * status, code and message template, so that Atlas clients see the errors they know.
 */
public enum AtlasErrorCode {
  BAD_REQUEST(400, "ATLAS-400-00-029", "{0}"),
  INVALID_PARAMETERS(400, "ATLAS-400-00-01A", "invalid parameters: {0}"),
  TYPE_NAME_INVALID(400, "ATLAS-400-00-014", "Type {0} with name {1} does not exist"),
  UNKNOWN_CLASSIFICATION(400, "ATLAS-400-00-046", "{0}: Unknown/invalid classification"),
  INVALID_CUSTOM_ATTRIBUTE_KEY_LENGTH(
      400,
      "ATLAS-400-00-08C",
      "Invalid key: {0} in custom attribute, key size should not be greater than 50"),
  INVALID_CUSTOM_ATTRIBUTE_KEY_CHARACTERS(
      400,
      "ATLAS-400-00-08D",
      "Invalid key: {0} in custom attribute, key should only contain alphanumeric characters, '_'"
          + " or '-'"),
  INVALID_CUSTOM_ATTRIBUTE_VALUE(
      400,
      "ATLAS-400-00-08E",
      "Invalid value: {0} in custom attribute, value length is greater than {1}"),
  UNRESOLVED_REFERENCES_FOUND(
      400, "ATLAS-400-00-022", "Unresolved references: byId={0}; byUniqueAttributes={1}"),
  TYPE_NAME_NOT_FOUND(404, "ATLAS-404-00-001", "Given typename {0} was invalid"),
  INSTANCE_GUID_NOT_FOUND(404, "ATLAS-404-00-005", "Given instance guid {0} is invalid/not found"),
  CLASSIFICATION_NOT_FOUND(404, "ATLAS-404-00-008", "Given classification {0} was invalid"),
  INSTANCE_CRUD_INVALID_PARAMS(
      404, "ATLAS-404-00-007", "Invalid instance creation/updation parameters passed : {0}"),
  INSTANCE_BY_UNIQUE_ATTRIBUTE_NOT_FOUND(
      404, "ATLAS-404-00-009", "Instance {0} with unique attribute {1} does not exist"),
  REFERENCED_ENTITY_NOT_FOUND(404, "ATLAS-404-00-00A", "Referenced entity {0} is not found"),
  TYPE_ALREADY_EXISTS(409, "ATLAS-409-00-001", "Given type {0} already exists"),
  INTERNAL_ERROR(500, "ATLAS-500-00-001", "Internal server error {0}");

  private final int httpStatus;
  private final String code;
  private final String template;

  AtlasErrorCode(int httpStatus, String code, String template) {
    this.httpStatus = httpStatus;
    this.code = code;
    this.template = template;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String code() {
    return code;
  }

  /** The message as Atlas formats it ({@code MessageFormat}, no grouping of numbers). */
  public String format(Object... params) {
    Object[] texts = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      texts[i] = String.valueOf(params[i]);
    }
    return new MessageFormat(template.replace("'", "''")).format(texts);
  }
}
