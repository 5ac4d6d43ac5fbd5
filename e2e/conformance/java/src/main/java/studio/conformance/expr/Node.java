package studio.conformance.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node of a parsed expression; {@code start} is the 1-based column of its first character. */
sealed interface Node {
  int start();

  Object evaluate(Map<String, ?> scope);

  /** The nodes below this one, in source order. */
  default List<Node> children() {
    return List.of();
  }

  /** A number (Double), string, boolean or null written in the source. */
  record Literal(Object value, int start) implements Node {
    @Override
    public Object evaluate(Map<String, ?> scope) {
      return value;
    }
  }

  /** A name from the caller's scope; a declared name the scope lacks reads as null. */
  record Variable(String name, int start) implements Node {
    @Override
    public Object evaluate(Map<String, ?> scope) {
      return scope.get(name);
    }
  }

  /** {@code object.property} */
  record Member(Node object, String property, int start) implements Node {
    @Override
    public Object evaluate(Map<String, ?> scope) {
      return Operators.get(object.evaluate(scope), property);
    }

    @Override
    public List<Node> children() {
      return List.of(object);
    }
  }

  /** {@code object[index]} */
  record Index(Node object, Node index, int start) implements Node {
    @Override
    public Object evaluate(Map<String, ?> scope) {
      Object target = object.evaluate(scope);
      return Operators.get(target, index.evaluate(scope));
    }

    @Override
    public List<Node> children() {
      return List.of(object, index);
    }
  }

  record Call(Builtin builtin, List<Node> arguments, int start) implements Node {
    @Override
    public Object evaluate(Map<String, ?> scope) {
      if (builtin == Builtin.COALESCE) {
        // Lazy, like the `??` chain the engine exports it as.
        for (Node argument : arguments) {
          Object value = argument.evaluate(scope);
          if (value != null) return value;
        }
        return null;
      }
      List<Object> values = new ArrayList<>(arguments.size());
      for (Node argument : arguments) values.add(argument.evaluate(scope));
      try {
        return builtin.apply(values);
      } catch (TypeMismatchException e) {
        throw e.at(start);
      }
    }

    @Override
    public List<Node> children() {
      return arguments;
    }
  }

  /** {@code !x} and {@code not x}. */
  record Not(Node operand, int start) implements Node {
    @Override
    public Object evaluate(Map<String, ?> scope) {
      return !Operators.truthy(operand.evaluate(scope));
    }

    @Override
    public List<Node> children() {
      return List.of(operand);
    }
  }

  /** {@code -x} where x is not a number literal (those are folded into the literal). */
  record Negate(Node operand, int start) implements Node {
    @Override
    public Object evaluate(Map<String, ?> scope) {
      Object value = operand.evaluate(scope);
      try {
        return Operators.negate(value);
      } catch (TypeMismatchException e) {
        throw e.at(start);
      }
    }

    @Override
    public List<Node> children() {
      return List.of(operand);
    }
  }

  /** Type errors are reported at {@code operatorStart}, the column of the operator. */
  record Binary(BinaryOperator operator, Node left, Node right, int start, int operatorStart)
      implements Node {
    @Override
    public Object evaluate(Map<String, ?> scope) {
      Object a = left.evaluate(scope);
      switch (operator) {
        case AND:
          return Operators.truthy(a) ? right.evaluate(scope) : a;
        case OR:
          return Operators.truthy(a) ? a : right.evaluate(scope);
        default:
          Object b = right.evaluate(scope);
          try {
            return operator.apply(a, b);
          } catch (TypeMismatchException e) {
            throw e.at(operatorStart);
          }
      }
    }

    @Override
    public List<Node> children() {
      return List.of(left, right);
    }
  }

  /** {@code test ? consequent : alternate} */
  record Conditional(Node test, Node consequent, Node alternate, int start) implements Node {
    @Override
    public Object evaluate(Map<String, ?> scope) {
      return Operators.truthy(test.evaluate(scope)) ? consequent.evaluate(scope) : alternate.evaluate(scope);
    }

    @Override
    public List<Node> children() {
      return List.of(test, consequent, alternate);
    }
  }

  record ArrayLiteral(List<Node> elements, int start) implements Node {
    @Override
    public Object evaluate(Map<String, ?> scope) {
      List<Object> array = new ArrayList<>(elements.size());
      for (Node element : elements) array.add(element.evaluate(scope));
      return array;
    }

    @Override
    public List<Node> children() {
      return elements;
    }
  }

  /** Keys are distinct: the parser refuses a repeated key. */
  record ObjectLiteral(List<Property> properties, int start) implements Node {
    record Property(String key, Node value, int start) {}

    @Override
    public Object evaluate(Map<String, ?> scope) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (Property property : properties) object.put(property.key(), property.value().evaluate(scope));
      return object;
    }

    @Override
    public List<Node> children() {
      List<Node> values = new ArrayList<>(properties.size());
      for (Property property : properties) values.add(property.value());
      return values;
    }
  }
}
