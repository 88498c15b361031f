package illusion.compile;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import illusion.tc0.PrefixNetwork;

/**
 * Settings of {@link ModelCompiler}: the parallel prefix network of finite-state layers, weight
 * lowering and its bit bound, the bound on the states a finite-state layer may have, and the size limit checked before
 * anything is built. Immutable; {@link #defaults()} or {@link #builder()}.
 */
public final class CompileOptions {
  /**
   * Bytes of heap a stored wire may take while compiling and simulating (builder tables, the built
   * circuit, the simulator): the default {@link #wireLimit()} is the heap divided by this.
   */
  static final long BYTES_PER_STORED_WIRE = 100;

  /** The default bound on the states of one finite-state channel. */
  public static final int DEFAULT_MAX_STATES = 4096;

  /** The default bit bound of weight lowering. */
  public static final int DEFAULT_MAX_WEIGHT_BITS = 8;

  private static final CompileOptions DEFAULTS = builder().build();

  private final PrefixNetwork prefixNetwork;
  private final boolean lowerWeights;
  private final int maxWeightBits;
  private final int maxStates;
  private final long wireLimit;

  private CompileOptions(Builder b) {
    this.prefixNetwork = b.prefixNetwork;
    this.lowerWeights = b.lowerWeights;
    this.maxWeightBits = b.maxWeightBits;
    this.maxStates = b.maxStates;
    this.wireLimit = b.wireLimit > 0 ? b.wireLimit : defaultWireLimit();
  }

  /** Brent–Kung, no weight lowering, {@link #DEFAULT_MAX_STATES}, the heap-derived wire limit. */
  public static CompileOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The wire limit derived from the heap: {@code Runtime.maxMemory() / 100 bytes}. */
  public static long defaultWireLimit() {
    return Runtime.getRuntime().maxMemory() / BYTES_PER_STORED_WIRE;
  }

  /** The prefix network for finite-state layers. */
  public PrefixNetwork prefixNetwork() {
    return prefixNetwork;
  }

  /**
   * Whether weights above {@link #maxWeightBits()} bits are lowered to small-weight circuits after
   * compiling ({@link illusion.tc0.LowerWeights}).
   */
  public boolean lowerWeights() {
    return lowerWeights;
  }

  /** The most bits a weight may keep when {@link #lowerWeights()} is on. */
  public int maxWeightBits() {
    return maxWeightBits;
  }

  /** The most states one finite-state channel may have before compilation is refused. */
  public int maxStates() {
    return maxStates;
  }

  /**
   * The most stored wires (see {@link SizeEstimate#storedWires()}) a compilation may project; a
   * larger projection is refused before anything is built.
   */
  public long wireLimit() {
    return wireLimit;
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder()
        .prefixNetwork(prefixNetwork)
        .lowerWeights(lowerWeights)
        .maxWeightBits(maxWeightBits)
        .maxStates(maxStates)
        .wireLimit(wireLimit);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CompileOptions)) {
      return false;
    }
    CompileOptions c = (CompileOptions) o;
    return prefixNetwork == c.prefixNetwork
        && lowerWeights == c.lowerWeights
        && maxWeightBits == c.maxWeightBits
        && maxStates == c.maxStates
        && wireLimit == c.wireLimit;
  }

  @Override
  public int hashCode() {
    int h = prefixNetwork.hashCode() * 31 + Boolean.hashCode(lowerWeights);
    h = (h * 31 + maxWeightBits) * 31 + maxStates;
    return h * 31 + Long.hashCode(wireLimit);
  }

  @Override
  public String toString() {
    return String.format(
        "prefix network %s, weight lowering %s, at most %,d states, at most %,d stored wires",
        prefixNetwork.id(),
        lowerWeights ? "to " + maxWeightBits + " bits" : "off",
        maxStates,
        wireLimit);
  }

  /** Builds {@link CompileOptions}; every setter validates its argument. */
  public static final class Builder {
    private PrefixNetwork prefixNetwork = PrefixNetwork.BRENT_KUNG;
    private boolean lowerWeights;
    private int maxWeightBits = DEFAULT_MAX_WEIGHT_BITS;
    private int maxStates = DEFAULT_MAX_STATES;
    private long wireLimit; // 0: derived from the heap at build()

    private Builder() {}

    /** Sets the prefix network for finite-state layers (default Brent–Kung). */
    public Builder prefixNetwork(PrefixNetwork network) {
      this.prefixNetwork = checkNotNull(network, "prefix network");
      return this;
    }

    /** Turns weight lowering on or off (default off). */
    public Builder lowerWeights(boolean on) {
      this.lowerWeights = on;
      return this;
    }

    /** Sets the bit bound of weight lowering (default 8, at least 2); see {@link #lowerWeights}. */
    public Builder maxWeightBits(int bits) {
      checkArgument(bits >= 2, "weights can be lowered to 2 bits at least, not %s", bits);
      this.maxWeightBits = bits;
      return this;
    }

    /** Sets the bound on the states of a finite-state channel (default 4096). */
    public Builder maxStates(int maxStates) {
      checkArgument(maxStates >= 1, "the state bound must be at least 1, got %s", maxStates);
      this.maxStates = maxStates;
      return this;
    }

    /** Sets the limit on projected stored wires (default: derived from the heap). */
    public Builder wireLimit(long wireLimit) {
      checkArgument(wireLimit >= 1, "the wire limit must be at least 1, got %s", wireLimit);
      this.wireLimit = wireLimit;
      return this;
    }

    /** The options. */
    public CompileOptions build() {
      return new CompileOptions(this);
    }
  }
}
