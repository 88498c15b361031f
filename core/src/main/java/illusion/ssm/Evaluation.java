package illusion.ssm;

import static com.google.common.base.Preconditions.checkElementIndex;

/**
 * The labels a model produced on a batch of sequences, with the throughput of the native
 * evaluator.
 */
public final class Evaluation {
  private final int[][] labels;
  private final long tokens;
  private final long nanos;

  Evaluation(int[][] labels, long tokens, long nanos) {
    this.labels = labels;
    this.tokens = tokens;
    this.nanos = nanos;
  }

  /** The number of sequences. */
  public int sequences() {
    return labels.length;
  }

  /** The labels of sequence {@code i} at every position. */
  public int[] labels(int i) {
    checkElementIndex(i, labels.length, "sequence");
    return labels[i].clone();
  }

  /** The total number of input tokens. */
  public long tokens() {
    return tokens;
  }

  /** The wall-clock time of the evaluation in nanoseconds. */
  public long nanos() {
    return nanos;
  }

  /** Input tokens per second (all layers and readouts), from {@link #nanos()}. */
  public double tokensPerSecond() {
    return nanos == 0 ? 0 : tokens * 1e9 / nanos;
  }
}
