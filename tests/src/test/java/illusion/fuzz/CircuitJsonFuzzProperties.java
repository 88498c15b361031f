package illusion.fuzz;

import com.google.gson.JsonElement;
import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.Simulator;
import illusion.compile.CompileOptions;
import illusion.compile.ModelCompiler;
import illusion.compile.Outputs;
import illusion.export.CircuitJson;
import illusion.ssm.RandomLayers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Malformed and hostile circuit JSON (the format of {@link CircuitJson}): compiled circuits and
 * small hand-built ones with nodes deleted, references pointing forward or out of range, huge and
 * malformed weights and thresholds, wrong item kinds and arities, deep nesting, truncation. The
 * reader returns a circuit, which then simulates, or refuses with one {@link
 * IllegalArgumentException}.
 */
class CircuitJsonFuzzProperties {
  private static List<String> valid;
  private static List<JsonElement> trees;

  @BeforeContainer
  static void setUp() {
    valid = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(3);
    while (valid.size() < 30) { // small compiled circuits: every item kind, a few KB each
      try {
        var model = RandomLayers.model(2, 2, 1, r);
        int n = 1 + r.nextInt(3);
        if (ModelCompiler.project(model, n, Outputs.ALL, CompileOptions.defaults()).storedWires() > 2_000) {
          continue;
        }
        String json = CircuitJson.toJson(ModelCompiler.compile(model, n, Outputs.ALL).circuit());
        if (json.length() < 20_000) {
          valid.add(json);
        }
      } catch (IllegalArgumentException refused) {
        // a layer the compiler does not take: skip
      }
    }
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    int y = b.input("y");
    CircuitBuilder.Sum s = b.sum(new long[] {3, -2}, new int[] {x, y});
    b.output("ge", b.atLeast(s, 1));
    b.output("and", b.and(x, ~y));
    b.output("maj", b.maj(x, y, b.constant(true)));
    valid.add(CircuitJson.toJson(b.build()));
    trees = new ArrayList<>();
    for (String v : valid) {
      trees.add(Mutations.parse(v));
    }
  }

  static String hostileCircuit(Random r) {
    int k = r.nextInt(valid.size());
    String text = r.nextInt(6) == 0 ? valid.get(k) : Mutations.mutateTree(trees.get(k), r).toString();
    return Mutations.mutateText(text, r);
  }

  @Provide
  Arbitrary<List<String>> circuits() {
    return Fuzz.batches(CircuitJsonFuzzProperties::hostileCircuit);
  }

  /** The reader: a circuit that simulates, or one IllegalArgumentException naming the problem. */
  @Property(tries = 2500)
  void readerRefusesOrReturnsAWorkingCircuit(@ForAll("circuits") List<String> batch, @ForAll long seed) {
    for (String json : batch) {
      Fuzz.library(
          "CircuitJson.fromJson",
          () -> {
            Circuit c = CircuitJson.fromJson(json);
            long[] words = new long[c.inputCount()];
            Random r = new Random(seed);
            for (int i = 0; i < words.length; i++) {
              words[i] = r.nextLong();
            }
            Simulator.of(c).simulate(words);
          },
          List.of(IllegalArgumentException.class));
    }
  }
}
