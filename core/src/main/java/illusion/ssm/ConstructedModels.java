package illusion.ssm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import illusion.group.Abelianization;
import illusion.group.DerivedSeries;
import illusion.group.FiniteGroup;
import illusion.group.Subgroup;
import illusion.number.Precision;
import java.util.Arrays;
import java.util.Locale;

/**
 * The hand-constructed models of DESIGN.md "Constructed layers", each tracking the prefix products
 * {@code s_t = x_1 * ... * x_t} of a group word problem (or part of them) with a layer kind from the
 * paper:
 *
 * <ul>
 *   <li>{@code ids4}: one IDS4 layer over the group's faithful permutation representation (Thm
 *       5.2); exact for every n.
 *   <li>{@code diag-stack}: one selective diagonal layer of exact counters per step of the derived
 *       series (Shakerinava et al.); exact for solvable groups and n up to {@code maxLength};
 *       refused for non-solvable groups.
 *   <li>{@code diag-abelian}: one selective diagonal layer tracking only the image of s_t in G/G'
 *       (the sign for S_n); its label is the coset representative.
 *   <li>{@code s4-scan} or {@code s4-scan:L}: L non-gated S4 delay-line layers with composing
 *       readouts, a parallel prefix exact for n &lt;= 2^L (L defaults to ceil(log2 maxLength)).
 *   <li>{@code s4-window} or {@code s4-window:W}: one S4 delay-line layer seeing the last W tokens
 *       (W defaults to {@link #DEFAULT_WINDOW}: a fixed window, as a trained layer would have); exact
 *       for n &lt;= W and not beyond.
 * </ul>
 *
 * Every model reads the group's element indices and labels each position with an element index.
 */
public final class ConstructedModels {
  /** The window of {@code s4-window} when none is given: two tokens, a fixed horizon independent of n. */
  public static final int DEFAULT_WINDOW = 2;

  /** The model names {@link #build} accepts (the S4 ones optionally with {@code :L} / {@code :W}). */
  public static final ImmutableList<String> NAMES =
      ImmutableList.of("ids4", "diag-stack", "diag-abelian", "s4-scan", "s4-window");

  /** The most layers an {@code s4-scan} model may have (its last delay line has 2^(L-1)+1 states). */
  public static final int MAX_SCAN_LAYERS = 13;

  private ConstructedModels() {}

  /**
   * Builds the model {@code name} for the word problem of {@code group} on sequences of up to
   * {@code maxLength} tokens ({@code maxLength} sizes counters and delay lines: "enough bits for
   * n").
   *
   * @throws IllegalArgumentException for an unknown name, or a model the group does not admit
   *     (e.g. {@code diag-stack} for a non-solvable group), with a one-line reason
   */
  public static Model build(String name, FiniteGroup group, int maxLength) {
    checkNotNull(name, "name");
    checkNotNull(group, "group");
    checkArgument(maxLength >= 1, "maxLength must be at least 1, got %s", maxLength);
    String key = name.strip().toLowerCase(Locale.ROOT);
    String base = key;
    Integer param = null;
    int colon = key.indexOf(':');
    if (colon >= 0) {
      base = key.substring(0, colon);
      String arg = key.substring(colon + 1);
      checkArgument(
          (base.equals("s4-scan") || base.equals("s4-window")) && arg.matches("[0-9]{1,6}"),
          "unknown model '%s': only s4-scan:L and s4-window:W take a parameter",
          name);
      param = Integer.parseInt(arg);
    }
    switch (base) {
      case "ids4":
        return ids4(group);
      case "diag-stack":
        return diagStack(group, maxLength);
      case "diag-abelian":
        return diagAbelian(group, maxLength);
      case "s4-scan":
        {
          int layers = param != null ? param : Math.max(1, ceilLog2(maxLength));
          checkArgument(
              param != null || layers <= MAX_SCAN_LAYERS,
              "s4-scan for n = %s needs %s layers, more than %s",
              maxLength,
              layers,
              MAX_SCAN_LAYERS);
          return s4Scan(group, layers);
        }
      case "s4-window":
        return s4Window(group, param != null ? param : DEFAULT_WINDOW);
      default:
        throw new IllegalArgumentException(
            "unknown model '" + name + "': expected one of " + String.join(", ", NAMES));
    }
  }

