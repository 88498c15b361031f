package illusion.compile;

import illusion.circuit.CircuitBuilder;
import illusion.number.Dyadic;
import illusion.number.Precision;
import illusion.ssm.S4DLayer;
import illusion.ssm.S4Layer;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Non-gated layers, S4 and S4D, as convolutions (Thm 4.2, Cor 4.3). With {@code h_0 = 0} the state
 * unrolls to {@code h_t = Σ_{j ≤ t} A^{t-j} B x_j}, so the output is {@code y_t = round(Σ_{j ≤ t}
 * K_{t-j} x_j + D x_t)} with the kernel {@code K_k = C A^k B}, computed exactly (dyadic) at compile
 * time. As x_j is one-hot, each output is one weighted sum over the inputs {@code x_j[σ]} with
 * weights {@code K_{t-j}[c][σ]}, rounded by the {@link OutputStage}: depth 2 for every n, about
 * {@code 2^p} thresholds over one shared sum of at most {@code n |Σ|} terms per output. Lags whose
 * kernel is zero are skipped, which keeps delay-line kernels sparse.
 */
final class ConvolutionCompiler implements LayerCompiler {
  private final Precision precision;
  private final int n;
  private final int channels;
  private final int vocabulary;
  /** The lags k with a non-zero kernel (D counted at lag 0), increasing. */
  private final int[] lags;
  /** {@code kernel[i][c][σ]}: the weight of {@code x_{t - lags[i]}[σ]} in output channel c. */
  private final Dyadic[][][] kernel;
  /** Prefix sums over lags of the least / greatest kernel weight per channel, and of non-zeros. */
  private final Dyadic[][] rangeMin;
  private final Dyadic[][] rangeMax;
  private final long[][] nonZeros;
  private final String strategy;

  private ConvolutionCompiler(
      Precision precision,
      int n,
      Dyadic[][] a,
      boolean diagonal,
      Dyadic[][] b,
      Dyadic[][] c,
      Dyadic[][] d,
      String strategy) {
    checkKernelFits(a, diagonal, b, c, n, Runtime.getRuntime().maxMemory() / 2);
    this.precision = precision;
    this.n = n;
    this.channels = c.length;
    this.vocabulary = b[0].length;
    this.strategy = strategy;
    IntArrayList lagList = new IntArrayList();
    List<Dyadic[][]> kernels = new ArrayList<>();
    Dyadic[][] power = b; // A^k B, dim x |Σ|
    for (int k = 0; k < n; k++) {
      Dyadic[][] kk = multiply(c, power);
      if (k == 0) {
        kk = add(kk, d);
      }
      if (!isZero(kk)) {
        lagList.add(k);
        kernels.add(kk);
      }
      if (isZero(power)) {
        break; // A^k B = 0 stays 0 (nilpotent A, as in delay lines)
      }
      power = diagonal ? scaleRows(a, power) : multiply(a, power);
    }
    this.lags = lagList.toIntArray();
    this.kernel = kernels.toArray(new Dyadic[0][][]);
    int lagCount = lags.length;
    this.rangeMin = new Dyadic[channels][lagCount + 1];
    this.rangeMax = new Dyadic[channels][lagCount + 1];
    this.nonZeros = new long[channels][lagCount + 1];
    for (int ch = 0; ch < channels; ch++) {
      rangeMin[ch][0] = Dyadic.ZERO;
      rangeMax[ch][0] = Dyadic.ZERO;
      for (int i = 0; i < lagCount; i++) {
        Dyadic[] row = kernel[i][ch];
        Dyadic lo = row[0];
        Dyadic hi = row[0];
        int nz = 0;
        for (Dyadic w : row) {
          lo = w.compareTo(lo) < 0 ? w : lo;
          hi = w.compareTo(hi) > 0 ? w : hi;
          nz += w.signum() != 0 ? 1 : 0;
        }
        rangeMin[ch][i + 1] = rangeMin[ch][i].add(lo);
        rangeMax[ch][i + 1] = rangeMax[ch][i].add(hi);
        nonZeros[ch][i + 1] = nonZeros[ch][i] + nz;
      }
    }
  }

