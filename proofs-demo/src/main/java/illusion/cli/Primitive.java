package illusion.cli;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.tc0.Addition;
import illusion.tc0.BooleanMatrixProduct;
import illusion.tc0.Comparison;
import illusion.tc0.CountToBinary;
import illusion.tc0.ExactCount;
import illusion.tc0.IteratedAddition;
import illusion.tc0.Multiplication;
import illusion.tc0.PrefixNetwork;
import illusion.tc0.SumModulo;
import illusion.tc0.TableLookup;
import illusion.tc0.ThresholdLowering;
import java.math.BigInteger;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The constructions {@code illusion primitive} can build: for each, what n, bits, modulus and k
 * mean, a projection of its stored size (checked before building), the circuit, and an independent
 * BigInteger reference for verification.
 */
enum Primitive {
  EXACT_COUNT("exact-count", "[Σ x_i = k] over n inputs (k: --k, default n/2)", 16, 1, Uses.K),
  COUNT_BINARY("count-binary", "the bits of Σ x_i over n inputs", 16, 1, Uses.NONE),
  COMPARE("compare", "[a ≥ c] and [a > c] of two n-bit numbers", 16, 0, Uses.NONE),
  EQUAL("equal", "[a = c] of two n-bit numbers", 16, 0, Uses.NONE),
  ADD("add", "a + c of two n-bit numbers (n + 1 bits)", 16, 0, Uses.NONE),
  SUBTRACT("subtract", "a − c of two n-bit numbers, (n + 1)-bit two's complement", 16, 0, Uses.NONE),
  ITERATED_SUM("iterated-sum", "the sum of n numbers of --bits bits (default 8)", 16, 8, Uses.BITS),
  MULTIPLY("multiply", "a · c of two n-bit numbers (2n bits)", 16, 0, Uses.NONE),
  SUM_MOD(
      "sum-mod",
      "the one-hot residue of Σ w_i x_i mod --modulus (default 3); random --bits-bit weights",
      16,
      8,
      Uses.BITS_MODULUS),
  TABLE_LOOKUP(
      "table-lookup", "a random table from n input bits to --bits output bits (default 8)", 8, 8, Uses.BITS),
  MATRIX_PRODUCT("matrix-product", "the Boolean product of two n×n matrices", 4, 0, Uses.NONE),
  PREFIX_SKLANSKY(
      "prefix-sklansky",
      "prefix products of n Boolean d×d matrices (d: --bits, default 2), Sklansky network",
      16,
      2,
      Uses.BITS),
  PREFIX_BRENT_KUNG(
      "prefix-brent-kung",
      "prefix products of n Boolean d×d matrices (d: --bits, default 2), Brent–Kung network",
      16,
      2,
      Uses.BITS),
  PREFIX_LADNER_FISCHER(
      "prefix-ladner-fischer",
      "prefix products of n Boolean d×d matrices (d: --bits, default 2), Ladner–Fischer network",
      16,
      2,
      Uses.BITS),
  LOWER_WEIGHTS(
      "lower-weights",
      "a threshold gate over n inputs with random --bits-bit weights (default 32), lowered to"
          + " --k-bit weights (default max(2, bitlength(n)))",
      16,
      32,
      Uses.BITS_K);

  /** Stored entries (fan-in literals, sum terms, gates) a request may need before it is refused. */
  static final long MAX_STORED = 1L << 26;

  /** Which of the optional parameters a primitive reads. */
  enum Uses {
    NONE,
    K,
    BITS,
    BITS_MODULUS,
    BITS_K
  }

  final String id;
  final String description;
  final int defaultN;
  /** The default of --bits; 0 when --bits does not apply (then bits is reported as n). */
  final int defaultBits;
  final Uses uses;

  Primitive(String id, String description, int defaultN, int defaultBits, Uses uses) {
    this.id = id;
    this.description = description;
    this.defaultN = defaultN;
    this.defaultBits = defaultBits;
    this.uses = uses;
  }