  /**
   * One IDS4 layer over the permutation representation {@code rep} of degree d (Thm 5.2, with the
   * injection of DESIGN.md "Layer kinds"): {@code A(σ) = P_σ} with {@code (P_σ u)[i] =
   * u[rep[σ][i]]}, and {@code B(σ) = (P_σ - I) v} with {@code v_i = i}. Since {@code P_a P_b =
   * P_{b*a}}, {@code A(x_t) ... A(x_1) = P_{s_t}}, and by induction {@code h_t = P_{s_t} v - v},
   * i.e. {@code h_t[i] = rep[s_t][i] - i}: C = I outputs it, and the readout reduces each channel
   * mod d and looks up s_t.
   */
  static Model ids4(FiniteGroup group) {
    int n = group.order();
    int d = group.permutationDegree();
    checkSize("ids4", group, (long) n * d * d);
    int[][] rep = group.permutationRepresentation();
    Precision p = Precision.forMagnitude(Math.max(1, d - 1), 0);
    long[][][] a = new long[n][d][d];
    long[][] b = new long[d][n];
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < d; i++) {
        a[s][i][rep[s][i]] = 1;
        b[i][s] = rep[s][i] - i;
      }
    }
    long[][] c = new long[d][d];
    for (int i = 0; i < d; i++) {
      c[i][i] = 1;
    }
    Layer layer = Ids4Layer.builder(p).a(a).b(b).c(c).build();
    int[] moduli = new int[d];
    Arrays.fill(moduli, d);
    Readout.Builder r = Readout.builder(moduli, n).defaultToken(group.identity());
    for (int g = 0; g < n; g++) {
      int[] residues = new int[d];
      for (int i = 0; i < d; i++) {
        residues[i] = Math.floorMod(rep[g][i] - i, d);
      }
      if (g != group.identity()) {
        r.put(residues, g);
      }
    }
    return Model.builder("ids4", n)
        .tracks(
            "the prefix product s_t in "
                + group.name()
                + " via its action on "
                + d
                + " points (IDS4, Thm 5.2); exact for every n")
        .add(layer, r.build())
        .build();
  }

  /**
   * The derived series G = G_0 &gt; G_1 &gt; ... &gt; G_k = 1 as k selective diagonal layers with
   * base 1 (exact counters). With r_i the coset representatives of G_i/G_{i+1} and q^(i)_t the
   * image of u^(i)_t = c^(i)_1 ... c^(i)_t (c^(0) = x), write u^(i)_t = u^(i+1)_t r_i(q^(i)_t);
   * then u^(i+1) is the prefix product of c^(i+1)_t = r_i(q^(i)_{t-1}) c^(i)_t r_i(q^(i)_t)^-1 in
   * G_{i+1}, and s_t = r_{k-1}(q^(k-1)_t) ... r_0(q^(0)_t).
   *
   * <p>Layer i reads tokens {@code Q * |G_i| + j} where j indexes c^(i)_t in G_i and Q encodes
   * (q^(0)_t, ..., q^(i-1)_t) in mixed radix (so every vocabulary has |G| tokens). Its state
   * counts the coordinates of the abelianization of G_i (one channel per invariant factor m; the
   * readout reduces it mod m, and q_{t-1} = q_t - π(c_t)); an extra output channel carries the token
   * through D so the readout can form the next token or the label.
   */
  static Model diagStack(FiniteGroup group, int maxLength) {
    DerivedSeries series = DerivedSeries.of(group);
    if (!series.isSolvable()) {
      throw new IllegalArgumentException(
          group.name()
              + " is not solvable: its derived series stops at a perfect group of order "
              + series.perfectCore().order());
    }
    ImmutableList<Subgroup> terms = series.terms();
    int k = Math.max(1, terms.size() - 1);
    Model.Builder model =
        Model.builder("diag-stack", group.order())
            .tracks(
                "the prefix product s_t in "
                    + group.name()
                    + " by "
                    + k
                    + " selective diagonal counter layer"
                    + (k == 1 ? "" : "s")
                    + " along the derived series (orders "
                    + Arrays.toString(series.orders())
                    + "); exact for n <= "
                    + maxLength);
    Level[] levels = new Level[k];
    for (int i = 0; i < k; i++) {
      levels[i] = new Level(group, terms.get(i), maxLength);
    }
    for (int i = 0; i < k; i++) {
      Level level = levels[i];
      boolean last = i == k - 1;
      boolean carry = !(last && i == 0); // an abelian group needs only the counters
      Subgroup nextTerm = last ? null : terms.get(i + 1);
      int below = i;
      int gi = level.h.order();
      Readout readout =
          level.readout(
              carry,
              (q, coords, token) -> {
                int c = level.h.toParent(token % gi);
                int rNow = level.representative(coords);
                int rPrev = level.representative(level.minus(coords, c));
                int cNext = group.multiply(group.multiply(rPrev, c), group.inverse(rNow));
                int qPrev = token / gi;
                if (!last) {
                  int qNext = qPrev * level.quotientOrder + q;
                  return qNext * nextTerm.order() + nextTerm.fromParent(cNext);
                }
                // s_t = r_i(q^(i)) r_{i-1}(q^(i-1)) ... r_0(q^(0)); Q holds q^(0) most significant
                int s = rNow;
                for (int j = below - 1; j >= 0; j--) {
                  int qj = qPrev % levels[j].quotientOrder;
                  qPrev /= levels[j].quotientOrder;
                  s = group.multiply(s, levels[j].representativeOf(qj));
                }
                return s;
              });
      model.add(level.layer(carry), readout);
    }
    return model.build();
  }

  /**
   * One selective diagonal counter layer tracking the image q_t of s_t in G/G' (for S_n: the
   * sign); the label is the coset representative r(q_t), so it is exact on G/G' only.
   */
  static Model diagAbelian(FiniteGroup group, int maxLength) {
    Level level = new Level(group, Subgroup.whole(group), maxLength);
    Readout readout =
        level.readout(false, (q, cosetCoords, token) -> level.representative(cosetCoords));
    return Model.builder("diag-abelian", group.order())
        .tracks(
            "only the image of s_t in "
                + group.name()
                + "/"
                + group.name()
                + "' = "
                + level.ab.quotient().name()
                + " (the label is its coset representative); exact on the quotient for n <= "
                + maxLength)
        .add(level.layer(false), readout)
        .build();
  }

  /**
   * L delay-line S4 layers forming a Hillis–Steele parallel prefix: layer l (delay δ = 2^l) keeps
   * {@code h_t[j] = y_{t-j}} for j = 0..δ (A shifts, B writes the token index, the identity being
   * 0 = h_0), outputs {@code (y_{t-δ}, y_t)}, and its readout multiplies them. After layer l, token
   * t is the product of the last 2^(l+1) inputs, so L layers are exact for n &lt;= 2^L.
   */
  static Model s4Scan(FiniteGroup group, int layers) {
    checkArgument(
        layers >= 1 && layers <= MAX_SCAN_LAYERS,
        "s4-scan needs 1 to %s layers, got %s",
        MAX_SCAN_LAYERS,
        layers);
    int n = group.order();
    checkSize("s4-scan", group, (long) ((1 << (layers - 1)) + 1) * (1 << (layers - 1)) + (long) n * n);
    Precision p = Precision.forMagnitude(Math.max(1, n - 1), 0);
    Readout compose =
        Readout.tabulate(new int[] {n, n}, n, r -> group.multiply(r[0], r[1]));
    Model.Builder model =
        Model.builder("s4-scan", n)
            .tracks(
                "the prefix product s_t in "
                    + group.name()
                    + " by a parallel prefix of "
                    + layers
                    + " S4 delay-line layer"
                    + (layers == 1 ? "" : "s")
                    + "; exact for n <= "
                    + (1L << layers));
    for (int l = 0; l < layers; l++) {
      int delay = 1 << l;
      long[][] c = new long[2][delay + 1];
      c[0][delay] = 1;
      c[1][0] = 1;
      model.add(delayLine(p, n, delay + 1, c), compose);
    }
    return model.build();
  }

  /**
   * One S4 delay line of length W with C = I and a readout that multiplies the W tokens it sees;
   * exact for n &lt;= W. The readout has |G|^W entries.
   */
  static Model s4Window(FiniteGroup group, int window) {
    int n = group.order();
    checkArgument(window >= 1, "s4-window needs a window of at least 1, got %s", window);
    double tuples = Math.pow(n, window);
    checkArgument(
        tuples <= Readout.MAX_ENTRIES,
        "s4-window with W = %s over %s needs a readout table over %s^%s residue tuples, more than %s",
        window,
        group.name(),
        n,
        window,
        Readout.MAX_ENTRIES);
    Precision p = Precision.forMagnitude(Math.max(1, n - 1), 0);
    long[][] c = new long[window][window];
    for (int i = 0; i < window; i++) {
      c[i][i] = 1;
    }
    int[] moduli = new int[window];
    Arrays.fill(moduli, n);
    Readout product =
        Readout.tabulate(
            moduli,
            n,
            r -> {
              int s = group.identity();
              for (int j = window - 1; j >= 0; j--) { // oldest token first
                s = group.multiply(s, r[j]);
              }
              return s;
            });
    return Model.builder("s4-window", n)
        .tracks(
            "the product of the last "
                + window
                + " tokens in "
                + group.name()
                + " (one S4 delay line); equals s_t for n <= "
                + window)
        .add(delayLine(p, n, window, c), product)
        .build();
  }

  /** An S4 layer with h_t[0] = token index and h_t[j] = h_{t-1}[j-1]. */
  private static Layer delayLine(Precision p, int vocab, int d, long[][] c) {
    long[][] a = new long[d][d];
    for (int j = 1; j < d; j++) {
      a[j][j - 1] = 1;
    }
    long[][] b = new long[d][vocab];
    for (int s = 0; s < vocab; s++) {
      b[0][s] = s;
    }
    return S4Layer.builder(p).a(a).b(b).c(c).build();
  }

  /** Refuses, before allocating, a model whose parameters or tables would not fit in memory. */
  private static void checkSize(String model, FiniteGroup group, long entries) {
    checkArgument(
        entries <= Matrices.MAX_PARAMETERS,
        "%s over %s would need %s parameters and table entries, more than %s",
        model,
        group.name(),
        entries,
        Matrices.MAX_PARAMETERS);
  }

  static int ceilLog2(int n) {
    return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
  }

  /** What a readout computes from (quotient index, coordinates, carried token). */
  private interface LevelFunction {
    int apply(int quotientIndex, int[] coordinates, int token);
  }

  /** One step of a derived series: the counters of the abelianization of a term G_i. */
  private static final class Level {
    final FiniteGroup group;
    final Subgroup h;
    final Abelianization ab;
    final int[] factors;
    final int quotientOrder;
    final int counters;
    final Precision precision;

    Level(FiniteGroup group, Subgroup term, int maxLength) {
      this.group = group;
      this.h = term;
      this.ab = Abelianization.of(term.asGroup());
      this.factors = ab.factors();
      this.quotientOrder = ab.order();
      this.counters = Math.max(1, factors.length);
      int maxFactor = Arrays.stream(factors).max().orElse(1);
      long magnitude =
          Math.max(Math.max(1, group.order() - 1), (long) maxLength * (maxFactor - 1));
      this.precision = Precision.forMagnitude(magnitude, 0);
    }

    /** The coordinates of an element of G_i (a parent index). */
    int[] coordinates(int parentElement) {
      return ab.coordinates(h.fromParent(parentElement));
    }

    /** {@code coords - π(c)} in the quotient. */
    int[] minus(int[] coords, int parentElement) {
      int[] pc = coordinates(parentElement);
      int[] r = new int[coords.length];
      for (int j = 0; j < r.length; j++) {
        r[j] = Math.floorMod(coords[j] - pc[j], factors[j]);
      }
      return r;
    }

    /** r(q) as a parent index. */
    int representative(int[] coords) {
      return h.toParent(ab.representative(coords));
    }

    /** r(q) as a parent index, q given as a quotient index. */
    int representativeOf(int quotientIndex) {
      return h.toParent(ab.representativeOf(quotientIndex));
    }

    /**
     * Counters B[c][token] = coordinate c of the token's G_i element (token mod |G_i|), base 1;
     * with {@code carry}, one more output channel D[m][token] = token.
     */
    Layer layer(boolean carry) {
      int n = group.order();
      int gi = h.order();
      long[][] b = new long[counters][n];
      for (int token = 0; token < n; token++) {
        int[] coords = ab.coordinates(token % gi);
        for (int j = 0; j < coords.length; j++) {
          b[j][token] = coords[j];
        }
      }
      int m = counters + (carry ? 1 : 0);
      long[][] c = new long[m][counters];
      long[][] d = new long[m][n];
      for (int j = 0; j < counters; j++) {
        c[j][j] = 1;
      }
      if (carry) {
        for (int token = 0; token < n; token++) {
          d[counters][token] = token;
        }
      }
      long[] base = new long[counters];
      Arrays.fill(base, 1);
      int[][] exponents = new int[counters][n];
      for (int[] row : exponents) {
        Arrays.fill(row, 1);
      }
      return SelectiveLayer.builder(precision).base(base).exponents(exponents).b(b).c(c).d(d).build();
    }

    /** The readout of this level's layer: residues (counters..., [token]) to {@code f}. */
    Readout readout(boolean carry, LevelFunction f) {
      int n = group.order();
      int[] moduli = new int[counters + (carry ? 1 : 0)];
      for (int j = 0; j < counters; j++) {
        moduli[j] = factors.length == 0 ? 1 : factors[j];
      }
      if (carry) {
        moduli[counters] = n;
      }
      return Readout.tabulate(
          moduli,
          n,
          r -> {
            int[] coords = Arrays.copyOf(r, factors.length);
            int q = ab.quotientIndex(ab.representative(coords));
            return f.apply(q, coords, carry ? r[counters] : 0);
          });
    }
  }
}
