package studio.conformance.expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An expression of the engine's declarative language (the parameters of filter, mapValues,
 * aggregate, ...), compiled once and evaluated per record with the engine's semantics, so that
 * the Kafka Streams side of a scenario computes exactly the values the engine computes.
 *
 * <p>Values are those of {@link studio.conformance.json.Json}; numbers come out as Doubles.
 */
public final class Expression {
  private final String source;
  private final Node root;

  private Expression(String source, Node root) {
    this.source = source;
    this.root = root;
  }

  /**
   * Parses {@code source} and checks that it reads only {@code variables}.
   *
   * @throws ExpressionException for a syntax error, an unknown function, a wrong number of
   *     arguments or an unknown variable, at its column
   */
  public static Expression compile(String source, List<String> variables) {
    Node root = Parser.parse(source);
    Set<String> known = new HashSet<>(variables);
    String available = variables.isEmpty() ? "none" : String.join(", ", variables);
    for (Node.Variable variable : variablesOf(root)) {
      if (!known.contains(variable.name())) {
        throw new ExpressionException(
            "Unknown variable '" + variable.name() + "'; available: " + available, variable.start());
      }
    }
    return new Expression(source, root);
  }

  /** JavaScript truthiness, as the engine applies it to predicates' results. */
  public static boolean truthy(Object value) {
    return Operators.truthy(value);
  }

  /**
   * The value of the expression for the variables in {@code scope}; a declared variable the scope
   * lacks reads as null.
   *
   * @throws ExpressionException where the engine throws: a value of the wrong type for an
   *     operator or a function
   */
  public Object evaluate(Map<String, ?> scope) {
    return root.evaluate(scope);
  }

  @Override
  public String toString() {
    return source;
  }

  private static List<Node.Variable> variablesOf(Node root) {
    List<Node.Variable> found = new ArrayList<>();
    collectVariables(root, found);
    return found;
  }

  private static void collectVariables(Node node, List<Node.Variable> found) {
    if (node instanceof Node.Variable) found.add((Node.Variable) node);
    for (Node child : node.children()) collectVariables(child, found);
  }
}
