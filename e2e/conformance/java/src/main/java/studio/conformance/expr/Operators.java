package studio.conformance.expr;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntPredicate;
import studio.conformance.json.JsNumber;
import studio.conformance.json.Json;

/**
 * What the operators do to values, as in the engine. Values are those of {@link Json}; any
 * Number is a JavaScript number, so a Long count and a Double compare and add as doubles.
 */
final class Operators {
  private Operators() {}

  /** The type names of error messages, as a user of the language sees values. */
  static String typeName(Object value) {
    if (value == null) return "null";
    if (value instanceof List) return "array";
    if (value instanceof Number) return "number";
    if (value instanceof String) return "string";
    if (value instanceof Boolean) return "boolean";
    return "object";
  }

  /** Whether JavaScript's typeof says "object": arrays and every object that is not null. */
  static boolean isObject(Object value) {
    return value != null && !(value instanceof Number) && !(value instanceof String) && !(value instanceof Boolean);
  }

  static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  /** JavaScript's {@code String(value)} for a value that is not an object. */
  static String text(Object value) {
    if (value instanceof Number) return JsNumber.toString(number(value));
    return String.valueOf(value);
  }

  static boolean truthy(Object value) {
    if (value == null) return false;
    if (value instanceof Boolean) return (Boolean) value;
    if (value instanceof Number) {
      double number = number(value);
      return number != 0 && !Double.isNaN(number);
    }
    if (value instanceof String) return !((String) value).isEmpty();
    return true;
  }

  /**
   * Member access that never throws: a number indexes an array or a string (one UTF-16 code
   * unit), any other key names an own property of an object; everything else is null.
   */
  static Object get(Object target, Object key) {
    if (target == null) return null;
    String name;
    if (key instanceof Number) {
      double index = number(key);
      if (target instanceof List || target instanceof String) {
        boolean isIndex = index >= 0 && index == Math.floor(index) && !Double.isInfinite(index);
        if (target instanceof List) {
          List<?> list = (List<?>) target;
          return isIndex && index < list.size() ? list.get((int) index) : null;
        }
        String string = (String) target;
        return isIndex && index < string.length() ? String.valueOf(string.charAt((int) index)) : null;
      }
      // As in JavaScript, {'1': x}[1] is x.
      name = JsNumber.toString(index);
    } else if (key instanceof String) {
      name = (String) key;
    } else {
      return null;
    }
    return Json.property(target, name);
  }

  /** Equality by value, without conversions: {@code 1 == '1'} is false, NaN equals nothing. */
  static boolean equal(Object left, Object right) {
    if (left == null || right == null) return left == right;
    if (left instanceof Number) return right instanceof Number && number(left) == number(right);
    if (left instanceof String || left instanceof Boolean) return left.equals(right);
    // The same array or object is equal to itself even when it holds a NaN.
    if (left == right) return true;
    if (left instanceof List) {
      if (!(right instanceof List)) return false;
      List<?> a = (List<?>) left;
      List<?> b = (List<?>) right;
      if (a.size() != b.size()) return false;
      for (int i = 0; i < a.size(); i++) if (!equal(a.get(i), b.get(i))) return false;
      return true;
    }
    if (right instanceof List) return false;
    Map<String, Object> a = Json.properties(left);
    Map<String, Object> b = Json.properties(right);
    if (a == null || b == null || a.size() != b.size()) return false;
    for (Map.Entry<String, Object> entry : a.entrySet()) {
      if (!b.containsKey(entry.getKey()) || !equal(entry.getValue(), b.get(entry.getKey()))) return false;
    }
    return true;
  }

  /**
   * A comparison of two numbers or two strings (by UTF-16 code units); with null it is false, so
   * a predicate over a missing field does not match. Other types throw.
   */
  static boolean compare(String symbol, Object left, Object right, IntPredicate accept) {
    if (left == null || right == null) return false;
    if (left instanceof Number && right instanceof Number) {
      double a = number(left);
      double b = number(right);
      // NaN is neither smaller, larger nor equal.
      if (Double.isNaN(a) || Double.isNaN(b)) return false;
      return accept.test(a < b ? -1 : a > b ? 1 : 0);
    }
    if (left instanceof String && right instanceof String) {
      return accept.test(Integer.signum(((String) left).compareTo((String) right)));
    }
    throw new TypeMismatchException(
        "Operator '" + symbol + "' cannot compare " + typeName(left) + " with " + typeName(right));
  }

  /** Adds numbers, or joins as text when either side is a string; null in arithmetic gives null. */
  static Object add(Object left, Object right) {
    if (left instanceof String || right instanceof String) return joinable(left) + joinable(right);
    return arithmetic("+", left, right, Double::sum);
  }

  private static String joinable(Object value) {
    if (value == null) return "null";
    if (isObject(value)) {
      throw new TypeMismatchException(
          "Operator '+' cannot join a string with " + typeName(value) + "; use toString()");
    }
    return text(value);
  }

  /** Numbers give a Double; null on either side gives null; anything else throws. */
  static Object arithmetic(String symbol, Object left, Object right, DoubleBinaryOperator operation) {
    boolean leftOk = left == null || left instanceof Number;
    boolean rightOk = right == null || right instanceof Number;
    if (!leftOk || !rightOk) {
      throw new TypeMismatchException(
          "Operator '" + symbol + "' expects numbers, got " + typeName(left) + " and " + typeName(right));
    }
    if (left == null || right == null) return null;
    return operation.applyAsDouble(number(left), number(right));
  }

  static Object negate(Object operand) {
    if (operand == null) return null;
    if (!(operand instanceof Number)) {
      throw new TypeMismatchException("Operator '-' expects a number, got " + typeName(operand));
    }
    return -number(operand);
  }
}
