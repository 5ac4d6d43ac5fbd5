package studio.conformance.expr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import studio.conformance.json.Json;

/**
 * Evaluates a file of expression cases ({@code [{ "source", "scope" }]}, the scope's keys being
 * the variables) and prints one JSON array with {@code {"result": value}} or
 * {@code {"error": message}} per case, for comparison with the engine's results.
 */
public final class ExpressionCases {
  private ExpressionCases() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ExpressionCases CASES.json");
      System.exit(2);
    }
    Object cases = Json.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    if (!(cases instanceof List)) throw new IllegalArgumentException(args[0] + ": expected an array of cases");
    List<Object> results = new ArrayList<>();
    for (Object item : (List<?>) cases) results.add(evaluate(item));
    System.out.println(Json.stringify(results));
  }

  private static Map<String, Object> evaluate(Object item) {
    if (!(item instanceof Map) || !(((Map<?, ?>) item).get("source") instanceof String)) {
      throw new IllegalArgumentException("A case must be an object with a string source: " + Json.stringify(item));
    }
    Map<?, ?> testCase = (Map<?, ?>) item;
    Object scopeValue = testCase.get("scope");
    Map<String, Object> scope = scopeValue == null ? Map.of() : Json.properties(scopeValue);
    if (scope == null) throw new IllegalArgumentException("The scope of a case must be an object: " + Json.stringify(item));
    try {
      Expression expression = Expression.compile((String) testCase.get("source"), new ArrayList<>(scope.keySet()));
      return Collections.singletonMap("result", expression.evaluate(scope));
    } catch (ExpressionException e) {
      return Collections.singletonMap("error", e.getMessage());
    }
  }
}
