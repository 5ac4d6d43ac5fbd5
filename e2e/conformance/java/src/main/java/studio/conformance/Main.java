package studio.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import studio.conformance.expr.ExpressionCases;
import studio.conformance.json.Json;

/**
 * `Main --out DIR SCENARIO.json...` runs scenarios on Kafka Streams and writes one result per
 * scenario to DIR/<file name>; `Main expressions CASES.json` evaluates expression cases.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("expressions")) {
      ExpressionCases.main(new String[] {args[1]});
      return;
    }
    if (args.length < 2 || !args[0].equals("--out")) {
      System.err.println("usage: Main --out DIR SCENARIO.json... | Main expressions CASES.json");
      System.exit(2);
    }
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    for (int i = 2; i < args.length; i++) {
      Path file = Path.of(args[i]);
      String result;
      try {
        result = runFile(file);
      } catch (RuntimeException e) {
        // One broken scenario must not hide the results of the others.
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("phase", "runner");
        error.put("step", null);
        error.put("message", String.valueOf(e.getMessage()));
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("name", String.valueOf(file.getFileName()));
        failed.put("describe", null);
        failed.put("outputs", Map.of());
        failed.put("stores", Map.of());
        failed.put("error", error);
        result = Json.stringify(failed);
      }
      Files.writeString(out.resolve(file.getFileName()), result, StandardCharsets.UTF_8);
    }
  }

  private static String runFile(Path file) throws IOException {
    Object scenario;
    try {
      scenario = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    if (!(scenario instanceof Map)) throw new IllegalArgumentException(file + ": a scenario must be a JSON object");
    Map<String, Object> result = ScenarioRunner.run((Map<?, ?>) scenario);
    try {
      return Json.stringify(result);
    } catch (IllegalArgumentException e) {
      // A store holding Kafka-internal types (e.g. an outer join's shared store) cannot be shown.
      throw new IllegalArgumentException(file + ": cannot write the result: " + e.getMessage(), e);
    }
  }
}
