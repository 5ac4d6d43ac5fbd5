package studio.conformance.expr;

/**
 * Thrown by operators and built-ins, which do not know where in the source they were used; the
 * node that applied them turns it into an {@link ExpressionException} at its own column.
 */
final class TypeMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TypeMismatchException(String message) {
    super(message);
  }

  TypeMismatchException(String message, Throwable cause) {
    super(message, cause);
  }

  ExpressionException at(int column) {
    return new ExpressionException(getMessage(), column, this);
  }
}
