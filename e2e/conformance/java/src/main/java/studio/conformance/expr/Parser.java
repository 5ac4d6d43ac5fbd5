package studio.conformance.expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.conformance.expr.Node.ObjectLiteral.Property;
import studio.conformance.expr.Token.Kind;

/**
 * Recursive descent with one token of lookahead, stopping at the first problem with the same
 * message and column as the engine's parser.
 */
final class Parser {
  // The engine bounds nesting so that neither its parser nor its evaluator overflows the stack;
  // the same bounds decide here which expressions are too deep.
  private static final int MAX_DEPTH = 256;
  private static final int MAX_HEIGHT = 512;

  /** Binary operators from the loosest to the tightest binding. */
  private static final List<List<String>> LEVELS =
      List.of(
          List.of("||", "or"),
          List.of("&&", "and"),
          List.of("==", "!="),
          List.of("<", "<=", ">", ">="),
          List.of("+", "-"),
          List.of("*", "/", "%"));
  private static final int RELATIONAL_LEVEL = 3;
  private static final List<String> EXPRESSION_OPENERS = List.of("(", "[", "{", "!", "-");

  private final Tokenizer tokens;
  private Token token;
  private int depth;
  private final Map<Node, Integer> heights = new IdentityHashMap<>();

  private Parser(String source) {
    tokens = new Tokenizer(source);
    token = tokens.next();
  }

  static Node parse(String source) {
    if (JsText.trim(source).isEmpty()) {
      throw new ExpressionException("Expected an expression, found end of input", 1);
    }
    return new Parser(source).top();
  }

  private Node top() {
    Node expression = conditional();
    if (token.kind() != Kind.END) {
      if (token.isPunctuator(")")) {
        throw fail("Expected end of input, found " + token.describe() + " with no matching '('");
      }
      throw fail("Expected an operator or end of input, found " + token.describe());
    }
    return expression;
  }

  private Token advance() {
    Token current = token;
    if (current.kind() != Kind.END) token = tokens.next();
    return current;
  }

  private ExpressionException fail(String reason) {
    return new ExpressionException(reason, token.start());
  }

  private boolean canStartExpression() {
    switch (token.kind()) {
      case IDENTIFIER:
        return !token.isIdentifier("and") && !token.isIdentifier("or");
      case PUNCTUATOR:
        return EXPRESSION_OPENERS.contains((String) token.value());
      case END:
        return false;
      default:
        return true;
    }
  }

  private void expectOperand(String after) {
    if (!canStartExpression()) {
      throw fail("Expected an expression after " + after + ", found " + token.describe());
    }
  }

  private void expectClosing(String closing, Token opening, String expected) {
    if (!token.isPunctuator(closing)) {
      throw fail(
          "Expected " + expected + " to close '" + opening.value() + "' opened at column "
              + opening.start() + ", found " + token.describe());
    }
    advance();
  }

  /** Registers a node built from {@code children}, refusing trees too tall to evaluate. */
  private <T extends Node> T node(T node, List<Node> children) {
    int height = 1;
    for (Node child : children) height = Math.max(height, heights.getOrDefault(child, 1) + 1);
    if (height > MAX_HEIGHT) throw new ExpressionException("Expression is nested too deeply", node.start());
    heights.put(node, height);
    return node;
  }

  /** Counts one more level of nesting, refusing what is too deep to parse. */
  private void enter() {
    if (++depth > MAX_DEPTH) throw fail("Expression is nested too deeply");
  }

  private Node conditional() {
    enter();
    try {
      Node test = binary(0);
      if (!token.isPunctuator("?")) return test;
      Token question = advance();
      expectOperand("'?'");
      Node consequent = conditional();
      if (!token.isPunctuator(":")) {
        throw fail(
            "Expected ':' to complete the '?' at column " + question.start() + ", found " + token.describe());
      }
      advance();
      expectOperand("':'");
      Node alternate = conditional();
      return node(
          new Node.Conditional(test, consequent, alternate, test.start()),
          List.of(test, consequent, alternate));
    } finally {
      depth--;
    }
  }

  /** The level in {@link #LEVELS} of the operator at the current token, or -1. */
  private int levelAt() {
    if (token.kind() != Kind.PUNCTUATOR && token.kind() != Kind.IDENTIFIER) return -1;
    for (int level = 0; level < LEVELS.size(); level++) {
      if (LEVELS.get(level).contains((String) token.value())) return level;
    }
    return -1;
  }

  /**
   * Operators of {@code minLevel} and tighter, left-associative. Precedence climbing builds the
   * same tree as one method per level would, with fewer stack frames per parenthesis.
   */
  private Node binary(int minLevel) {
    Node left = unary();
    for (int level = levelAt(); level >= minLevel; level = levelAt()) {
      String word = (String) token.value();
      Token operatorToken = advance();
      expectOperand("'" + word + "'");
      Node right = binary(level + 1);
      String symbol = word.equals("or") ? "||" : word.equals("and") ? "&&" : word;
      left = node(
          new Node.Binary(BinaryOperator.of(symbol), left, right, left.start(), operatorToken.start()),
          List.of(left, right));
      if (level == RELATIONAL_LEVEL && levelAt() == RELATIONAL_LEVEL) {
        throw fail(
            "Expected '&&' between comparisons, found " + token.describe()
                + ": comparisons cannot be chained");
      }
    }
    return left;
  }

