package illusion.compile;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.CircuitBuilder;
import illusion.number.Precision;
import illusion.ssm.Readout;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * A {@link Readout} as a circuit: the residue indicators {@code [floorMod(y_c, m_c) = r]} of each
 * channel (one gate each over the channel's thermometer), one AND per table entry over its residue
 * tuple, and per token the OR of its entries; the default token is the NOR of all entries. The
 * result is the next token (or label) one-hot, at depth 3 above the thermometers.
 */
final class ReadoutCompiler {
  private ReadoutCompiler() {}

  /** The one-hot token literals of {@code readout} applied to {@code outputs[c]} (one per channel). */
  static int[] compile(CircuitBuilder b, Readout readout, RoundedOutput[] outputs) {
    int channels = readout.channels();
    checkArgument(
        outputs.length == channels,
        "readout reads %s channels, got %s outputs",
        channels,
        outputs.length);
    int[] moduli = readout.moduli();
    int[][] residue = new int[channels][];
    for (int c = 0; c < channels; c++) {
      residue[c] = moduli[c] > 1 ? outputs[c].residues(b, moduli[c]) : new int[1];
    }
    long[] indices = readout.entryIndices();
    int[] tokens = readout.entryTokens();
    int vocabulary = readout.outputVocabulary();
    IntArrayList[] rows = new IntArrayList[vocabulary];
    for (int k = 0; k < vocabulary; k++) {
      rows[k] = new IntArrayList();
    }
    IntArrayList all = new IntArrayList();
    IntArrayList conj = new IntArrayList();
    for (int e = 0; e < indices.length; e++) {
      int[] r = readout.residues(indices[e]);
      conj.clear();
      for (int c = 0; c < channels; c++) {
        if (moduli[c] > 1) {
          conj.add(residue[c][r[c]]);
        }
      }
      int row = b.and(conj.toIntArray());
      rows[tokens[e]].add(row);
      all.add(row);
    }
    int[] oneHot = new int[vocabulary];
    for (int k = 0; k < vocabulary; k++) {
      oneHot[k] = b.or(rows[k].toIntArray());
    }
    oneHot[readout.defaultToken()] = ~b.or(all.toIntArray());
    return oneHot;
  }

  /**
   * The projected size of one application of {@code readout} to outputs of {@code levels[c]}
   * thermometer levels each.
   */
  static SizeEstimate estimate(Readout readout, long[] levels) {
    int[] moduli = readout.moduli();
    long gates = 0;
    long wires = 0;
    for (int c = 0; c < moduli.length; c++) {
      if (moduli[c] > 1) {
        gates += Math.min(moduli[c], levels[c] + 1);
        wires = SizeEstimate.add(wires, 2 * levels[c]);
      }
    }
    long entries = readout.entryCount();
    // rows, one OR per token, and a NOT for the default token's NOR
    gates = SizeEstimate.add(gates, entries + readout.outputVocabulary() + 1);
    wires = SizeEstimate.add(wires, SizeEstimate.mul(entries, moduli.length + 2) + 1);
    return SizeEstimate.of(gates, wires, wires);
  }

  /** The number of thermometer levels of an output of {@code precision} that ranges widely. */
  static long fullLevels(Precision precision) {
    return precision.maxRaw() - precision.minRaw();
  }
}
