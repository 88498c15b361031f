package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * One cell of the depth table: a model compiled for one sequence length, its circuit's metrics and
 * the outcome of checking the circuit against the native evaluator, or the reason the model was
 * refused for that length (for example {@code diag-stack} on a non-solvable group).
 *
 * <p>Timing fields are wall-clock milliseconds and are the only fields that vary between runs with
 * the same seed.
 */
public record DepthRow(
    String model,
    ImmutableList<String> layerKinds,
    String strategy,
    int n,
    int depth,
    int thresholdDepth,
    long gates,
    long wires,
    int maxWeightBits,
    int samples,
    long mismatches,
    double accuracy,
    long compileMs,
    long nativeMs,
    long simulateMs,
    Optional<String> refused) {

  public DepthRow {
    checkNotNull(model);
    checkNotNull(layerKinds);
    checkNotNull(strategy);
    checkNotNull(refused);
    checkArgument(n >= 1, "n must be positive: %s", n);
    checkArgument(samples >= 0 && mismatches >= 0, "negative count");
  }

  /** A measured cell. */
  public static DepthRow measured(
      String model,
      List<String> layerKinds,
      String strategy,
      int n,
      int depth,
      int thresholdDepth,
      long gates,
      long wires,
      int maxWeightBits,
      int samples,
      long mismatches,
      double accuracy,
      long compileMs,
      long nativeMs,
      long simulateMs) {
    return new DepthRow(
        model,
        ImmutableList.copyOf(layerKinds),
        strategy,
        n,
        depth,
        thresholdDepth,
        gates,
        wires,
        maxWeightBits,
        samples,
        mismatches,
        accuracy,
        compileMs,
        nativeMs,
        simulateMs,
        Optional.empty());
  }

  /**
   * A refused cell: {@code layerKinds} and {@code strategy} may be empty when the model could not
   * even be built (e.g. no abelian series of the requested length).
   */
  public static DepthRow refused(
      String model, List<String> layerKinds, String strategy, int n, String reason) {
    checkArgument(!reason.isBlank(), "a refusal needs a reason");
    return new DepthRow(
        model, ImmutableList.copyOf(layerKinds), strategy, n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        Optional.of(reason));
  }

  /** Whether this cell was refused rather than measured. */
  public boolean isRefused() {
    return refused.isPresent();
  }

  /**
   * The layer kinds with runs collapsed for people: {@code s4 x10}, {@code selective x2}, {@code
   * ids4}.
   */
  public String layerKindsSummary() {
    return collapseRuns(layerKinds, " + ");
  }

  /** Joins {@code items} with {@code separator}, writing a run of k equal items as "item xk". */
  static String collapseRuns(List<String> items, String separator) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < items.size()) {
      int j = i;
      while (j < items.size() && items.get(j).equals(items.get(i))) {
        j++;
      }
      if (sb.length() > 0) {
        sb.append(separator);
      }
      sb.append(items.get(i));
      if (j - i > 1) {
        sb.append(" x").append(j - i);
      }
      i = j;
    }
    return sb.toString();
  }
}
