package illusion.ssm;

/** A readout prepared for evaluation: a dense token array when the index space is small. */
final class ReadoutLookup {
  private static final long MAX_DENSE = 1L << 22;

  private final Readout readout;
  private final int[] moduli;
  private final int[] dense; // null when the index space is large

  ReadoutLookup(Readout readout) {
    this.readout = readout;
    this.moduli = readout.moduli();
    if (readout.indexSpace() <= MAX_DENSE) {
      dense = new int[(int) readout.indexSpace()];
      java.util.Arrays.fill(dense, readout.defaultToken());
      long[] keys = readout.entryIndices();
      int[] tokens = readout.entryTokens();
      for (int k = 0; k < keys.length; k++) {
        dense[(int) keys[k]] = tokens[k];
      }
    } else {
      dense = null;
    }
  }

  int apply(long[] out) {
    long index = 0;
    long weight = 1;
    for (int c = 0; c < moduli.length; c++) {
      int m = moduli[c];
      if (m != 1) {
        index += Math.floorMod(out[c], m) * weight;
        weight *= m;
      }
    }
    return dense != null ? dense[(int) index] : readout.token(index);
  }
}