  /**
   * Refuses, before computing it, a kernel whose exact entries would not fit in {@code maxBytes}.
   * The entries of {@code C A^k B} carry about {@code k (log2 max(1, ||A||) + s_A)} more bits than
   * those of C and B (s_A the largest scale of A's entries, ||A|| its max-row-sum norm): a
   * fractional A makes them grow linearly with the lag, so n lags take about {@code m |Σ| n^2 s_A
   * / 2} bits. (Thm 4.2's kernel is exact; it is the size of its weights that grows.)
   */
  static void checkKernelFits(
      Dyadic[][] a, boolean diagonal, Dyadic[][] b, Dyadic[][] c, int n, long maxBytes) {
    double norm = 0;
    int scale = 0;
    for (Dyadic[] row : a) {
      double sum = 0;
      for (Dyadic x : row) {
        double v = Math.abs(x.toDouble());
        sum = diagonal ? Math.max(sum, v) : sum + v;
        scale = Math.max(scale, x.scale());
      }
      norm = Math.max(norm, sum);
    }
    double growth = (norm > 1 ? Math.log(norm) / Math.log(2) : 0) + scale; // bits per lag
    double base = bits(b) + bits(c) + 2 * (32 - Integer.numberOfLeadingZeros(b.length)) + 8;
    double entries = (double) c.length * b[0].length;
    // n lags of m x |Σ| entries, each an object (about 48 bytes) and its bits
    double bytes = entries * n * (48 + base / 8) + entries * growth / 8 * ((double) n * n / 2);
    if (bytes > maxBytes) {
      throw new IllegalArgumentException(
          String.format(
              "the exact convolution kernel C A^k B for n = %d needs about %,d MB (its entries"
                  + " grow by %.0f bits per step), above the %,d MB this heap allows; use fewer"
                  + " steps, an integer A, or a larger heap",
              n, (long) Math.min(Long.MAX_VALUE, bytes / (1 << 20)), growth, maxBytes >> 20));
    }
  }

  /** The most bits of an entry's unscaled value. */
  private static int bits(Dyadic[][] m) {
    int bits = 0;
    for (Dyadic[] row : m) {
      for (Dyadic x : row) {
        bits = Math.max(bits, x.unscaledValue().bitLength());
      }
    }
    return bits;
  }

  static ConvolutionCompiler of(S4Layer layer, int n) {
    Precision p = layer.precision();
    return new ConvolutionCompiler(
        p,
        n,
        Exact.values(layer.rawA(), p),
        false,
        Exact.values(layer.rawB(), p),
        Exact.values(layer.rawC(), p),
        Exact.values(layer.rawD(), p),
        "convolution kernel (Thm 4.2)");
  }

  static ConvolutionCompiler of(S4DLayer layer, int n) {
    Precision p = layer.precision();
    Dyadic[] diag = Exact.values(layer.rawA(), p);
    return new ConvolutionCompiler(
        p,
        n,
        new Dyadic[][] {diag},
        true,
        Exact.values(layer.rawB(), p),
        Exact.values(layer.rawC(), p),
        Exact.values(layer.rawD(), p),
        "convolution kernel (Thm 4.2, diagonal A)");
  }

  @Override
  public String strategy() {
    return strategy;
  }

  /** The number of lags (a prefix of {@link #lags}) that reach back from position t. */
  private int lagsUpTo(int t) {
    int i = 0;
    while (i < lags.length && lags[i] <= t) {
      i++;
    }
    return i;
  }

  @Override
  public BitSet inputPositions(BitSet outputPositions) {
    BitSet in = new BitSet(n);
    for (int t = outputPositions.nextSetBit(0); t >= 0; t = outputPositions.nextSetBit(t + 1)) {
      for (int i = 0; i < lags.length && lags[i] <= t; i++) {
        in.set(t - lags[i]);
      }
    }
    return in;
  }

  @Override
  public SizeEstimate estimate(BitSet outputPositions, boolean withBits) {
    SizeEstimate size = SizeEstimate.ZERO;
    for (int t = outputPositions.nextSetBit(0); t >= 0; t = outputPositions.nextSetBit(t + 1)) {
      int k = lagsUpTo(t);
      for (int ch = 0; ch < channels; ch++) {
        long levels = OutputStage.levels(precision, rangeMin[ch][k], rangeMax[ch][k]);
        size = size.plus(OutputStage.estimate(precision, nonZeros[ch][k], levels, withBits));
      }
    }
    return size;
  }

  @Override
  public long levels(int t, int channel) {
    int k = lagsUpTo(t);
    return OutputStage.levels(precision, rangeMin[channel][k], rangeMax[channel][k]);
  }

  @Override
  public RoundedOutput[][] compile(CircuitBuilder b, int[][] tokens, BitSet outputPositions) {
    RoundedOutput[][] out = new RoundedOutput[n][];
    ScaledKernel[] scaled = new ScaledKernel[channels];
    for (int t = outputPositions.nextSetBit(0); t >= 0; t = outputPositions.nextSetBit(t + 1)) {
      int k = lagsUpTo(t);
      out[t] = new RoundedOutput[channels];
      for (int ch = 0; ch < channels; ch++) {
        long lo = precision.round(rangeMin[ch][k]);
        long hi = precision.round(rangeMax[ch][k]);
        if (lo == hi) {
          out[t][ch] = RoundedOutput.constant(b, precision, lo);
          continue;
        }
        if (scaled[ch] == null) {
          scaled[ch] = new ScaledKernel(ch);
        }
        out[t][ch] = scaled[ch].round(b, tokens, t, k, lo, hi);
      }
    }
    return out;
  }

