package studio.conformance.expr;

import java.util.function.BiFunction;

/** The binary operators; {@code and} and {@code or} are parsed as {@code &&} and {@code ||}. */
enum BinaryOperator {
  MULTIPLY("*", (a, b) -> Operators.arithmetic("*", a, b, (x, y) -> x * y)),
  DIVIDE("/", (a, b) -> Operators.arithmetic("/", a, b, (x, y) -> x / y)),
  REMAINDER("%", (a, b) -> Operators.arithmetic("%", a, b, (x, y) -> x % y)),
  ADD("+", Operators::add),
  SUBTRACT("-", (a, b) -> Operators.arithmetic("-", a, b, (x, y) -> x - y)),
  LESS("<", (a, b) -> Operators.compare("<", a, b, order -> order < 0)),
  LESS_OR_EQUAL("<=", (a, b) -> Operators.compare("<=", a, b, order -> order <= 0)),
  GREATER(">", (a, b) -> Operators.compare(">", a, b, order -> order > 0)),
  GREATER_OR_EQUAL(">=", (a, b) -> Operators.compare(">=", a, b, order -> order >= 0)),
  EQUAL("==", Operators::equal),
  NOT_EQUAL("!=", (a, b) -> !Operators.equal(a, b)),
  // Evaluated by the node, which decides whether the right operand is evaluated at all.
  AND("&&", null),
  OR("||", null);

  private final String symbol;
  private final BiFunction<Object, Object, Object> apply;

  BinaryOperator(String symbol, BiFunction<Object, Object, Object> apply) {
    this.symbol = symbol;
    this.apply = apply;
  }

  static BinaryOperator of(String symbol) {
    for (BinaryOperator operator : values()) if (operator.symbol.equals(symbol)) return operator;
    throw new IllegalArgumentException("No operator " + symbol);
  }

  Object apply(Object left, Object right) {
    return apply.apply(left, right);
  }
}
