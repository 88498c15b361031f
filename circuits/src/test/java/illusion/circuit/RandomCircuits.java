package illusion.circuit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random circuits for property tests, together with the specification they were built from: every
 * builder call is recorded, so {@link #expected} evaluates what was <em>asked for</em> (with
 * BigInteger arithmetic), independently of how the builder normalized it and of the simulator.
 * Covers every kind, complemented literals, constants, weights beyond 2^70, sums beyond the long
 * range, and prefix sums.
 */
public final class RandomCircuits {
  /** One recorded builder call. */
  private static final class Op {
    final String kind; // input, const, and, or, not, maj, sum, atLeast, atMost
    final int[] args; // indices of earlier value ops, complemented as ~i
    final BigInteger[] weights;
    final int base; // sum ops: earlier sum op index or -1; threshold ops: the sum op index
    final BigInteger theta;
    final boolean flag; // const: the value; sum, atLeast, atMost: use the long overload

    Op(String kind, int[] args, BigInteger[] weights, int base, BigInteger theta, boolean flag) {
      this.kind = kind;
      this.args = args;
      this.weights = weights;
      this.base = base;
      this.theta = theta;
      this.flag = flag;
    }
  }

  private final List<Op> ops = new ArrayList<>();
  private final List<Integer> valueOps = new ArrayList<>(); // op indices that yield a boolean
  private final List<Integer> sumOps = new ArrayList<>();
  private final List<Integer> outputs = new ArrayList<>(); // arg (value op index, maybe ~)
  private final Circuit circuit;

  private RandomCircuits(long seed, int maxInputs, int maxOps, boolean bigWeights) {
    SplittableRandom r = new SplittableRandom(seed);
    int inputs = 1 + r.nextInt(maxInputs);
    for (int i = 0; i < inputs; i++) {
      addValue(new Op("input", new int[0], null, -1, null, false));
    }
    int n = 1 + r.nextInt(maxOps);
    for (int step = 0; step < n; step++) {
      int choice = r.nextInt(10);
      if (choice == 0) {
        addValue(new Op("const", new int[0], null, -1, null, r.nextBoolean()));
      } else if (choice <= 2) {
        String kind = r.nextBoolean() ? "and" : "or";
        addValue(new Op(kind, args(r, 1 + r.nextInt(4)), null, -1, null, false));
      } else if (choice == 3) {
        addValue(new Op("not", args(r, 1), null, -1, null, false));
      } else if (choice == 4) {
        addValue(new Op("maj", args(r, 1 + r.nextInt(6)), null, -1, null, false));
      } else if (choice <= 6) {
        int k = r.nextInt(5);
        int[] args = args(r, k);
        BigInteger[] w = new BigInteger[k];
        for (int i = 0; i < k; i++) {
          w[i] = weight(r, bigWeights);
        }
        int base = !sumOps.isEmpty() && r.nextInt(3) > 0 ? sumOps.get(r.nextInt(sumOps.size())) : -1;
        ops.add(new Op("sum", args, w, base, null, allSmall(w) && r.nextBoolean()));
        sumOps.add(ops.size() - 1);
      } else if (!sumOps.isEmpty()) {
        int sumOp = sumOps.get(r.nextInt(sumOps.size()));
        BigInteger[] range = range(sumOp);
        BigInteger span = range[1].subtract(range[0]).add(BigInteger.valueOf(3));
        BigInteger theta =
            r.nextBoolean()
                ? range[0]
                    .subtract(BigInteger.ONE)
                    .add(new BigInteger(span.bitLength() + 2, new java.util.Random(r.nextLong())).mod(span))
                : plausibleValue(sumOp, r).add(BigInteger.valueOf(r.nextInt(3) - 1));
        String kind = r.nextBoolean() ? "atMost" : "atLeast";
        addValue(new Op(kind, new int[0], null, sumOp, theta, theta.bitLength() < 64 && r.nextBoolean()));
      }
    }
    int outs = 1 + r.nextInt(5);
    for (int o = 0; o < outs; o++) {
      outputs.add(args(r, 1)[0]);
    }
    CircuitBuilder b = new CircuitBuilder();
    execute(b, null);
    circuit = b.build();
  }

  private void addValue(Op op) {
    ops.add(op);
    valueOps.add(ops.size() - 1);
  }

  /**
   * Replays the recorded calls (inputs, gates, sums, then outputs) on {@code b}. With a non-null
   * {@code shuffle}, fan-ins and sum terms are passed in a random order. Returns, per op, the
   * literal made (value ops) or the sum's index (sum ops).
   */
  public int[] execute(CircuitBuilder b, SplittableRandom shuffle) {
    return run(b, shuffle, null);
  }

  /**
   * Replays the recorded gate and sum calls once more on the builder that {@link #execute} already
   * ran on ({@code previous} is what it returned): inputs are reused, outputs not added again.
   */
  public int[] replayGates(CircuitBuilder b, int[] previous, SplittableRandom shuffle) {
    return run(b, shuffle, previous);
  }

