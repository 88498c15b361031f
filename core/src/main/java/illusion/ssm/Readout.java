package illusion.ssm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * The finite function after a layer (the paper's MLP; a table lookup in a circuit): it maps the
 * layer's rounded output vector {@code y} (m raw p-bit integers) to a token of the next layer, or to
 * the task's label after the last layer.
 *
 * <p>Representation, chosen to compile to small circuits:
 *
 * <ol>
 *   <li>per channel a modulus {@code m_c >= 1}; channel c is reduced to the residue {@code r_c =
 *       floorMod(y_c, m_c)} (so {@code m_c = 1} ignores the channel and {@code m_c = 2^k} keeps the
 *       low k bits of the two's complement value);
 *   <li>the residues form the mixed-radix index {@code i = r_0 + m_0 (r_1 + m_1 (r_2 + ...))}, i.e.
 *       {@code i = Σ_c r_c · Π_{c' < c} m_c'} (channel 0 least significant);
 *   <li>a sparse table maps indices to tokens in {@code [0, outputVocabulary)}; an index not in the
 *       table maps to {@link #defaultToken()}.
 * </ol>
 *
 * <p>Limits: {@code Π m_c < 2^63} and at most {@link #MAX_ENTRIES} table entries. Entries whose
 * token equals the default are dropped, so equal functions with equal defaults are {@link #equals
 * equal}. Immutable.
 */
public final class Readout {
  /** The most table entries a readout may hold. */
  public static final int MAX_ENTRIES = 1 << 20;

  private final int[] moduli;
  private final int outputVocabulary;
  private final int defaultToken;
  private final long size;
  private final long[] indices; // sorted ascending
  private final int[] tokens;

  private Readout(int[] moduli, int outputVocabulary, int defaultToken, long[] indices, int[] tokens) {
    this.moduli = moduli;
    this.outputVocabulary = outputVocabulary;
    this.defaultToken = defaultToken;
    this.size = indexSpace(moduli);
    this.indices = indices;
    this.tokens = tokens;
  }

  /**
   * A builder for a readout over {@code moduli.length} channels with tokens in {@code [0,
   * outputVocabulary)}; the default token is 0 unless set.
   */
  public static Builder builder(int[] moduli, int outputVocabulary) {
    return new Builder(moduli, outputVocabulary);
  }

  /**
   * The readout that maps every residue tuple {@code r} (each {@code r_c} in {@code [0, m_c)}) to
   * {@code f.applyAsInt(r)}, with the most frequent token (smallest on ties) as the default. The
   * index space {@code Π m_c} must be at most {@code 4 * MAX_ENTRIES}; {@code f} receives a fresh
   * array for every tuple, in increasing index order.
   */
  public static Readout tabulate(int[] moduli, int outputVocabulary, ToIntFunction<int[]> f) {
    checkNotNull(f, "f");
    Builder builder = builder(moduli, outputVocabulary);
    long n = indexSpace(builder.moduli);
    checkArgument(
        n <= 4L * MAX_ENTRIES,
        "a readout over %s residue tuples is too large to tabulate (at most %s)",
        n,
        4L * MAX_ENTRIES);
    int[] values = new int[(int) n];
    int[] counts = new int[outputVocabulary];
    int[] r = new int[builder.moduli.length];
    for (int i = 0; i < n; i++) {
      int t = f.applyAsInt(r.clone());
      checkArgument(
          t >= 0 && t < outputVocabulary,
          "readout token %s for residues %s is outside [0, %s)",
          t,
          Arrays.toString(r),
          outputVocabulary);
      values[i] = t;
      counts[t]++;
      for (int c = 0; c < r.length && ++r[c] == builder.moduli[c]; c++) {
        r[c] = 0;
      }
    }
    int best = 0;
    for (int t = 1; t < outputVocabulary; t++) {
      if (counts[t] > counts[best]) {
        best = t;
      }
    }
    builder.defaultToken(best);
    for (int i = 0; i < n; i++) {
      if (values[i] != best) {
        builder.putIndex(i, values[i]);
      }
    }
    return builder.build();
  }

  /** The number of channels m the readout reads. */
  public int channels() {
    return moduli.length;
  }

  /** The per-channel moduli {@code m_c >= 1}. */
  public int[] moduli() {
    return moduli.clone();
  }

  /** The size of the output vocabulary: tokens are {@code 0 .. outputVocabulary()-1}. */
  public int outputVocabulary() {
    return outputVocabulary;
  }

  /** The token of every index not in the table. */
  public int defaultToken() {
    return defaultToken;
  }

  /** The number {@code Π m_c} of residue tuples (mixed-radix indices). */
  public long indexSpace() {
    return size;
  }

  /** The number of table entries (indices whose token differs from the default). */
  public int entryCount() {
    return indices.length;
  }

  /** The table's indices, ascending; {@code entryTokens()[k]} is the token of index k. */
  public long[] entryIndices() {
    return indices.clone();
  }

  /** The table's tokens, aligned with {@link #entryIndices()}. */
  public int[] entryTokens() {
    return tokens.clone();
  }

  /** The mixed-radix index of a raw output vector: {@code Σ_c floorMod(y_c, m_c) Π_{c'<c} m_c'}. */
  public long index(long[] rawOutput) {
    checkArgument(
        rawOutput.length == moduli.length,
        "readout expects %s channels, got %s",
        moduli.length,
        rawOutput.length);
    long index = 0;
    long weight = 1;
    for (int c = 0; c < moduli.length; c++) {
      index += Math.floorMod(rawOutput[c], moduli[c]) * weight;
      weight *= moduli[c];
    }
    return index;
  }

  /** The residue tuple of an index in {@code [0, indexSpace())}. */
  public int[] residues(long index) {
    checkArgument(index >= 0 && index < size, "index %s outside [0, %s)", index, size);
    int[] r = new int[moduli.length];
    for (int c = 0; c < moduli.length; c++) {
      r[c] = (int) (index % moduli[c]);
      index /= moduli[c];
    }
    return r;
  }

  /** The token of an index. */
  public int token(long index) {
    int k = Arrays.binarySearch(indices, index);
    return k >= 0 ? tokens[k] : defaultToken;
  }

  /** The token for a raw output vector: {@code token(index(rawOutput))}. */
  public int apply(long[] rawOutput) {
    return token(index(rawOutput));
  }

  static long indexSpace(int[] moduli) {
    long n = 1;
    for (int m : moduli) {
      long next = n * m;
      checkArgument(
          m >= 1 && Math.multiplyHigh(n, m) == 0 && next > 0,
          "readout moduli %s: every modulus must be >= 1 and their product below 2^63",
          Arrays.toString(moduli));
      n = next;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Readout)) {
      return false;
    }
    Readout r = (Readout) o;
    return outputVocabulary == r.outputVocabulary
        && defaultToken == r.defaultToken
        && Arrays.equals(moduli, r.moduli)
        && Arrays.equals(indices, r.indices)
        && Arrays.equals(tokens, r.tokens);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(
        new int[] {
          outputVocabulary,
          defaultToken,
          Arrays.hashCode(moduli),
          Arrays.hashCode(indices),
          Arrays.hashCode(tokens)
        });
  }

  @Override
  public String toString() {
    return "readout (moduli "
        + Arrays.toString(moduli)
        + ", "
        + indices.length
        + " entries, default "
        + defaultToken
        + ", vocabulary "
        + outputVocabulary
        + ")";
  }

  /** Collects table entries; a second entry for the same index is an error. */
  public static final class Builder {
    private final int[] moduli;
    private final int outputVocabulary;
    private final long size;
    private int defaultToken;
    private final Long2IntOpenHashMap table = new Long2IntOpenHashMap();

    private Builder(int[] moduli, int outputVocabulary) {
      checkNotNull(moduli, "moduli");
      checkArgument(moduli.length >= 1, "a readout needs at least one channel");
      checkArgument(
          outputVocabulary >= 1,
          "readout output vocabulary must be at least 1, got %s",
          outputVocabulary);
      this.moduli = moduli.clone();
      this.size = indexSpace(this.moduli);
      this.outputVocabulary = outputVocabulary;
    }

    /** Sets the token of indices not in the table (default 0). */
    public Builder defaultToken(int token) {
      checkToken(token, "default token");
      this.defaultToken = token;
      return this;
    }

    /** Maps the residue tuple {@code residues} ({@code residues[c]} in {@code [0, m_c)}) to token. */
    public Builder put(int[] residues, int token) {
      checkArgument(
          residues.length == moduli.length,
          "readout entry %s has %s residues, expected %s (one per channel)",
          Arrays.toString(residues),
          residues.length,
          moduli.length);
      long index = 0;
      long weight = 1;
      for (int c = 0; c < moduli.length; c++) {
        checkArgument(
            residues[c] >= 0 && residues[c] < moduli[c],
            "readout entry %s: residue %s of channel %s is outside [0, %s)",
            Arrays.toString(residues),
            residues[c],
            c,
            moduli[c]);
        index += residues[c] * weight;
        weight *= moduli[c];
      }
      return putIndex(index, token);
    }

    /** Maps the mixed-radix index {@code index} in {@code [0, Π m_c)} to token. */
    public Builder putIndex(long index, int token) {
      checkArgument(index >= 0 && index < size, "readout index %s outside [0, %s)", index, size);
      checkToken(token, "readout token");
      checkArgument(!table.containsKey(index), "readout index %s is given twice", index);
      checkArgument(
          table.size() < MAX_ENTRIES, "readout table has more than %s entries", MAX_ENTRIES);
      table.put(index, token);
      return this;
    }

    private void checkToken(int token, String what) {
      checkArgument(
          token >= 0 && token < outputVocabulary,
          "%s %s is outside the output vocabulary [0, %s)",
          what,
          token,
          outputVocabulary);
    }

    /** Builds the readout. */
    public Readout build() {
      long[] keys =
          table.long2IntEntrySet().stream()
              .filter(e -> e.getIntValue() != defaultToken)
              .mapToLong(e -> e.getLongKey())
              .sorted()
              .toArray();
      int[] values = new int[keys.length];
      for (int k = 0; k < keys.length; k++) {
        values[k] = table.get(keys[k]);
      }
      return new Readout(moduli, outputVocabulary, defaultToken, keys, values);
    }
  }
}
