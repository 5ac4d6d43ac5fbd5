package studio.conformance.expr;

/**
 * A token of an expression. {@code value} is the number (a Double), the string's content, the
 * identifier or the punctuator; {@code text} is the source of a number or string literal.
 */
record Token(Kind kind, Object value, String text, int start) {
  enum Kind {
    NUMBER,
    STRING,
    IDENTIFIER,
    PUNCTUATOR,
    END
  }

  boolean isPunctuator(String punctuator) {
    return kind == Kind.PUNCTUATOR && value.equals(punctuator);
  }

  boolean isIdentifier(String name) {
    return kind == Kind.IDENTIFIER && value.equals(name);
  }

  /** How the token is named in "Expected ..., found ..." messages. */
  String describe() {
    switch (kind) {
      case END:
        return "end of input";
      case NUMBER:
        return "number " + text;
      case STRING:
        return "string " + (text.length() > 24 ? text.substring(0, 20) + "..." : text);
      default:
        return "'" + value + "'";
    }
  }
}