  /**
   * One channel's kernel as integers {@code 2^(f+s) K}, at one shift s for every lag, so that the
   * output stage's sums are assembled from precomputed weights.
   */
  private final class ScaledKernel {
    final int channel;
    final int shift;
    /** Per lag: the tokens with a non-zero weight and their weights. */
    final int[][] tokens;
    final long[][] small;
    final BigInteger[][] big; // per lag, null when every weight of the lag fits a long
    final boolean anyBig;

    ScaledKernel(int channel) {
      this.channel = channel;
      int maxScale = 0;
      for (Dyadic[][] lag : kernel) {
        for (Dyadic w : lag[channel]) {
          maxScale = Math.max(maxScale, w.scale());
        }
      }
      this.shift = OutputStage.shiftFor(precision, maxScale);
      int lagCount = kernel.length;
      this.tokens = new int[lagCount][];
      this.small = new long[lagCount][];
      this.big = new BigInteger[lagCount][];
      boolean any = false;
      for (int i = 0; i < lagCount; i++) {
        Dyadic[] row = kernel[i][channel];
        IntArrayList sigma = new IntArrayList();
        for (int s = 0; s < row.length; s++) {
          if (row[s].signum() != 0) {
            sigma.add(s);
          }
        }
        tokens[i] = sigma.toIntArray();
        small[i] = new long[tokens[i].length];
        BigInteger[] w = new BigInteger[tokens[i].length];
        boolean fits = true;
        for (int j = 0; j < w.length; j++) {
          w[j] = OutputStage.integral(row[tokens[i][j]], precision.fractionBits() + shift);
          fits &= w[j].bitLength() < 63;
          small[i][j] = w[j].longValue();
        }
        big[i] = fits ? null : w;
        any |= !fits;
      }
      this.anyBig = any;
    }

    /** The output at t over the first k lags, known to lie in [lo, hi]. */
    RoundedOutput round(CircuitBuilder b, int[][] inputs, int t, int k, long lo, long hi) {
      int terms = (int) nonZeros[channel][k];
      int[] lits = new int[terms];
      long[] w = new long[terms];
      BigInteger[] wb = anyBig ? new BigInteger[terms] : null;
      int m = 0;
      for (int i = 0; i < k; i++) {
        int[] x = inputs[t - lags[i]];
        int[] sigma = tokens[i];
        for (int j = 0; j < sigma.length; j++, m++) {
          lits[m] = x[sigma[j]];
          w[m] = small[i][j];
          if (wb != null) {
            wb[m] = big[i] != null ? big[i][j] : BigInteger.valueOf(small[i][j]);
          }
        }
      }
      boolean fitsLong = true;
      for (int i = 0; i < k && fitsLong; i++) {
        fitsLong = big[i] == null;
      }
      CircuitBuilder.Sum sum = fitsLong ? b.sum(w, lits) : b.sum(wb, lits);
      return OutputStage.thermometer(b, precision, sum, shift, BigInteger.ZERO, lo, hi);
    }
  }

  private static Dyadic[][] multiply(Dyadic[][] x, Dyadic[][] y) {
    int rows = x.length;
    int inner = y.length;
    int cols = y[0].length;
    Dyadic[][] r = new Dyadic[rows][cols];
    for (int i = 0; i < rows; i++) {
      java.util.Arrays.fill(r[i], Dyadic.ZERO);
      // i-k-j order: a zero x[i][k] skips a whole row of y (delay lines are very sparse)
      for (int k = 0; k < inner; k++) {
        Dyadic xik = x[i][k];
        if (xik.signum() == 0) {
          continue;
        }
        Dyadic[] yk = y[k];
        for (int j = 0; j < cols; j++) {
          if (yk[j].signum() != 0) {
            r[i][j] = r[i][j].add(xik.multiply(yk[j]));
          }
        }
      }
    }
    return r;
  }

  /** {@code diag(a[0]) y}. */
  private static Dyadic[][] scaleRows(Dyadic[][] a, Dyadic[][] y) {
    Dyadic[][] r = new Dyadic[y.length][];
    for (int i = 0; i < y.length; i++) {
      r[i] = new Dyadic[y[i].length];
      for (int j = 0; j < y[i].length; j++) {
        r[i][j] = a[0][i].multiply(y[i][j]);
      }
    }
    return r;
  }

  private static Dyadic[][] add(Dyadic[][] x, Dyadic[][] y) {
    Dyadic[][] r = new Dyadic[x.length][];
    for (int i = 0; i < x.length; i++) {
      r[i] = new Dyadic[x[i].length];
      for (int j = 0; j < x[i].length; j++) {
        r[i][j] = x[i][j].add(y[i][j]);
      }
    }
    return r;
  }

  private static boolean isZero(Dyadic[][] m) {
    for (Dyadic[] row : m) {
      if (!Exact.isZero(row)) {
        return false;
      }
    }
    return true;
  }
}
