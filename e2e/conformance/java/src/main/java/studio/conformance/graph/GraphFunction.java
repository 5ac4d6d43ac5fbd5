package studio.conformance.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.conformance.expr.Expression;

/**
 * A function parameter of a design node, as the engine builds it: a declarative expression
 * whose variables are the arguments the DSL passes, in the engine's order.
 */
final class GraphFunction {
  private final List<String> variables;
  private final Expression expression;
  private final String source;

  private GraphFunction(List<String> variables, Expression expression, String source) {
    this.variables = variables;
    this.expression = expression;
    this.source = source;
  }

  static GraphFunction of(String kind, String nodeId, String paramPath, Object param) {
    Map<?, ?> fn = GraphJson.object(param, "node " + nodeId + " param " + paramPath);
    Object lang = fn.get("lang");
    if (!"expression".equals(lang)) {
      throw new IllegalArgumentException(
          "Node " + nodeId + " param " + paramPath + " is " + lang
              + "; conformance scenarios use declarative expressions only");
    }
    String source = (String) fn.get("source");
    List<String> variables = variablesOf(kind, paramPath);
    return new GraphFunction(variables, Expression.compile(source, variables), source);
  }

  /** The engine's functionVariables: which names an expression of a parameter can read. */
  static List<String> variablesOf(String kind, String paramPath) {
    String leaf = paramPath.replaceFirst("^.*\\.", "");
    switch (leaf) {
      case "initializer":
        return List.of();
      case "reducer":
        return List.of("aggregate", "value");
      case "subtractor":
        return kind.equals("reduce")
            ? List.of("aggregate", "value")
            : List.of("key", "value", "aggregate");
      case "aggregator":
        return List.of("key", "value", "aggregate");
      case "merger":
        return List.of("key", "aggregate1", "aggregate2");
      case "joiner":
        return List.of("key", "left", "right");
      default:
        return List.of("key", "value");
    }
  }

  Object call(Object... args) {
    Map<String, Object> scope = new LinkedHashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      scope.put(variables.get(i), i < args.length ? args[i] : null);
    }
    return expression.evaluate(scope);
  }

  boolean test(Object... args) {
    return Expression.truthy(call(args));
  }

  /** How the engine prints a function where Kafka prints a class name. */
  String describe() {
    return "expression(" + source + ")";
  }
}
