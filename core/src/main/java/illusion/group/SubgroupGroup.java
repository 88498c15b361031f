package illusion.group;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;

/**
 * A subgroup viewed as a group on indices {@code 0 .. |H|-1}. Its permutation representation is
 * the parent's restricted to the points some element of H moves (one point if none).
 */
final class SubgroupGroup implements FiniteGroup {
  private final Subgroup subgroup;
  private final int[] elements;
  private final int order;
  private final int[] inverses;
  /** The multiplication table, or null above {@link Groups#TABLE_MAX_ORDER}. */
  private final int[] table;
  private final Supplier<int[][]> representation;

  SubgroupGroup(Subgroup subgroup) {
    this.subgroup = subgroup;
    this.elements = subgroup.elements();
    this.order = elements.length;
    FiniteGroup p = subgroup.parent();
    this.inverses = new int[order];
    for (int i = 0; i < order; i++) {
      inverses[i] = subgroup.fromParent(p.inverse(elements[i]));
    }
    this.table = order <= Groups.TABLE_MAX_ORDER ? Groups.table(order, this::compose) : null;
    this.representation = Suppliers.memoize(this::restrictRepresentation);
  }

  private int compose(int a, int b) {
    return Closures.indexOf(elements, subgroup.parent().multiply(elements[a], elements[b]));
  }

  private int[][] restrictRepresentation() {
    int[][] parentRep = subgroup.parent().permutationRepresentation();
    int degree = parentRep[0].length;
    int[] newPoint = new int[degree];
    java.util.Arrays.fill(newPoint, -1);
    int moved = 0;
    for (int p = 0; p < degree; p++) {
      for (int e : elements) {
        if (parentRep[e][p] != p) {
          newPoint[p] = moved++;
          break;
        }
      }
    }
    if (moved == 0) {
      return new int[order][1];
    }
    int[][] rep = new int[order][moved];
    for (int i = 0; i < order; i++) {
      int[] img = parentRep[elements[i]];
      for (int p = 0; p < degree; p++) {
        if (newPoint[p] >= 0) {
          rep[i][newPoint[p]] = newPoint[img[p]];
        }
      }
    }
    return rep;
  }

  @Override
  public String name() {
    return subgroup.name();
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
    int[][] rep = representation.get();
    int[][] copy = new int[rep.length][];
    for (int i = 0; i < rep.length; i++) {
      copy[i] = rep[i].clone();
    }
    return copy;
  }

  @Override
  public int permutationDegree() {
    return representation.get()[0].length;
  }

  @Override
  public String format(int element) {
    Groups.checkElement(this, element);
    return subgroup.parent().format(elements[element]);
  }

  @Override
  public int parse(String text) {
    if (text != null && Groups.isDigits(text.strip())) {
      return Groups.parseIndex(this, text.strip());
    }
    return subgroup.fromParent(subgroup.parent().parse(text));
  }

  @Override
  public String toString() {
    return name();
  }
}
