package illusion.group;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * The direct product G_1 x ... x G_k of symmetric, alternating and cyclic groups, element {@code
 * (g_1, ..., g_k)} indexed in mixed radix {@code (...(g_1 * |G_2| + g_2) * |G_3| + ...) + g_k}
 * (DESIGN.md: G x H indexed {@code i_G * |H| + i_H}). The permutation representation is the
 * disjoint union of the factors' (trivial factors contribute no points).
 */
final class DirectProduct implements FiniteGroup {
  private final ImmutableList<FiniteGroup> factors;
  private final String name;
  private final int order;
  /** The factor orders and the radix weights: index = sum of component[i] * weight[i]. */
  private final int[] orders;
  private final int[] weights;
  private final int[] inverses;
  /** The multiplication table, or null above {@link Groups#TABLE_MAX_ORDER}. */
  private final int[] table;

  DirectProduct(List<FiniteGroup> factors) {
    checkArgument(factors.size() >= 2, "a direct product needs two or more factors");
    this.factors = ImmutableList.copyOf(factors);
    int k = factors.size();
    this.orders = new int[k];
    this.weights = new int[k];
    long total = 1;
    StringBuilder sb = new StringBuilder();
    for (int i = k - 1; i >= 0; i--) {
      FiniteGroup f = factors.get(i);
      checkArgument(!(f instanceof DirectProduct), "nested direct product %s", f.name());
      orders[i] = f.order();
      weights[i] = (int) total;
      total *= f.order();
      checkArgument(total <= Groups.MAX_ORDER, "direct product order above %s", Groups.MAX_ORDER);
    }
    for (FiniteGroup f : factors) {
      sb.append(sb.length() == 0 ? "" : "_x_").append(f.name());
    }
    this.name = sb.toString();
    this.order = (int) total;
    this.inverses = new int[order];
    for (int g = 0; g < order; g++) {
      int inv = 0;
      for (int i = 0; i < k; i++) {
        inv += this.factors.get(i).inverse(component(g, i)) * weights[i];
      }
      inverses[g] = inv;
    }
    this.table = order <= Groups.TABLE_MAX_ORDER ? Groups.table(order, this::compose) : null;
  }

  /** The i-th component of element g. */
  int component(int g, int i) {
    return (g / weights[i]) % orders[i];
  }

  /** The factors, in order. */
  ImmutableList<FiniteGroup> factors() {
    return factors;
  }

  private int compose(int a, int b) {
    int r = 0;
    for (int i = 0; i < orders.length; i++) {
      r += factors.get(i).multiply(component(a, i), component(b, i)) * weights[i];
    }
    return r;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int order() {
    return order;
  }

  @Override
  public int multiply(int a, int b) {
    return table != null ? table[a * order + b] : compose(a, b);
  }

  @Override
  public int inverse(int a) {
    return inverses[a];
  }

  @Override
  public int[][] permutationRepresentation() {
    int degree = permutationDegree();
    Groups.checkRepresentationSize(this, degree);
    int[][] rep = new int[order][degree];
    int offset = 0;
    for (int i = 0; i < orders.length; i++) {
      FiniteGroup f = factors.get(i);
      if (f.order() == 1) {
        continue;
      }
      int[][] fr = f.permutationRepresentation();
      int d = fr[0].length;
      for (int g = 0; g < order; g++) {
        int[] img = fr[component(g, i)];
        for (int p = 0; p < d; p++) {
          rep[g][offset + p] = offset + img[p];
        }
      }
      offset += d;
    }
    if (offset == 0) {
      rep = new int[][] {{0}};
    }
    return rep;
  }

  @Override
  public int permutationDegree() {
    int d = 0;
    for (FiniteGroup f : factors) {
      d += f.order() == 1 ? 0 : f.permutationDegree();
    }
    return Math.max(d, 1);
  }

  @Override
  public String format(int element) {
    Groups.checkElement(this, element);
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < orders.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(factors.get(i).format(component(element, i)));
    }
    return sb.append(')').toString();
  }

  @Override
  public int parse(String text) {
    checkArgument(text != null, "null element for %s", name);
    String s = text.strip();
    if (Groups.isDigits(s)) {
      return Groups.parseIndex(this, s);
    }
    List<String> parts = splitTuple(s);
    if (parts == null || parts.size() != orders.length) {
      throw new IllegalArgumentException(
          "malformed element '"
              + s
              + "' of "
              + name
              + ": expected a tuple of "
              + orders.length
              + " components such as "
              + format(0)
              + ", or an index");
    }
    int r = 0;
    for (int i = 0; i < orders.length; i++) {
      r += factors.get(i).parse(parts.get(i)) * weights[i];
    }
    return r;
  }

  /** The comma-separated components of {@code (a, b, ...)} at bracket depth 1, or null. */
  private static List<String> splitTuple(String s) {
    if (!s.startsWith("(") || !s.endsWith(")")) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
        if (depth == 0 && i != s.length() - 1) {
          return null;
        }
      } else if (c == ',' && depth == 1) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
      if (depth < 0) {
        return null;
      }
    }
    if (depth != 0) {
      return null;
    }
    parts.add(s.substring(start, s.length() - 1));
    return parts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DirectProduct && ((DirectProduct) o).factors.equals(factors);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
