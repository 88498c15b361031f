package illusion.compile;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;

import illusion.circuit.CircuitBuilder;
import illusion.number.Precision;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * One rounded output channel at one position, {@code y = sat_p(floor(2^f v))}, held in a circuit as
 * its thermometer code: {@code y} is known to lie in {@code [min, max]}, and for every {@code v} in
 * {@code (min, max]} a literal {@code [y ≥ v]}. The two's complement bits, residues mod m and any
 * other threshold of {@code y} are built from the thermometer on demand, one gate each at depth one
 * above it (the code is monotone, so an alternating sum of its literals is 0 or 1).
 *
 * <p>An output that a readout reads only modulo m may instead be held as its one-hot residue
 * literals alone ({@link #ofResidues}); then only {@link #residues} with a divisor of m is defined.
 *
 * <p>Valid only with the builder that made its literals.
 */
final class RoundedOutput {
  private final Precision precision;
  private final long min;
  private final long max;
  /** {@code levels[k] = [y ≥ min + 1 + k]}, {@code k < max - min}; null when held by residues. */
  private final int[] levels;

  /** The modulus and the one-hot residue literals of an output held by residues. */
  private final int modulus;

  private final int[] residueLiterals;
  private final int one;

  private RoundedOutput(
      Precision precision,
      long min,
      long max,
      int[] levels,
      int modulus,
      int[] residueLiterals,
      int one) {
    this.precision = precision;
    this.min = min;
    this.max = max;
    this.levels = levels;
    this.modulus = modulus;
    this.residueLiterals = residueLiterals;
    this.one = one;
  }

  /**
   * A thermometer code: the raw output lies in {@code [min, max]} (within the precision's range)
   * and {@code levels[k]} is the literal {@code [y ≥ min + 1 + k]}, for {@code k < max - min}.
   */
  static RoundedOutput ofThermometer(
      CircuitBuilder b, Precision precision, long min, long max, int[] levels) {
    checkRange(precision, min, max);
    checkArgument(
        levels.length == max - min,
        "a thermometer over [%s, %s] needs %s levels, got %s",
        min,
        max,
        max - min,
        levels.length);
    return new RoundedOutput(precision, min, max, levels.clone(), 0, null, b.constant(true));
  }

  /**
   * An output in {@code [min, max]} held only as its residue modulo {@code modulus}: {@code
   * residues[r]} is the literal {@code [floorMod(y, modulus) = r]}. Thresholds and bits of it are
   * not available; {@link #residues} is, for divisors of {@code modulus}.
   */
  static RoundedOutput ofResidues(
      CircuitBuilder b, Precision precision, long min, long max, int[] residues) {
    checkRange(precision, min, max);
    checkArgument(residues.length >= 1, "a residue vector needs a modulus of at least 1");
    return new RoundedOutput(
        precision, min, max, null, residues.length, residues.clone(), b.constant(true));
  }

  private static void checkRange(Precision precision, long min, long max) {
    checkArgument(
        precision.fits(min) && precision.fits(max) && min <= max,
        "output range [%s, %s] is not within %s",
        min,
        max,
        precision);
  }

  /** The constant output {@code raw}. */
  static RoundedOutput constant(CircuitBuilder b, Precision precision, long raw) {
    return ofThermometer(b, precision, raw, raw, new int[0]);
  }

  Precision precision() {
    return precision;
  }

  /** The least value the output can take. */
  long min() {
    return min;
  }

  /** The greatest value the output can take. */
  long max() {
    return max;
  }

  /** The number of non-constant thermometer literals, {@code max - min}; 0 if held by residues. */
  int levelCount() {
    return levels == null ? 0 : levels.length;
  }

  private void checkThermometer(String what) {
    if (levels == null) {
      throw new IllegalStateException(
          "an output held modulo " + modulus + " has no " + what + " (only its residues)");
    }
  }

  /** The literal {@code [y ≥ v]}: a thermometer literal, or a constant outside {@code (min, max]}. */
  int atLeast(long v) {
    checkThermometer("thresholds");
    if (v <= min) {
      return one;
    }
    if (v > max) {
      return ~one;
    }
    return levels[(int) (v - min - 1)];
  }

  /**
   * Bit {@code i} (0 = least significant) of the p-bit two's complement output. The sign bit is
   * {@code ¬[y ≥ 0]}; a lower bit i is {@code Σ_{m ≥ 1} (-1)^{m+1} [y + 2^{p-1} ≥ m 2^i]}, one
   * threshold gate with weights ±1 over the thermometer.
   */
  int bit(CircuitBuilder b, int i) {
    int p = precision.bits();
    checkElementIndex(i, p, "bit");
    checkThermometer("bits");
    if (i == p - 1) {
      return ~atLeast(0);
    }
    long base = precision.minRaw();
    long step = 1L << i;
    IntArrayList lits = new IntArrayList();
    LongArrayList weights = new LongArrayList();
    // the terms with v = base + m step <= min are constants [y >= v] = 1: the first `below` of
    // them, with alternating signs +1 -1 +1 ..., sum to below mod 2 (no loop over 2^(p-1-i) m's)
    long below = (min - base) >>> i;
    long constant = below & 1;
    for (long m = below + 1; ; m++) {
      long v = base + m * step;
      if (v > max || v > precision.maxRaw()) {
        break;
      }
      lits.add(atLeast(v));
      weights.add((m & 1) == 1 ? 1 : -1);
    }
    return alternatingSum(b, lits, weights, constant);
  }

  /** All p bits of the output, least significant first. */
  int[] bits(CircuitBuilder b) {
    int[] bits = new int[precision.bits()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = bit(b, i);
    }
    return bits;
  }

  /**
   * The literal {@code [floorMod(y, m) = r]}: {@code Σ_{v ≡ r} ([y ≥ v] - [y ≥ v+1])} as one
   * threshold gate over the thermometer.
   */
  int residue(CircuitBuilder b, int m, int r) {
    checkArgument(m >= 1 && r >= 0 && r < m, "residue %s mod %s", r, m);
    if (levels == null) {
      return residues(b, m)[r];
    }
    long constant = Math.floorMod(min, m) == r ? 1 : 0; // [y ≥ min] = 1
    IntArrayList lits = new IntArrayList();
    LongArrayList weights = new LongArrayList();
    for (long v = min + 1; v <= max; v++) {
      long w = (Math.floorMod(v, m) == r ? 1 : 0) - (Math.floorMod(v - 1, m) == r ? 1 : 0);
      if (w != 0) {
        lits.add(atLeast(v));
        weights.add(w);
      }
    }
    return alternatingSum(b, lits, weights, constant);
  }

  /**
   * All residue literals {@code [floorMod(y, m) = r]}, r < m, in one pass over the thermometer
   * (each level enters the indicator of its own residue with +1 and of the previous one with -1).
   */
  int[] residues(CircuitBuilder b, int m) {
    checkArgument(m >= 1, "modulus %s", m);
    if (levels == null) {
      return heldResidues(b, m);
    }
    IntArrayList[] lits = new IntArrayList[m];
    LongArrayList[] weights = new LongArrayList[m];
    for (int r = 0; r < m; r++) {
      lits[r] = new IntArrayList();
      weights[r] = new LongArrayList();
    }
    if (m > 1) {
      for (long v = min + 1; v <= max; v++) {
        int up = (int) Math.floorMod(v, (long) m);
        int down = up == 0 ? m - 1 : up - 1;
        int g = atLeast(v);
        lits[up].add(g);
        weights[up].add(1);
        lits[down].add(g);
        weights[down].add(-1);
      }
    }
    int first = (int) Math.floorMod(min, (long) m);
    int[] out = new int[m];
    for (int r = 0; r < m; r++) {
      out[r] = alternatingSum(b, lits[r], weights[r], r == first ? 1 : 0);
    }
    return out;
  }

  /** The residues mod a divisor m of the held modulus: ORs of the held residue literals. */
  private int[] heldResidues(CircuitBuilder b, int m) {
    if (m == modulus) {
      return residueLiterals.clone();
    }
    if (modulus % m != 0) {
      throw new IllegalStateException(
          "an output held modulo " + modulus + " has no residues modulo " + m);
    }
    int[] out = new int[m];
    int[] lits = new int[modulus / m];
    for (int r = 0; r < m; r++) {
      for (int k = 0; k < lits.length; k++) {
        lits[k] = residueLiterals[r + k * m];
      }
      out[r] = lits.length == 1 ? lits[0] : b.or(lits);
    }
    return out;
  }

  /**
   * The literal {@code [Σ w_k l_k + constant ≥ 1]} for a sum known to be 0 or 1; a single literal
   * or a constant needs no gate.
   */
  private int alternatingSum(
      CircuitBuilder b, IntArrayList lits, LongArrayList weights, long constant) {
    if (lits.isEmpty()) {
      return constant >= 1 ? one : ~one;
    }
    if (lits.size() == 1) {
      long w = weights.getLong(0);
      boolean at0 = constant >= 1;
      boolean at1 = constant + w >= 1;
      if (at0 == at1) {
        return at0 ? one : ~one;
      }
      return at1 ? lits.getInt(0) : ~lits.getInt(0);
    }
    return b.threshold(weights.toLongArray(), lits.toIntArray(), 1 - constant);
  }

  @Override
  public String toString() {
    return levels == null
        ? "rounded output in [" + min + ", " + max + "] held modulo " + modulus
        : "rounded output in [" + min + ", " + max + "] (" + levels.length + " levels)";
  }
}
