package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.CircuitBuilder;
import illusion.circuit.CircuitStats;
import java.util.BitSet;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The projection of {@link PrefixResidues} bounds what {@link PrefixResidues#build} builds, gates,
 * flat wires and stored sum terms, at every position, at the last only (one long chain of terms
 * that no earlier position shares), or at any subset; and it is not loose: within a quarter of the
 * gates and wires built, and within a factor 3 of the stored terms (plus the residue gates of sums
 * that turn out constant, which the builder folds).
 */
class PrefixResiduesSizeProperties {

  @Property(tries = 30)
  void projectionBoundsAndTracksTheBuiltSize(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 1 + rnd.nextInt(120);
    int modulus = 2 + rnd.nextInt(10);
    int vocabulary = 1 + rnd.nextInt(4);
    long[] w = new long[vocabulary];
    long[] u = new long[vocabulary];
    for (int s = 0; s < vocabulary; s++) {
      w[s] = rnd.nextLong(-50, 100);
      u[s] = rnd.nextLong(-50, 100);
    }
    BitSet positions = new BitSet();
    int shape = rnd.nextInt(3);
    for (int t = 0; t < n; t++) {
      if (shape == 0 || t == n - 1 || (shape == 2 && rnd.nextInt(4) == 0)) {
        positions.set(t);
      }
    }
    PrefixResidues plan = PrefixResidues.of(w, u, rnd.nextLong(-5, 5), modulus, positions);
    CircuitBuilder b = new CircuitBuilder();
    int[][] choices = new int[n][vocabulary];
    for (int t = 0; t < n; t++) {
      for (int s = 0; s < vocabulary; s++) {
        choices[t][s] = b.input("x" + t + "_" + s);
      }
    }
    int[][] residues = plan.build(b, choices);
    for (int t = positions.nextSetBit(0); t >= 0; t = positions.nextSetBit(t + 1)) {
      for (int r = 0; r < modulus; r++) {
        b.output("r" + t + "_" + r, residues[t][r]);
      }
    }
    CircuitStats built = CircuitStats.of(b.build());
    SizeEstimate projected = plan.estimate();
    String where = "n = " + n + " mod " + modulus + " at " + positions.cardinality() + " positions, block "
        + plan.blockSize() + ": projected " + projected + ", built " + built + " (" + built.storedTerms() + " stored)";
    assertTrue(projected.gates() >= built.gates(), where);
    assertTrue(projected.wires() >= built.wires(), where);
    assertTrue(projected.storedWires() >= built.storedTerms(), where);
    // residue gates over a constant sum fold into constants: up to m per position and per block
    long slack = (long) modulus * (positions.cardinality() + n / plan.blockSize() + 1);
    assertTrue(projected.gates() <= 1.25 * built.gates() + slack, where);
    assertTrue(projected.wires() <= 1.25 * built.wires() + slack, where);
    assertTrue(projected.storedWires() <= 3 * built.storedTerms() + 2 * slack, where);
  }
}