  private Node unary() {
    Token operator = token;
    boolean isNot = operator.isIdentifier("not");
    boolean isSymbol = operator.isPunctuator("!") || operator.isPunctuator("-");
    if (!isNot && !isSymbol) return postfix();
    advance();
    expectOperand("'" + operator.value() + "'");
    Node operand;
    enter();
    try {
      operand = unary();
    } finally {
      depth--;
    }
    if (operator.isPunctuator("-")) {
      if (operand instanceof Node.Literal && ((Node.Literal) operand).value() instanceof Double) {
        return new Node.Literal(-(Double) ((Node.Literal) operand).value(), operator.start());
      }
      return node(new Node.Negate(operand, operator.start()), List.of(operand));
    }
    return node(new Node.Not(operand, operator.start()), List.of(operand));
  }

  private Node postfix() {
    Node expression = primary();
    for (;;) {
      if (token.isPunctuator(".")) {
        advance();
        Token name = token;
        if (name.kind() != Kind.IDENTIFIER) {
          String hint = name.kind() == Kind.NUMBER ? "; use [" + name.text() + "] for an index" : "";
          throw fail("Expected a property name after '.', found " + name.describe() + hint);
        }
        advance();
        expression = node(
            new Node.Member(expression, (String) name.value(), expression.start()), List.of(expression));
      } else if (token.isPunctuator("[")) {
        Token open = advance();
        expectOperand("'['");
        Node index = conditional();
        expectClosing("]", open, "']'");
        expression = node(new Node.Index(expression, index, expression.start()), List.of(expression, index));
      } else if (token.isPunctuator("(")) {
        throw fail("Expected an operator, found '(': only built-in functions can be called, like lower(x)");
      } else {
        return expression;
      }
    }
  }

  private Node primary() {
    Token current = token;
    switch (current.kind()) {
      case NUMBER:
      case STRING:
        advance();
        return new Node.Literal(current.value(), current.start());
      case IDENTIFIER:
        return identifier((String) current.value(), current.start());
      default:
        if (current.isPunctuator("(")) {
          Token open = advance();
          expectOperand("'('");
          Node inner = conditional();
          expectClosing(")", open, "')'");
          return inner;
        }
        if (current.isPunctuator("[")) return array();
        if (current.isPunctuator("{")) return object();
        throw fail("Expected an expression, found " + current.describe());
    }
  }

  private Node identifier(String name, int start) {
    advance();
    switch (name) {
      case "true":
        return new Node.Literal(true, start);
      case "false":
        return new Node.Literal(false, start);
      case "null":
        return new Node.Literal(null, start);
      default:
        break;
    }
    if (!token.isPunctuator("(")) return new Node.Variable(name, start);
    Builtin builtin = Builtin.named(name);
    if (builtin == null) {
      Builtin match = Builtin.resembling(name);
      String hint = match == null ? "" : "; did you mean '" + match.functionName() + "'?";
      throw new ExpressionException(
          "Expected a built-in function, found unknown function '" + name + "'" + hint, start);
    }
    List<Node> arguments = list(")", "an argument");
    if (!builtin.accepts(arguments.size())) {
      throw new ExpressionException(
          "Expected " + builtin.describeArity() + " for " + builtin.signature() + ", found " + arguments.size(),
          start);
    }
    return node(new Node.Call(builtin, arguments, start), arguments);
  }

  /** Comma-separated expressions up to {@code closing}; a trailing comma is allowed. */
  private List<Node> list(String closing, String what) {
    Token open = advance();
    List<Node> items = new ArrayList<>();
    while (!token.isPunctuator(closing)) {
      if (!canStartExpression()) {
        String expected = items.isEmpty() ? what + " or '" + closing + "'" : what;
        throw fail("Expected " + expected + ", found " + token.describe());
      }
      items.add(conditional());
      if (!token.isPunctuator(",")) break;
      advance();
    }
    expectClosing(closing, open, "',' or '" + closing + "'");
    return items;
  }

  private Node array() {
    int start = token.start();
    List<Node> elements = list("]", "an element");
    return node(new Node.ArrayLiteral(elements, start), elements);
  }

  private Node object() {
    Token open = advance();
    List<Property> properties = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (!token.isPunctuator("}")) {
      Token keyToken = token;
      if (keyToken.kind() != Kind.IDENTIFIER && keyToken.kind() != Kind.STRING) {
        throw fail("Expected a key (a name or a string) or '}', found " + keyToken.describe());
      }
      String key = (String) keyToken.value();
      if (!seen.add(key)) throw fail("Duplicate key '" + key + "' in object");
      advance();
      if (!token.isPunctuator(":")) {
        throw fail("Expected ':' after key '" + key + "', found " + token.describe());
      }
      advance();
      if (!canStartExpression()) {
        throw fail("Expected a value for key '" + key + "', found " + token.describe());
      }
      properties.add(new Property(key, conditional(), keyToken.start()));
      if (!token.isPunctuator(",")) break;
      advance();
    }
    expectClosing("}", open, "',' or '}'");
    Node object = new Node.ObjectLiteral(properties, open.start());
    return node(object, object.children());
  }
}
