package studio.conformance.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;

/**
 * JSON as the engine reads and writes it ({@code JSON.parse} and {@code JSON.stringify}), over
 * the value model both sides of the conformance suite share: null, Boolean, Double (every parsed
 * number), String, List and Map. Any Number is accepted on output.
 *
 * <p>Some Java values stand for JavaScript objects of the engine, and look like them here and in
 * expressions: a Kafka {@link Windowed} is the engine's Windowed, whose own properties are
 * {@code windowKey} and {@code windowValue}; a {@link Window} has {@code startMs} and
 * {@code endMs}; a {@code byte[]} is a Uint8Array, whose properties are its indexes.
 */
public final class Json {
  private Json() {}

  /** The value of a JSON text, or an IllegalArgumentException giving the offset of the problem. */
  public static Object parse(String text) {
    return new Reader(text).document();
  }

  /** {@code JSON.stringify(value)}, without spaces. */
  public static String stringify(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /**
   * The own enumerable properties JavaScript sees on a non-array object, in JavaScript's order,
   * or null when the value is not one (null, a boolean, number, string or list).
   */
  public static Map<String, Object> properties(Object value) {
    if (value instanceof Map) return inJavaScriptOrder((Map<?, ?>) value);
    if (value instanceof Windowed) {
      Windowed<?> windowed = (Windowed<?>) value;
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("windowKey", windowed.key());
      properties.put("windowValue", windowed.window());
      return properties;
    }
    if (value instanceof Window) {
      Window window = (Window) value;
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("startMs", (double) window.start());
      properties.put("endMs", (double) window.end());
      return properties;
    }
    if (value instanceof byte[]) {
      byte[] bytes = (byte[]) value;
      Map<String, Object> properties = new LinkedHashMap<>();
      for (int i = 0; i < bytes.length; i++) properties.put(Integer.toString(i), (double) (bytes[i] & 0xff));
      return properties;
    }
    return null;
  }

  /** The value of an own property of an object (see {@link #properties}); null when it has none. */
  public static Object property(Object value, String name) {
    if (value instanceof Map) return ((Map<?, ?>) value).get(name);
    Map<String, Object> properties = properties(value);
    return properties == null ? null : properties.get(name);
  }

  /**
   * JavaScript lists the keys that are array indexes first, in numeric order, then the others in
   * the order they were added; a map keeps only the order they were added.
   */
  private static Map<String, Object> inJavaScriptOrder(Map<?, ?> map) {
    Map<Long, Object> indexed = new TreeMap<>();
    Map<String, Object> named = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      long index = arrayIndex(key);
      if (index >= 0) indexed.put(index, entry.getValue());
      else named.put(key, entry.getValue());
    }
    if (indexed.isEmpty()) return named;
    Map<String, Object> ordered = new LinkedHashMap<>();
    indexed.forEach((index, value) -> ordered.put(Long.toString(index), value));
    ordered.putAll(named);
    return ordered;
  }

