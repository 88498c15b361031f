package illusion.group;

import com.google.common.collect.ImmutableList;
import java.util.OptionalInt;

/**
 * The derived series G = G^(0) &gt; G^(1) = G' &gt; G^(2) = G'' &gt; ... , each term the commutator
 * subgroup of the previous one, listed until it stabilizes at a perfect subgroup (each distinct
 * term once). G is solvable iff the series reaches the trivial group, and then its derived length
 * is the number of steps; by Shakerinava et al. this is also the fewest selective diagonal layers
 * that track G (DESIGN.md, {@code diag-stack}).
 */
public final class DerivedSeries {
  private final FiniteGroup group;
  private final ImmutableList<Subgroup> terms;

  private DerivedSeries(FiniteGroup group, ImmutableList<Subgroup> terms) {
    this.group = group;
    this.terms = terms;
  }

  /** Computes the derived series of {@code g}. */
  public static DerivedSeries of(FiniteGroup g) {
    ImmutableList.Builder<Subgroup> terms = ImmutableList.builder();
    Subgroup current = Subgroup.whole(g);
    terms.add(current);
    while (!current.isTrivial()) {
      Subgroup next = CommutatorSubgroup.of(current);
      if (next.order() == current.order()) {
        break;
      }
      terms.add(next);
      current = next;
    }
    return new DerivedSeries(g, terms.build());
  }

  /** The group G. */
  public FiniteGroup group() {
    return group;
  }

  /** The distinct terms G^(0) = G, G^(1), ..., strictly decreasing, all subgroups of G. */
  public ImmutableList<Subgroup> terms() {
    return terms;
  }

  /** The orders of the terms. */
  public int[] orders() {
    return terms.stream().mapToInt(Subgroup::order).toArray();
  }

  /** The commutator subgroup G' (G itself when G is perfect). */
  public Subgroup commutatorSubgroup() {
    return terms.get(Math.min(1, terms.size() - 1));
  }

  /** The last term: the perfect core of G (trivial iff G is solvable). */
  public Subgroup perfectCore() {
    return terms.get(terms.size() - 1);
  }

  /** Whether G' is trivial. */
  public boolean isAbelian() {
    return commutatorSubgroup().isTrivial();
  }

  /** Whether the series reaches the trivial group. */
  public boolean isSolvable() {
    return perfectCore().isTrivial();
  }

  /** Whether G' = G (the trivial group is perfect). */
  public boolean isPerfect() {
    return terms.size() == 1;
  }

  /** The derived length: the least k with G^(k) trivial; empty when G is not solvable. */
  public OptionalInt derivedLength() {
    return isSolvable() ? OptionalInt.of(terms.size() - 1) : OptionalInt.empty();
  }
}
