package studio.conformance.expr;

/**
 * A problem in an expression: a syntax error, an unknown function or variable, or a value of the
 * wrong type for an operator or function. The message ends with the 1-based column, as the
 * engine's ExpressionError does.
 */
public final class ExpressionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int column;

  public ExpressionException(String reason, int column) {
    this(reason, column, null);
  }

  ExpressionException(String reason, int column, Throwable cause) {
    super(reason + " (column " + column + ")", cause);
    this.reason = reason;
    this.column = column;
  }

  /** The message without the column. */
  public String reason() {
    return reason;
  }

  /** 1-based column, in UTF-16 code units, of the character or token at fault. */
  public int column() {
    return column;
  }
}
