package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import illusion.circuit.Circuit;
import illusion.circuit.Simulator;
import illusion.export.IcarusRunner;
import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Evaluator;
import illusion.ssm.Model;
import illusion.word.Dataset;
import illusion.word.WordGenerator;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A compiled SSM circuit, exported to Verilog and simulated by Icarus Verilog, computes what our
 * simulator computes on every output wire (the last layer's rounded output bits and the label), and
 * its labels are the native evaluator's. So the circuit a user takes to another simulator is the
 * one whose agreement with the layer this toolkit checked.
 *
 * <p>Skipped, with a message, when Icarus Verilog is missing, unless {@code ILLUSION_REQUIRE_TOOLS}
 * names {@code iverilog} (as CI sets it): then it fails.
 */
class CompiledVerilogTest {

  @ParameterizedTest(name = "{0} over {1}, n = {2}")
  @CsvSource({"ids4, A5, 12", "diag-stack, A4_x_Z5, 8", "s4-window, A5, 6", "diag-abelian, S4, 8"})
  void icarusAgreesWithTheSimulatorAndTheNativeEvaluator(String name, String groupName, int n)
      throws IOException {
    IcarusRunner icarus = icarus();
    FiniteGroup group = Groups.byName(groupName);
    Model model = ConstructedModels.build(name, group, n);
    CompiledModel compiled = ModelCompiler.compile(model, n, Outputs.ALL);
    Circuit circuit = compiled.circuit();

    int[][] words =
        Dataset.generate(WordGenerator.sample(group, n, 100, 7)).rows().stream()
            .map(row -> row.input())
            .toArray(int[][]::new);
    boolean[][] inputs = new boolean[words.length][circuit.inputCount()];
    for (int w = 0; w < words.length; w++) {
      for (int t = 0; t < n; t++) {
        inputs[w][compiled.inputIndex(t, words[w][t])] = true;
      }
    }

    boolean[][] verilog = icarus.simulate(circuit, inputs);
    boolean[][] ours = Simulator.of(circuit).evaluate(inputs);
    assertEquals(words.length, verilog.length);
    Evaluator native_ = Evaluator.of(model);
    for (int w = 0; w < words.length; w++) {
      assertArrayEquals(ours[w], verilog[w], "vector " + w + ": Icarus and the simulator differ");
      int[] labels = native_.labels(words[w]);
      for (int t : compiled.positions()) {
        for (int k = 0; k < model.labelVocabulary(); k++) {
          assertEquals(
              labels[t] == k,
              verilog[w][compiled.labelIndex(t, k)],
              "vector " + w + ", position " + t + ", label wire " + k);
        }
      }
    }
  }

  private static IcarusRunner icarus() {
    Optional<IcarusRunner> runner = IcarusRunner.find();
    if (runner.isPresent()) {
      return runner.get();
    }
    String required = System.getenv("ILLUSION_REQUIRE_TOOLS");
    String what = "Icarus Verilog (iverilog, vvp) is not on the PATH: apt-get install iverilog";
    if (required != null && required.contains("iverilog")) {
      fail("ILLUSION_REQUIRE_TOOLS contains iverilog but " + what);
    }
    System.err.println("SKIPPED CompiledVerilogTest: " + what);
    Assumptions.abort(what);
    throw new AssertionError("unreachable");
  }
}