  /** The index a key names (0 to 2^32 - 2, written without leading zeros), or -1. */
  private static long arrayIndex(String key) {
    int length = key.length();
    if (length == 0 || length > 10 || (length > 1 && key.charAt(0) == '0')) return -1;
    long index = 0;
    for (int i = 0; i < length; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') return -1;
      index = index * 10 + (c - '0');
    }
    return index <= 0xFFFF_FFFEL ? index : -1;
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Number) {
      double number = ((Number) value).doubleValue();
      out.append(Double.isFinite(number) ? JsNumber.toString(number) : "null");
    } else if (value instanceof String) {
      quote((String) value, out);
    } else if (value instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) value) {
        if (!first) out.append(',');
        first = false;
        write(item, out);
      }
      out.append(']');
    } else {
      Map<String, Object> properties = properties(value);
      if (properties == null) {
        throw new IllegalArgumentException(
            "Cannot write a " + value.getClass().getName() + " as JSON: " + value);
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> property : properties.entrySet()) {
        if (!first) out.append(',');
        first = false;
        quote(property.getKey(), out);
        out.append(':');
        write(property.getValue(), out);
      }
      out.append('}');
    }
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || isLoneSurrogate(text, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }

  /** JSON.parse's grammar: no comments, no trailing commas, whitespace is space, tab, CR and LF. */
  private static final class Reader {
    private final String text;
    private int index;

    Reader(String text) {
      this.text = text;
    }

    Object document() {
      skipWhitespace();
      Object value = value();
      skipWhitespace();
      if (index < text.length()) throw unexpected();
      return value;
    }

    private Object value() {
      if (index >= text.length()) throw unexpected();
      char c = text.charAt(index);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return word("true", Boolean.TRUE);
        case 'f':
          return word("false", Boolean.FALSE);
        case 'n':
          return word("null", null);
        default:
          if (c == '-' || (c >= '0' && c <= '9')) return number();
          throw unexpected();
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> object = new LinkedHashMap<>();
      index++;
      skipWhitespace();
      if (peek() == '}') {
        index++;
        return object;
      }
      for (;;) {
        if (peek() != '"') throw unexpected();
        String key = string();
        skipWhitespace();
        expect(':');
        skipWhitespace();
        // A repeated key keeps its first place and takes the last value, as in JavaScript.
        object.put(key, value());
        skipWhitespace();
        if (peek() == '}') {
          index++;
          return object;
        }
        expect(',');
        skipWhitespace();
      }
    }

    private List<Object> array() {
      List<Object> array = new ArrayList<>();
      index++;
      skipWhitespace();
      if (peek() == ']') {
        index++;
        return array;
      }
      for (;;) {
        array.add(value());
        skipWhitespace();
        if (peek() == ']') {
          index++;
          return array;
        }
        expect(',');
        skipWhitespace();
      }
    }

    private String string() {
      StringBuilder value = new StringBuilder();
      index++;
      for (;;) {
        if (index >= text.length()) throw unexpected();
        char c = text.charAt(index);
        if (c == '"') {
          index++;
          return value.toString();
        }
        if (c < 0x20) throw unexpected();
        if (c != '\\') {
          value.append(c);
          index++;
          continue;
        }
        index++;
        char escape = peek();
        switch (escape) {
          case '"':
          case '\\':
          case '/':
            value.append(escape);
            break;
          case 'b':
            value.append('\b');
            break;
          case 'f':
            value.append('\f');
            break;
          case 'n':
            value.append('\n');
            break;
          case 'r':
            value.append('\r');
            break;
          case 't':
            value.append('\t');
            break;
          case 'u':
            value.append(unicodeEscape());
            continue;
          default:
            throw unexpected();
        }
        index++;
      }
    }

    /** The code unit that the four hex digits of a unicode escape name; lone surrogates are kept. */
    private char unicodeEscape() {
      int code = 0;
      for (int i = 0; i < 4; i++) {
        index++;
        int digit = hexDigit(peek());
        if (digit < 0) throw unexpected();
        code = code * 16 + digit;
      }
      index++;
      return (char) code;
    }

    private static int hexDigit(char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    }

    private Double number() {
      int start = index;
      if (peek() == '-') index++;
      if (peek() == '0') {
        index++;
      } else if (isDigit(peek())) {
        skipDigits();
      } else {
        throw unexpected();
      }
      if (peek() == '.') {
        index++;
        if (!isDigit(peek())) throw unexpected();
        skipDigits();
      }
      if (peek() == 'e' || peek() == 'E') {
        index++;
        if (peek() == '+' || peek() == '-') index++;
        if (!isDigit(peek())) throw unexpected();
        skipDigits();
      }
      return Double.parseDouble(text.substring(start, index));
    }

    private Object word(String word, Object value) {
      if (!text.startsWith(word, index)) throw unexpected();
      index += word.length();
      return value;
    }

    private void skipDigits() {
      while (isDigit(peek())) index++;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
      while (index < text.length()) {
        char c = text.charAt(index);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
        index++;
      }
    }

    /** The character at the current position, or NUL at the end (which no rule accepts there). */
    private char peek() {
      return index < text.length() ? text.charAt(index) : '\0';
    }

    private void expect(char c) {
      if (peek() != c || index >= text.length()) throw unexpected();
      index++;
    }

    private IllegalArgumentException unexpected() {
      if (index >= text.length()) {
        return new IllegalArgumentException("Unexpected end of JSON input at position " + index);
      }
      return new IllegalArgumentException(
          "Unexpected character '" + text.charAt(index) + "' in JSON at position " + index);
    }
  }
}
