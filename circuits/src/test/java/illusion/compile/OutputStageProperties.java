package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.Simulator;
import illusion.number.Dyadic;
import illusion.number.Precision;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The output stage rounds exactly: for a value {@code w_0 + Σ w_i z_i} with dyadic weights over
 * free literals and one-hot choice groups, the circuit's thermometer, its p two's complement bits
 * and its residue indicators equal {@code Precision.round} of the value (DESIGN.md "Semantics",
 * {@code sat_p(floor(2^f v))}) and {@code floorMod} of it, for every admissible assignment
 * (enumerated).
 */
class OutputStageProperties {

  @Property(tries = 200)
  void roundsExactlyOnEveryAssignment(
      @ForAll @IntRange(min = 2, max = 8) int bits,
      @ForAll @IntRange(min = 0, max = 7) int fractionBits,
      @ForAll("weights") List<Dyadic> free,
      @ForAll("weights") List<Dyadic> choice,
      @ForAll("weight") Dyadic constant,
      @ForAll @IntRange(min = 1, max = 5) int modulus) {
    Precision p = Precision.of(bits, Math.min(fractionBits, bits - 1));
    CircuitBuilder b = new CircuitBuilder();
    int k = Math.min(free.size(), 4);
    int g = Math.max(1, Math.min(choice.size(), 4));
    int[] freeInputs = new int[k];
    for (int i = 0; i < k; i++) {
      freeInputs[i] = b.input("z" + i);
    }
    int[] choiceInputs = new int[g];
    Dyadic[] choiceWeights = new Dyadic[g];
    for (int i = 0; i < g; i++) {
      choiceInputs[i] = b.input("c" + i);
      choiceWeights[i] = i < choice.size() ? choice.get(i) : Dyadic.ZERO;
    }
    OutputStage.Terms terms = new OutputStage.Terms().constant(constant);
    for (int i = 0; i < k; i++) {
      terms.add(freeInputs[i], free.get(i));
    }
    terms.addChoice(choiceInputs, choiceWeights, true);
    RoundedOutput out = OutputStage.round(b, p, terms);
    int[] bitLits = out.bits(b);
    for (int i = 0; i < bitLits.length; i++) {
      b.output("y" + i, bitLits[i]);
    }
    for (int r = 0; r < modulus; r++) {
      b.output("r" + r, out.residue(b, modulus, r));
    }
    int[] all = out.residues(b, modulus);
    for (int r = 0; r < modulus; r++) {
      b.output("s" + r, all[r]);
    }
    for (long v = p.minRaw(); v <= p.maxRaw() + 1; v++) {
      b.output("ge" + (v - p.minRaw()), out.atLeast(v));
    }
    Circuit circuit = b.build();
    Simulator sim = Simulator.of(circuit);
    // every assignment: any free bits, exactly one choice input
    for (int mask = 0; mask < (1 << k); mask++) {
      for (int c = 0; c < g; c++) {
        boolean[] in = new boolean[k + g];
        Dyadic value = constant;
        for (int i = 0; i < k; i++) {
          in[i] = (mask >> i & 1) == 1;
          value = in[i] ? value.add(free.get(i)) : value;
        }
        in[k + c] = true;
        value = value.add(choiceWeights[c]);
        long y = p.round(value);
        boolean[] got = sim.evaluate(in);
        String where = "value " + value + " at " + p;
        int o = 0;
        for (int i = 0; i < bits; i++) {
          assertEquals((y >> i & 1) == 1, got[o++], where + ": bit " + i + " of " + y);
        }
        for (int r = 0; r < modulus; r++) {
          assertEquals(Math.floorMod(y, modulus) == r, got[o++], where + ": residue " + r);
        }
        for (int r = 0; r < modulus; r++) {
          assertEquals(Math.floorMod(y, modulus) == r, got[o++], where + ": residues()[" + r + "]");
        }
        for (long v = p.minRaw(); v <= p.maxRaw() + 1; v++) {
          assertEquals(y >= v, got[o++], where + ": [y >= " + v + "]");
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Dyadic>> weights() {
    return weight().list().ofMaxSize(4).map(ArrayList::new);
  }

  @Provide
  Arbitrary<Dyadic> weight() {
    return Combinators.combine(
            Arbitraries.longs().between(-300, 300), Arbitraries.integers().between(0, 9))
        .as(Dyadic::of);
  }
}
