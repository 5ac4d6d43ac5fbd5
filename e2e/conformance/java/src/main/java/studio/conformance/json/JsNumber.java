package studio.conformance.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as the engine prints them. The engine is JavaScript, where every number is a double and
 * its text is the shortest decimal that reads back as the same double; Java 17's Double.toString
 * sometimes gives more digits and always a ".0" or an "E", so the text is computed here.
 */
public final class JsNumber {
  private JsNumber() {}

  /** JavaScript's {@code String(value)}: {@code 1}, {@code 0.1}, {@code 1e+21}, {@code 1e-7}. */
  public static String toString(double value) {
    if (Double.isNaN(value)) return "NaN";
    if (value == 0) return "0"; // -0 too
    if (value < 0) return "-" + toString(-value);
    if (Double.isInfinite(value)) return "Infinity";
    // Below 2^53 every integer is a double, so its own digits are the shortest that read back.
    if (value < 0x1p53 && value == Math.rint(value)) return Long.toString((long) value);

    BigDecimal shortest = shortestDecimal(value);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    // value = digits × 10^(n - k): n is where the decimal point goes, counted from the left.
    int n = k - shortest.scale();

    if (k <= n && n <= 21) return digits + "0".repeat(n - k);
    if (0 < n && n <= 21) return digits.substring(0, n) + "." + digits.substring(n);
    if (-6 < n && n <= 0) return "0." + "0".repeat(-n) + digits;
    int exponent = n - 1;
    String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
  }

  /**
   * The decimal with the fewest significant digits that reads back as {@code value}, the closest
   * to it when several have that many digits, the even one on a tie (ECMAScript Number::toString).
   */
  private static BigDecimal shortestDecimal(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; ; precision++) {
      // Whatever rounds back lies in an interval around the value, so if any decimal of this
      // precision does, the nearest one below or the nearest one above does.
      BigDecimal below = roundTrip(exact, precision, RoundingMode.FLOOR, value);
      BigDecimal above = roundTrip(exact, precision, RoundingMode.CEILING, value);
      if (below == null && above == null) continue;
      if (below == null || above == null) return below == null ? above : below;
      if (below.equals(above)) return below;
      int order = exact.subtract(below).compareTo(above.subtract(exact));
      if (order != 0) return order < 0 ? below : above;
      return below.unscaledValue().testBit(0) ? above : below;
    }
  }

  private static BigDecimal roundTrip(BigDecimal exact, int precision, RoundingMode mode, double value) {
    BigDecimal candidate = exact.round(new MathContext(precision, mode)).stripTrailingZeros();
    return Double.parseDouble(candidate.toString()) == value ? candidate : null;
  }
}
