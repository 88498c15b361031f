package illusion.ssm;

import illusion.number.Dyadic;
import illusion.number.Precision;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A layer prepared for evaluation: its exact {@link AffineForm} and whichever fast forms apply.
 * {@link #runner(int)} returns a fresh runner (state {@code h_0 = 0}) on the fastest path that is
 * exact for sequences of the given length:
 *
 * <ul>
 *   <li>{@link Evaluator.Path#FINITE_STATE} (IDS4, RNN): table lookups in the {@link
 *       StateAutomaton} when few states are reachable;
 *   <li>{@link Evaluator.Path#LONG}: long arithmetic on the state scaled by 2^f, when every
 *       transition entry is an integer (so that scale is exact) and a bound shows that no
 *       intermediate value exceeds 2^62 within the length; for RNN layers, when the sign
 *       pre-activations cannot overflow;
 *   <li>{@link Evaluator.Path#SCALED} (linear kinds): BigInteger numerators over one common power
 *       of two, otherwise;
 *   <li>{@link Evaluator.Path#EXACT}: {@link Dyadic} arithmetic, for RNN layers that overflow longs
 *       and when forced.
 * </ul>
 */
final class LayerProgram {
  static final long LIMIT = 1L << 62;

  private final AffineForm form;
  private final Evaluator.Path forced;
  private final StateAutomaton automaton;
  // LONG path data (null when some transition entry is not an integer)
  private final int[][][] cols;
  private final long[][][] ints;
  private final long[][] biasT; // biasT[σ][i] = raw B[i][σ]
  private final int[][] cCols;
  private final long[][] cVals; // raw C, sparse rows
  private final long[][] dT; // dT[σ][k] = raw D[k][σ]
  private final long alpha; // max row sum of |A(σ)| (integer values; raw for RNN), saturated
  private final long beta; // max |raw B|
  private final long gamma; // max row sum of |raw C|
  private final long delta; // max |raw D|
  // SCALED path data: A(σ) = scaledA[σ] / 2^scaleA[σ] with integer numerators, sparse rows as in
  // form.cols (null for RNN layers)
  private final BigInteger[][][] scaledA;
  private final int[] scaleA;
  private final BigInteger[][] bigBiasT;

  LayerProgram(Layer layer, boolean exactOnly) {
    this.form = AffineForm.of(layer);
    this.forced = exactOnly ? Evaluator.Path.EXACT : null;
    int d = form.d;
    int v = form.vocab;
    int fb = form.precision.fractionBits();
    long[][] b = layer.rawB();
    long[][] c = layer.rawC();
    long[][] dd = layer.rawD();
    this.biasT = new long[v][d];
    this.dT = new long[v][form.m];
    long be = 0;
    long de = 0;
    for (int s = 0; s < v; s++) {
      for (int i = 0; i < d; i++) {
        biasT[s][i] = b[i][s];
        be = Math.max(be, Math.abs(b[i][s]));
      }
      for (int k = 0; k < form.m; k++) {
        dT[s][k] = dd[k][s];
        de = Math.max(de, Math.abs(dd[k][s]));
      }
    }
    this.beta = be;
    this.delta = de;
    this.cCols = new int[form.m][];
    this.cVals = new long[form.m][];
    long ga = 0;
    for (int k = 0; k < form.m; k++) {
      int nz = 0;
      for (long x : c[k]) {
        nz += x != 0 ? 1 : 0;
      }
      cCols[k] = new int[nz];
      cVals[k] = new long[nz];
      long sum = 0;
      for (int i = 0, j = 0; i < d; i++) {
        if (c[k][i] != 0) {
          cCols[k][j] = i;
          cVals[k][j++] = c[k][i];
          sum = satAdd(sum, Math.abs(c[k][i]));
        }
      }
      ga = Math.max(ga, sum);
    }
    this.gamma = ga;

    // Transition entries as longs: integer values for linear kinds, raw values for RNN (whose
    // state is an integer in {-1, 0, 1}, so A h is computed on raw values at scale f).
    int[][][] cc = form.cols;
    long[][][] iv = new long[v][][];
    long al = 0;
    boolean integral = true;
    for (int s = 0; s < v && integral; s++) {
      if (s > 0 && form.vals[s] == form.vals[s - 1]) {
        iv[s] = iv[s - 1];
        continue;
      }
      iv[s] = new long[d][];
      for (int i = 0; i < d && integral; i++) {
        Dyadic[] row = form.vals[s][i];
        iv[s][i] = new long[row.length];
        long sum = 0;
        for (int k = 0; k < row.length; k++) {
          Dyadic x = form.sign ? row[k].shiftLeft(fb) : row[k];
          if (!x.isInteger() || x.unscaledValue().bitLength() > 62) {
            integral = false;
            break;
          }
          iv[s][i][k] = x.unscaledValue().longValue();
          sum = satAdd(sum, Math.abs(iv[s][i][k]));
        }
        al = Math.max(al, sum);
      }
    }
    this.cols = integral ? cc : null;
    this.ints = integral ? iv : null;
    this.alpha = al;

    if (form.sign) {
      this.scaledA = null;
      this.scaleA = null;
      this.bigBiasT = null;
    } else {
      this.scaledA = new BigInteger[v][][];
      this.scaleA = new int[v];
      this.bigBiasT = new BigInteger[v][d];
      for (int s = 0; s < v; s++) {
        for (int i = 0; i < d; i++) {
          bigBiasT[s][i] = BigInteger.valueOf(biasT[s][i]);
        }
        if (s > 0 && form.vals[s] == form.vals[s - 1]) {
          scaledA[s] = scaledA[s - 1];
          scaleA[s] = scaleA[s - 1];
          continue;
        }
        int scale = 0;
        for (Dyadic[] row : form.vals[s]) {
          for (Dyadic x : row) {
            scale = Math.max(scale, x.scale());
          }
        }
        scaleA[s] = scale;
        scaledA[s] = new BigInteger[d][];
        for (int i = 0; i < d; i++) {
          Dyadic[] row = form.vals[s][i];
          scaledA[s][i] = new BigInteger[row.length];
          for (int k = 0; k < row.length; k++) {
            scaledA[s][i][k] = row[k].unscaledValue().shiftLeft(scale - row[k].scale());
          }
        }
      }
    }

    Optional<StateAutomaton> fsa = Optional.empty();
    if (!exactOnly && (layer instanceof Ids4Layer || layer instanceof RnnLayer)) {
      // a bounded search: about 2^17 transitions at most
      fsa = StateAutomaton.of(layer, Math.max(64, Math.min(StateAutomaton.DEFAULT_MAX_STATES, (1 << 17) / v)));
    }
    this.automaton = fsa.orElse(null);
  }

  Layer layer() {
    return form.layer;
  }

  /** The path {@link #runner(int)} takes for sequences of {@code length} tokens. */
  Evaluator.Path path(int length) {
    if (forced != null) {
      return forced;
    }
    if (automaton != null) {
      return Evaluator.Path.FINITE_STATE;
    }
    if (ints != null && (form.sign ? signFits() : linearFits(length))) {
      return Evaluator.Path.LONG;
    }
    return form.sign ? Evaluator.Path.EXACT : Evaluator.Path.SCALED;
  }

  /** A fresh runner (state h_0) for sequences of at most {@code length} tokens. */
  LayerRunner runner(int length) {
    switch (path(length)) {
      case FINITE_STATE:
        return new AutomatonRunner();
      case LONG:
        return new LongRunner();
      case SCALED:
        return new ScaledRunner();
      default:
        return new ExactRunner();
    }
  }

  /** RNN: |A h + B| <= alpha + beta and |C h + D| <= gamma + delta for h in {-1, 0, 1}^d. */
  private boolean signFits() {
    return satAdd(alpha, beta) <= LIMIT && satAdd(gamma, delta) <= LIMIT;
  }

  /**
   * Linear kinds with integer transitions: the scaled state H_t = 2^f h_t satisfies |H_t| <= M_t
   * with M_0 = 0, M_t = alpha M_{t-1} + beta; every partial sum of a step is at most M_t, and the
   * output's C H is at most gamma M_n.
   */
  private boolean linearFits(int length) {
    long bound = 0;
    if (length > 0 && beta > 0) {
      if (alpha == 0) {
        bound = beta;
      } else if (alpha == 1) {
        bound = satMul(beta, length);
      } else {
        for (int t = 0; t < length && bound <= LIMIT; t++) {
          bound = satAdd(satMul(alpha, bound), beta);
        }
      }
    }
    return bound <= LIMIT && satMul(gamma, bound) <= LIMIT;
  }

  static long satAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r; // a, b >= 0
  }

  static long satMul(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b; // a, b >= 0
  }

  /** Runs one layer position by position. */
  abstract static class LayerRunner {
    /** Reads {@code token}, updates the state, writes the rounded output into {@code out}. */
    abstract void step(int token, long[] out);

    /** The exact current state. */
    abstract Dyadic[] state();
  }

  private final class ExactRunner extends LayerRunner {
    private Dyadic[] h = form.zeroState();
    private Dyadic[] next = new Dyadic[form.d];

    @Override
    void step(int token, long[] out) {
      form.step(h, token, next);
      Dyadic[] t = h;
      h = next;
      next = t;
      form.output(h, token, out);
    }

    @Override
    Dyadic[] state() {
      return h.clone();
    }
  }

  /**
   * Integer transitions on longs. The state is kept as integers H with {@code h = H / 2^shift}:
   * linear kinds scale it by 2^f (shift f); RNN layers keep it in {-1, 0, 1}^d (shift 0) and take
   * the sign of the raw pre-activations. Either way {@code 2^f (C h + D x) = (C_raw H) / 2^shift +
   * D_raw}.
   */
  private final class LongRunner extends LayerRunner {
    private long[] h = new long[form.d];
    private long[] next = new long[form.d];
    private final boolean sign = form.sign;
    private final int shift = sign ? 0 : form.precision.fractionBits();
    private final Precision p = form.precision;

    @Override
    void step(int token, long[] out) {
      int[][] cc = cols[token];
      long[][] vv = ints[token];
      long[] b = biasT[token];
      for (int i = 0; i < next.length; i++) {
        long sum = b[i];
        int[] ci = cc[i];
        long[] vi = vv[i];
        for (int k = 0; k < ci.length; k++) {
          sum += vi[k] * h[ci[k]];
        }
        next[i] = sign ? Long.signum(sum) : sum;
      }
      long[] t = h;
      h = next;
      next = t;
      long[] dcol = dT[token];
      for (int k = 0; k < out.length; k++) {
        long sum = 0;
        int[] ci = cCols[k];
        long[] vi = cVals[k];
        for (int j = 0; j < ci.length; j++) {
          sum += vi[j] * h[ci[j]];
        }
        // the shift is a floor division
        out[k] = p.saturate((sum >> shift) + dcol[k]);
      }
    }

    @Override
    Dyadic[] state() {
      Dyadic[] s = new Dyadic[h.length];
      for (int i = 0; i < h.length; i++) {
        s[i] = Dyadic.of(h[i], shift);
      }
      return s;
    }
  }

  /**
   * Linear kinds, any transitions: the state as BigInteger numerators H over one power of two,
   * {@code h = H / 2^S}, normalized after each step (the common factors of two removed).
   */
  private final class ScaledRunner extends LayerRunner {
    private BigInteger[] h = new BigInteger[form.d];
    private BigInteger[] next = new BigInteger[form.d];
    private int scale;
    private final int f = form.precision.fractionBits();
    private final Precision p = form.precision;

    ScaledRunner() {
      java.util.Arrays.fill(h, BigInteger.ZERO);
    }

    @Override
    void step(int token, long[] out) {
      int[][] cc = form.cols[token];
      BigInteger[][] vv = scaledA[token];
      // A(σ) h has scale S + sA; B(σ) has scale f; align both to the larger.
      int productScale = scale + scaleA[token];
      int target = Math.max(productScale, f);
      int shiftProduct = target - productScale;
      int shiftBias = target - f;
      BigInteger[] b = bigBiasT[token];
      int lowest = Integer.MAX_VALUE;
      for (int i = 0; i < next.length; i++) {
        BigInteger sum = BigInteger.ZERO;
        int[] ci = cc[i];
        BigInteger[] vi = vv[i];
        for (int k = 0; k < ci.length; k++) {
          BigInteger hk = h[ci[k]];
          if (hk.signum() != 0) {
            sum = sum.add(vi[k].multiply(hk));
          }
        }
        if (shiftProduct != 0 && sum.signum() != 0) {
          sum = sum.shiftLeft(shiftProduct);
        }
        if (b[i].signum() != 0) {
          sum = sum.add(shiftBias == 0 ? b[i] : b[i].shiftLeft(shiftBias));
        }
        next[i] = sum;
        if (sum.signum() != 0) {
          lowest = Math.min(lowest, sum.getLowestSetBit());
        }
      }
      int strip = Math.min(lowest, target);
      if (strip > 0 && lowest != Integer.MAX_VALUE) {
        for (int i = 0; i < next.length; i++) {
          next[i] = next[i].shiftRight(strip);
        }
        target -= strip;
      } else if (lowest == Integer.MAX_VALUE) {
        target = 0;
      }
      BigInteger[] t = h;
      h = next;
      next = t;
      scale = target;
      long[] dcol = dT[token];
      for (int k = 0; k < out.length; k++) {
        BigInteger sum = BigInteger.ZERO;
        int[] ci = cCols[k];
        long[] vi = cVals[k];
        for (int j = 0; j < ci.length; j++) {
          BigInteger hj = h[ci[j]];
          if (hj.signum() != 0) {
            sum = sum.add(hj.multiply(BigInteger.valueOf(vi[j])));
          }
        }
        // 2^f (C h + D x) = (C_raw H) / 2^S + D_raw; the shift is a floor division
        BigInteger y = sum.shiftRight(scale);
        out[k] =
            y.bitLength() < 63
                ? p.saturate(y.longValue() + dcol[k])
                : p.saturate(y.add(BigInteger.valueOf(dcol[k])));
      }
    }

    @Override
    Dyadic[] state() {
      Dyadic[] s = new Dyadic[h.length];
      for (int i = 0; i < h.length; i++) {
        s[i] = Dyadic.of(h[i], scale);
      }
      return s;
    }
  }

  private final class AutomatonRunner extends LayerRunner {
    private final int[] next = automaton.transitions();
    private final long[] outputs = automaton.outputs();
    private final int v = form.vocab;
    private int s;

    @Override
    void step(int token, long[] out) {
      s = next[s * v + token];
      System.arraycopy(outputs, (s * v + token) * out.length, out, 0, out.length);
    }

    @Override
    Dyadic[] state() {
      return automaton.state(s);
    }
  }
}
