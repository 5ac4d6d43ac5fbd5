package studio.conformance.graph;

import java.util.List;
import java.util.Map;

/** Typed reads of a parsed design, with errors that name where the bad value is. */
final class GraphJson {
  private GraphJson() {}

  static Map<?, ?> object(Object value, String where) {
    if (value instanceof Map) return (Map<?, ?>) value;
    throw new IllegalArgumentException(where + " must be an object");
  }

  static List<?> list(Object value, String where) {
    if (value instanceof List) return (List<?>) value;
    throw new IllegalArgumentException(where + " must be an array");
  }

  static String string(Map<?, ?> map, String field) {
    Object value = map.get(field);
    return value instanceof String ? (String) value : null;
  }

  static Long millis(Map<?, ?> map, String field) {
    Object value = map.get(field);
    return value instanceof Number ? ((Number) value).longValue() : null;
  }
}
