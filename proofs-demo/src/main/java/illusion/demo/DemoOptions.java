package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The options of a demo run: the seed (every demo is deterministic for it) and the optional
 * parameters some demos take. Immutable.
 */
public final class DemoOptions {
  /** The optional parameters; a demo lists those it reads in {@link Demo#accepts()}. */
  public enum Option {
    /** {@code --length}: the word length (or sequence length n). */
    LENGTH("--length"),
    /** {@code --formula}: the Boolean formula of the Barrington demo. */
    FORMULA("--formula");

    private final String flag;

    Option(String flag) {
      this.flag = flag;
    }

    /** The command-line flag. */
    public String flag() {
      return flag;
    }
  }

  private final long seed;
  private final Integer length;
  private final String formula;

  private DemoOptions(long seed, Integer length, String formula) {
    this.seed = seed;
    this.length = length;
    this.formula = formula;
  }

  /** Options with only a seed. */
  public static DemoOptions seed(long seed) {
    return new DemoOptions(seed, null, null);
  }

  /** A copy with the word length set. */
  public DemoOptions withLength(int length) {
    return new DemoOptions(seed, length, formula);
  }

  /** A copy with the formula set. */
  public DemoOptions withFormula(String formula) {
    return new DemoOptions(seed, length, formula);
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The word length, if given. */
  public OptionalInt length() {
    return length == null ? OptionalInt.empty() : OptionalInt.of(length);
  }

  /** The formula, if given. */
  public Optional<String> formula() {
    return Optional.ofNullable(formula);
  }

  /** The options that were given. */
  Set<Option> given() {
    EnumSet<Option> given = EnumSet.noneOf(Option.class);
    if (length != null) {
      given.add(Option.LENGTH);
    }
    if (formula != null) {
      given.add(Option.FORMULA);
    }
    return given;
  }

  /**
   * The word length, or {@code defaultLength} when none was given.
   *
   * @throws IllegalArgumentException when the given length is outside {@code min..max}
   */
  int length(int defaultLength, int min, int max) {
    int n = length == null ? defaultLength : length;
    checkArgument(n >= min && n <= max, "--length %s is outside %s..%s", n, min, max);
    return n;
  }
}
