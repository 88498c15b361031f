package illusion.export;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random circuits with wide gates, for the exporters' splitting of long expressions: AND, OR and
 * MAJ over up to 3 * {@link VerilogExporter#CHUNK} literals, prefix-sum chains whose links have up
 * to 2 * CHUNK terms with weights beyond 2^64, thresholds near reachable values, and gates reading
 * thresholds. Also makes input vectors that reach the rare outcomes of wide AND / OR gates (every
 * literal true, or all but one).
 */
final class WideCircuits {
  private final Circuit circuit;
  /** Per wide AND/OR gate built over input literals: the literals (for targeted vectors). */
  private final List<int[]> wideGates = new ArrayList<>();

  private WideCircuits(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CircuitBuilder b = new CircuitBuilder();
    int inputs = 40 + r.nextInt(60);
    IntArrayList pool = new IntArrayList();
    for (int i = 0; i < inputs; i++) {
      pool.add(b.input("x(" + i + ")"));
    }
    int chunk = VerilogExporter.CHUNK;
    List<CircuitBuilder.Sum> sums = new ArrayList<>();
    List<BigInteger> plausible = new ArrayList<>();
    int outputs = 0;
    for (int step = 0; step < 30; step++) {
      int choice = r.nextInt(4);
      int made;
      if (choice <= 1) {
        int k = 2 + r.nextInt(Math.min(inputs - 1, 3 * chunk));
        int[] lits = distinctInputLiterals(r, k, inputs);
        wideGates.add(lits);
        made = choice == 0 ? b.and(lits) : b.or(lits);
      } else if (choice == 2) {
        int k = 1 + r.nextInt(3 * chunk);
        int[] lits = new int[k];
        for (int i = 0; i < k; i++) {
          int l = pool.getInt(r.nextInt(pool.size()));
          lits[i] = r.nextBoolean() ? CircuitBuilder.negate(l) : l;
        }
        made = b.maj(lits);
      } else {
        int k = 1 + r.nextInt(2 * chunk);
        int[] lits = new int[k];
        BigInteger[] w = new BigInteger[k];
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < k; i++) {
          lits[i] = pool.getInt(r.nextInt(pool.size()));
          w[i] = weight(r);
          if (r.nextBoolean()) {
            value = value.add(w[i]);
          }
        }
        CircuitBuilder.Sum s;
        if (!sums.isEmpty() && r.nextInt(4) > 0) {
          // extend the newest sum: long prefix chains
          s = b.extend(sums.get(sums.size() - 1), w, lits);
          value = value.add(plausible.get(plausible.size() - 1));
        } else {
          s = b.sum(w, lits);
        }
        sums.add(s);
        plausible.add(value);
        BigInteger theta = value.add(BigInteger.valueOf(r.nextInt(3) - 1));
        made = r.nextBoolean() ? b.atLeast(s, theta) : b.atMost(s, theta);
        if (sums.size() > 1 && r.nextBoolean()) {
          // a second threshold over an earlier sum: shared sums
          int j = r.nextInt(sums.size() - 1);
          pool.add(b.atLeast(sums.get(j), plausible.get(j)));
        }
      }
      pool.add(made);
      if (r.nextInt(3) == 0) {
        b.output("y[" + outputs++ + "]", made);
      }
    }
    b.output("y[" + outputs + "]", pool.getInt(pool.size() - 1));
    circuit = b.build();
  }

  static WideCircuits generate(long seed) {
    return new WideCircuits(seed);
  }

  Circuit circuit() {
    return circuit;
  }

  /**
   * {@code count} random vectors (bits 1 with a per-vector probability of 3%, 50% or 97%), then,
   * for each wide AND/OR gate over inputs, the vector making all its literals true, and that
   * vector with one literal made false.
   */
  boolean[][] vectors(long seed, int count) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = circuit.inputCount();
    List<boolean[]> rows = new ArrayList<>();
    double[] densities = {0.03, 0.5, 0.97};
    for (int v = 0; v < count; v++) {
      double p = densities[r.nextInt(densities.length)];
      boolean[] row = new boolean[n];
      for (int i = 0; i < n; i++) {
        row[i] = r.nextDouble() < p;
      }
      rows.add(row);
    }
    for (int[] lits : wideGates) {
      boolean[] row = new boolean[n];
      for (int i = 0; i < n; i++) {
        row[i] = r.nextBoolean();
      }
      for (int l : lits) {
        int node = l < 0 ? ~l : l;
        row[circuit.inputOrdinal(node)] = l >= 0;
      }
      rows.add(row.clone());
      int l = lits[r.nextInt(lits.length)];
      int flipped = circuit.inputOrdinal(l < 0 ? ~l : l);
      row[flipped] = !row[flipped];
      rows.add(row);
    }
    return rows.toArray(new boolean[0][]);
  }

  /** k distinct input literals (inputs are nodes 0..inputs-1), each complemented or not. */
  private static int[] distinctInputLiterals(SplittableRandom r, int k, int inputs) {
    int[] perm = new int[inputs];
    for (int i = 0; i < inputs; i++) {
      perm[i] = i;
    }
    for (int i = inputs - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] lits = new int[k];
    for (int i = 0; i < k; i++) {
      lits[i] = r.nextInt(4) == 0 ? CircuitBuilder.negate(perm[i]) : perm[i];
    }
    return lits;
  }

  private static BigInteger weight(SplittableRandom r) {
    switch (r.nextInt(4)) {
      case 0:
        return BigInteger.ONE.shiftLeft(64 + r.nextInt(40)).subtract(BigInteger.valueOf(r.nextInt(9)));
      case 1:
        return BigInteger.ONE.shiftLeft(64 + r.nextInt(40)).add(BigInteger.valueOf(r.nextInt(9))).negate();
      default:
        return BigInteger.valueOf(r.nextInt(41) - 20);
    }
  }
}
