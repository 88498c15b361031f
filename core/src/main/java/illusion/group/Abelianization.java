package illusion.group;

import static com.google.common.base.Preconditions.checkArgument;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The abelianization G/G' as a product of cyclic groups in invariant-factor form: {@link
 * #factors()} are m_1 | m_2 | ... | m_k, each at least 2 (none when G is perfect), so Z60 gives
 * [60], A4 x Z5 gives [15], S_n gives [2] and Z2 x Z2 gives [2, 2].
 *
 * <p>{@link #coordinates(int)} is a surjective homomorphism G → Z_{m_1} x ... x Z_{m_k} with kernel
 * G': {@code coordinates(a*b) = coordinates(a) + coordinates(b)} componentwise mod m_i. {@link
 * #quotientIndex(int)} is the same map with the coordinates read in mixed radix, which is the
 * element index in {@link #quotient()} ({@code Z_{m_1}_x_..._x_Z_{m_k}}). {@link
 * #representative(int...)} picks the smallest element of each coset, so the identity represents
 * G'.
 */
public final class Abelianization {
  private final FiniteGroup group;
  private final Subgroup commutatorSubgroup;
  private final Cosets cosets;
  private final int[] factors;
  /** cosetCode[c]: the mixed-radix coordinates of coset c; codeCoset its inverse. */
  private final int[] cosetCode;
  private final int[] codeCoset;

  private Abelianization(FiniteGroup group, Subgroup commutatorSubgroup) {
    this.group = group;
    this.commutatorSubgroup = commutatorSubgroup;
    this.cosets = Cosets.of(commutatorSubgroup);
    int q = cosets.count();
    List<int[]> basis = basis(); // {generator coset, order}, invariant factors increasing
    this.factors = basis.stream().mapToInt(b -> b[1]).toArray();
    this.codeCoset = new int[q];
    this.cosetCode = new int[q];
    Arrays.fill(cosetCode, -1);
    int k = factors.length;
    int[] weights = weights(factors);
    // codeCoset[code] = product of generator^digit, built from code minus one unit of its lowest
    // nonzero digit.
    for (int code = 1; code < q; code++) {
      int i = k - 1;
      while ((code / weights[i]) % factors[i] == 0) {
        i--;
      }
      codeCoset[code] = mul(codeCoset[code - weights[i]], basis.get(i)[0]);
    }
    for (int code = 0; code < q; code++) {
      if (cosetCode[codeCoset[code]] >= 0) {
        throw new AssertionError("abelianization basis is not independent");
      }
      cosetCode[codeCoset[code]] = code;
    }
  }

  /** Computes G/G'. */
  public static Abelianization of(FiniteGroup g) {
    return new Abelianization(g, CommutatorSubgroup.of(g));
  }

  /** Computes G/G' reusing an already computed derived series. */
  public static Abelianization of(DerivedSeries series) {
    return new Abelianization(series.group(), series.commutatorSubgroup());
  }

  /** The group G. */
  public FiniteGroup group() {
    return group;
  }

  /** The kernel G'. */
  public Subgroup commutatorSubgroup() {
    return commutatorSubgroup;
  }

  /** |G/G'|. */
  public int order() {
    return cosets.count();
  }

  /** The invariant factors m_1 | ... | m_k (a fresh copy; empty when G is perfect). */
  public int[] factors() {
    return factors.clone();
  }

  /** G/G' as a group: {@code Z_{m_1}_x_..._x_Z_{m_k}}, or {@code Z1} when G is perfect. */
  public FiniteGroup quotient() {
    StringBuilder name = new StringBuilder();
    for (int m : factors) {
      name.append(name.length() == 0 ? "" : "_x_").append('Z').append(m);
    }
    return Groups.byName(name.length() == 0 ? "Z1" : name.toString());
  }

  /** The image of {@code g} in Z_{m_1} x ... x Z_{m_k}. */
  public int[] coordinates(int g) {
    int code = quotientIndex(g);
    int[] weights = weights(factors);
    int[] c = new int[factors.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = (code / weights[i]) % factors[i];
    }
    return c;
  }

  /** The image of {@code g} as an element index of {@link #quotient()} (mixed radix). */
  public int quotientIndex(int g) {
    return cosetCode[cosets.cosetOf(g)];
  }

  /**
   * The smallest element of G whose {@link #coordinates} are {@code coords}; the identity for the
   * zero vector.
   *
   * @throws IllegalArgumentException if the arity is not k or a coordinate is outside 0..m_i-1
   */
  public int representative(int... coords) {
    checkArgument(
        coords.length == factors.length,
        "expected %s coordinates for %s, got %s",
        factors.length,
        Arrays.toString(factors),
        coords.length);
    int code = 0;
    for (int i = 0; i < coords.length; i++) {
      checkArgument(
          coords[i] >= 0 && coords[i] < factors[i],
          "coordinate %s is outside 0..%s",
          coords[i],
          factors[i] - 1);
      code = code * factors[i] + coords[i];
    }
    return representativeOf(code);
  }

  /** The smallest element of G mapping to {@code quotientIndex}. */
  public int representativeOf(int quotientIndex) {
    checkArgument(
        quotientIndex >= 0 && quotientIndex < order(),
        "quotient index %s outside 0..%s",
        quotientIndex,
        order() - 1);
    return cosets.representative(codeCoset[quotientIndex]);
  }

  private static int[] weights(int[] radix) {
    int[] w = new int[radix.length];
    int acc = 1;
    for (int i = radix.length - 1; i >= 0; i--) {
      w[i] = acc;
      acc *= radix[i];
    }
    return w;
  }

  // ---- G/G' on coset numbers ----

  private int mul(int x, int y) {
    return cosets.cosetOf(group.multiply(cosets.representative(x), cosets.representative(y)));
  }

  private int pow(int x, long e) {
    int result = 0;
    int base = x;
    while (e > 0) {
      if ((e & 1) != 0) {
        result = mul(result, base);
      }
      base = mul(base, base);
      e >>= 1;
    }
    return result;
  }

  /**
   * A basis of G/G' in invariant-factor form, as pairs {generator coset, order}. Each Sylow
   * p-subgroup P is decomposed greedily: pick a generator of P whose image in P/K (K spanned by
   * the basis so far) has the largest order p^b; its p^b-th power lies in K with every exponent
   * divisible by p^b (the chosen orders decrease), so dividing them out gives a lift of order p^b
   * independent of K. The cyclic p-parts are then multiplied together by the Chinese remainder
   * theorem.
   */
  private List<int[]> basis() {
    int q = cosets.count();
    int[] qGens = Arrays.stream(Subgroup.whole(group).generators()).map(cosets::cosetOf).distinct().toArray();
    int[] primePowers = CyclicGroup.primePowers(q);
    // primary[p-index] = list of {generator, order} with decreasing orders
    List<List<int[]>> primary = new ArrayList<>();
    int[] code = new int[q];
    for (int pq : primePowers) {
      List<int[]> pBasis = new ArrayList<>();
      primary.add(pBasis);
      if (pq == 1) {
        continue;
      }
      int p = smallestPrimeFactor(pq);
      int[] pGens = new int[qGens.length];
      for (int i = 0; i < qGens.length; i++) {
        pGens[i] = pow(qGens[i], q / pq);
      }
      // K: code[x] = mixed-radix coordinates of x over pBasis (last basis element least
      // significant), -1 outside K.
      Arrays.fill(code, -1);
      code[0] = 0;
      IntArrayList kElements = IntArrayList.of(0);
      while (true) {
        int best = -1;
        int bestOrder = 1;
        for (int y : pGens) {
          int ord = 1;
          for (int z = y; code[z] < 0; z = pow(z, p)) {
            ord *= p;
          }
          if (ord > bestOrder) {
            bestOrder = ord;
            best = y;
          }
        }
        if (best < 0) {
          break;
        }
        // best^bestOrder = prod x_i^{c_i}; divide each c_i by bestOrder.
        int power = pow(best, bestOrder);
        int c = code[power];
        int lifted = best;
        for (int i = pBasis.size() - 1; i >= 0; i--) {
          int[] xi = pBasis.get(i);
          int ci = c % xi[1];
          c /= xi[1];
          if (ci % bestOrder != 0) {
            throw new AssertionError("basis exponent not divisible");
          }
          lifted = mul(lifted, pow(xi[0], (long) (xi[1] - ci / bestOrder) % xi[1]));
        }
        pBasis.add(new int[] {lifted, bestOrder});
        // K := K x <lifted>, new codes = old * order + j
        IntArrayList next = new IntArrayList(kElements.size() * bestOrder);
        for (int k = 0; k < kElements.size(); k++) {
          int x = kElements.getInt(k);
          int base = code[x] * bestOrder;
          int y = x;
          for (int j = 0; j < bestOrder; j++) {
            code[y] = base + j;
            next.add(y);
            y = mul(y, lifted);
          }
        }
        kElements = next;
      }
      if (kElements.size() != pq) {
        throw new AssertionError("Sylow subgroup not spanned");
      }
    }
    int k = primary.stream().mapToInt(List::size).max().orElse(0);
    List<int[]> invariant = new ArrayList<>();
    // Invariant factor i (increasing) combines the (k-1-i)-th largest p-part of every prime.
    for (int i = 0; i < k; i++) {
      int gen = 0;
      int order = 1;
      for (List<int[]> pBasis : primary) {
        int j = k - 1 - i;
        if (j < pBasis.size()) {
          gen = mul(gen, pBasis.get(j)[0]);
          order *= pBasis.get(j)[1];
        }
      }
      invariant.add(new int[] {gen, order});
    }
    return invariant;
  }

  private static int smallestPrimeFactor(int n) {
    for (int p = 2; (long) p * p <= n; p++) {
      if (n % p == 0) {
        return p;
      }
    }
    return n;
  }
}
