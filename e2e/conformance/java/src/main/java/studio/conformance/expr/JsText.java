package studio.conformance.expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * String operations with the engine's JavaScript meaning, which differs from Java's: what counts
 * as whitespace, what text is a number, how a string splits.
 */
final class JsText {
  private JsText() {}

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern INFINITY = Pattern.compile("([+-]?)Infinity");
  private static final Pattern NON_DECIMAL = Pattern.compile("0(?:([xX])([0-9a-fA-F]+)|([oO])([0-7]+)|([bB])([01]+))");

  /**
   * JavaScript's whitespace ({@code \s}, and what {@code trim} removes): Java's
   * {@code Character.isWhitespace} leaves out the no-break spaces and takes in some controls.
   */
  static boolean isWhitespace(char c) {
    switch (c) {
      case '\t':
      case '\n':
      case '\u000B':
      case '\f':
      case '\r':
      case ' ':
      case '\u00A0':
      case '\u1680':
      case '\u2028':
      case '\u2029':
      case '\u202F':
      case '\u205F':
      case '\u3000':
      case '\uFEFF':
        return true;
      default:
        return c >= '\u2000' && c <= '\u200A';
    }
  }

  static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isWhitespace(text.charAt(start))) start++;
    while (end > start && isWhitespace(text.charAt(end - 1))) end--;
    return text.substring(start, end);
  }

  /**
   * JavaScript's {@code Number(text)}: decimal with optional sign, {@code Infinity}, or unsigned
   * {@code 0x}/{@code 0o}/{@code 0b} integers, around whitespace; blank text is 0, anything else
   * NaN. Java's parser would also take {@code 1d}, {@code NaN} or hex floats.
   */
  static double toNumber(String text) {
    String trimmed = trim(text);
    if (trimmed.isEmpty()) return 0;
    if (DECIMAL.matcher(trimmed).matches()) return Double.parseDouble(trimmed);
    Matcher infinity = INFINITY.matcher(trimmed);
    if (infinity.matches()) {
      return infinity.group(1).equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    Matcher integer = NON_DECIMAL.matcher(trimmed);
    if (integer.matches()) {
      int radix = integer.group(1) != null ? 16 : integer.group(3) != null ? 8 : 2;
      String digits = integer.group(radix == 16 ? 2 : radix == 8 ? 4 : 6);
      // BigInteger rounds to the nearest double, ties to even, as JavaScript does.
      return new BigInteger(digits, radix).doubleValue();
    }
    return Double.NaN;
  }

  /** {@code text.split(separator)}: an empty separator splits into UTF-16 code units. */
  static List<Object> split(String text, String separator) {
    List<Object> parts = new ArrayList<>();
    if (separator.isEmpty()) {
      for (int i = 0; i < text.length(); i++) parts.add(String.valueOf(text.charAt(i)));
      return parts;
    }
    int from = 0;
    for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, from)) {
      parts.add(text.substring(from, at));
      from = at + separator.length();
    }
    parts.add(text.substring(from));
    return parts;
  }
}
