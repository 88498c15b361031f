package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.CircuitStats;
import illusion.circuit.NodeKind;
import illusion.circuit.Simulator;
import illusion.compile.ModelCompiler;
import illusion.compile.Outputs;
import illusion.ssm.RandomModels;
import illusion.tc0.LowerWeights;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LoweringProperties {

  /**
   * Weight lowering (Hofmeister, Hohberg and Koehling; Siu and Roychowdhury): a threshold gate with
   * weights of up to 80 bits and the lowered circuit with weights of at most 2 bits compute the
   * same function, checked against a BigInteger evaluation of the gate on random inputs.
   */
  @Property(tries = 40)
  void loweringPreservesTheFunctionAndBoundsTheWeights(
      @ForAll @IntRange(min = 1, max = 12) int fanIn, @ForAll long seed) {
    Random r = new Random(seed);
    BigInteger[] w = new BigInteger[fanIn];
    int[] lits = new int[fanIn];
    CircuitBuilder b = new CircuitBuilder();
    for (int i = 0; i < fanIn; i++) {
      w[i] =
          new BigInteger(1 + r.nextInt(80), r)
              .multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1));
      lits[i] = b.input("x" + i);
    }
    // θ between the least and greatest sum, so that the gate is rarely constant.
    BigInteger theta = BigInteger.ZERO;
    for (BigInteger wi : w) {
      if (r.nextBoolean()) {
        theta = theta.add(wi);
      }
    }
    b.output("gate", b.threshold(w, lits, theta));
    Circuit gate = b.build();
    Circuit lowered = LowerWeights.lower(gate, LoweringDemo.MAX_WEIGHT_BITS);
    assertTrue(CircuitStats.of(lowered).maxWeightBits() <= LoweringDemo.MAX_WEIGHT_BITS);
    Simulator sim = Simulator.of(lowered);
    for (int k = 0; k < 200; k++) {
      boolean[] x = new boolean[fanIn];
      BigInteger sum = BigInteger.ZERO;
      for (int i = 0; i < fanIn; i++) {
        x[i] = r.nextBoolean();
        sum = x[i] ? sum.add(w[i]) : sum;
      }
      assertEquals(sum.compareTo(theta) >= 0, sim.evaluate(x)[0]);
    }
  }

  /**
   * The extracted gate computes, on every assignment of the compiled circuit's inputs, the value
   * the gate has inside the compiled circuit; the demo's widest gate has weights above 2 bits.
   */
  @Test
  void extractedGateMatchesTheCompiledCircuit() {
    Circuit full =
        ModelCompiler.compile(RandomModels.build("s4-random", 2, 3), 4, Outputs.LAST).circuit();
    int node = GateExtraction.widestGate(full);
    assertEquals(NodeKind.THRESHOLD, full.kind(node));
    assertTrue(GateExtraction.weightBits(full, node) > LoweringDemo.MAX_WEIGHT_BITS);
    Circuit gate = GateExtraction.extract(full, node);
    Simulator fullSim = Simulator.of(full);
    Simulator gateSim = Simulator.of(gate);
    Random r = new Random(5);
    for (int pass = 0; pass < 16; pass++) {
      long[] words = new long[full.inputCount()];
      for (int i = 0; i < words.length; i++) {
        words[i] = r.nextLong();
      }
      long inside = fullSim.simulateNodes(words)[node];
      long[] gateWords = new long[gate.inputCount()];
      for (int i = 0; i < gateWords.length; i++) {
        gateWords[i] = words[full.indexOfInput(gate.inputName(i))];
      }
      assertEquals(inside, gateSim.simulate(gateWords)[0]);
    }
  }

  /** The demo's own check, exhaustively: the widest gate of s4-random at n = 4 and its lowering. */
  @Test
  void demoGateLoweredIsTheSameFunction() {
    Circuit full =
        ModelCompiler.compile(RandomModels.build("s4-random", 2, 1), 4, Outputs.LAST).circuit();
    Circuit gate = GateExtraction.extract(full, GateExtraction.widestGate(full));
    Circuit lowered = LowerWeights.lower(gate, LoweringDemo.MAX_WEIGHT_BITS);
    long[] counts = new long[2];
    long checked = LoweringDemo.sameFunction(gate, lowered, 1, counts);
    assertEquals(1L << gate.inputCount(), checked);
    assertEquals(0, counts[1]);
    assertTrue(counts[0] > 0 && counts[0] < checked);
  }
}
