package studio.conformance.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import studio.conformance.json.Json;

/**
 * The built-in functions. Each returns null when its main argument is null ("null in, null out"),
 * so a missing field flows through a chain of calls instead of failing the record; the other
 * arguments are checked first, so a wrong separator fails even on a null string.
 */
final class Functions {
  private Functions() {}

  private static String string(String function, Object value, String what) {
    if (!(value instanceof String)) {
      throw new TypeMismatchException(function + "() expects " + what + ", got " + Operators.typeName(value));
    }
    return (String) value;
  }

  private static String string(String function, Object value) {
    return string(function, value, "a string");
  }

  private static double number(String function, Object value, String what) {
    if (!(value instanceof Number)) {
      throw new TypeMismatchException(function + "() expects " + what + ", got " + Operators.typeName(value));
    }
    return Operators.number(value);
  }

  private static double number(String function, Object value) {
    return number(function, value, "a number");
  }

  // Locale.ROOT: JavaScript's case mapping is the same in every locale.
  static Object lower(Object s) {
    return s == null ? null : string("lower", s).toLowerCase(Locale.ROOT);
  }

  static Object upper(Object s) {
    return s == null ? null : string("upper", s).toUpperCase(Locale.ROOT);
  }

  static Object trim(Object s) {
    return s == null ? null : JsText.trim(string("trim", s));
  }

  /** In UTF-16 code units for a string: an emoji is 2. */
  static Object length(Object x) {
    if (x == null) return null;
    if (x instanceof String) return (double) ((String) x).length();
    if (x instanceof List) return (double) ((List<?>) x).size();
    throw new TypeMismatchException("length() expects a string or an array, got " + Operators.typeName(x));
  }

  static Object split(Object s, Object separator) {
    String sep = string("split", separator, "a string separator");
    return s == null ? null : JsText.split(string("split", s), sep);
  }

  /** Joins its arguments as text, arrays and objects as JSON; nulls are skipped. */
  static Object concat(List<Object> parts) {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      if (part == null) continue;
      text.append(Operators.isObject(part) ? Json.stringify(part) : Operators.text(part));
    }
    return text.toString();
  }

  /** Code units from {@code start} up to but excluding {@code end}, both clamped to the string. */
  static Object substring(Object s, Object start, Object end) {
    double from = number("substring", start, "a number start");
    Double to = end == null ? null : number("substring", end, "a number end");
    if (s == null) return null;
    String text = string("substring", s);
    double first = clamp(from, text.length());
    double last = to == null ? text.length() : clamp(to, text.length());
    // NaN survives the clamping, fails the comparison and then counts as 0, as in JavaScript.
    if (last <= first) return "";
    int firstIndex = Double.isNaN(first) ? 0 : (int) first;
    int lastIndex = Double.isNaN(last) ? 0 : (int) last;
    return lastIndex <= firstIndex ? "" : text.substring(firstIndex, lastIndex);
  }

  /** {@code Math.min(Math.max(Math.trunc(index), 0), size)}, NaN staying NaN. */
  private static double clamp(double index, int size) {
    if (Double.isNaN(index)) return Double.NaN;
    return Math.min(Math.max(index < 0 ? Math.ceil(index) : Math.floor(index), 0), size);
  }

  static Object startsWith(Object s, Object prefix) {
    String head = string("startsWith", prefix, "a string prefix");
    return s == null ? null : string("startsWith", s).startsWith(head);
  }

  static Object endsWith(Object s, Object suffix) {
    String tail = string("endsWith", suffix, "a string suffix");
    return s == null ? null : string("endsWith", s).endsWith(tail);
  }

  /** Substring test for strings, membership by value ({@code ==}) for arrays. */
  static Object contains(Object x, Object item) {
    if (x == null) return null;
    if (x instanceof List) {
      for (Object element : (List<?>) x) if (Operators.equal(element, item)) return true;
      return false;
    }
    if (x instanceof String) {
      return item == null ? null : ((String) x).contains(string("contains", item, "a string item"));
    }
    throw new TypeMismatchException("contains() expects a string or an array, got " + Operators.typeName(x));
  }

  /** Replaces every occurrence of {@code from}, literally; an empty {@code from} replaces nothing. */
  static Object replace(Object s, Object from, Object to) {
    String search = string("replace", from, "a string to search for");
    String replacement = string("replace", to, "a string replacement");
    if (s == null) return null;
    String text = string("replace", s);
    return search.isEmpty() ? text : text.replace(search, replacement);
  }

  /** Text that is not a number gives null rather than NaN; a number is returned as it is. */
  static Object toNumber(Object x) {
    if (x == null || x instanceof Number) return x;
    if (x instanceof Boolean) return (Boolean) x ? 1.0 : 0.0;
    if (x instanceof String) {
      String text = JsText.trim((String) x);
      double parsed = text.isEmpty() ? Double.NaN : JsText.toNumber(text);
      return Double.isNaN(parsed) ? null : parsed;
    }
    throw new TypeMismatchException(
        "toNumber() expects a string, number or boolean, got " + Operators.typeName(x));
  }

  /** The built-in toString: arrays and objects become JSON. */
  static Object toText(Object x) {
    if (x == null) return null;
    return Operators.isObject(x) ? Json.stringify(x) : Operators.text(x);
  }

  static Object abs(Object n) {
    return n == null ? null : Math.abs(number("abs", n));
  }

  static Object floor(Object n) {
    return n == null ? null : Math.floor(number("floor", n));
  }

  static Object ceil(Object n) {
    return n == null ? null : Math.ceil(number("ceil", n));
  }

  /**
   * JavaScript's Math.round: halves go toward +Infinity ({@code round(-2.5)} is -2) and results
   * between -0.5 and 0 are -0, where Java's Math.round would give 0 and a long.
   */
  static Object round(Object n) {
    if (n == null) return null;
    double value = number("round", n);
    if (Double.isNaN(value) || Double.isInfinite(value) || value == Math.floor(value)) return value;
    if (value > 0 && value < 0.5) return 0.0;
    if (value < 0 && value >= -0.5) return -0.0;
    double floor = Math.floor(value);
    return value - floor >= 0.5 ? floor + 1 : floor;
  }

  /** The smallest or largest of the arguments that are not null; null when all are. */
  static Object extreme(String function, List<Object> values, DoubleBinaryOperator pick) {
    Double best = null;
    for (Object value : values) {
      if (value == null) continue;
      double n = number(function, value, "numbers");
      best = best == null ? n : pick.applyAsDouble(best, n);
    }
    return best;
  }

  /** Own keys in JavaScript's order: index-like keys first, in numeric order. */
  static Object keys(Object o) {
    if (o == null) return null;
    Map<String, Object> properties = Json.properties(o);
    if (properties == null) {
      throw new TypeMismatchException("keys() expects an object, got " + Operators.typeName(o));
    }
    return new ArrayList<Object>(properties.keySet());
  }

  static Object parseJson(Object s) {
    if (s == null) return null;
    String text = string("parseJson", s);
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new TypeMismatchException("parseJson() could not parse its argument: " + e.getMessage(), e);
    }
  }
}
