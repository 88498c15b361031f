package illusion.compile;

import com.google.common.primitives.Longs;
import illusion.circuit.CircuitBuilder;
import illusion.number.Dyadic;
import illusion.number.Precision;
import illusion.ssm.SelectiveLayer;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input-dependent diagonal layers, S6 / Mamba-style (Thm 4.4, Cor 4.5). Unrolled, channel c holds
 *
 * <pre>
 *   h_t[c] = Σ_{i ≤ t} a_c^{E_t - E_i} B[c][σ_i] [no RESET_c in (i, t]],   E_t = Σ_{k ≤ t} e_c(σ_k)
 * </pre>
 *
 * so {@code y_t = round(Σ_c C[·][c] h_t[c] + D x_t)} is a sum over windows {@code (i, t]}. For each
 * window, one weighted sum {@code Q_{i,t} = Σ_{k ∈ (i,t]} q(σ_k)} counts the window's exponents and
 * its RESETs (a RESET weighs more than any exponent sum, so {@code Q ≤ δ} implies none); the sums
 * for one t extend one another ({@code Q_{i-1,t} = Q_{i,t} + q(σ_i)}: iterated addition as suffix
 * sums). The window's contribution {@code β(σ_i) a^{Q}} (β = C B) is then telescoped over the
 * reachable exponent sums {@code δ_0 < ... < δ_r}:
 *
 * <pre>
 *   a^Q [Q = δ] summed over δ  =  Σ_j (a^{δ_j} - a^{δ_{j+1}}) [Q ≤ δ_j]  +  a^{δ_r} [Q ≤ δ_r]
 * </pre>
 *
 * with each indicator {@code [Q_{i,t} ≤ δ ∧ x_i ∈ G]} a single threshold gate over {@code Q_{i,t} -
 * M·[x_i ∈ G]}, G a group of tokens with the same β column. The output stage then rounds the sum of
 * all indicators with exact dyadic weights. Depth: indicators 1, output stage 2, for every n; size
 * {@code O(n^2)} indicator gates per output in general.
 *
 * <p>Special cases keep it small and exact: {@code a = 1} needs no exponent sums (only RESETs are
 * counted), {@code a = -1} only their parity, {@code a = 0} only whether the window's exponents are
 * all zero ({@code 0^0 = 1}); a channel with neither exponents nor RESETs is a plain prefix sum of
 * its inputs, and then the outputs' sums extend one another as {@code t} grows. When such an output
 * is read only modulo m by the readout (the counters of {@code diag-stack}), never saturates and
 * needs no rounding (integral at the precision's scale), it is held by its residues alone, built
 * by {@link PrefixResidues} in {@code O(n^{4/3} m)} gates instead of {@code Θ(n^2)} thermometer
 * cuts.
 */
final class SelectiveCompiler implements LayerCompiler {
  private final Precision precision;
  private final int n;
  private final int outputs;
  private final int vocabulary;
  /** {@code self[c'][σ]}: the weight of {@code x_t = σ} in output c' at t (D plus every {@code CB}). */
  private final Dyadic[][] self;
  /** {@code linear[c'][σ]}: the weight of {@code x_i = σ}, i < t, from plain prefix-sum channels. */
  private final Dyadic[][] linear;
  private final boolean hasLinear;
  private final List<WindowClass> windows;
  /** Per output channel: the modulus it is held by when held by its residues, else 0. */
  private final int[] residueModulus;

  private final OutputUse use;

  private SelectiveCompiler(SelectiveLayer layer, int n, OutputUse use) {
    this.use = use;
    this.precision = layer.precision();
    this.n = n;
    Dyadic[] base = Exact.values(layer.rawBase(), precision);
    int[][] exponents = layer.exponents();
    Dyadic[][] b = Exact.values(layer.rawB(), precision);
    Dyadic[][] c = Exact.values(layer.rawC(), precision);
    Dyadic[][] d = Exact.values(layer.rawD(), precision);
    int dim = b.length;
    this.outputs = c.length;
    this.vocabulary = b[0].length;
    this.self = new Dyadic[outputs][];
    this.linear = new Dyadic[outputs][vocabulary];
    for (int o = 0; o < outputs; o++) {
      self[o] = d[o].clone();
      Arrays.fill(linear[o], Dyadic.ZERO);
    }
    // group the state channels into classes with one window structure: (a, q)
    Map<List<Object>, List<Integer>> classes = new LinkedHashMap<>();
    boolean linearAny = false;
    for (int ch = 0; ch < dim; ch++) {
      boolean contributes = false;
      for (int o = 0; o < outputs && !contributes; o++) {
        contributes = c[o][ch].signum() != 0;
      }
      contributes &= !Exact.isZero(b[ch]);
      if (!contributes) {
        continue;
      }
      for (int o = 0; o < outputs; o++) {
        for (int s = 0; s < vocabulary; s++) {
          self[o][s] = self[o][s].add(c[o][ch].multiply(b[ch][s]));
        }
      }
      long[] q = effectiveExponents(base[ch], exponents[ch]);
      boolean plain = true;
      for (long v : q) {
        plain &= v == 0;
      }
      if (plain) { // a^0 = 1 in every window: a prefix sum of the inputs
        linearAny = true;
        for (int o = 0; o < outputs; o++) {
          for (int s = 0; s < vocabulary; s++) {
            linear[o][s] = linear[o][s].add(c[o][ch].multiply(b[ch][s]));
          }
        }
        continue;
      }
      // RESETs with all exponents 0: a^0 = 1 in every RESET-free window, whatever a is
      boolean exponentFree = true;
      for (long v : q) {
        exponentFree &= v <= 0;
      }
      List<Object> key = new ArrayList<>();
      key.add(exponentFree ? Dyadic.ONE : base[ch]);
      for (long v : q) {
        key.add(v);
      }
      classes.computeIfAbsent(key, k -> new ArrayList<>()).add(ch);
    }
    this.hasLinear = linearAny && !allZero(linear);
    this.windows = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Integer>> e : classes.entrySet()) {
      Dyadic a = (Dyadic) e.getKey().get(0);
      int ch0 = e.getValue().get(0);
      long[] q = effectiveExponents(base[ch0], exponents[ch0]);
      Dyadic[][] beta = new Dyadic[outputs][vocabulary];
      for (int o = 0; o < outputs; o++) {
        for (int s = 0; s < vocabulary; s++) {
          Dyadic sum = Dyadic.ZERO;
          for (int ch : e.getValue()) {
            sum = sum.add(c[o][ch].multiply(b[ch][s]));
          }
          beta[o][s] = sum;
        }
      }
      WindowClass w = new WindowClass(a, q, beta, n, outputs, precision.fractionBits());
      if (w.groups.length > 0) {
        windows.add(w);
      }
    }
    this.residueModulus = new int[outputs];
    for (int o = 0; o < outputs; o++) {
      residueModulus[o] = residueModulus(o);
    }
  }

  static SelectiveCompiler of(SelectiveLayer layer, int n, OutputUse use) {
    return new SelectiveCompiler(layer, n, use);
  }

  /**
   * The modulus output o is held by, or 0 when it must be held by its thermometer: it is read in
   * full, is not a plain prefix sum, may saturate or round at some t &lt; n, or its residues at
   * {@code t = n - 1} would take more cuts than its thermometer even without blocks.
   */
  private int residueModulus(int o) {
    int m = use.residueOnly(o);
    if (m < 2 || m > 1 << 20 || !chained() || !hasLinear) {
      return 0;
    }
    int f = precision.fractionBits();
    for (int s = 0; s < vocabulary; s++) {
      if (self[o][s].scale() > f || linear[o][s].scale() > f) {
        return 0; // floor(2^f v) would round
      }
    }
    // the exact range is linear in t, so its ends at t = 0 and t = n - 1 bound it
    for (long t : new long[] {0, n - 1}) {
      Dyadic lo = min(self[o]).add(min(linear[o]).multiply(Dyadic.of(t)));
      Dyadic hi = max(self[o]).add(max(linear[o]).multiply(Dyadic.of(t)));
      if (!unsaturated(lo) || !unsaturated(hi)) {
        return 0;
      }
    }
    long[] w = residueWeights(linear[o], m);
    long span = Longs.max(w) - Longs.min(w);
    long direct = (n - 1L) * span + m;
    return direct <= thermometerLevels(n - 1, o) ? m : 0;
  }

  /** Whether {@code 2^f v} is an integer within the precision's range. */
  private boolean unsaturated(Dyadic v) {
    BigInteger raw = OutputStage.integral(v, precision.fractionBits());
    return raw.compareTo(BigInteger.valueOf(precision.minRaw())) >= 0
        && raw.compareTo(BigInteger.valueOf(precision.maxRaw())) <= 0;
  }

  /** The raw integer weights {@code 2^f w} reduced mod m. */
  private long[] residueWeights(Dyadic[] weights, int m) {
    long[] r = new long[weights.length];
    for (int s = 0; s < weights.length; s++) {
      r[s] =
          OutputStage.integral(weights[s], precision.fractionBits())
              .mod(BigInteger.valueOf(m))
              .longValue();
    }
    return r;
  }

  /** The residue plan of an output held by residues, at {@code outputPositions}. */
  private PrefixResidues residuePlan(int o, BitSet outputPositions) {
    int m = residueModulus[o];
    return PrefixResidues.of(
        residueWeights(linear[o], m), residueWeights(self[o], m), 0, m, outputPositions);
  }

  /**
   * The window weight of each token: the exponent, reduced where the base allows (a = 1: 0; a = 0:
   * whether it is non-zero; a = -1: its parity), or -1 for RESET.
   */
  private static long[] effectiveExponents(Dyadic a, int[] e) {
    long[] q = new long[e.length];
    for (int s = 0; s < e.length; s++) {
      if (e[s] == SelectiveLayer.RESET) {
        q[s] = -1;
      } else if (isOne(a)) {
        q[s] = 0;
      } else if (a.signum() == 0) {
        q[s] = Math.min(e[s], 1);
      } else if (a.equals(Dyadic.MINUS_ONE)) {
        q[s] = e[s] & 1;
      } else {
        q[s] = e[s];
      }
    }
    return q;
  }

  private static boolean isOne(Dyadic a) {
    return a.equals(Dyadic.ONE);
  }

  private static boolean allZero(Dyadic[][] m) {
    for (Dyadic[] row : m) {
      if (!Exact.isZero(row)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String strategy() {
    if (windows.isEmpty()) {
      return "selective diagonal: prefix sums (Thm 4.4, a^0 = 1)";
    }
    return "selective diagonal: window exponent sums (Thm 4.4)";
  }

  private boolean recurrent() {
    return hasLinear || !windows.isEmpty();
  }

  @Override
  public BitSet inputPositions(BitSet outputPositions) {
    BitSet in = (BitSet) outputPositions.clone();
    if (recurrent() && !outputPositions.isEmpty()) {
      in.set(0, outputPositions.length());
    }
    return in;
  }

  /** Whether the outputs' sums form one chain of prefix sums (no window indicators). */
  private boolean chained() {
    return windows.isEmpty();
  }

  @Override
  public SizeEstimate estimate(BitSet outputPositions, boolean withBits) {
    SizeEstimate size = SizeEstimate.ZERO;
    for (int o = 0; o < outputs; o++) {
      if (residueModulus[o] > 0) {
        size = size.plus(residuePlan(o, outputPositions).estimate());
      }
    }
    for (int t = outputPositions.nextSetBit(0); t >= 0; t = outputPositions.nextSetBit(t + 1)) {
      long gates = 0;
      long wires = 0;
      long stored = 0;
      for (WindowClass w : windows) {
        gates += w.cumIndicators[t];
        wires = SizeEstimate.add(wires, w.cumIndicatorWires[t]);
        stored = SizeEstimate.add(stored, w.cumIndicators[t] + w.cumIndicatorTerms[t]);
        stored = SizeEstimate.add(stored, (long) t * w.windowTokens);
      }
      for (int o = 0; o < outputs; o++) {
        if (residueModulus[o] > 0) {
          continue;
        }
        long terms = nonZeros(self[o]) + (hasLinear ? (long) t * nonZeros(linear[o]) : 0);
        long weightWords = 0;
        for (WindowClass w : windows) {
          terms += w.cumIndicators[t];
          weightWords += w.cumWeightWords[t];
        }
        long levels = levels(t, o);
        SizeEstimate stage = OutputStage.estimate(precision, terms, levels, withBits);
        if (chained() && hasLinear && levels > 0) {
          // the sum extends the previous position's: only its own terms are stored
          long own = nonZeros(self[o]) + nonZeros(linear[o]);
          stage = SizeEstimate.of(stage.gates(), stage.wires(), stage.storedWires() - terms + own);
        }
        size = size.plus(stage).plus(SizeEstimate.of(0, 0, weightWords));
      }
      size = size.plus(SizeEstimate.of(gates, wires, stored));
    }
    return size;
  }

  /** The thermometer's levels, or 0 for an output held by its residues. */
  @Override
  public long levels(int t, int channel) {
    return residueModulus[channel] > 0 ? 0 : thermometerLevels(t, channel);
  }

  /**
   * The output's range computed in doubles (a^δ underflows harmlessly), widened by a margin so
   * that the level count bounds the exact one.
   */
  private long thermometerLevels(int t, int channel) {
    double lo = min(self[channel]).toDouble() + t * min(linear[channel]).toDouble();
    double hi = max(self[channel]).toDouble() + t * max(linear[channel]).toDouble();
    for (WindowClass w : windows) {
      lo += w.cumLo[channel][t];
      hi += w.cumHi[channel][t];
    }
    double scale = Math.scalb(1.0, precision.fractionBits());
    return Math.max(
        0, clampRaw(Math.floor(hi * scale + 1e-6)) - clampRaw(Math.floor(lo * scale - 1e-6)));
  }

  private long clampRaw(double v) {
    if (v <= precision.minRaw()) {
      return precision.minRaw();
    }
    if (v >= precision.maxRaw()) {
      return precision.maxRaw();
    }
    return (long) v;
  }

  @Override
  public RoundedOutput[][] compile(CircuitBuilder b, int[][] tokens, BitSet outputPositions) {
    RoundedOutput[][] out = new RoundedOutput[n][];
    if (chained() && hasLinear) {
      compileChained(b, tokens, outputPositions, out);
      return out;
    }
    for (int t = outputPositions.nextSetBit(0); t >= 0; t = outputPositions.nextSetBit(t + 1)) {
      OutputStage.Terms[] terms = new OutputStage.Terms[outputs];
      for (int o = 0; o < outputs; o++) {
        terms[o] = new OutputStage.Terms().addChoice(tokens[t], self[o], true);
        if (hasLinear) {
          for (int i = 0; i < t; i++) {
            terms[o].addChoice(tokens[i], linear[o], true);
          }
        }
      }
      for (WindowClass w : windows) {
        w.addWindows(b, tokens, t, terms);
      }
      out[t] = new RoundedOutput[outputs];
      for (int o = 0; o < outputs; o++) {
        out[t][o] = OutputStage.round(b, precision, terms[o]);
      }
    }
    return out;
  }

  /**
   * Plain prefix sums only: {@code P_t = P_{t-1} + Σ_σ linear[σ] x_t[σ]} is one chain of stored
   * sums, and the output at t is {@code P_{t-1} + Σ_σ self[σ] x_t[σ]}, all at one common scale.
   */
  private void compileChained(
      CircuitBuilder b, int[][] tokens, BitSet outputPositions, RoundedOutput[][] out) {
    int last = outputPositions.length() - 1;
    if (last < 0) {
      return;
    }
    int maxScale = 0;
    for (int o = 0; o < outputs; o++) {
      for (int s = 0; s < vocabulary; s++) {
        maxScale = Math.max(maxScale, Math.max(self[o][s].scale(), linear[o][s].scale()));
      }
    }
    int shift = OutputStage.shiftFor(precision, maxScale);
    for (int t = outputPositions.nextSetBit(0); t >= 0; t = outputPositions.nextSetBit(t + 1)) {
      out[t] = new RoundedOutput[outputs];
    }
    for (int o = 0; o < outputs; o++) {
      if (residueModulus[o] > 0) {
        compileResidues(b, tokens, outputPositions, o, out);
        continue;
      }
      CircuitBuilder.Sum prefix = null; // P_{t-1}
      Dyadic lo = Dyadic.ZERO;
      Dyadic hi = Dyadic.ZERO;
      Dyadic linLo = min(linear[o]);
      Dyadic linHi = max(linear[o]);
      Dyadic selfLo = min(self[o]);
      Dyadic selfHi = max(self[o]);
      for (int t = 0; t <= last; t++) {
        if (outputPositions.get(t)) {
          long rlo = precision.round(lo.add(selfLo));
          long rhi = precision.round(hi.add(selfHi));
          if (rlo == rhi) {
            out[t][o] = RoundedOutput.constant(b, precision, rlo); // no sum: the estimate counts none
          } else {
            CircuitBuilder.Sum sum =
                OutputStage.sum(b, prefix, precision, shift, tokens[t], Arrays.asList(self[o]));
            out[t][o] = OutputStage.thermometer(b, precision, sum, shift, BigInteger.ZERO, rlo, rhi);
          }
        }
        if (t < last) {
          prefix = OutputStage.sum(b, prefix, precision, shift, tokens[t], Arrays.asList(linear[o]));
          lo = lo.add(linLo);
          hi = hi.add(linHi);
        }
      }
    }
  }

  /** Output o at every t in {@code outputPositions}, held by its residues (no rounding occurs). */
  private void compileResidues(
      CircuitBuilder b, int[][] tokens, BitSet outputPositions, int o, RoundedOutput[][] out) {
    int[][] residues = residuePlan(o, outputPositions).build(b, tokens);
    Dyadic linLo = min(linear[o]);
    Dyadic linHi = max(linear[o]);
    for (int t = outputPositions.nextSetBit(0); t >= 0; t = outputPositions.nextSetBit(t + 1)) {
      Dyadic at = Dyadic.of(t);
      long lo = precision.round(min(self[o]).add(linLo.multiply(at)));
      long hi = precision.round(max(self[o]).add(linHi.multiply(at)));
      out[t][o] = RoundedOutput.ofResidues(b, precision, lo, hi, residues[t]);
    }
  }

  private static Dyadic min(Dyadic[] v) {
    Dyadic m = v[0];
    for (Dyadic x : v) {
      m = x.compareTo(m) < 0 ? x : m;
    }
    return m;
  }

  private static Dyadic max(Dyadic[] v) {
    Dyadic m = v[0];
    for (Dyadic x : v) {
      m = x.compareTo(m) > 0 ? x : m;
    }
    return m;
  }

  private static long nonZeros(Dyadic[] v) {
    long k = 0;
    for (Dyadic x : v) {
      k += x.signum() != 0 ? 1 : 0;
    }
    return k;
  }

  /**
   * State channels sharing a base a and window weights q: one family of window sums and
   * indicators, with the tokens grouped by their β column.
   */
  private static final class WindowClass {
    final Dyadic a;
    /** Window weight per token: the (reduced) exponent, or the RESET sentinel. */
    final long[] q;
    /** Tokens grouped by equal non-zero β column; {@code groupWeight[g][c']}. */
    final int[][] groups;
    final Dyadic[][] groupWeight;
    /** Whether a window can contribute 0 (a RESET, or a token outside every group). */
    final boolean zeroPossible;
    /** {@code reach[L]}: the exponent sums a RESET-free window of length L can have. */
    final BitSet[] reach;
    /** The number of tokens with a non-zero window weight (terms per position of Q). */
    final int windowTokens;
    final int groupTokens;
    /** Prefix sums over window lengths 1..t, indexed by t: sizes and approximate ranges. */
    final long[] cumIndicators;
    final long[] cumIndicatorWires;
    final long[] cumIndicatorTerms;
    final long[] cumWeightWords;
    final double[][] cumLo;
    final double[][] cumHi;
    /** Exact per-length data, made on first use. */
    private final Window[] exact;

    WindowClass(Dyadic a, long[] rawQ, Dyadic[][] beta, int n, int outputs, int f) {
      this.a = a;
      int vocabulary = rawQ.length;
      long qMax = 0;
      boolean hasReset = false;
      for (long v : rawQ) {
        qMax = Math.max(qMax, v);
        hasReset |= v < 0;
      }
      long sentinel = (long) (n - 1) * qMax + 1; // above every exponent sum of a window
      this.q = new long[vocabulary];
      int tokens = 0;
      for (int s = 0; s < vocabulary; s++) {
        q[s] = rawQ[s] < 0 ? sentinel : rawQ[s];
        tokens += q[s] != 0 ? 1 : 0;
      }
      this.windowTokens = tokens;
      Map<List<Dyadic>, IntArrayList> byColumn = new LinkedHashMap<>();
      int outside = 0;
      for (int s = 0; s < vocabulary; s++) {
        List<Dyadic> column = new ArrayList<>();
        boolean zero = true;
        for (int o = 0; o < outputs; o++) {
          column.add(beta[o][s]);
          zero &= beta[o][s].signum() == 0;
        }
        if (zero) {
          outside++;
        } else {
          byColumn.computeIfAbsent(column, k -> new IntArrayList()).add(s);
        }
      }
      this.groups = new int[byColumn.size()][];
      this.groupWeight = new Dyadic[byColumn.size()][];
      int g = 0;
      int inGroups = 0;
      for (Map.Entry<List<Dyadic>, IntArrayList> e : byColumn.entrySet()) {
        groups[g] = e.getValue().toIntArray();
        groupWeight[g] = e.getKey().toArray(new Dyadic[0]);
        inGroups += groups[g].length;
        g++;
      }
      this.groupTokens = inGroups;
      this.zeroPossible = hasReset || outside > 0;
      // reachable exponent sums of RESET-free windows
      BitSet values = new BitSet();
      for (long v : rawQ) {
        if (v >= 0) {
          values.set((int) v);
        }
      }
      this.reach = new BitSet[n];
      this.reach[0] = new BitSet();
      this.reach[0].set(0);
      for (int len = 1; len < n; len++) {
        BitSet next = new BitSet();
        BitSet prev = reach[len - 1];
        for (int v = values.nextSetBit(0); v >= 0; v = values.nextSetBit(v + 1)) {
          for (int x = prev.nextSetBit(0); x >= 0; x = prev.nextSetBit(x + 1)) {
            next.set(x + v);
          }
        }
        reach[len] = next;
      }
      this.cumIndicators = new long[n];
      this.cumIndicatorWires = new long[n];
      this.cumIndicatorTerms = new long[n];
      this.cumWeightWords = new long[n];
      this.cumLo = new double[outputs][n];
      this.cumHi = new double[outputs][n];
      double abs = Math.abs(a.toDouble());
      for (int len = 1; len < n; len++) {
        long nz = nonZeroCoefficients(reach[len]);
        long indicators = nz * groups.length;
        cumIndicators[len] = SizeEstimate.add(cumIndicators[len - 1], indicators);
        long perIndicator = (long) len * windowTokens;
        cumIndicatorWires[len] =
            SizeEstimate.add(
                cumIndicatorWires[len - 1],
                SizeEstimate.add(SizeEstimate.mul(indicators, perIndicator), nz * groupTokens));
        cumIndicatorTerms[len] =
            SizeEstimate.add(cumIndicatorTerms[len - 1], nz > 0 ? groupTokens : 0);
        long maxDelta = reach[len].isEmpty() ? 0 : reach[len].length() - 1;
        cumWeightWords[len] =
            SizeEstimate.add(cumWeightWords[len - 1], indicators * (f * maxDelta / 64));
        // approximate range of a^δ over the reachable δ
        double powLo = Double.POSITIVE_INFINITY;
        double powHi = Double.NEGATIVE_INFINITY;
        BitSet r = reach[len];
        for (int v = r.nextSetBit(0); v >= 0; v = r.nextSetBit(v + 1)) {
          double p = Math.pow(abs, v) * (a.signum() < 0 && (v & 1) == 1 ? -1 : 1);
          powLo = Math.min(powLo, p);
          powHi = Math.max(powHi, p);
        }
        for (int o = 0; o < outputs; o++) {
          double lo = zeroPossible || r.isEmpty() ? 0 : Double.POSITIVE_INFINITY;
          double hi = zeroPossible || r.isEmpty() ? 0 : Double.NEGATIVE_INFINITY;
          if (!r.isEmpty()) {
            for (Dyadic[] w : groupWeight) {
              double beta0 = w[o].toDouble();
              lo = Math.min(lo, Math.min(beta0 * powLo, beta0 * powHi));
              hi = Math.max(hi, Math.max(beta0 * powLo, beta0 * powHi));
            }
          }
          cumLo[o][len] = cumLo[o][len - 1] + lo;
          cumHi[o][len] = cumHi[o][len - 1] + hi;
        }
      }
      this.exact = new Window[n];
    }

    /**
     * The number of non-zero telescoped coefficients {@code a^{δ_j} - a^{δ_{j+1}}} (and {@code
     * a^{δ_r}}) over the reachable sums, decided without arithmetic.
     */
    private long nonZeroCoefficients(BitSet r) {
      if (r.isEmpty()) {
        return 0;
      }
      if (a.signum() == 0) {
        return r.get(0) ? 1 : 0; // 0^0 - 0^δ = 1, all others 0
      }
      if (a.equals(Dyadic.ONE)) {
        return 1;
      }
      if (a.equals(Dyadic.MINUS_ONE)) {
        long k = 1; // the last
        int prev = -1;
        for (int v = r.nextSetBit(0); v >= 0; v = r.nextSetBit(v + 1)) {
          if (prev >= 0 && ((prev ^ v) & 1) == 1) {
            k++;
          }
          prev = v;
        }
        return k;
      }
      return r.cardinality(); // |a| < 1, a ≠ 0: powers are distinct
    }

    /** The exact telescoped coefficients and ranges of windows of length {@code len}. */
    Window window(int len) {
      if (exact[len] == null) {
        exact[len] = new Window(this, len);
      }
      return exact[len];
    }

    /** Adds the windows {@code (i, t]}, i < t, to the terms of every output at t. */
    void addWindows(CircuitBuilder b, int[][] tokens, int t, OutputStage.Terms[] terms) {
      int outputs = terms.length;
      CircuitBuilder.Sum window = null; // Q_{i,t}
      IntArrayList lits = new IntArrayList();
      LongArrayList weights = new LongArrayList();
      for (int i = t - 1; i >= 0; i--) {
        // Q_{i,t} = Q_{i+1,t} + q(σ_{i+1})
        lits.clear();
        weights.clear();
        for (int s = 0; s < q.length; s++) {
          if (q[s] != 0) {
            lits.add(tokens[i + 1][s]);
            weights.add(q[s]);
          }
        }
        window =
            window == null
                ? b.sum(weights.toLongArray(), lits.toIntArray())
                : b.extend(window, weights.toLongArray(), lits.toIntArray());
        Window w = window(t - i);
        if (w.deltas.length == 0) {
          continue;
        }
        int count = w.deltas.length * groups.length;
        int[] indicators = new int[count];
        int k = 0;
        for (int[] group : groups) {
          int[] member = new int[group.length];
          long[] big = new long[group.length];
          for (int j = 0; j < group.length; j++) {
            member[j] = tokens[i][group[j]];
            big[j] = -w.big;
          }
          // [Q_{i,t} ≤ δ ∧ x_i ∈ G]  ⟺  Q_{i,t} - M [x_i ∈ G] ≤ δ - M
          CircuitBuilder.Sum s = b.extend(window, big, member);
          for (int delta : w.deltas) {
            indicators[k++] = b.atMost(s, delta - w.big);
          }
        }
        for (int o = 0; o < outputs; o++) {
          terms[o].addBounded(indicators, w.weights[o], w.min[o], w.max[o]);
        }
      }
    }
  }

  /** Exact data of windows of one length: the indicator thresholds, coefficients and ranges. */
  private static final class Window {
    /** The δ_j with a non-zero coefficient, increasing. */
    final int[] deltas;
    final Dyadic[] coefficients;
    /**
     * {@code weights[c'][g |δ| + j]}: the weight of indicator {@code [Q ≤ δ_j ∧ x_i ∈ G_g]} in
     * output c', {@code β_g[c'] (a^{δ_j} - a^{δ_{j+1}})}.
     */
    final Dyadic[][] weights;
    /** M: above every reachable exponent sum of the window. */
    final long big;
    /** Exact range of the window's contribution per output. */
    final Dyadic[] min;
    final Dyadic[] max;

    Window(WindowClass w, int len) {
      BitSet r = w.reach[len];
      int outputs = w.groupWeight.length == 0 ? 0 : w.groupWeight[0].length;
      int[] all = r.stream().toArray();
      IntArrayList ds = new IntArrayList();
      List<Dyadic> cs = new ArrayList<>();
      Dyadic powLo = null;
      Dyadic powHi = null;
      Dyadic next = null;
      for (int j = all.length - 1; j >= 0; j--) {
        Dyadic p = w.a.pow(all[j]);
        Dyadic coef = next == null ? p : p.subtract(next);
        if (coef.signum() != 0) {
          ds.add(all[j]);
          cs.add(coef);
        }
        powLo = powLo == null || p.compareTo(powLo) < 0 ? p : powLo;
        powHi = powHi == null || p.compareTo(powHi) > 0 ? p : powHi;
        next = p;
      }
      int k = ds.size();
      this.deltas = new int[k];
      this.coefficients = new Dyadic[k];
      for (int j = 0; j < k; j++) { // reverse to increasing δ
        deltas[j] = ds.getInt(k - 1 - j);
        coefficients[j] = cs.get(k - 1 - j);
      }
      this.big = all.length == 0 ? 1 : all[all.length - 1] + 1L;
      this.weights = new Dyadic[outputs][k * w.groupWeight.length];
      for (int o = 0; o < outputs; o++) {
        int m = 0;
        for (Dyadic[] gw : w.groupWeight) {
          for (Dyadic coef : coefficients) {
            weights[o][m++] = gw[o].multiply(coef);
          }
        }
      }
      this.min = new Dyadic[outputs];
      this.max = new Dyadic[outputs];
      for (int o = 0; o < outputs; o++) {
        Dyadic lo = null;
        Dyadic hi = null;
        if (w.zeroPossible || all.length == 0) {
          lo = Dyadic.ZERO;
          hi = Dyadic.ZERO;
        }
        if (all.length > 0) {
          for (Dyadic[] gw : w.groupWeight) {
            Dyadic x = gw[o].multiply(powLo);
            Dyadic y = gw[o].multiply(powHi);
            Dyadic l = x.compareTo(y) < 0 ? x : y;
            Dyadic h = x.compareTo(y) < 0 ? y : x;
            lo = lo == null || l.compareTo(lo) < 0 ? l : lo;
            hi = hi == null || h.compareTo(hi) > 0 ? h : hi;
          }
        }
        min[o] = lo;
        max[o] = hi;
      }
    }
  }
}
