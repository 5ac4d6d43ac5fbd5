package studio.conformance.expr;

import java.util.List;
import java.util.function.Function;

/**
 * Every function an expression may call, with the argument counts the parser accepts. Listed in
 * the engine's order, which decides the suggestion for a misspelled name.
 */
enum Builtin {
  LOWER("lower", 1, 1, "lower(s: string): string", args -> Functions.lower(args.get(0))),
  UPPER("upper", 1, 1, "upper(s: string): string", args -> Functions.upper(args.get(0))),
  TRIM("trim", 1, 1, "trim(s: string): string", args -> Functions.trim(args.get(0))),
  LENGTH("length", 1, 1, "length(x: string | array): number", args -> Functions.length(args.get(0))),
  SPLIT("split", 2, 2, "split(s: string, sep: string): array",
      args -> Functions.split(args.get(0), args.get(1))),
  CONCAT("concat", 1, Integer.MAX_VALUE, "concat(...parts): string", Functions::concat),
  SUBSTRING("substring", 2, 3, "substring(s: string, start: number, end?: number): string",
      args -> Functions.substring(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null)),
  STARTS_WITH("startsWith", 2, 2, "startsWith(s: string, prefix: string): boolean",
      args -> Functions.startsWith(args.get(0), args.get(1))),
  ENDS_WITH("endsWith", 2, 2, "endsWith(s: string, suffix: string): boolean",
      args -> Functions.endsWith(args.get(0), args.get(1))),
  CONTAINS("contains", 2, 2, "contains(x: string | array, item): boolean",
      args -> Functions.contains(args.get(0), args.get(1))),
  REPLACE("replace", 3, 3, "replace(s: string, from: string, to: string): string",
      args -> Functions.replace(args.get(0), args.get(1), args.get(2))),
  TO_NUMBER("toNumber", 1, 1, "toNumber(x): number", args -> Functions.toNumber(args.get(0))),
  TO_STRING("toString", 1, 1, "toString(x): string", args -> Functions.toText(args.get(0))),
  ABS("abs", 1, 1, "abs(n: number): number", args -> Functions.abs(args.get(0))),
  ROUND("round", 1, 1, "round(n: number): number", args -> Functions.round(args.get(0))),
  FLOOR("floor", 1, 1, "floor(n: number): number", args -> Functions.floor(args.get(0))),
  CEIL("ceil", 1, 1, "ceil(n: number): number", args -> Functions.ceil(args.get(0))),
  MIN("min", 1, Integer.MAX_VALUE, "min(...n: number): number", args -> Functions.extreme("min", args, Math::min)),
  MAX("max", 1, Integer.MAX_VALUE, "max(...n: number): number", args -> Functions.extreme("max", args, Math::max)),
  // Evaluated lazily by the call node; this is what it amounts to once every argument is known.
  COALESCE("coalesce", 1, Integer.MAX_VALUE, "coalesce(...x): any",
      args -> args.stream().filter(value -> value != null).findFirst().orElse(null)),
  IS_NULL("isNull", 1, 1, "isNull(x): boolean", args -> args.get(0) == null),
  KEYS("keys", 1, 1, "keys(o: object): array", args -> Functions.keys(args.get(0))),
  PARSE_JSON("parseJson", 1, 1, "parseJson(s: string): any", args -> Functions.parseJson(args.get(0)));

  private final String functionName;
  private final int minArguments;
  private final int maxArguments;
  private final String signature;
  private final Function<List<Object>, Object> implementation;

  Builtin(String functionName, int minArguments, int maxArguments, String signature,
      Function<List<Object>, Object> implementation) {
    this.functionName = functionName;
    this.minArguments = minArguments;
    this.maxArguments = maxArguments;
    this.signature = signature;
    this.implementation = implementation;
  }

  /** The function of that exact name, or null. */
  static Builtin named(String name) {
    for (Builtin builtin : values()) if (builtin.functionName.equals(name)) return builtin;
    return null;
  }

  /** The function whose name differs only in case, for a "did you mean" hint; or null. */
  static Builtin resembling(String name) {
    for (Builtin builtin : values()) if (builtin.functionName.equalsIgnoreCase(name)) return builtin;
    return null;
  }

  String functionName() {
    return functionName;
  }

  String signature() {
    return signature;
  }

  boolean accepts(int argumentCount) {
    return argumentCount >= minArguments && argumentCount <= maxArguments;
  }

  /** "1 argument", "2 to 3 arguments", "at least 1 argument". */
  String describeArity() {
    if (minArguments == maxArguments) return count(minArguments);
    if (maxArguments == Integer.MAX_VALUE) return "at least " + count(minArguments);
    return minArguments + " to " + maxArguments + " arguments";
  }

  private static String count(int n) {
    return n + " argument" + (n == 1 ? "" : "s");
  }

  /** @throws TypeMismatchException when an argument has the wrong type */
  Object apply(List<Object> arguments) {
    return implementation.apply(arguments);
  }
}
