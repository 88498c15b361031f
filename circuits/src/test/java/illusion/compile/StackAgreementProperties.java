package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.CircuitStats;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import illusion.ssm.RandomLayers;
import illusion.tc0.PrefixNetwork;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * DESIGN.md "Semantics" for stacks of layers of every kind: a circuit compiled for n agrees bit for
 * bit with the native evaluator, whichever positions have outputs (LAST needs only the positions
 * the last output depends on, layer by layer), whichever prefix network tracks the finite-state
 * layers; and the strategy of each layer names its kind's construction.
 */
class StackAgreementProperties {

  /**
   * A random model of one to three random layers (every {@link LayerKind}, several channels,
   * random precisions), compiled for a random n with LAST or ALL outputs, agrees with the native
   * evaluator on 70 random sequences (two simulation passes of 64 lanes); its projection bounds
   * the circuit built.
   */
  @Property(tries = 25)
  void stacksAgreeWithTheNativeEvaluator(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int vocab = 1 + r.nextInt(4);
    int depth = 1 + r.nextInt(3);
    Model model = RandomLayers.model(vocab, 1 + r.nextInt(3), depth, r);
    int n = 1 + r.nextInt(7);
    Outputs outputs = r.nextBoolean() ? Outputs.ALL : Outputs.LAST;
    CompileOptions options =
        CompileOptions.builder()
            .prefixNetwork(PrefixNetwork.values()[r.nextInt(PrefixNetwork.values().length)])
            .build();
    SizeEstimate projected;
    try {
      projected = ModelCompiler.project(model, n, outputs, options);
    } catch (IllegalArgumentException refused) {
      assertTrue(refused.getMessage().contains("not finite-state"), refused.getMessage());
      return;
    }
    if (projected.storedWires() > 10_000) {
      return; // keeps the property fast
    }
    CompiledModel compiled = ModelCompiler.compile(model, n, outputs, options);
    CircuitAgreement.Result result =
        CircuitAgreement.check(compiled, Layers.sequences(new Random(seed), 70, n, vocab));
    assertTrue(result.agrees(), () -> model + " n = " + n + " " + outputs + ": " + result);
    int lastChannels = model.layer(depth - 1).outputDim();
    long perPosition = (long) lastChannels * compiled.bits() + model.labelVocabulary();
    assertEquals(70 * perPosition * (outputs == Outputs.ALL ? n : 1), result.comparedWires());
    CircuitStats built = compiled.stats();
    assertTrue(projected.gates() >= built.gates(), () -> projected + " vs " + built);
    assertTrue(projected.wires() >= built.wires(), () -> projected + " vs " + built);
    assertEquals(depth, compiled.strategies().size());
    for (int l = 0; l < depth; l++) {
      String strategy = compiled.strategies().get(l);
      LayerKind kind = model.layer(l).kind();
      String expected =
          kind == LayerKind.S4
              ? "convolution kernel (Thm 4.2)"
              : kind == LayerKind.S4D
                  ? "convolution kernel (Thm 4.2, diagonal A)"
                  : kind == LayerKind.SELECTIVE
                      ? "selective diagonal: "
                      : "finite-state prefix (Thm 5.2): ";
      assertTrue(strategy.startsWith(expected), strategy);
      if (kind == LayerKind.IDS4 || kind == LayerKind.RNN) {
        assertTrue(strategy.endsWith(", " + options.prefixNetwork().id()), strategy);
      }
    }
  }
}
