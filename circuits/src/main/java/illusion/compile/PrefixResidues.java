package illusion.compile;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.primitives.Longs;
import illusion.circuit.CircuitBuilder;
import illusion.tc0.SumModulo;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.BitSet;

/**
 * Residues of prefix sums over one-hot choices, the counters of a {@code diag-stack} layer read
 * only modulo K: for positions {@code 0 .. n-1} each holding a choice σ_i (literals of which exactly
 * one is true), the one-hot vectors
 *
 * <pre>
 *   [ c + Σ_{i < t} w(σ_i) + u(σ_t) ≡ r (mod K) ],   r = 0 .. K-1,
 * </pre>
 *
 * at the requested positions t. Building every prefix sum and reading its residue off a thermometer
 * (Thm 4.4's output stage) costs {@code Θ(t)} cuts per position, {@code Θ(n^2)} in all; here the
 * positions are cut into blocks of B, and
 *
 * <ol>
 *   <li>each block's residue is read off its own sum ({@link SumModulo}, depth 2),
 *   <li>the residue of the blocks before block J off the sum {@code Σ_{j < J} Σ_r r [R_j = r]} of
 *       those one-hot residues (depth 4),
 *   <li>the residue at t off {@code Σ_r r [P_J = r]} plus the terms of block J up to t (depth 6),
 * </ol>
 *
 * so every sum read has at most about {@code max(B, n/B) K} values. Weights are reduced mod K first
 * and shifted so that the least choice weighs 0, which keeps each range tight. The block size is
 * chosen to minimize the projected stored wires ({@code B ≈ n^{1/3}} for outputs at every position,
 * one block when only the last position is read). Depth 6 for every n: iterated addition modulo K
 * is in TC0 (Hesse, Allender, Barrington; here the plain two-level form).
 */
final class PrefixResidues {
  private final int modulus;
  /** Reduced weights shifted to start at 0: {@code w'(σ) = (w(σ) mod K) - wLo}. */
  private final long[] w;

  private final long[] u;
  private final long wLo;
  private final long uLo;
  private final long constant;
  /** The largest shifted weight of a prefix term and of the last term. */
  private final long wSpan;

  private final long uSpan;
  private final int wTerms;
  private final int uTerms;
  private final BitSet positions;
  private final int block;
  private final SizeEstimate size;

  private PrefixResidues(
      long[] prefixWeights, long[] lastWeights, long constant, int modulus, BitSet positions) {
    checkArgument(modulus >= 2, "modulus must be at least 2, got %s", modulus);
    checkArgument(
        prefixWeights.length == lastWeights.length && prefixWeights.length > 0,
        "%s prefix weights, %s last weights",
        prefixWeights.length,
        lastWeights.length);
    this.modulus = modulus;
    long[] wr = reduce(prefixWeights, modulus);
    long[] ur = reduce(lastWeights, modulus);
    this.wLo = Longs.min(wr);
    this.uLo = Longs.min(ur);
    this.w = shift(wr, wLo);
    this.u = shift(ur, uLo);
    this.wSpan = Longs.max(w);
    this.uSpan = Longs.max(u);
    this.wTerms = nonZeros(w);
    this.uTerms = nonZeros(u);
    this.constant = Math.floorMod(constant, (long) modulus);
    this.positions = (BitSet) positions.clone();
    int last = positions.length() - 1;
    int best = Math.max(1, last + 1);
    SizeEstimate bestSize = estimate(best);
    for (int b = 1; b <= Math.min(last, 1024); b++) {
      SizeEstimate s = estimate(b);
      if (s.storedWires() < bestSize.storedWires()) {
        best = b;
        bestSize = s;
      }
    }
    this.block = best;
    this.size = bestSize;
  }

  /**
   * The plan for the residues mod {@code modulus} of {@code c + Σ_{i<t} w(σ_i) + u(σ_t)} at every
   * position in {@code positions}; {@code prefixWeights[σ] = w(σ)}, {@code lastWeights[σ] =
   * u(σ)}.
   */
  static PrefixResidues of(
      long[] prefixWeights, long[] lastWeights, long constant, int modulus, BitSet positions) {
    return new PrefixResidues(prefixWeights, lastWeights, constant, modulus, positions);
  }

  /** The block size chosen. */
  int blockSize() {
    return block;
  }

  /** The projected size of {@link #build}. */
  SizeEstimate estimate() {
    return size;
  }

  /**
   * Builds the residues: {@code result[t][r]} is the literal {@code [value_t ≡ r (mod K)]} for t
   * in the positions (other rows null); {@code choices[i]} are the one-hot literals of position i,
   * indexed like the weights, for every i up to the last position.
   */
  int[][] build(CircuitBuilder b, int[][] choices) {
    int last = positions.length() - 1;
    int[][] out = new int[last + 1][];
    if (last < 0) {
      return out;
    }
    int lastBlock = last / block;
    // 1. the residue of each block before the last, rotated by the shifts' constant
    int[][] blockResidue = new int[lastBlock][];
    for (int j = 0; j < lastBlock; j++) {
      CircuitBuilder.Sum s = terms(b, null, choices, j * block, (j + 1) * block, w);
      blockResidue[j] =
          rotate(b, residues(b, s, (long) block * wSpan), (long) block * wLo);
    }
    // 2. the residue of all blocks before J, at the blocks that hold a position
    CircuitBuilder.Sum before = null;
    int[] prefix = null;
    int t = positions.nextSetBit(0);
    for (int j = 0; j <= lastBlock && t >= 0; j++) {
      if (j > 0) {
        before = oneHot(b, before, blockResidue[j - 1]);
        if (t < (j + 1) * block) {
          prefix = residues(b, before, (long) j * (modulus - 1));
        }
      }
      if (t >= (j + 1) * block) {
        continue; // no position in block j
      }
      // 3. the positions of block j
      CircuitBuilder.Sum chain = j > 0 ? oneHot(b, null, prefix) : null;
      long chainSpan = j > 0 ? modulus - 1 : 0;
      int from = j * block;
      for (; t >= 0 && t < (j + 1) * block; t = positions.nextSetBit(t + 1)) {
        chain = terms(b, chain, choices, from, t, w);
        chainSpan += (t - from) * wSpan;
        from = t;
        CircuitBuilder.Sum at = terms(b, chain, choices, t, t + 1, u);
        long offset = constant + (t - (long) j * block) * wLo + uLo;
        out[t] = rotate(b, residues(b, at, chainSpan + uSpan), offset);
      }
    }
    return out;
  }

