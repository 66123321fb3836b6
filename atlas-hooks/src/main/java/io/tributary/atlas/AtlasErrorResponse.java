package io.tributary.atlas;

/** Atlas's error body: {@code {"errorCode":"ATLAS-404-00-005","errorMessage":"..."}}. */
public record AtlasErrorResponse(String errorCode, String errorMessage) {}
