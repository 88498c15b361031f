package illusion.fuzz;

import illusion.ssm.ConstructedModels;
import illusion.ssm.Evaluator;
import illusion.ssm.Model;
import illusion.ssm.ModelJson;
import illusion.ssm.RandomLayers;
import illusion.ssm.RandomModels;
import illusion.group.Groups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Malformed and hostile model JSON (core/MODEL-FORMAT.md): valid models of every kind with one to
 * three nodes of their JSON tree deleted or replaced by wrong types, extreme numbers, values that
 * are not representable, deep nesting, unknown keys; then cut short, spliced or byte-corrupted.
 * The reader returns a model, which then evaluates, or refuses with one message; through the CLI
 * ({@code evaluate} and {@code verify --model}) the {@link Fuzz} contract holds.
 */
class ModelJsonFuzzProperties {
  private static Path dir;
  private static List<String> valid;
  private static List<JsonElement> trees;

  @BeforeContainer
  static void setUp() throws IOException {
    dir = Files.createTempDirectory("illusion-fuzz-model");
    Random r = new Random(1);
    valid = new ArrayList<>();
    trees = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String json = validModel(r);
      valid.add(json);
      trees.add(Mutations.parse(json));
    }
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A valid model document: random layers of every kind, or a named or constructed model. */
  static String validModel(Random r) {
    SplittableRandom s = new SplittableRandom(r.nextLong());
    switch (r.nextInt(4)) {
      case 0:
        return ModelJson.write(RandomModels.build(RandomModels.NAMES.get(r.nextInt(RandomModels.NAMES.size())), 3, r.nextLong()));
      case 1:
        return ModelJson.write(ConstructedModels.build(r.nextBoolean() ? "ids4" : "diag-stack", Groups.byName(r.nextBoolean() ? "S3" : "Z3"), 4));
      default:
        return ModelJson.write(RandomLayers.model(3, 3, 1 + r.nextInt(2), s));
    }
  }

  static String hostileModel(Random r) {
    int k = r.nextInt(valid.size());
    String text = r.nextInt(5) == 0 ? valid.get(k) : Mutations.mutateTree(trees.get(k), r).toString();
    return Mutations.mutateText(text, r);
  }

  @Provide
  Arbitrary<List<String>> models() {
    return Fuzz.batches(ModelJsonFuzzProperties::hostileModel);
  }

  /** The reader: a model that evaluates, or one IllegalArgumentException naming the problem. */
  @Property(tries = 2500)
  void readerRefusesOrReturnsAWorkingModel(@ForAll("models") List<String> batch) {
    for (String json : batch) {
      Fuzz.library(
          "ModelJson.parse",
          () -> {
            Model m = ModelJson.parse(json, "fuzz.json");
            int[] word = new int[3];
            Evaluator.of(m).labels(word);
          },
          List.of(IllegalArgumentException.class));
    }
  }

  /** Through the CLI, with files that may also hold invalid UTF-8 or a byte-order mark. */
  @Property(tries = 150)
  void commandsReadingModels(@ForAll("models") List<String> batch, @ForAll long seed) throws IOException {
    Random r = new Random(seed);
    for (String json : batch) {
      Path f = dir.resolve("model.json");
      Files.write(f, Mutations.bytes(json, r));
      if (r.nextBoolean()) {
        Fuzz.run(dir, "evaluate", "--model", f.toString(), "--group", "Z3", "--length", "3", "--samples", "4", "--seed", "1");
      } else {
        Fuzz.run(dir, "verify", "--model", f.toString(), "--tokens", "0 1 2 0", "--no-shrink", "--timeout", "20");
      }
      Files.delete(f);
    }
  }
}
