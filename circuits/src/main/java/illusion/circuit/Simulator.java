package illusion.circuit;

import static com.google.common.base.Preconditions.checkArgument;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bit-parallel simulation of a {@link Circuit}: 64 input assignments per {@code long} (lane j of
 * every word is assignment j), nodes evaluated in id order into one {@code long} per node.
 *
 * <p>AND, OR and NOT are word operations; MAJ uses a bit-sliced counter; a weighted sum is evaluated
 * once per batch into 64 per-lane {@code long} sums (a prefix sum starts from its base's lanes),
 * before the first THRESHOLD gate that reads it, and each THRESHOLD gate then compares the lanes
 * with θ. A sum whose range {@code [sumMin, sumMax]} does not fit in a long (known when the circuit
 * is built, {@link Circuit#sumFitsLong}) is evaluated exactly with {@link BigInteger} lanes.
 *
 * <p>A simulator keeps its working arrays between calls, so it is not thread-safe: use one per
 * thread. Results are deterministic.
 */
public final class Simulator {
  private final Circuit circuit;
  private final long[] values;

  /** Per threshold-table index: CSR list of sums to evaluate right before that gate. */
  private final int[] scheduleStarts;
  private final int[] schedule;

  /** Per sum: its lane slot (long sums; slots are shared by sums not live at once) or -1. */
  private final int[] slot;
  private final long[] lanes;
  private final BigInteger[][] bigLanes;
  /** Per threshold-table index: CSR list of BigInteger sums whose lanes can be dropped after it. */
  private final int[] bigReleaseStarts;
  private final int[] bigReleases;
  private final long[] counter = new long[32];

  private Simulator(Circuit circuit) {
    this.circuit = circuit;
    this.values = new long[circuit.nodeCount()];
    int sums = circuit.sumCount();
    int thresholds = circuit.thresholdSums.length;
    // schedule each read sum (bases first) before the first gate that needs it
    boolean[] scheduled = new boolean[sums];
    int[] starts = new int[thresholds + 1];
    int[] order = new int[sums];
    int count = 0;
    int[] chain = new int[16];
    for (int t = 0; t < thresholds; t++) {
      starts[t] = count;
      int depth = 0;
      for (int s = circuit.thresholdSums[t]; s >= 0 && !scheduled[s]; s = circuit.sumBase[s]) {
        if (depth == chain.length) {
          chain = Arrays.copyOf(chain, depth * 2);
        }
        chain[depth++] = s;
        scheduled[s] = true;
      }
      while (depth > 0) {
        order[count++] = chain[--depth];
      }
    }
    starts[thresholds] = count;
    this.scheduleStarts = starts;
    this.schedule = Arrays.copyOf(order, count);
    // Lanes live from a sum's evaluation to its last use (the last gate reading it, or the
    // evaluation of the last sum extending it); slots are reused after that, so memory follows
    // the number of simultaneously live sums, not the number of sums.
    int[] evalAt = new int[sums];
    int[] lastUse = new int[sums];
    Arrays.fill(lastUse, -1);
    for (int t = 0; t < thresholds; t++) {
      for (int j = starts[t]; j < starts[t + 1]; j++) {
        evalAt[schedule[j]] = t;
      }
      int s = circuit.thresholdSums[t];
      lastUse[s] = Math.max(lastUse[s], t);
    }
    for (int s : schedule) {
      int b = circuit.sumBase[s];
      if (b >= 0) {
        lastUse[b] = Math.max(lastUse[b], evalAt[s]);
      }
    }
    int[] releaseStarts = new int[thresholds + 1];
    for (int s : schedule) {
      releaseStarts[lastUse[s] + 1]++;
    }
    for (int t = 0; t < thresholds; t++) {
      releaseStarts[t + 1] += releaseStarts[t];
    }
    int[] releases = new int[schedule.length];
    int[] fill = Arrays.copyOf(releaseStarts, thresholds);
    for (int s : schedule) {
      releases[fill[lastUse[s]]++] = s;
    }
    this.slot = new int[sums];
    Arrays.fill(slot, -1);
    IntArrayList free = new IntArrayList();
    int longSlots = 0;
    boolean anyBig = false;
    IntArrayList bigReleaseStarts = new IntArrayList(thresholds + 1);
    IntArrayList bigReleases = new IntArrayList();
    for (int t = 0; t < thresholds; t++) {
      for (int j = starts[t]; j < starts[t + 1]; j++) {
        int s = schedule[j];
        if (circuit.sumFitsLong(s)) {
          slot[s] = free.isEmpty() ? longSlots++ : free.popInt();
        } else {
          anyBig = true;
        }
      }
      bigReleaseStarts.add(bigReleases.size());
      for (int j = releaseStarts[t]; j < releaseStarts[t + 1]; j++) {
        int s = releases[j];
        if (slot[s] >= 0) {
          free.push(slot[s]);
        } else {
          bigReleases.add(s);
        }
      }
    }
    bigReleaseStarts.add(bigReleases.size());
    this.lanes = new long[Math.multiplyExact(longSlots, 64)];
    this.bigLanes = anyBig ? new BigInteger[sums][] : null;
    this.bigReleaseStarts = anyBig ? bigReleaseStarts.toIntArray() : null;
    this.bigReleases = anyBig ? bigReleases.toIntArray() : null;
  }

  /** A simulator for {@code circuit}. */
  public static Simulator of(Circuit circuit) {
    return new Simulator(Objects.requireNonNull(circuit, "circuit"));
  }

  /** The circuit simulated. */
  public Circuit circuit() {
    return circuit;
  }

  /**
   * Simulates 64 assignments at once: {@code inputWords[i]} holds input i's value in each of the 64
   * lanes; the result holds output o's value in each lane, one word per output.
   */
  public long[] simulate(long[] inputWords) {
    run(inputWords);
    int[] outs = circuit.outputNodes;
    long[] result = new long[outs.length];
    for (int o = 0; o < outs.length; o++) {
      result[o] = values[outs[o]];
    }
    return result;
  }

  /** Like {@link #simulate}, but returns every node's word (a fresh array indexed by node). */
  public long[] simulateNodes(long[] inputWords) {
    run(inputWords);
    return values.clone();
  }

  /** Evaluates one assignment (input order) and returns the outputs (output order). */
  public boolean[] evaluate(boolean[] inputs) {
    checkArgument(
        inputs.length == circuit.inputCount(),
        "%s input values for %s inputs",
        inputs.length,
        circuit.inputCount());
    long[] words = new long[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      words[i] = inputs[i] ? 1L : 0L;
    }
    long[] out = simulate(words);
    boolean[] result = new boolean[out.length];
    for (int o = 0; o < out.length; o++) {
      result[o] = (out[o] & 1L) != 0;
    }
    return result;
  }

  /**
   * Evaluates many assignments, 64 per pass: {@code assignments[a]} is one assignment in input
   * order, and row a of the result its outputs in output order.
   */
  public boolean[][] evaluate(boolean[][] assignments) {
    int inputs = circuit.inputCount();
    boolean[][] result = new boolean[assignments.length][];
    long[] words = new long[inputs];
    for (int from = 0; from < assignments.length; from += 64) {
      int to = Math.min(assignments.length, from + 64);
      Arrays.fill(words, 0L);
      for (int a = from; a < to; a++) {
        boolean[] row = assignments[a];
        checkArgument(
            row.length == inputs, "assignment %s has %s values for %s inputs", a, row.length, inputs);
        for (int i = 0; i < inputs; i++) {
          if (row[i]) {
            words[i] |= 1L << (a - from);
          }
        }
      }
      long[] out = simulate(words);
      for (int a = from; a < to; a++) {
        boolean[] r = new boolean[out.length];
        for (int o = 0; o < out.length; o++) {
          r[o] = (out[o] >>> (a - from) & 1L) != 0;
        }
        result[a] = r;
      }
    }
    return result;
  }

  private void run(long[] inputWords) {
    checkArgument(
        inputWords.length == circuit.inputCount(),
        "%s input words for %s inputs",
        inputWords.length,
        circuit.inputCount());
    final byte[] ks = circuit.kinds;
    final int[] st = circuit.starts;
    final int[] d = circuit.data;
    final long[] v = values;
    final int n = ks.length;
    int nextInput = 0;
    for (int i = 0; i < n; i++) {
      switch (ks[i]) {
        case Circuit.K_AND:
        case Circuit.K_OR:
          {
            // one loop for both: a ∨ b = ¬(¬a ∧ ¬b), with m = 0 (AND) or -1 (OR) complementing
            // literals (~l == l ^ -1) and the result, so mixed AND/OR runs do not mispredict
            int m = Circuit.K_AND - ks[i];
            int f = st[i];
            int e = st[i + 1];
            long acc = lit(v, d[f] ^ m) & lit(v, d[f + 1] ^ m);
            for (int j = f + 2; j < e; j++) {
              acc &= lit(v, d[j] ^ m);
            }
            v[i] = acc ^ m;
            break;
          }
        case Circuit.K_NOT:
          v[i] = ~v[d[st[i]]];
          break;
        case Circuit.K_INPUT:
          v[i] = inputWords[nextInput++];
          break;
        case Circuit.K_CONST0:
          v[i] = 0L;
          break;
        case Circuit.K_CONST1:
          v[i] = -1L;
          break;
        case Circuit.K_MAJ:
          v[i] = majority(v, d, st[i], st[i + 1]);
          break;
        case Circuit.K_THRESHOLD:
          v[i] = threshold(d[st[i]]);
          break;
        default:
          throw new AssertionError("unknown node kind " + ks[i]);
      }
    }
  }

  /** The word of a literal: {@code v[n]} or {@code ~v[n]} for {@code ~n}, without a branch. */
  private static long lit(long[] v, int literal) {
    int m = literal >> 31;
    return v[literal ^ m] ^ m;
  }

  /** Strict majority per lane of the literals {@code d[from..to)} via a bit-sliced counter. */
  private long majority(long[] v, int[] d, int from, int to) {
    int k = to - from;
    if (k == 3) {
      long a = lit(v, d[from]);
      long b = lit(v, d[from + 1]);
      long c = lit(v, d[from + 2]);
      return (a & b) | (c & (a | b));
    }
    long[] cnt = counter;
    int bits = 32 - Integer.numberOfLeadingZeros(k);
    Arrays.fill(cnt, 0, bits, 0L);
    for (int j = from; j < to; j++) {
      long carry = lit(v, d[j]);
      for (int b = 0; carry != 0 && b < bits; b++) {
        long t = cnt[b] & carry;
        cnt[b] ^= carry;
        carry = t;
      }
    }
    int threshold = k / 2 + 1;
    // lanes with count ≥ threshold, comparing from the most significant bit
    long greater = 0L;
    long equal = -1L;
    for (int b = bits - 1; b >= 0; b--) {
      if ((threshold >>> b & 1) != 0) {
        equal &= cnt[b];
      } else {
        greater |= equal & cnt[b];
        equal &= ~cnt[b];
      }
    }
    return greater | equal;
  }

  /** Evaluates threshold-table entry t (after the sums scheduled for it). */
  private long threshold(int t) {
    for (int j = scheduleStarts[t]; j < scheduleStarts[t + 1]; j++) {
      evaluateSum(schedule[j]);
    }
    int s = circuit.thresholdSums[t];
    boolean atMost = circuit.thresholdAtMost[t];
    ExactLongs thetas = circuit.thresholdThetas;
    int p = slot[s];
    long out = 0L;
    if (p >= 0 && thetas.isLong(t)) {
      long theta = thetas.getLong(t);
      int base = p << 6;
      long[] ln = lanes;
      if (atMost) {
        for (int j = 0; j < 64; j++) {
          out |= (ln[base + j] <= theta ? 1L : 0L) << j;
        }
      } else {
        for (int j = 0; j < 64; j++) {
          out |= (ln[base + j] >= theta ? 1L : 0L) << j;
        }
      }
    } else {
      BigInteger theta = thetas.get(t);
      for (int j = 0; j < 64; j++) {
        BigInteger lane = p >= 0 ? BigInteger.valueOf(lanes[(p << 6) + j]) : bigLanes[s][j];
        int cmp = lane.compareTo(theta);
        if (atMost ? cmp <= 0 : cmp >= 0) {
          out |= 1L << j;
        }
      }
    }
    if (bigReleases != null) {
      for (int j = bigReleaseStarts[t]; j < bigReleaseStarts[t + 1]; j++) {
        bigLanes[bigReleases[j]] = null;
      }
    }
    return out;
  }

  private void evaluateSum(int s) {
    Circuit c = circuit;
    int from = c.sumStarts[s];
    int to = c.sumStarts[s + 1];
    int base = c.sumBase[s];
    int p = slot[s];
    long[] v = values;
    if (p >= 0) {
      long[] ln = lanes;
      int at = p << 6;
      if (base >= 0) {
        System.arraycopy(ln, slot[base] << 6, ln, at, 64);
      } else {
        Arrays.fill(ln, at, at + 64, 0L);
      }
      long[] weights = c.termWeights.raw();
      int[] nodes = c.termNodes;
      for (int j = from; j < to; j++) {
        long x = v[nodes[j]];
        long w = weights[j];
        while (x != 0) {
          ln[at + Long.numberOfTrailingZeros(x)] += w;
          x &= x - 1;
        }
      }
      return;
    }
    BigInteger[] acc = new BigInteger[64];
    if (base < 0) {
      Arrays.fill(acc, BigInteger.ZERO);
    } else if (slot[base] >= 0) {
      for (int j = 0; j < 64; j++) {
        acc[j] = BigInteger.valueOf(lanes[(slot[base] << 6) + j]);
      }
    } else {
      System.arraycopy(bigLanes[base], 0, acc, 0, 64);
    }
    for (int j = from; j < to; j++) {
      long x = v[c.termNodes[j]];
      BigInteger w = c.termWeights.get(j);
      while (x != 0) {
        int lane = Long.numberOfTrailingZeros(x);
        acc[lane] = acc[lane].add(w);
        x &= x - 1;
      }
    }
    bigLanes[s] = acc;
  }
}