  static Primitive byId(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    for (Primitive p : values()) {
      if (p.id.equals(key)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown primitive: " + name + " (see 'illusion primitive list')");
  }

  boolean usesBits() {
    return uses == Uses.BITS || uses == Uses.BITS_MODULUS || uses == Uses.BITS_K;
  }

  /** The parameters of one instance, validated. */
  static final class Params {
    final int n;
    final int bits;
    final long modulus;
    final Integer k;
    final long seed;

    Params(int n, int bits, long modulus, Integer k, long seed) {
      this.n = n;
      this.bits = bits;
      this.modulus = modulus;
      this.k = k;
      this.seed = seed;
    }
  }

  /** Checks the sizes and refuses requests whose projected storage exceeds {@link #MAX_STORED}. */
  void check(Params p) {
    checkArgument(p.n >= 1, "%s: n must be at least 1, not %s", id, p.n);
    checkArgument(p.bits >= 1, "%s: --bits must be at least 1, not %s", id, p.bits);
    switch (this) {
      case ITERATED_SUM:
      case SUM_MOD:
        checkArgument(p.bits <= 62, "%s: --bits must be at most 62, not %s", id, p.bits);
        break;
      case TABLE_LOOKUP:
        checkArgument(p.n <= 20, "table-lookup: at most 20 input bits (a table of 2^n rows), not %s", p.n);
        checkArgument(p.bits <= 31, "table-lookup: --bits must be at most 31, not %s", p.bits);
        break;
      case PREFIX_SKLANSKY:
      case PREFIX_BRENT_KUNG:
      case PREFIX_LADNER_FISCHER:
        checkArgument(p.bits <= 16, "%s: matrix dimension --bits must be at most 16, not %s", id, p.bits);
        break;
      case LOWER_WEIGHTS:
        checkArgument(p.bits <= 4096, "lower-weights: --bits must be at most 4096, not %s", p.bits);
        checkArgument(lowerTo(p) >= 2, "lower-weights: --k must be at least 2, not %s", lowerTo(p));
        break;
      default:
        break;
    }
    if (this == SUM_MOD) {
      checkArgument(
          p.modulus >= 1 && p.modulus <= 1 << 16, "sum-mod: --modulus must be in [1, 65536], not %s", p.modulus);
    }
    double stored = projectedStored(p);
    checkArgument(
        stored <= MAX_STORED,
        "%s with n=%s%s would store about %s wires and gates (limit %s); choose smaller sizes",
        id,
        p.n,
        usesBits() ? ", bits=" + p.bits : "",
        String.format(Locale.ROOT, "%.3g", stored),
        MAX_STORED);
  }

  /** The target weight bits of lower-weights. */
  static int lowerTo(Params p) {
    return p.k != null ? p.k : Math.max(2, 32 - Integer.numberOfLeadingZeros(p.n));
  }

  /** An upper estimate of stored fan-in literals, sum terms and gates (doubles: no overflow). */
  double projectedStored(Params p) {
    double n = p.n;
    double m = p.bits;
    switch (this) {
      case EXACT_COUNT:
      case COMPARE:
      case EQUAL:
        return 2 * n + 8;
      case COUNT_BINARY:
        return 4 * n + 64;
      case ADD:
      case SUBTRACT:
        return 12 * n + 16;
      case ITERATED_SUM:
        return 5 * n * m + 4 * (m + 64);
      case MULTIPLY:
        return 9 * n * n + 16 * n;
      case SUM_MOD:
        return n + 4 * n * (p.modulus - 1) + p.modulus;
      case TABLE_LOOKUP:
        return Math.pow(2, n) * (n + 1 + m) + m;
      case MATRIX_PRODUCT:
        return 4 * n * n * n + n * n;
      case PREFIX_SKLANSKY:
      case PREFIX_BRENT_KUNG:
      case PREFIX_LADNER_FISCHER:
        double combines = n * Math.max(1, Math.ceil(Math.log(n) / Math.log(2)));
        return combines * 4 * m * m * m + n * m * m;
      case LOWER_WEIGHTS:
        double ell = Math.max(1, Math.ceil(Math.log(n + 1) / Math.log(2)));
        double rounds = 1 + Math.max(0, ell - lowerTo(p)) * 4;
        return rounds * ((m / ell + 1) * 6 * n * ell + 12 * Math.pow(m + ell + 2, 2));
      default:
        throw new AssertionError(this);
    }
  }

  /** The bits column of a row: --bits where it applies, else the operand width n. */
  int reportedBits(Params p) {
    if (usesBits()) {
      return p.bits;
    }
    return this == EXACT_COUNT || this == COUNT_BINARY || this == MATRIX_PRODUCT ? 1 : p.n;
  }

  /** A built instance: the circuit and its reference. */
  abstract static class Instance {
    final Circuit circuit;

    Instance(Circuit circuit) {
      this.circuit = circuit;
    }

    /** The expected output words for 64 lanes of input words. */
    abstract long[] expected(long[] in);
  }

  // ---- building ----

  Instance build(Params p) {
    check(p);
    CircuitBuilder b = new CircuitBuilder();
    SplittableRandom rnd = new SplittableRandom(p.seed ^ 0x5DEECE66DL);
    int n = p.n;
    switch (this) {
      case EXACT_COUNT: {
        int k = p.k != null ? p.k : n / 2;
        int[] x = inputs(b, "x", n);
        b.output("eq", ExactCount.of(b, x, k));
        return new Instance(b.build()) {
          @Override
          long[] expected(long[] in) {
            long[] out = new long[1];
            for (int lane = 0; lane < 64; lane++) {
              out[0] |= (count(in, 0, n, lane) == k ? 1L : 0L) << lane;
            }
            return out;
          }
        };
      }
      case COUNT_BINARY: {
        int[] x = inputs(b, "x", n);
        int[] y = CountToBinary.of(b, x);
        outputs(b, "s", y);
        return new Instance(b.build()) {
          @Override
          long[] expected(long[] in) {
            long[] out = new long[y.length];
            for (int lane = 0; lane < 64; lane++) {
              put(out, 0, y.length, lane, BigInteger.valueOf(count(in, 0, n, lane)));
            }
            return out;
          }
        };
      }
      case COMPARE:
      case EQUAL: {
        int[] a = inputs(b, "a", n);
        int[] c = inputs(b, "c", n);
        if (this == COMPARE) {
          b.output("ge", Comparison.atLeast(b, a, c)).output("gt", Comparison.greaterThan(b, a, c));
        } else {
          b.output("eq", Comparison.equal(b, a, c));
        }
        boolean compare = this == COMPARE;
        return new Instance(b.build()) {
          @Override
          long[] expected(long[] in) {
            long[] out = new long[compare ? 2 : 1];
            for (int lane = 0; lane < 64; lane++) {
              int cmp = number(in, 0, n, lane).compareTo(number(in, n, n, lane));
              if (compare) {
                out[0] |= (cmp >= 0 ? 1L : 0L) << lane;
                out[1] |= (cmp > 0 ? 1L : 0L) << lane;
              } else {
                out[0] |= (cmp == 0 ? 1L : 0L) << lane;
              }
            }
            return out;
          }
        };
      }
      case ADD:
      case SUBTRACT:
      case MULTIPLY: {
        int[] a = inputs(b, "a", n);
        int[] c = inputs(b, "c", n);
        Primitive self = this;
        int[] y =
            this == ADD
                ? Addition.add(b, a, c)
                : this == SUBTRACT ? Addition.subtract(b, a, c) : Multiplication.multiply(b, a, c);
        outputs(b, "y", y);
        BigInteger mod = BigInteger.ONE.shiftLeft(y.length);
        return new Instance(b.build()) {
          @Override
          long[] expected(long[] in) {
            long[] out = new long[y.length];
            for (int lane = 0; lane < 64; lane++) {
              BigInteger u = number(in, 0, n, lane);
              BigInteger v = number(in, n, n, lane);
              BigInteger r =
                  self == ADD ? u.add(v) : self == SUBTRACT ? u.subtract(v).mod(mod) : u.multiply(v);
              put(out, 0, y.length, lane, r);
            }
            return out;
          }
        };
      }
      case ITERATED_SUM: {
        int m = p.bits;
        int[][] x = new int[n][];
        for (int k = 0; k < n; k++) {
          x[k] = inputs(b, "x[" + k + "]", m);
        }
        int[] y = IteratedAddition.sum(b, x);
        outputs(b, "s", y);
        return new Instance(b.build()) {
          @Override
          long[] expected(long[] in) {
            long[] out = new long[y.length];
            for (int lane = 0; lane < 64; lane++) {
              BigInteger s = BigInteger.ZERO;
              for (int k = 0; k < n; k++) {
                s = s.add(number(in, k * m, m, lane));
              }
              put(out, 0, y.length, lane, s);
            }
            return out;
          }
        };
      }
      case SUM_MOD: {
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
          w[i] = rnd.nextLong(1L << p.bits);
        }
        int[] x = inputs(b, "x", n);
        int[] y = SumModulo.residues(b, w, x, p.modulus);
        outputs(b, "r", y);
        BigInteger mod = BigInteger.valueOf(p.modulus);
        BigInteger[] bigW = new BigInteger[n];
        for (int i = 0; i < n; i++) {
          bigW[i] = BigInteger.valueOf(w[i]);
        }
        return new Instance(b.build()) {
          @Override
          long[] expected(long[] in) {
            long[] out = new long[y.length];
            for (int lane = 0; lane < 64; lane++) {
              out[weightedSum(in, bigW, lane).mod(mod).intValueExact()] |= 1L << lane;
            }
            return out;
          }
        };
      }
      case TABLE_LOOKUP: {
        int width = p.bits;
        int[] table = new int[1 << n];
        for (int d = 0; d < table.length; d++) {
          table[d] = width == 31 ? rnd.nextInt() & Integer.MAX_VALUE : rnd.nextInt(1 << width);
        }
        int[] x = inputs(b, "x", n);
        int[] y = TableLookup.bitsToBits(b, x, table, width);
        outputs(b, "y", y);
        return new Instance(b.build()) {
          @Override
          long[] expected(long[] in) {
            long[] out = new long[width];
            for (int lane = 0; lane < 64; lane++) {
              put(out, 0, width, lane, BigInteger.valueOf(table[number(in, 0, n, lane).intValueExact()]));
            }
            return out;
          }
        };
      }
      case MATRIX_PRODUCT: {
        int[] a = inputs(b, "a", n * n);
        int[] c = inputs(b, "c", n * n);
        int[] y = BooleanMatrixProduct.multiply(b, a, c, n, n, n);
        outputs(b, "y", y);
        return new Instance(b.build()) {
          @Override
          long[] expected(long[] in) {
            return matrixProduct(in, 0, in, n * n, n);
          }
        };
      }
      case PREFIX_SKLANSKY:
      case PREFIX_BRENT_KUNG:
      case PREFIX_LADNER_FISCHER: {
        int d = p.bits;
        PrefixNetwork network = PrefixNetwork.byId(id.substring("prefix-".length()));
        int[][] x = new int[n][];
        for (int t = 0; t < n; t++) {
          x[t] = inputs(b, "A[" + t + "]", d * d);
        }
        // h_t = A_t h_{t−1}: the prefix of A_1..A_t is A_t ⋯ A_1, so combine(left, right) = right·left
        int[][] y = network.scan(b, x, (bb, l, r) -> BooleanMatrixProduct.multiply(bb, r, l, d, d, d));
        for (int t = 0; t < n; t++) {
          outputs(b, "P[" + t + "]", y[t]);
        }
        return new Instance(b.build()) {
          @Override
          long[] expected(long[] in) {
            long[] out = new long[n * d * d];
            long[] acc = java.util.Arrays.copyOfRange(in, 0, d * d);
            System.arraycopy(acc, 0, out, 0, d * d);
            for (int t = 1; t < n; t++) {
              acc = matrixProduct(in, t * d * d, acc, 0, d);
              System.arraycopy(acc, 0, out, t * d * d, d * d);
            }
            return out;
          }
        };
      }
      case LOWER_WEIGHTS: {
        BigInteger[] w = new BigInteger[n];
        BigInteger total = BigInteger.ZERO;
        java.util.Random bigRnd = new java.util.Random(rnd.nextLong());
        for (int i = 0; i < n; i++) {
          w[i] = new BigInteger(p.bits, bigRnd);
          if (rnd.nextInt(4) == 0) {
            w[i] = w[i].negate();
          }
          total = total.add(w[i]);
        }
        // θ near the middle of the sum's distribution, so both outcomes are common
        BigInteger theta = total.shiftRight(1);
        int[] x = inputs(b, "x", n);
        b.output("y", ThresholdLowering.atLeast(b, w, x, theta, lowerTo(p)));
        return new Instance(b.build()) {
          @Override
          long[] expected(long[] in) {
            long[] out = new long[1];
            for (int lane = 0; lane < 64; lane++) {
              out[0] |= (weightedSum(in, w, lane).compareTo(theta) >= 0 ? 1L : 0L) << lane;
            }
            return out;
          }
        };
      }
      default:
        throw new AssertionError(this);
    }
  }

  // ---- helpers ----

  private static int[] inputs(CircuitBuilder b, String name, int count) {
    int[] x = new int[count];
    for (int i = 0; i < count; i++) {
      x[i] = b.input(name + "[" + i + "]");
    }
    return x;
  }

  private static void outputs(CircuitBuilder b, String name, int[] literals) {
    for (int i = 0; i < literals.length; i++) {
      b.output(name + "[" + i + "]", literals[i]);
    }
  }

  private static int count(long[] in, int from, int n, int lane) {
    int c = 0;
    for (int i = from; i < from + n; i++) {
      c += (int) (in[i] >>> lane & 1);
    }
    return c;
  }

  /** Σ w_i x_i over the inputs x_0 .. x_{w.length-1} of {@code lane}. */
  private static BigInteger weightedSum(long[] in, BigInteger[] w, int lane) {
    BigInteger s = BigInteger.ZERO;
    for (int i = 0; i < w.length; i++) {
      if ((in[i] >>> lane & 1) != 0) {
        s = s.add(w[i]);
      }
    }
    return s;
  }

  private static BigInteger number(long[] in, int from, int width, int lane) {
    BigInteger v = BigInteger.ZERO;
    for (int j = 0; j < width; j++) {
      if ((in[from + j] >>> lane & 1) != 0) {
        v = v.setBit(j);
      }
    }
    return v;
  }

  private static void put(long[] out, int from, int width, int lane, BigInteger v) {
    for (int j = 0; j < width; j++) {
      if (v.testBit(j)) {
        out[from + j] |= 1L << lane;
      }
    }
  }

  /** The d×d Boolean product of the row-major matrices at a[ao..] and c[co..], word-parallel. */
  private static long[] matrixProduct(long[] a, int ao, long[] c, int co, int d) {
    long[] out = new long[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        long v = 0;
        for (int k = 0; k < d; k++) {
          v |= a[ao + i * d + k] & c[co + k * d + j];
        }
        out[i * d + j] = v;
      }
    }
    return out;
  }
}
