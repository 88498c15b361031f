package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.CircuitStats;
import illusion.ssm.Model;
import illusion.ssm.RandomLayers;
import illusion.tc0.PrefixNetwork;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

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
}
