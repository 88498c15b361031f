package illusion.circuit;

import static com.google.common.base.Preconditions.checkArgument;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bit-parallel simulation of a {@link Circuit}: 64 input assignments per {@code long} (lane j of
 * every word is assignment j), nodes evaluated in id order into one {@code long} per node.
 *
 * <p>AND, OR and NOT are word operations; runs of inputs, of AND or OR gates without complemented
 * fan-ins (split into runs of one fan-in, which step through the fan-in array without reading
 * per-gate offsets), of fan-in-2 AND/OR gates and of wider ones each run in a loop of their own,
 * without a per-node dispatch. MAJ uses a bit-sliced counter. A weighted sum is
 * evaluated once per batch into 64 per-lane {@code long} sums (a prefix sum starts from its base's
 * lanes; a sum of many terms whose words were dense at its previous evaluation is counted
 * bit-sliced instead, in vertical counters, and converted to lanes once), right before the first
 * THRESHOLD gate that reads it; that gate then evaluates every
 * THRESHOLD gate reading the sum at once: the distinct thresholds, sorted, split each lane's value
 * into a rank (by a shift for evenly spaced thresholds such as a thermometer's, else by binary
 * search), each lane sets one bit in the word of its rank, and suffix ORs over the ranks give every
 * gate's word, so k gates over one sum cost O(64 log k + k) rather than 64 k comparisons. Gates
 * over a sum of at most {@value #SMALL_TERMS} term nodes skip the lanes altogether: each is the OR
 * of the minterm words its truth table selects, shared by the group. A sum whose
 * range {@code [sumMin, sumMax]} does not fit in a long (known when the circuit is built, {@link
 * Circuit#sumFitsLong}) is evaluated exactly with {@link BigInteger} lanes.
 *
 * <p>A simulator keeps its working arrays between calls, so it is not thread-safe: use one per
 * thread. Results are deterministic.
 */
public final class Simulator {
  // Segment kinds of the evaluation program.
  private static final byte SEG_GATE2 = 0; // fan-in-2 AND/OR gates
  private static final byte SEG_INPUTS = 1; // consecutive inputs
  private static final byte SEG_GATEN = 3; // AND/OR gates of fan-in 3 or more
  private static final byte SEG_AND_POSITIVE = 4; // AND gates without complemented fan-ins
  private static final byte SEG_OR_POSITIVE = 5; // OR gates without complemented fan-ins
  private static final byte SEG_MIXED = 2; // anything else, dispatched per node

  // Per-node operations in mixed segments (AND and OR gates always run in segments of their own).
  private static final byte OP_NOT = 2;
  private static final byte OP_INPUT = 3;
  private static final byte OP_CONST0 = 4;
  private static final byte OP_CONST1 = 5;
  private static final byte OP_MAJ = 6;
  private static final byte OP_GROUP = 7; // first gate of a threshold group: evaluates the group
  private static final byte OP_SKIP = 8; // a later gate of a threshold group: already written

  private final Circuit circuit;
  private final long[] values;

  /** The program: segment kinds and node ranges {@code [segFrom[k], segFrom[k + 1])}. */
  private final byte[] segKind;
  private final int[] segFrom;
  /** Per segment of positive AND or OR gates: their fan-in when all share it, else 0. */
  private final int[] segFanIn;
  /** Per node: its operation in a mixed segment. */
  private final byte[] ops;
  /** Per node: the input ordinal of an input, the group of a group's first gate. */
  private final int[] arg;

  /** Per threshold group (all THRESHOLD gates reading one sum): the sum. */
  private final int[] groupSum;
  /** Per group: CSR list of sums to evaluate first (the sum and its not yet evaluated bases). */
  private final int[] scheduleStarts;
  private final int[] schedule;
  /** Per group: CSR range of its gates, into {@link #gateNode} and {@link #gateRank}. */
  private final int[] gateStarts;
  private final int[] gateNode;
  /** Per group gate: {@code 2 k + c}: the gate is {@code [s ≥ θ_k]}, complemented when c = 1. */
  private final int[] gateRank;
  /** Per group: CSR range of its distinct sorted thresholds θ_k in {@link #thetas} (long groups). */
  private final int[] thetaStarts;
  private final long[] thetas;
  /** Per group: the shift of evenly spaced thresholds (θ_k = θ_0 + k 2^shift), or -1. */
  private final int[] thetaShift;
  /** Per group: whether it is evaluated exactly (a BigInteger sum or threshold). */
  private final boolean[] groupBig;

  /** Per sum: its lane slot (long sums; slots are shared by sums not live at once) or -1. */
  private final int[] slot;
  private final long[] lanes;
  private final BigInteger[][] bigLanes;
  /** Per BigInteger sum: its term weights, filled at its first evaluation. */
  private final BigInteger[][] bigWeights;
  /** Per group: CSR list of BigInteger sums whose lanes can be dropped after it. */
  private final int[] bigReleaseStarts;
  private final int[] bigReleases;
  private final long[] counter = new long[32];

  /**
   * Per sum: the estimated cost of {@link #addSliced} in operations, or 0 where it does not apply
   * (few terms, or weights too large); compared at run time with {@link #SPARSE_COST_PER_ONE} per
   * one bit in the term words at the sum's previous evaluation, the cost of adding per lane.
   */
  private final long[] slicedCost;
  private final byte[] slicedBitsPos;
  private final byte[] slicedBitsNeg;
  /** Per sum counted either way: the ones in its term words at its last evaluation. */
  private final long[] onesSeen;
  private final long[] slicesPos = new long[64];
  private final long[] slicesNeg = new long[64];

  private static final int SPARSE_COST_PER_ONE = 3;
  /** The fewest gates of one fan-in that make a segment of their own. */
  private static final int MIN_UNIFORM_RUN = 4;

  /** The most term nodes of a sum whose threshold groups are evaluated as Boolean functions. */
  static final int SMALL_TERMS = 5;
  /** Per group: CSR range of its term nodes in {@link #smallNodes} (empty unless small). */
  private final int[] smallStarts;
  private final int[] smallNodes;
  /** Per group gate of a small group: its truth table over the minterms of the term nodes. */
  private final long[] gateTruth;
  private final long[] minterms = new long[1 << SMALL_TERMS];
  private static final int SLICED_MIN_TERMS = 8;
  private final int[] rank = new int[64];
  private long[] rankWords;

  private Simulator(Circuit circuit) {
    this.circuit = circuit;
    int n = circuit.nodeCount();
    this.values = new long[n];
    this.ops = new byte[n];
    this.arg = new int[n];
    byte[] ks = circuit.kinds;
    int[] st = circuit.starts;
    int sums = circuit.sumCount();
    // threshold groups, in order of their first gate
    int[] groupOf = new int[sums];
    Arrays.fill(groupOf, -1);
    IntArrayList groupSums = new IntArrayList();
    int[] readers = new int[sums];
    for (int i = 0; i < n; i++) {
      if (ks[i] == Circuit.K_THRESHOLD) {
        int s = circuit.thresholdSums[circuit.data[st[i]]];
        readers[s]++;
        if (groupOf[s] < 0) {
          groupOf[s] = groupSums.size();
          groupSums.add(s);
          ops[i] = OP_GROUP;
          arg[i] = groupOf[s];
        } else {
          ops[i] = OP_SKIP;
        }
      }
    }
    int groups = groupSums.size();
    this.groupSum = groupSums.toIntArray();
    this.gateStarts = new int[groups + 1];
    for (int g = 0; g < groups; g++) {
      gateStarts[g + 1] = gateStarts[g] + readers[groupSum[g]];
    }
    this.gateNode = new int[gateStarts[groups]];
    int[] fill = Arrays.copyOf(gateStarts, groups);
    for (int i = 0; i < n; i++) {
      if (ks[i] == Circuit.K_THRESHOLD) {
        gateNode[fill[groupOf[circuit.thresholdSums[circuit.data[st[i]]]]]++] = i;
      }
    }
    this.gateRank = new int[gateNode.length];
    this.groupBig = new boolean[groups];
    this.thetaShift = new int[groups];
    this.thetaStarts = new int[groups + 1];
    LongArrayList allThetas = new LongArrayList();
    for (int g = 0; g < groups; g++) {
      prepareGroup(g, allThetas);
      thetaStarts[g + 1] = allThetas.size();
    }
    this.thetas = allThetas.toLongArray();
    // groups over sums of at most SMALL_TERMS distinct nodes become Boolean functions
    this.smallStarts = new int[groups + 1];
    IntArrayList smallNodes = new IntArrayList();
    this.gateTruth = new long[gateNode.length];
    for (int g = 0; g < groups; g++) {
      prepareSmall(g, smallNodes);
      smallStarts[g + 1] = smallNodes.size();
    }
    this.smallNodes = smallNodes.toIntArray();
    // schedule each group's sum (bases first) right before the group
    boolean[] scheduled = new boolean[sums];
    int[] starts = new int[groups + 1];
    int[] order = new int[sums];
    int count = 0;
    int[] chain = new int[16];
    for (int g = 0; g < groups; g++) {
      starts[g] = count;
      int depth = 0;
      for (int s = isSmall(g) ? -1 : groupSum[g]; s >= 0 && !scheduled[s]; s = circuit.sumBase[s]) {
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
    starts[groups] = count;
    this.scheduleStarts = starts;
    this.schedule = Arrays.copyOf(order, count);
    // Lanes live from a sum's evaluation to its last use (its group, or the evaluation of the last
    // sum extending it); slots are reused after that, so memory follows the number of
    // simultaneously live sums, not the number of sums.
    int[] evalAt = new int[sums];
    int[] lastUse = new int[sums];
    Arrays.fill(lastUse, -1);
    for (int g = 0; g < groups; g++) {
      for (int j = starts[g]; j < starts[g + 1]; j++) {
        evalAt[schedule[j]] = g;
      }
      if (!isSmall(g)) {
        lastUse[groupSum[g]] = g;
      }
    }
    for (int s : schedule) {
      int b = circuit.sumBase[s];
      if (b >= 0) {
        lastUse[b] = Math.max(lastUse[b], evalAt[s]);
      }
    }
    int[] releaseStarts = new int[groups + 1];
    for (int s : schedule) {
      releaseStarts[lastUse[s] + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      releaseStarts[g + 1] += releaseStarts[g];
    }
    int[] releases = new int[schedule.length];
    int[] rfill = Arrays.copyOf(releaseStarts, groups);
    for (int s : schedule) {
      releases[rfill[lastUse[s]]++] = s;
    }
    this.slot = new int[sums];
    Arrays.fill(slot, -1);
    IntArrayList free = new IntArrayList();
    int longSlots = 0;
    boolean anyBig = false;
    IntArrayList bigReleaseStarts = new IntArrayList(groups + 1);
    IntArrayList bigReleases = new IntArrayList();
    for (int g = 0; g < groups; g++) {
      for (int j = starts[g]; j < starts[g + 1]; j++) {
        int s = schedule[j];
        if (circuit.sumFitsLong(s)) {
          slot[s] = free.isEmpty() ? longSlots++ : free.popInt();
        } else {
          anyBig = true;
        }
      }
      bigReleaseStarts.add(bigReleases.size());
      for (int j = releaseStarts[g]; j < releaseStarts[g + 1]; j++) {
        int s = releases[j];
        if (slot[s] >= 0) {
          free.push(slot[s]);
        } else {
          bigReleases.add(s);
        }
      }
    }
    bigReleaseStarts.add(bigReleases.size());
    for (int g = 0; g < groups; g++) {
      groupBig[g] |= !isSmall(g) && slot[groupSum[g]] < 0;
    }
    this.lanes = new long[Math.multiplyExact(longSlots, 64)];
    this.slicedCost = new long[sums];
    this.slicedBitsPos = new byte[sums];
    this.slicedBitsNeg = new byte[sums];
    this.onesSeen = new long[sums];
    for (int s = 0; s < sums; s++) {
      prepareSliced(s);
    }
    this.bigLanes = anyBig ? new BigInteger[sums][] : null;
    this.bigWeights = anyBig ? new BigInteger[sums][] : null;
    this.bigReleaseStarts = anyBig ? bigReleaseStarts.toIntArray() : null;
    this.bigReleases = anyBig ? bigReleases.toIntArray() : null;
    // the program: operations per node, and segments
    ByteArrayList segKinds = new ByteArrayList();
    IntArrayList segFroms = new IntArrayList();
    int nextInput = 0;
    for (int i = 0; i < n; i++) {
      byte seg;
      switch (ks[i]) {
        case Circuit.K_AND:
        case Circuit.K_OR:
          boolean two = st[i + 1] - st[i] == 2;
          seg = two ? SEG_GATE2 : SEG_GATEN;
          boolean positive = true;
          for (int j = st[i]; j < st[i + 1]; j++) {
            positive &= circuit.data[j] >= 0;
          }
          if (positive) {
            seg = ks[i] == Circuit.K_AND ? SEG_AND_POSITIVE : SEG_OR_POSITIVE;
          }
          break;
        case Circuit.K_INPUT:
          ops[i] = OP_INPUT;
          arg[i] = nextInput++;
          seg = SEG_INPUTS;
          break;
        case Circuit.K_NOT:
          ops[i] = OP_NOT;
          seg = SEG_MIXED;
          break;
        case Circuit.K_CONST0:
          ops[i] = OP_CONST0;
          seg = SEG_MIXED;
          break;
        case Circuit.K_CONST1:
          ops[i] = OP_CONST1;
          seg = SEG_MIXED;
          break;
        case Circuit.K_MAJ:
          ops[i] = OP_MAJ;
          seg = SEG_MIXED;
          break;
        case Circuit.K_THRESHOLD:
          seg = SEG_MIXED; // OP_GROUP or OP_SKIP, set above
          break;
        default:
          throw new AssertionError("unknown node kind " + ks[i]);
      }
      // short runs of a specialised kind join the surrounding mixed segment
      int k = segKinds.size();
      if (k > 0 && segKinds.getByte(k - 1) == seg) {
        continue;
      }
      segKinds.add(seg);
      segFroms.add(i);
    }
    segFroms.add(n);
    // positive AND/OR segments split into runs of one fan-in (at least MIN_UNIFORM_RUN gates; the
    // gates between such runs stay in segments of mixed fan-ins)
    ByteArrayList kinds = new ByteArrayList();
    IntArrayList froms = new IntArrayList();
    IntArrayList fanIns = new IntArrayList();
    for (int k = 0; k < segKinds.size(); k++) {
      byte kind = segKinds.getByte(k);
      int from = segFroms.getInt(k);
      int to = segFroms.getInt(k + 1);
      if (kind != SEG_AND_POSITIVE && kind != SEG_OR_POSITIVE) {
        kinds.add(kind);
        froms.add(from);
        fanIns.add(0);
        continue;
      }
      int i = from;
      while (i < to) {
        int fanIn = st[i + 1] - st[i];
        int j = i + 1;
        while (j < to && st[j + 1] - st[j] == fanIn) {
          j++;
        }
        boolean uniform = j - i >= MIN_UNIFORM_RUN;
        int last = kinds.size() - 1;
        if (uniform || last < 0 || kinds.getByte(last) != kind || fanIns.getInt(last) != 0) {
          kinds.add(kind);
          froms.add(i);
          fanIns.add(uniform ? fanIn : 0);
        }
        i = j;
      }
    }
    froms.add(n);
    this.segKind = kinds.toByteArray();
    this.segFrom = froms.toIntArray();
    this.segFanIn = fanIns.toIntArray();
  }

  /** Decides whether sum s can be counted bit-sliced, with how many bits, and at what cost. */
  private void prepareSliced(int s) {
    Circuit c = circuit;
    int from = c.sumStarts[s];
    int to = c.sumStarts[s + 1];
    if (slot[s] < 0 || to - from < SLICED_MIN_TERMS) {
      return;
    }
    long[] weights = c.termWeights.raw();
    long posTotal = 0;
    long negTotal = 0;
    long weightBits = 0;
    for (int j = from; j < to; j++) {
      long w = weights[j];
      if (!c.termWeights.isLong(j) || Math.abs(w) >= 1L << 40) {
        return;
      }
      if (w > 0) {
        posTotal += w;
      } else {
        negTotal -= w;
      }
      weightBits += Long.bitCount(Math.abs(w));
      if (posTotal >= 1L << 62 || negTotal >= 1L << 62) {
        return;
      }
    }
    int bp = 64 - Long.numberOfLeadingZeros(posTotal);
    int bn = 64 - Long.numberOfLeadingZeros(negTotal);
    slicedBitsPos[s] = (byte) bp;
    slicedBitsNeg[s] = (byte) bn;
    // ripple carries average a few words per weight bit; the conversion touches 64 lanes per bit
    slicedCost[s] = 8 * weightBits + 3L * 64 * (bp + bn);
  }

  /**
   * Sorts group g's thresholds into distinct values θ_0 < ... < θ_{k-1} (each gate {@code [s ≤ θ]}
   * read as {@code ¬[s ≥ θ + 1]}), and finds whether they are evenly spaced by a power of two.
   */
  private void prepareGroup(int g, LongArrayList allThetas) {
    Circuit c = circuit;
    int from = gateStarts[g];
    int to = gateStarts[g + 1];
    long[] keys = new long[to - from];
    thetaShift[g] = -1;
    for (int j = from; j < to; j++) {
      int t = c.data[c.starts[gateNode[j]]];
      if (!c.thresholdThetas.isLong(t)) {
        groupBig[g] = true;
        return;
      }
      long theta = c.thresholdThetas.getLong(t);
      if (c.thresholdAtMost[t]) {
        if (theta == Long.MAX_VALUE) {
          groupBig[g] = true;
          return;
        }
        theta++;
      }
      keys[j - from] = theta;
    }
    long[] sorted = keys.clone();
    Arrays.sort(sorted);
    int k = 0;
    for (int j = 0; j < sorted.length; j++) {
      if (k == 0 || sorted[j] != sorted[k - 1]) {
        sorted[k++] = sorted[j];
      }
    }
    for (int j = from; j < to; j++) {
      int t = c.data[c.starts[gateNode[j]]];
      int r = Arrays.binarySearch(sorted, 0, k, keys[j - from]);
      gateRank[j] = 2 * r + (c.thresholdAtMost[t] ? 1 : 0);
    }
    int shift = -1;
    if (k >= 2) {
      long step = sorted[1] - sorted[0];
      boolean even = step > 0 && Long.bitCount(step) == 1;
      for (int j = 2; even && j < k; j++) {
        even = sorted[j] - sorted[j - 1] == step;
      }
      // lane values lie in [sumMin, sumMax] and θ_0 in (sumMin, sumMax + 1]: s - θ_0 must fit
      int s = groupSum[g];
      if (even && c.sumFitsLong(s)) {
        long lo = c.sumMin.getLong(s);
        long hi = c.sumMax.getLong(s);
        long a = lo - sorted[0];
        long b = hi - sorted[0];
        if (((lo ^ sorted[0]) & (lo ^ a)) >= 0 && ((hi ^ sorted[0]) & (hi ^ b)) >= 0) {
          shift = Long.numberOfTrailingZeros(step);
        }
      }
    }
    thetaShift[g] = shift;
    for (int j = 0; j < k; j++) {
      allThetas.add(sorted[j]);
    }
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
    final byte[] seg = segKind;
    final int[] bounds = segFrom;
    for (int k = 0; k < seg.length; k++) {
      int from = bounds[k];
      int to = bounds[k + 1];
      switch (seg[k]) {
        case SEG_GATE2:
          gates2(from, to);
          break;
        case SEG_INPUTS:
          System.arraycopy(inputWords, arg[from], values, from, to - from);
          break;
        case SEG_GATEN:
          gatesN(from, to);
          break;
        case SEG_AND_POSITIVE:
          andPositive(from, to, segFanIn[k]);
          break;
        case SEG_OR_POSITIVE:
          orPositive(from, to, segFanIn[k]);
          break;
        default:
          mixed(inputWords, from, to);
      }
    }
  }

  /**
   * A run of fan-in-2 AND/OR gates. One loop for both: a ∨ b = ¬(¬a ∧ ¬b), with m = 0 (AND) or -1
   * (OR) complementing the literals and the result, so mixed runs do not mispredict.
   */
  private void gates2(int from, int to) {
    final byte[] ks = circuit.kinds;
    final int[] d = circuit.data;
    final long[] v = values;
    int f = circuit.starts[from];
    for (int i = from; i < to; i++, f += 2) {
      int m = Circuit.K_AND - ks[i];
      int a = d[f];
      int b = d[f + 1];
      int ma = a >> 31;
      int mb = b >> 31;
      v[i] = ((v[a ^ ma] ^ (ma ^ m)) & (v[b ^ mb] ^ (mb ^ m))) ^ m;
    }
  }

  /**
   * A run of AND gates whose fan-ins are all positive literals, of one fan-in ({@code fanIn > 0})
   * or of several ({@code fanIn = 0}). One fan-in up to 8 is evaluated in straight-line code (a
   * loop over the fan-ins costs more than the gate: its exit mispredicts), larger ones 8 and then 4
   * literals at a time.
   */
  private void andPositive(int from, int to, int fanIn) {
    final int[] d = circuit.data;
    final int[] st = circuit.starts;
    final long[] v = values;
    int f = st[from];
    if (fanIn == 2) {
      for (int i = from; i < to; i++, f += 2) {
        v[i] = v[d[f]] & v[d[f + 1]];
      }
      return;
    }
    if (fanIn == 3) {
      for (int i = from; i < to; i++, f += 3) {
        v[i] = v[d[f]] & v[d[f + 1]] & v[d[f + 2]];
      }
      return;
    }
    if (fanIn == 4) {
      for (int i = from; i < to; i++, f += 4) {
        v[i] = v[d[f]] & v[d[f + 1]] & v[d[f + 2]] & v[d[f + 3]];
      }
      return;
    }
    if (fanIn == 5) {
      for (int i = from; i < to; i++, f += 5) {
        long a = v[d[f]] & v[d[f + 1]] & v[d[f + 2]] & v[d[f + 3]];
        v[i] = a & v[d[f + 4]];
      }
      return;
    }
    if (fanIn == 6) {
      for (int i = from; i < to; i++, f += 6) {
        long a = v[d[f]] & v[d[f + 1]] & v[d[f + 2]] & v[d[f + 3]];
        v[i] = a & v[d[f + 4]] & v[d[f + 5]];
      }
      return;
    }
    if (fanIn == 7) {
      for (int i = from; i < to; i++, f += 7) {
        long a = v[d[f]] & v[d[f + 1]] & v[d[f + 2]] & v[d[f + 3]];
        v[i] = a & v[d[f + 4]] & v[d[f + 5]] & v[d[f + 6]];
      }
      return;
    }
    if (fanIn == 8) {
      for (int i = from; i < to; i++, f += 8) {
        long a = v[d[f]] & v[d[f + 1]] & v[d[f + 2]] & v[d[f + 3]];
        v[i] = a & v[d[f + 4]] & v[d[f + 5]] & v[d[f + 6]] & v[d[f + 7]];
      }
      return;
    }
    if (fanIn > 8) {
      for (int i = from; i < to; i++) {
        int e = f + fanIn;
        long acc = v[d[f]] & v[d[f + 1]] & v[d[f + 2]] & v[d[f + 3]];
        acc &= v[d[f + 4]] & v[d[f + 5]] & v[d[f + 6]] & v[d[f + 7]];
        for (f += 8; f + 4 <= e; f += 4) {
          acc &= v[d[f]] & v[d[f + 1]] & v[d[f + 2]] & v[d[f + 3]];
        }
        for (; f < e; f++) {
          acc &= v[d[f]];
        }
        v[i] = acc;
      }
      return;
    }
    for (int i = from; i < to; i++) {
      int e = st[i + 1];
      long acc = v[d[f]] & v[d[f + 1]];
      for (f += 2; f < e; f++) {
        acc &= v[d[f]];
      }
      v[i] = acc;
    }
  }

  /** A run of OR gates whose fan-ins are all positive literals (see {@link #andPositive}). */
  private void orPositive(int from, int to, int fanIn) {
    final int[] d = circuit.data;
    final int[] st = circuit.starts;
    final long[] v = values;
    int f = st[from];
    if (fanIn == 2) {
      for (int i = from; i < to; i++, f += 2) {
        v[i] = v[d[f]] | v[d[f + 1]];
      }
      return;
    }
    if (fanIn == 3) {
      for (int i = from; i < to; i++, f += 3) {
        v[i] = v[d[f]] | v[d[f + 1]] | v[d[f + 2]];
      }
      return;
    }
    if (fanIn == 4) {
      for (int i = from; i < to; i++, f += 4) {
        v[i] = v[d[f]] | v[d[f + 1]] | v[d[f + 2]] | v[d[f + 3]];
      }
      return;
    }
    if (fanIn == 5) {
      for (int i = from; i < to; i++, f += 5) {
        long a = v[d[f]] | v[d[f + 1]] | v[d[f + 2]] | v[d[f + 3]];
        v[i] = a | v[d[f + 4]];
      }
      return;
    }
    if (fanIn == 6) {
      for (int i = from; i < to; i++, f += 6) {
        long a = v[d[f]] | v[d[f + 1]] | v[d[f + 2]] | v[d[f + 3]];
        v[i] = a | v[d[f + 4]] | v[d[f + 5]];
      }
      return;
    }
    if (fanIn == 7) {
      for (int i = from; i < to; i++, f += 7) {
        long a = v[d[f]] | v[d[f + 1]] | v[d[f + 2]] | v[d[f + 3]];
        v[i] = a | v[d[f + 4]] | v[d[f + 5]] | v[d[f + 6]];
      }
      return;
    }
    if (fanIn == 8) {
      for (int i = from; i < to; i++, f += 8) {
        long a = v[d[f]] | v[d[f + 1]] | v[d[f + 2]] | v[d[f + 3]];
        v[i] = a | v[d[f + 4]] | v[d[f + 5]] | v[d[f + 6]] | v[d[f + 7]];
      }
      return;
    }
    if (fanIn > 8) {
      for (int i = from; i < to; i++) {
        int e = f + fanIn;
        long acc = v[d[f]] | v[d[f + 1]] | v[d[f + 2]] | v[d[f + 3]];
        acc |= v[d[f + 4]] | v[d[f + 5]] | v[d[f + 6]] | v[d[f + 7]];
        for (f += 8; f + 4 <= e; f += 4) {
          acc |= v[d[f]] | v[d[f + 1]] | v[d[f + 2]] | v[d[f + 3]];
        }
        for (; f < e; f++) {
          acc |= v[d[f]];
        }
        v[i] = acc;
      }
      return;
    }
    for (int i = from; i < to; i++) {
      int e = st[i + 1];
      long acc = v[d[f]] | v[d[f + 1]];
      for (f += 2; f < e; f++) {
        acc |= v[d[f]];
      }
      v[i] = acc;
    }
  }

  /** A run of AND/OR gates of fan-in 3 or more (see {@link #gates2}). */
  private void gatesN(int from, int to) {
    final byte[] ks = circuit.kinds;
    final int[] d = circuit.data;
    final int[] st = circuit.starts;
    final long[] v = values;
    int f = st[from];
    for (int i = from; i < to; i++) {
      int m = Circuit.K_AND - ks[i];
      int e = st[i + 1];
      long acc = -1L;
      for (; f < e; f++) {
        int l = d[f] ^ m;
        int sign = l >> 31;
        acc &= v[l ^ sign] ^ sign;
      }
      v[i] = acc ^ m;
    }
  }

  private void mixed(long[] inputWords, int from, int to) {
    final int[] st = circuit.starts;
    final int[] d = circuit.data;
    final long[] v = values;
    final byte[] op = ops;
    for (int i = from; i < to; i++) {
      switch (op[i]) {
        case OP_NOT:
          v[i] = ~v[d[st[i]]];
          break;
        case OP_INPUT:
          v[i] = inputWords[arg[i]];
          break;
        case OP_CONST0:
          v[i] = 0L;
          break;
        case OP_CONST1:
          v[i] = -1L;
          break;
        case OP_MAJ:
          v[i] = majority(v, d, st[i], st[i + 1]);
          break;
        case OP_GROUP:
          group(arg[i]);
          break;
        case OP_SKIP:
          break;
        default:
          throw new AssertionError("unknown operation " + op[i]);
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

  /** Evaluates every THRESHOLD gate of group g (after the sums scheduled for it). */
  private void group(int g) {
    if (isSmall(g)) {
      smallGroup(g);
      return;
    }
    for (int j = scheduleStarts[g]; j < scheduleStarts[g + 1]; j++) {
      evaluateSum(schedule[j]);
    }
    if (groupBig[g]) {
      for (int j = gateStarts[g]; j < gateStarts[g + 1]; j++) {
        int node = gateNode[j];
        values[node] = exactThreshold(circuit.data[circuit.starts[node]]);
      }
      if (bigReleases != null) {
        for (int j = bigReleaseStarts[g]; j < bigReleaseStarts[g + 1]; j++) {
          bigLanes[bigReleases[j]] = null;
        }
      }
      return;
    }
    final long[] ln = lanes;
    final int at = slot[groupSum[g]] << 6;
    final int t0 = thetaStarts[g];
    final int k = thetaStarts[g + 1] - t0;
    final long[] v = values;
    final int[] nodes = gateNode;
    final int[] ranks = gateRank;
    if (k == 1) { // one threshold (one gate, or [s ≥ θ] and [s ≤ θ - 1]): compare directly
      long theta = thetas[t0];
      long word = 0L;
      for (int j = 0; j < 64; j++) {
        word |= (ln[at + j] >= theta ? 1L : 0L) << j;
      }
      for (int j = gateStarts[g]; j < gateStarts[g + 1]; j++) {
        v[nodes[j]] = word ^ -(long) (ranks[j] & 1);
      }
      return;
    }
    // rank of each lane: the number of distinct thresholds θ_k ≤ its value
    final int[] r = rank;
    int shift = thetaShift[g];
    if (shift >= 0) {
      long first = thetas[t0];
      for (int j = 0; j < 64; j++) {
        long q = ((ln[at + j] - first) >> shift) + 1;
        r[j] = (int) Math.max(0, Math.min(k, q));
      }
    } else if (k <= 4) {
      final long[] th = thetas;
      for (int j = 0; j < 64; j++) {
        long x = ln[at + j];
        int c = 0;
        for (int i = 0; i < k; i++) {
          c += x >= th[t0 + i] ? 1 : 0;
        }
        r[j] = c;
      }
    } else {
      final long[] th = thetas;
      int top = Integer.highestOneBit(k);
      for (int j = 0; j < 64; j++) {
        long x = ln[at + j];
        int pos = 0; // th[t0 .. t0 + pos) ≤ x
        for (int step = top; step > 0; step >>>= 1) {
          int np = pos + step;
          if (np <= k && th[t0 + np - 1] <= x) {
            pos = np;
          }
        }
        r[j] = pos;
      }
    }
    // word k' of the lanes with rank > k', by suffix ORs of the per-rank lane bits
    long[] w = rankWords;
    if (w == null || w.length < k + 1) {
      w = rankWords = new long[Math.max(k + 1, 16)];
    }
    Arrays.fill(w, 0, k + 1, 0L);
    for (int j = 0; j < 64; j++) {
      w[r[j]] |= 1L << j;
    }
    long acc = 0L;
    long next = w[k];
    for (int i = k - 1; i >= 0; i--) {
      acc |= next;
      next = w[i];
      w[i] = acc;
    }
    for (int j = gateStarts[g]; j < gateStarts[g + 1]; j++) {
      int code = ranks[j];
      v[nodes[j]] = w[code >>> 1] ^ -(long) (code & 1);
    }
  }

  /**
   * A group over k ≤ {@value #SMALL_TERMS} term nodes: the 2^k minterm words of the terms (built
   * by doubling), then each gate's word is the OR of the minterms its truth table holds.
   */
  private void smallGroup(int g) {
    final long[] v = values;
    final long[] mt = minterms;
    int from = smallStarts[g];
    int k = smallStarts[g + 1] - from;
    mt[0] = -1L;
    for (int i = 0; i < k; i++) {
      long x = v[smallNodes[from + i]];
      int half = 1 << i;
      for (int m = 0; m < half; m++) {
        long w = mt[m];
        mt[m] = w & ~x;
        mt[m + half] = w & x;
      }
    }
    for (int j = gateStarts[g]; j < gateStarts[g + 1]; j++) {
      long truth = gateTruth[j];
      long word = 0L;
      while (truth != 0) {
        word |= mt[Long.numberOfTrailingZeros(truth)];
        truth &= truth - 1;
      }
      v[gateNode[j]] = word;
    }
  }

  private boolean isSmall(int g) {
    return smallStarts[g + 1] > smallStarts[g];
  }

  /**
   * Makes group g a Boolean function of its sum's term nodes when, flattened along the base chain
   * (equal nodes merged), the sum has 1 to {@value #SMALL_TERMS} of them and every weight, partial
   * sum and θ is a long: each gate gets its truth table over the minterms (bit m: the gate's value
   * when term i is 1 exactly for the set bits i of m).
   */
  private void prepareSmall(int g, IntArrayList out) {
    Circuit c = circuit;
    int s = groupSum[g];
    if (c.sumFlatTerms[s] > 4L * SMALL_TERMS || !c.sumFitsLong(s)) {
      return;
    }
    int[] nodes = new int[SMALL_TERMS];
    long[] weights = new long[SMALL_TERMS];
    int k = 0;
    for (int x = s; x >= 0; x = c.sumBase[x]) {
      for (int j = c.sumStarts[x]; j < c.sumStarts[x + 1]; j++) {
        if (!c.termWeights.isLong(j)) {
          return;
        }
        int node = c.termNodes[j];
        int i = 0;
        while (i < k && nodes[i] != node) {
          i++;
        }
        if (i == k) {
          if (k == SMALL_TERMS) {
            return;
          }
          nodes[k++] = node;
        }
        weights[i] += c.termWeights.getLong(j); // no overflow: the sum fits a long
      }
    }
    if (k == 0) {
      return;
    }
    long[] values = new long[1 << k];
    for (int m = 1; m < values.length; m++) {
      int i = Integer.numberOfTrailingZeros(m);
      values[m] = values[m & (m - 1)] + weights[i];
    }
    for (int j = gateStarts[g]; j < gateStarts[g + 1]; j++) {
      int t = c.data[c.starts[gateNode[j]]];
      if (!c.thresholdThetas.isLong(t)) {
        return; // prepared truth tables of earlier gates are ignored: the group is not small
      }
      long theta = c.thresholdThetas.getLong(t);
      boolean atMost = c.thresholdAtMost[t];
      long truth = 0L;
      for (int m = 0; m < values.length; m++) {
        if (atMost ? values[m] <= theta : values[m] >= theta) {
          truth |= 1L << m;
        }
      }
      gateTruth[j] = truth;
    }
    for (int i = 0; i < k; i++) {
      out.add(nodes[i]);
    }
  }

  /** Threshold-table entry t, comparing its sum's lanes (long or BigInteger) exactly with θ. */
  private long exactThreshold(int t) {
    int s = circuit.thresholdSums[t];
    boolean atMost = circuit.thresholdAtMost[t];
    BigInteger theta = circuit.thresholdThetas.get(t);
    int p = slot[s];
    long out = 0L;
    for (int j = 0; j < 64; j++) {
      BigInteger lane = p >= 0 ? BigInteger.valueOf(lanes[(p << 6) + j]) : bigLanes[s][j];
      int cmp = lane.compareTo(theta);
      if (atMost ? cmp <= 0 : cmp >= 0) {
        out |= 1L << j;
      }
    }
    return out;
  }

  /**
   * Adds the terms {@code [from, to)} of sum s to the lanes at {@code at}, counting bit-sliced: the
   * positive and the negative weights each feed a vertical counter (word k holds bit k of every
   * lane's count), a term {@code w x} adding x at each set bit of |w| with a ripple carry, and the
   * counters are then turned into per-lane values. Its cost follows the number of terms and weight
   * bits, not the number of ones in the term words.
   */
  private long addSliced(int s, int from, int to, long[] ln, int at) {
    long[] pos = slicesPos;
    long[] neg = slicesNeg;
    int bp = slicedBitsPos[s];
    int bn = slicedBitsNeg[s];
    Arrays.fill(pos, 0, bp, 0L);
    Arrays.fill(neg, 0, bn, 0L);
    long[] weights = circuit.termWeights.raw();
    int[] nodes = circuit.termNodes;
    long[] v = values;
    long ones = 0;
    for (int j = from; j < to; j++) {
      long x = v[nodes[j]];
      if (x == 0) {
        continue;
      }
      ones += Long.bitCount(x);
      long w = weights[j];
      long[] acc = w > 0 ? pos : neg;
      long mag = Math.abs(w);
      while (mag != 0) {
        long carry = x;
        for (int k = Long.numberOfTrailingZeros(mag); carry != 0; k++) {
          long t = acc[k] & carry;
          acc[k] ^= carry;
          carry = t;
        }
        mag &= mag - 1;
      }
    }
    for (int k = 0; k < bp; k++) {
      long word = pos[k];
      if (word != 0) {
        for (int j = 0; j < 64; j++) {
          ln[at + j] += ((word >>> j) & 1L) << k;
        }
      }
    }
    for (int k = 0; k < bn; k++) {
      long word = neg[k];
      if (word != 0) {
        for (int j = 0; j < 64; j++) {
          ln[at + j] -= ((word >>> j) & 1L) << k;
        }
      }
    }
    return ones;
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
      // count bit-sliced when the ones seen in this sum's term words last time made adding per
      // lane the dearer way
      long sliced = slicedCost[s];
      if (sliced > 0 && SPARSE_COST_PER_ONE * onesSeen[s] > sliced) {
        onesSeen[s] = addSliced(s, from, to, ln, at);
        return;
      }
      long ones = 0;
      for (int j = from; j < to; j++) {
        long x = v[nodes[j]];
        long w = weights[j];
        ones += Long.bitCount(x);
        while (x != 0) {
          ln[at + Long.numberOfTrailingZeros(x)] += w;
          x &= x - 1;
        }
      }
      if (sliced > 0) {
        onesSeen[s] = ones;
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
    BigInteger[] weights = bigWeights[s];
    if (weights == null) { // looked up once: the side table is a hash map
      weights = new BigInteger[to - from];
      for (int j = from; j < to; j++) {
        weights[j - from] = c.termWeights.get(j);
      }
      bigWeights[s] = weights;
    }
    for (int j = from; j < to; j++) {
      long x = v[c.termNodes[j]];
      BigInteger w = weights[j - from];
      while (x != 0) {
        int lane = Long.numberOfTrailingZeros(x);
        acc[lane] = acc[lane].add(w);
        x &= x - 1;
      }
    }
    bigLanes[s] = acc;
  }
}