  /** {@code base + Σ_{i ∈ [from, to)} weight(σ_i)}; {@code base} when there is nothing to add. */
  private static CircuitBuilder.Sum terms(
      CircuitBuilder b, CircuitBuilder.Sum base, int[][] choices, int from, int to, long[] weight) {
    IntArrayList lits = new IntArrayList();
    LongArrayList ws = new LongArrayList();
    for (int i = from; i < to; i++) {
      for (int s = 0; s < weight.length; s++) {
        if (weight[s] != 0) {
          lits.add(choices[i][s]);
          ws.add(weight[s]);
        }
      }
    }
    return extend(b, base, ws.toLongArray(), lits.toIntArray());
  }

  /** {@code base + Σ_r r [x = r]} over a one-hot residue vector. */
  private static CircuitBuilder.Sum oneHot(CircuitBuilder b, CircuitBuilder.Sum base, int[] lits) {
    long[] ws = new long[lits.length - 1];
    int[] ls = new int[lits.length - 1];
    for (int r = 1; r < lits.length; r++) {
      ws[r - 1] = r;
      ls[r - 1] = lits[r];
    }
    return extend(b, base, ws, ls);
  }

  private static CircuitBuilder.Sum extend(
      CircuitBuilder b, CircuitBuilder.Sum base, long[] ws, int[] lits) {
    if (lits.length == 0 && base != null) {
      return base;
    }
    return base == null ? b.sum(ws, lits) : b.extend(base, ws, lits);
  }

  /** The one-hot residue of a sum with values in {@code [0, span]} (constants when span = 0). */
  private int[] residues(CircuitBuilder b, CircuitBuilder.Sum s, long span) {
    return SumModulo.residues(b, s, 0, span, modulus);
  }

  /** The one-hot residue of {@code x + offset} from that of x. */
  private int[] rotate(CircuitBuilder b, int[] x, long offset) {
    int k = (int) Math.floorMod(offset, (long) modulus);
    int[] out = new int[modulus];
    for (int r = 0; r < modulus; r++) {
      out[(r + k) % modulus] = x[r];
    }
    return out;
  }

  /**
   * The projected size with blocks of {@code b}: cuts (one threshold gate per value a sum read can
   * exceed), residue gates, stored sum terms and the residue gates' fan-in.
   */
  private SizeEstimate estimate(int b) {
    int last = positions.length() - 1;
    if (last < 0) {
      return SizeEstimate.ZERO;
    }
    int lastBlock = last / b;
    long k = modulus;
    long gates = 0;
    long wires = 0;
    long stored = 0;
    long blockCuts = (long) b * wSpan;
    long blockTerms = (long) b * wTerms;
    gates = SizeEstimate.add(gates, lastBlock * (blockCuts + k));
    wires = SizeEstimate.add(wires, SizeEstimate.mul(lastBlock, blockCuts * (blockTerms + 2)));
    stored = SizeEstimate.add(stored, lastBlock * (3 * blockCuts + blockTerms + k));
    int t = positions.nextSetBit(0);
    for (int j = 0; j <= lastBlock && t >= 0; j++) {
      if (j > 0) {
        stored = SizeEstimate.add(stored, k - 1); // the sum over blocks extends by one vector
        if (t < (j + 1) * b) {
          long cuts = j * (k - 1);
          long terms = j * (k - 1);
          gates = SizeEstimate.add(gates, cuts + k);
          wires = SizeEstimate.add(wires, SizeEstimate.mul(cuts, terms + 2));
          // its residues, and the block's chain starting from their one-hot vector
          stored = SizeEstimate.add(stored, 3 * cuts + k + k - 1);
        }
      }
      long from = (long) j * b;
      for (; t >= 0 && t < (j + 1) * b; t = positions.nextSetBit(t + 1)) {
        long within = t - (long) j * b;
        long cuts = (j > 0 ? k - 1 : 0) + within * wSpan + uSpan;
        long terms = (j > 0 ? k - 1 : 0) + within * wTerms + uTerms;
        gates = SizeEstimate.add(gates, cuts + k);
        wires = SizeEstimate.add(wires, SizeEstimate.mul(cuts, terms + 2));
        // the chain extends by the terms since the previous position of the block
        long extension = SizeEstimate.mul(t - from, wTerms);
        stored = SizeEstimate.add(stored, SizeEstimate.add(3 * cuts + uTerms + k, extension));
        from = t;
      }
    }
    return SizeEstimate.of(gates, wires, stored);
  }

  private static long[] reduce(long[] v, int modulus) {
    long[] r = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.floorMod(v[i], (long) modulus);
    }
    return r;
  }

  private static long[] shift(long[] v, long by) {
    long[] r = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = v[i] - by;
    }
    return r;
  }

  private static int nonZeros(long[] v) {
    int k = 0;
    for (long x : v) {
      k += x != 0 ? 1 : 0;
    }
    return k;
  }
}
