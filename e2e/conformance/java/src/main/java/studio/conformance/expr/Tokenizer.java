package studio.conformance.expr;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.conformance.expr.Token.Kind;

/**
 * Splits an expression into tokens on demand, so that of a bad character and a grammar error the
 * leftmost is reported. Works on UTF-16 code units, as columns are counted in them.
 */
final class Tokenizer {
  private static final Set<String> TWO_CHARACTER_PUNCTUATORS = Set.of("<=", ">=", "==", "!=", "&&", "||");
  private static final String ONE_CHARACTER_PUNCTUATORS = "()[]{},:?.!*/%+-<>";
  private static final Map<Character, String> MISSPELLED_OPERATORS =
      Map.of('=', "use '==' to compare", '&', "use '&&' or 'and'", '|', "use '||' or 'or'");
  private static final Map<Character, Character> ESCAPES =
      Map.ofEntries(
          Map.entry('n', '\n'),
          Map.entry('r', '\r'),
          Map.entry('t', '\t'),
          Map.entry('b', '\b'),
          Map.entry('f', '\f'),
          Map.entry('v', '\u000B'),
          Map.entry('0', '\0'),
          Map.entry('\\', '\\'),
          Map.entry('\'', '\''),
          Map.entry('"', '"'),
          Map.entry('/', '/'));
  private static final Pattern FOUR_HEX_DIGITS = Pattern.compile("[0-9A-Fa-f]{4}");
  private static final Pattern BRACED_HEX_DIGITS = Pattern.compile("\\{([0-9A-Fa-f]{1,6})\\}");

  private final String source;
  private int index;

  Tokenizer(String source) {
    this.source = source;
  }

  /** The next token; an END token once the source is used up. */
  Token next() {
    while (index < source.length()) {
      char c = source.charAt(index);
      int start = index + 1;
      if (JsText.isWhitespace(c)) {
        index++;
      } else if (isDigit(c)) {
        int end = numberEnd(index);
        String text = source.substring(index, end);
        index = end;
        return new Token(Kind.NUMBER, Double.parseDouble(text), text, start);
      } else if (isIdentifierStart(c)) {
        int end = index + 1;
        while (end < source.length() && isIdentifierPart(source.charAt(end))) end++;
        String name = source.substring(index, end);
        index = end;
        return new Token(Kind.IDENTIFIER, name, name, start);
      } else if (c == '\'' || c == '"') {
        return string(start);
      } else {
        return punctuator(c, start);
      }
    }
    return new Token(Kind.END, null, "", source.length() + 1);
  }

  private Token punctuator(char c, int start) {
    String pair = source.substring(index, Math.min(index + 2, source.length()));
    String punctuator = TWO_CHARACTER_PUNCTUATORS.contains(pair) ? pair : String.valueOf(c);
    if (punctuator.equals("==") && index + 2 < source.length() && source.charAt(index + 2) == '=') {
      throw new ExpressionException("Unexpected '===': use '==', which never converts types", start);
    }
    if (punctuator.length() == 1 && ONE_CHARACTER_PUNCTUATORS.indexOf(c) < 0) {
      String hint = MISSPELLED_OPERATORS.get(c);
      throw new ExpressionException(
          "Unexpected character '" + c + "'" + (hint == null ? "" : ": " + hint), start);
    }
    index += punctuator.length();
    return new Token(Kind.PUNCTUATOR, punctuator, punctuator, start);
  }

  private int numberEnd(int from) {
    int end = digitsEnd(from);
    if (charAt(end) == '.' && isDigit(charAt(end + 1))) end = digitsEnd(end + 1);
    if (charAt(end) == 'e' || charAt(end) == 'E') {
      int sign = charAt(end + 1) == '+' || charAt(end + 1) == '-' ? 1 : 0;
      if (!isDigit(charAt(end + 1 + sign))) {
        throw new ExpressionException("Expected digits after the exponent of a number", end + 2 + sign);
      }
      end = digitsEnd(end + 1 + sign);
    }
    if (end < source.length() && isIdentifierPart(source.charAt(end))) {
      throw new ExpressionException(
          "Expected an operator after number " + source.substring(from, end)
              + ", found '" + source.charAt(end) + "'",
          end + 1);
    }
    return end;
  }

  private int digitsEnd(int from) {
    int end = from;
    while (isDigit(charAt(end))) end++;
    return end;
  }

  /** The code unit at {@code i}, or NUL past the end, which no rule of a number takes. */
  private char charAt(int i) {
    return i < source.length() ? source.charAt(i) : '\0';
  }

  private Token string(int start) {
    char quote = source.charAt(index);
    StringBuilder value = new StringBuilder();
    int i = index + 1;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == quote) {
        String text = source.substring(index, i + 1);
        index = i + 1;
        return new Token(Kind.STRING, value.toString(), text, start);
      }
      if (c == '\\') {
        i = escape(i, value);
      } else {
        value.append(c);
        i++;
      }
    }
    throw new ExpressionException(
        "Expected the closing quote (" + quote + ") of the string opened at column " + start
            + ", found end of input",
        start);
  }

  /** Appends what the escape at {@code backslash} stands for; returns the index after it. */
  private int escape(int backslash, StringBuilder value) {
    if (backslash + 1 >= source.length()) return backslash + 1; // the string is unclosed
    char c = source.charAt(backslash + 1);
    Character simple = ESCAPES.get(c);
    if (simple != null) {
      value.append(simple.charValue());
      return backslash + 2;
    }
    if (c == 'u') {
      String rest = source.substring(backslash + 2);
      Matcher braced = BRACED_HEX_DIGITS.matcher(rest);
      Matcher plain = FOUR_HEX_DIGITS.matcher(rest);
      Matcher match = rest.startsWith("{") ? braced : plain;
      if (match.lookingAt()) {
        String hex = match == braced ? match.group(1) : match.group();
        int code = Integer.parseInt(hex, 16);
        if (code <= Character.MAX_CODE_POINT) {
          // A surrogate code point becomes a lone surrogate, as String.fromCodePoint makes it.
          value.appendCodePoint(code);
          return backslash + 2 + match.end();
        }
      }
      throw new ExpressionException(
          "Expected 4 hex digits or {hex} after \\u in a unicode escape", backslash + 1);
    }
    throw new ExpressionException(
        "Unknown escape sequence '\\" + c + "': use \\\\ for a backslash, or \\n, \\t, \\', \\\"",
        backslash + 1);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }
}