  private int[] run(CircuitBuilder b, SplittableRandom shuffle, int[] previous) {
    int[] result = new int[ops.size()];
    CircuitBuilder.Sum[] sums = new CircuitBuilder.Sum[ops.size()];
    int nextInput = 0;
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      int[] order = permutation(op.args.length, shuffle);
      int[] lits = new int[op.args.length];
      for (int j = 0; j < lits.length; j++) {
        int a = op.args[order[j]];
        lits[j] = a < 0 ? CircuitBuilder.negate(result[~a]) : result[a];
      }
      switch (op.kind) {
        case "input":
          result[i] = previous != null ? previous[i] : b.input("x[" + nextInput++ + "]");
          break;
        case "const":
          result[i] = b.constant(op.flag);
          break;
        case "and":
          result[i] = lits.length == 2 ? b.and(lits[0], lits[1]) : b.and(lits);
          break;
        case "or":
          result[i] = lits.length == 2 ? b.or(lits[0], lits[1]) : b.or(lits);
          break;
        case "not":
          result[i] = b.not(lits[0]);
          break;
        case "maj":
          result[i] = b.maj(lits);
          break;
        case "sum":
          {
            BigInteger[] w = new BigInteger[lits.length];
            for (int j = 0; j < w.length; j++) {
              w[j] = op.weights[order[j]];
            }
            CircuitBuilder.Sum s;
            if (op.base < 0) {
              s = op.flag ? b.sum(longs(w), lits) : b.sum(w, lits);
            } else {
              CircuitBuilder.Sum bs = sums[op.base];
              s = op.flag ? b.extend(bs, longs(w), lits) : b.extend(bs, w, lits);
            }
            sums[i] = s;
            result[i] = s.index();
            break;
          }
        case "atLeast":
          result[i] =
              op.flag
                  ? b.atLeast(sums[op.base], op.theta.longValueExact())
                  : b.atLeast(sums[op.base], op.theta);
          break;
        case "atMost":
          result[i] =
              op.flag
                  ? b.atMost(sums[op.base], op.theta.longValueExact())
                  : b.atMost(sums[op.base], op.theta);
          break;
        default:
          throw new AssertionError(op.kind);
      }
    }
    for (int o = 0; previous == null && o < outputs.size(); o++) {
      int a = outputs.get(o);
      b.output("y[" + o + "]", a < 0 ? CircuitBuilder.negate(result[~a]) : result[a]);
    }
    return result;
  }

  private static int[] permutation(int n, SplittableRandom shuffle) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    if (shuffle != null) {
      for (int i = n - 1; i > 0; i--) {
        int j = shuffle.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
    }
    return p;
  }

  /** The indices of the ops that yield a boolean (inputs, constants, gates, thresholds). */
  public List<Integer> valueOps() {
    return valueOps;
  }

  /** A random circuit with 1..maxInputs inputs and 1..maxOps builder calls besides the inputs. */
  public static RandomCircuits generate(long seed, int maxInputs, int maxOps) {
    return new RandomCircuits(seed, maxInputs, maxOps, true);
  }

  /** As {@link #generate}, with weights of at most 4 bits (for brute-force metric checks). */
  public static RandomCircuits generateSmallWeights(long seed, int maxInputs, int maxOps) {
    return new RandomCircuits(seed, maxInputs, maxOps, false);
  }

  public Circuit circuit() {
    return circuit;
  }

  private int[] args(SplittableRandom r, int k) {
    int[] a = new int[k];
    for (int i = 0; i < k; i++) {
      int op = valueOps.get(r.nextInt(valueOps.size()));
      a[i] = r.nextInt(3) == 0 ? ~op : op;
    }
    return a;
  }

  private static BigInteger weight(SplittableRandom r, boolean big) {
    if (!big) {
      return BigInteger.valueOf(r.nextInt(31) - 15);
    }
    switch (r.nextInt(6)) {
      case 0:
        return BigInteger.ONE.shiftLeft(70 + r.nextInt(20)).add(BigInteger.valueOf(r.nextInt(100))).negate();
      case 1:
        return BigInteger.ONE.shiftLeft(70 + r.nextInt(20)).subtract(BigInteger.valueOf(r.nextInt(100)));
      case 2:
        return BigInteger.valueOf((r.nextBoolean() ? 1L : -1L) << 62).add(BigInteger.valueOf(r.nextInt(5)));
      case 3:
        return BigInteger.valueOf(r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE);
      default:
        return BigInteger.valueOf(r.nextInt(11) - 5);
    }
  }

  private static boolean allSmall(BigInteger[] w) {
    for (BigInteger x : w) {
      if (x.bitLength() >= 64) {
        return false;
      }
    }
    return true;
  }

  private static long[] longs(BigInteger[] w) {
    long[] l = new long[w.length];
    for (int i = 0; i < w.length; i++) {
      l[i] = w[i].longValueExact();
    }
    return l;
  }

  /** [min, max] of the specified sum: its negative and positive weights along the chain. */
  private BigInteger[] range(int sumOp) {
    BigInteger min = BigInteger.ZERO;
    BigInteger max = BigInteger.ZERO;
    for (int s = sumOp; s >= 0; s = ops.get(s).base) {
      for (BigInteger w : ops.get(s).weights) {
        if (w.signum() > 0) {
          max = max.add(w);
        } else {
          min = min.add(w);
        }
      }
    }
    return new BigInteger[] {min, max};
  }

  /** A value the sum takes when a random half of its flat terms are 1 (often reachable). */
  private BigInteger plausibleValue(int sumOp, SplittableRandom r) {
    BigInteger v = BigInteger.ZERO;
    for (int s = sumOp; s >= 0; s = ops.get(s).base) {
      for (BigInteger w : ops.get(s).weights) {
        if (r.nextBoolean()) {
          v = v.add(w);
        }
      }
    }
    return v;
  }

  /** What the recorded builder calls specify, for one assignment (exact, BigInteger sums). */
  public boolean[] expected(boolean[] in) {
    boolean[] val = new boolean[ops.size()];
    BigInteger[] sum = new BigInteger[ops.size()];
    int nextInput = 0;
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      switch (op.kind) {
        case "input":
          val[i] = in[nextInput++];
          break;
        case "const":
          val[i] = op.flag;
          break;
        case "and":
          {
            boolean v = true;
            for (int a : op.args) {
              v &= arg(val, a);
            }
            val[i] = v;
            break;
          }
        case "or":
          {
            boolean v = false;
            for (int a : op.args) {
              v |= arg(val, a);
            }
            val[i] = v;
            break;
          }
        case "not":
          val[i] = !arg(val, op.args[0]);
          break;
        case "maj":
          {
            int count = 0;
            for (int a : op.args) {
              count += arg(val, a) ? 1 : 0;
            }
            val[i] = count >= op.args.length / 2 + 1;
            break;
          }
        case "sum":
          {
            BigInteger s = op.base >= 0 ? sum[op.base] : BigInteger.ZERO;
            for (int t = 0; t < op.args.length; t++) {
              if (arg(val, op.args[t])) {
                s = s.add(op.weights[t]);
              }
            }
            sum[i] = s;
            break;
          }
        case "atLeast":
          val[i] = sum[op.base].compareTo(op.theta) >= 0;
          break;
        case "atMost":
          val[i] = sum[op.base].compareTo(op.theta) <= 0;
          break;
        default:
          throw new AssertionError(op.kind);
      }
    }
    boolean[] out = new boolean[outputs.size()];
    for (int o = 0; o < out.length; o++) {
      out[o] = arg(val, outputs.get(o));
    }
    return out;
  }

  private static boolean arg(boolean[] val, int a) {
    return a < 0 ? !val[~a] : val[a];
  }

  /** Evaluates the built circuit node by node with BigInteger sums, via the public API only. */
  public static boolean[] reference(Circuit c, boolean[] in) {
    boolean[] v = new boolean[c.nodeCount()];
    for (int node = 0; node < c.nodeCount(); node++) {
      switch (c.kind(node)) {
        case INPUT:
          v[node] = in[c.inputOrdinal(node)];
          break;
        case CONSTANT:
          v[node] = c.constantValue(node);
          break;
        case THRESHOLD:
          {
            BigInteger s = BigInteger.ZERO;
            for (int sum = c.thresholdSum(node); sum >= 0; sum = c.sumBase(sum)) {
              for (int t = 0; t < c.sumTermCount(sum); t++) {
                if (v[c.sumTermNode(sum, t)]) {
                  s = s.add(c.sumTermWeight(sum, t));
                }
              }
            }
            int cmp = s.compareTo(c.thresholdTheta(node));
            v[node] = c.thresholdAtMost(node) ? cmp <= 0 : cmp >= 0;
            break;
          }
        default:
          {
            int k = c.literalCount(node);
            int ones = 0;
            for (int i = 0; i < k; i++) {
              int l = c.literal(node, i);
              ones += v[Literals.node(l)] != Literals.isNegated(l) ? 1 : 0;
            }
            switch (c.kind(node)) {
              case AND:
                v[node] = ones == k;
                break;
              case OR:
                v[node] = ones >= 1;
                break;
              case NOT:
                v[node] = ones == 0;
                break;
              case MAJ:
                v[node] = ones >= k / 2 + 1;
                break;
              default:
                throw new AssertionError(c.kind(node));
            }
          }
      }
    }
    boolean[] out = new boolean[c.outputCount()];
    for (int o = 0; o < out.length; o++) {
      out[o] = v[c.outputNode(o)];
    }
    return out;
  }
}
