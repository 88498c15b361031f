package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.CircuitStats;
import illusion.ssm.Model;
import illusion.ssm.ModelJson;
import illusion.ssm.RandomLayers;
import illusion.tc0.PrefixNetwork;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The size {@link ModelCompiler#project} computes before building is what the compiled model
 * reports, and a safe bound of the circuit actually built: at least its gates and flat wires
 * (structural hashing only removes gates) and its stored terms.
 */
class ProjectionProperties {

  @Property(tries = 40)
  void projectionBoundsTheBuiltCircuit(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Model model = RandomLayers.model(1 + r.nextInt(4), 1 + r.nextInt(4), 1 + r.nextInt(2), r);
    int n = 1 + r.nextInt(6);
    Outputs outputs = r.nextBoolean() ? Outputs.ALL : Outputs.LAST;
    CompileOptions options =
        CompileOptions.builder()
            .prefixNetwork(PrefixNetwork.values()[r.nextInt(PrefixNetwork.values().length)])
            .build();
    SizeEstimate projected;
    try {
      projected = ModelCompiler.project(model, n, outputs, options);
    } catch (IllegalArgumentException refused) {
      return; // a layer this compiler does not take (e.g. an unbounded IDS4 state)
    }
    if (projected.storedWires() > 30_000) {
      return; // keeps the property fast; large circuits are refused or slow to build
    }
    CompiledModel compiled = ModelCompiler.compile(model, n, outputs, options);
    assertEquals(projected, compiled.projected());
    CircuitStats actual = compiled.stats();
    String where = model + " n = " + n + " " + outputs + ": projected " + projected + ", built " + actual;
    assertTrue(projected.gates() >= actual.gates(), where);
    assertTrue(projected.wires() >= actual.wires(), where);
    assertTrue(projected.storedWires() >= actual.storedTerms(), where);
  }

  /**
   * A prefix-sum output whose range rounds to one value at the only position read is a constant:
   * no sum is built for it, as the projection assumes (found by the property above: three sums
   * were built, unused, where two stored terms were projected).
   */
  @Test
  void constantPrefixOutputsBuildNoSum() {
    Model model =
        ModelJson.parse(
            "{\"format\": \"illusion-model/1\", \"name\": \"constant\", \"inputVocabulary\": 1, \"layers\": [{"
                + "\"kind\": \"selective\", \"precision\": {\"bits\": 12, \"fractionBits\": 8},"
                + "\"base\": [-1, 1, -1, -1], \"exponents\": [[0], [4], [2], [0]],"
                + "\"B\": [[0], [\"0.96484375\"], [\"-1.421875\"], [\"6.08203125\"]],"
                + "\"C\": [[0, \"-7.16015625\", \"3.7265625\", 0], [\"3.62109375\", \"7.18359375\", \"5.39453125\", \"7.984375\"], [0, \"4.18359375\", 0, 0]],"
                + "\"D\": [[\"-1.71875\"], [\"-0.37890625\"], [\"-4.48046875\"]],"
                + "\"readout\": {\"moduli\": [1, 1, 1], \"outputVocabulary\": 3, \"default\": 2, \"entries\": []}}]}",
            "constant");
    for (Outputs outputs : Outputs.values()) {
      SizeEstimate projected = ModelCompiler.project(model, 1, outputs, CompileOptions.defaults());
      CircuitStats built = ModelCompiler.compile(model, 1, outputs, CompileOptions.defaults()).stats();
      assertTrue(projected.storedWires() >= built.storedTerms(), projected + " vs " + built.storedTerms());
      assertTrue(projected.gates() >= built.gates() && projected.wires() >= built.wires(), projected + " vs " + built);
    }
  }
}
