package illusion.group;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Factories for the groups of the project: symmetric, alternating and cyclic groups and their
 * direct products, by name or by parameters.
 *
 * <p>Names: {@code S<n>} (symmetric group on n points), {@code A<n>} (alternating group), {@code
 * Z<m>} (cyclic group of order m), and direct products of these joined by {@code _x_}, e.g. {@code
 * A4_x_Z5}. A product's elements are indexed in mixed radix, {@code i_1 * |G_2| * ... * |G_k| + ...
 * + i_k}; a product of three or more factors is flat, which gives the same indices as nesting the
 * binary products either way.
 */
public final class Groups {
  /** The largest group order accepted; larger requests are refused before any allocation. */
  public static final int MAX_ORDER = 1_000_000;

  /** Groups of at most this order keep a full multiplication table ({@code order^2} ints). */
  public static final int TABLE_MAX_ORDER = 2048;

  /** The largest {@link FiniteGroup#permutationRepresentation()} built, in entries. */
  public static final long REPRESENTATION_MAX_ENTRIES = 1L << 26;

  static final String SYNTAX =
      "expected S<n>, A<n>, Z<m> or a direct product joined by _x_ such as A4_x_Z5";

  private static final Pattern FACTOR = Pattern.compile("([SAZ])([0-9]{1,9})");

  private Groups() {}

  /**
   * The group named {@code name} (see the class documentation for the syntax; letters are
   * case-insensitive).
   *
   * @throws IllegalArgumentException for an unknown or malformed name, or a group of order above
   *     {@link #MAX_ORDER}, before allocating anything
   */
  public static FiniteGroup byName(String name) {
    checkArgument(name != null && !name.isBlank(), "empty group name: %s", SYNTAX);
    String[] parts = name.strip().toUpperCase(Locale.ROOT).split("_X_", -1);
    char[] kinds = new char[parts.length];
    long[] params = new long[parts.length];
    long order = 1;
    for (int i = 0; i < parts.length; i++) {
      Matcher m = FACTOR.matcher(parts[i]);
      checkArgument(m.matches(), "unknown group '%s': %s", name.strip(), SYNTAX);
      char kind = m.group(1).charAt(0);
      params[i] = Long.parseLong(m.group(2));
      kinds[i] = kind;
      order = saturatedMultiply(order, factorOrder(kind, params[i], name.strip()));
    }
    checkOrder(order, name.strip());
    ImmutableList.Builder<FiniteGroup> factors = ImmutableList.builder();
    for (int i = 0; i < parts.length; i++) {
      int n = (int) params[i];
      switch (kinds[i]) {
        case 'S':
          factors.add(new PermutationGroup(n, false));
          break;
        case 'A':
          factors.add(new PermutationGroup(n, true));
          break;
        default:
          factors.add(new CyclicGroup(n));
      }
    }
    ImmutableList<FiniteGroup> list = factors.build();
    return list.size() == 1 ? list.get(0) : new DirectProduct(list);
  }

  /** The symmetric group S_n, 1 &lt;= n &lt;= 9. */
  public static FiniteGroup symmetric(int n) {
    return byName("S" + n);
  }

  /** The alternating group A_n, 1 &lt;= n &lt;= 9. */
  public static FiniteGroup alternating(int n) {
    return byName("A" + n);
  }

  /** The cyclic group Z_m of residues mod m, 1 &lt;= m &lt;= {@link #MAX_ORDER}. */
  public static FiniteGroup cyclic(int m) {
    return byName("Z" + m);
  }

  /**
   * The direct product of groups built by this class, e.g. {@code directProduct(alternating(4),
   * cyclic(5))} is {@code A4_x_Z5}.
   */
  public static FiniteGroup directProduct(FiniteGroup... factors) {
    checkArgument(factors.length > 0, "a direct product needs at least one factor");
    StringBuilder name = new StringBuilder();
    for (FiniteGroup f : factors) {
      checkArgument(
          f instanceof PermutationGroup || f instanceof CyclicGroup || f instanceof DirectProduct,
          "not a group built by Groups: %s",
          f.name());
      name.append(name.length() == 0 ? "" : "_x_").append(f.name());
    }
    return byName(name.toString());
  }

  /** Orders are computed exactly up to this bound and saturate above it. */
  private static final long ORDER_CAP = 1_000_000_000_000_000_000L;

  private static long factorOrder(char kind, long n, String name) {
    checkArgument(n >= 1, "group '%s': the parameter of %s%s must be at least 1", name, kind, n);
    if (kind == 'Z') {
      return n;
    }
    long f = 1;
    for (long k = 2; k <= n && f < ORDER_CAP; k++) {
      f = saturatedMultiply(f, k);
    }
    return kind == 'A' && n >= 2 && f < ORDER_CAP ? f / 2 : f;
  }

  private static void checkOrder(long order, String name) {
    checkArgument(
        order <= MAX_ORDER,
        "group '%s' has order %s, above the limit of %s elements",
        name,
        order >= ORDER_CAP ? "more than 10^18" : order,
        MAX_ORDER);
  }

  private static long saturatedMultiply(long a, long b) {
    return a > ORDER_CAP / b ? ORDER_CAP : Math.min(ORDER_CAP, a * b);
  }

  /** Fills a multiplication table for a group of order at most {@link #TABLE_MAX_ORDER}. */
  static int[] table(int order, java.util.function.IntBinaryOperator product) {
    int[] table = new int[order * order];
    for (int a = 0; a < order; a++) {
      for (int b = 0; b < order; b++) {
        table[a * order + b] = product.applyAsInt(a, b);
      }
    }
    return table;
  }

  static void checkRepresentationSize(FiniteGroup g, int degree) {
    checkArgument(
        (long) g.order() * degree <= REPRESENTATION_MAX_ENTRIES,
        "the permutation representation of %s (%s elements on %s points) exceeds %s entries",
        g.name(),
        g.order(),
        degree,
        REPRESENTATION_MAX_ENTRIES);
  }

  static void checkElement(FiniteGroup g, int element) {
    if (element < 0 || element >= g.order()) {
      throw new IllegalArgumentException(
          "element " + element + " is out of range for " + g.name() + " (order " + g.order() + ")");
    }
  }

  /** Parses a decimal element index of {@code g}. */
  static int parseIndex(FiniteGroup g, String digits) {
    if (digits.length() > 9) {
      throw new IllegalArgumentException(
          "element " + digits + " is out of range for " + g.name() + " (order " + g.order() + ")");
    }
    int e = Integer.parseInt(digits);
    checkElement(g, e);
    return e;
  }

  static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
