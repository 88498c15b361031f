package illusion.word;

/**
 * Receives dataset rows as they are produced. The arrays may be reused for the next row: copy
 * them to keep them.
 */
@FunctionalInterface
public interface RowSink {
  void accept(long seed, int[] input, int[] target);
}
