package illusion.verify;

import com.google.common.collect.ImmutableList;
import illusion.ssm.LayerKind;
import java.util.Optional;

/**
 * The outcome of an {@link ExactnessCheck}: how many (model, token sequence) cases were compared
 * bit for bit, how many disagreed, what was refused or too large, the coverage of kinds,
 * precisions and lengths, the time taken, and the first failure shrunk to a small {@link
 * Counterexample}. Immutable.
 */
public final class ExactnessReport {
  /** The tally of one layer kind (the kind of the models' first layer). */
  public static final class KindTally {
    private final LayerKind kind;
    private final long models;
    private final long cases;
    private final long mismatches;
    private final long failedModels;
    private final long refused;
    private final String firstRefusal;

    KindTally(
        LayerKind kind,
        long models,
        long cases,
        long mismatches,
        long failedModels,
        long refused,
        String firstRefusal) {
      this.kind = kind;
      this.models = models;
      this.cases = cases;
      this.mismatches = mismatches;
      this.failedModels = failedModels;
      this.refused = refused;
      this.firstRefusal = firstRefusal;
    }

    public LayerKind kind() {
      return kind;
    }

    /** Models compiled and checked. */
    public long models() {
      return models;
    }

    /** Cases (model, sequence) compared. */
    public long cases() {
      return cases;
    }

    /** Cases on which circuit and native evaluator disagreed (crashed models count all cases). */
    public long mismatches() {
      return mismatches;
    }

    /** Models whose compilation or simulation crashed or timed out. */
    public long failedModels() {
      return failedModels;
    }

    /** Models the compiler refused (a layer it cannot compile). */
    public long refused() {
      return refused;
    }

    /** The compiler's reason for the first refusal, if any. */
    public Optional<String> firstRefusal() {
      return Optional.ofNullable(firstRefusal);
    }
  }

  private final long seed;
  private final long cases;
  private final long mismatches;
  private final long models;
  private final long crashes;
  private final long timeouts;
  private final long refused;
  private final long resampled;
  private final ImmutableList<KindTally> kinds;
  private final int minBits;
  private final int maxBits;
  private final int distinctPrecisions;
  private final int minLength;
  private final int maxLength;
  private final long stackedModels;
  private final long lastOnlyModels;
  private final long nanos;
  private final Counterexample original;
  private final Counterexample counterexample;
  private final int shrinkSteps;

  ExactnessReport(
      long seed,
      long cases,
      long mismatches,
      long models,
      long crashes,
      long timeouts,
      long refused,
      long resampled,
      ImmutableList<KindTally> kinds,
      int minBits,
      int maxBits,
      int distinctPrecisions,
      int minLength,
      int maxLength,
      long stackedModels,
      long lastOnlyModels,
      long nanos,
      Counterexample original,
      Counterexample counterexample,
      int shrinkSteps) {
    this.seed = seed;
    this.cases = cases;
    this.mismatches = mismatches;
    this.models = models;
    this.crashes = crashes;
    this.timeouts = timeouts;
    this.refused = refused;
    this.resampled = resampled;
    this.kinds = kinds;
    this.minBits = minBits;
    this.maxBits = maxBits;
    this.distinctPrecisions = distinctPrecisions;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.stackedModels = stackedModels;
    this.lastOnlyModels = lastOnlyModels;
    this.nanos = nanos;
    this.original = original;
    this.counterexample = counterexample;
    this.shrinkSteps = shrinkSteps;
  }

  /** The seed every case derives from. */
  public long seed() {
    return seed;
  }

  /** The number of (model, token sequence) cases compared. */
  public long cases() {
    return cases;
  }

  /** The number of cases that disagreed or whose model crashed or timed out; 0 for a pass. */
  public long mismatches() {
    return mismatches;
  }

  /** Whether every case agreed and nothing crashed or timed out. */
  public boolean passed() {
    return mismatches == 0 && crashes == 0 && timeouts == 0;
  }

  /** The number of models compiled and checked. */
  public long models() {
    return models;
  }

  /** Models whose compilation or simulation threw an unexpected exception. */
  public long crashes() {
    return crashes;
  }

  /** Models whose compilation and simulation exceeded the time limit. */
  public long timeouts() {
    return timeouts;
  }

  /** Models the compiler refused (counted per kind in {@link #kinds()}). */
  public long refused() {
    return refused;
  }

  /** Random models redrawn because their projected circuit exceeded the per-model budget. */
  public long resampled() {
    return resampled;
  }

  /** Per layer kind, in {@link LayerKind} order. */
  public ImmutableList<KindTally> kinds() {
    return kinds;
  }

  /** The narrowest precision checked, in bits (0 when nothing was checked). */
  public int minBits() {
    return minBits;
  }

  /** The widest precision checked, in bits. */
  public int maxBits() {
    return maxBits;
  }

  /** The number of distinct (bits, fraction bits) pairs checked. */
  public int distinctPrecisions() {
    return distinctPrecisions;
  }

  /** The shortest sequence length checked. */
  public int minLength() {
    return minLength;
  }

  /** The longest sequence length checked. */
  public int maxLength() {
    return maxLength;
  }

  /** Models with two layers (a readout feeding a layer). */
  public long stackedModels() {
    return stackedModels;
  }

  /** Models compiled with outputs at the last position only. */
  public long lastOnlyModels() {
    return lastOnlyModels;
  }

  /** Wall-clock time of the whole check, shrinking included, in nanoseconds. */
  public long nanos() {
    return nanos;
  }

  /** The first failure as found, before shrinking. */
  public Optional<Counterexample> original() {
    return Optional.ofNullable(original);
  }

  /** The first failure, shrunk. */
  public Optional<Counterexample> counterexample() {
    return Optional.ofNullable(counterexample);
  }

  /** The number of simplifications the shrinker kept. */
  public int shrinkSteps() {
    return shrinkSteps;
  }
}
