package illusion.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.word.PrefixProducts;
import java.nio.file.Path;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelJsonTest {
  private static final Path EXAMPLE = Path.of("examples", "parity.json");

  /** The documented example loads and solves the Z2 word problem on every word up to length 10. */
  @Test
  void exampleComputesParity() {
    Model model = ModelJson.read(EXAMPLE);
    assertEquals("parity", model.name());
    FiniteGroup z2 = Groups.byName("Z2");
    Evaluator evaluator = Evaluator.of(model);
    for (int n = 0; n <= 10; n++) {
      for (int bits = 0; bits < 1 << n; bits++) {
        int[] word = new int[n];
        for (int t = 0; t < n; t++) {
          word[t] = (bits >> t) & 1;
        }
        assertArrayEquals(PrefixProducts.of(z2, word), evaluator.labels(word));
      }
    }
  }

  /** write then read gives an equal model, for random models of every kind. */
  @Property(tries = 80)
  void randomModelsRoundTrip(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Model model = RandomLayers.model(1 + rnd.nextInt(4), 1 + rnd.nextInt(4), 1 + rnd.nextInt(3), rnd);
    assertEquals(model, ModelJson.parse(ModelJson.write(model), "test"));
  }

  @Test
  void constructedAndNamedRandomModelsRoundTrip() {
    FiniteGroup g = Groups.byName("A4_x_Z5");
    for (String name : new String[] {"ids4", "diag-stack", "diag-abelian", "s4-scan:3", "s4-window:2"}) {
      Model model = ConstructedModels.build(name, g, 64);
      assertEquals(model, ModelJson.parse(ModelJson.write(model), name));
    }
    for (String name : RandomModels.NAMES) {
      Model model = RandomModels.build(name, 6, 3);
      assertEquals(model, ModelJson.parse(ModelJson.write(model), name));
    }
  }

  private static final String LAYER =
      "{\"name\": \"m\", \"inputVocabulary\": 2, \"layers\": [{\"kind\": \"%s\", \"precision\": {\"bits\": 8,"
          + " \"fractionBits\": 4}, %s, \"readout\": {\"moduli\": [2], \"outputVocabulary\": 2%s}}]}";

  private static String load(String kind, String fields, String readout) {
    String json = String.format(LAYER, kind, fields, readout);
    return assertThrows(IllegalArgumentException.class, () -> ModelJson.parse(json, "m.json")).getMessage();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // wrong shapes
        "s4 | \"A\": [[1, 0]], \"B\": [[1, 0]], \"C\": [[1]] | | m.json: $.layers[0]: s4 layer: A must have 1 columns, but row 0 has 2",
        "s4d | \"A\": [1], \"B\": [[1, 0]], \"C\": [[1, 1]] | | m.json: $.layers[0]: s4d layer: C must have 1 columns, but row 0 has 2",
        "s4 | \"A\": [[1]], \"B\": [[1, 0, 1]], \"C\": [[1]] | | m.json: $.layers[0]: layer 0 reads 3 tokens, but the input vocabulary has 2",
        // values not representable at the declared precision
        "s4d | \"A\": [\"0.1\"], \"B\": [[1, 0]], \"C\": [[1]] | | m.json: $.layers[0].A[0]: 0.1 is not representable with 4 fraction bits (not a multiple of 2^-4; nearest: 0.0625 and 0.125)",
        "s4d | \"A\": [\"1/3\"], \"B\": [[1, 0]], \"C\": [[1]] | | m.json: $.layers[0].A[0]: 1/3 is not representable with 4 fraction bits (not a multiple of 2^-4; nearest: 0.3125 and 0.375)",
        "s4d | \"A\": [8], \"B\": [[1, 0]], \"C\": [[1]] | | m.json: $.layers[0].A[0]: 8 is out of range for 8-bit fixed point with 4 fraction bits, range [-8, 7.9375]",
        // exponents out of range
        "selective | \"base\": [1], \"exponents\": [[0, 65]], \"B\": [[1, 0]], \"C\": [[1]] | | m.json: $.layers[0].exponents[0][1]: 65 is outside 0..64",
        "selective | \"base\": [1], \"exponents\": [[0, \"KEEP\"]], \"B\": [[1, 0]], \"C\": [[1]] | | m.json: $.layers[0].exponents[0][1]: expected an exponent 0..64 or \"RESET\", got \"KEEP\"",
        "selective | \"base\": [\"1.5\"], \"exponents\": [[0, 1]], \"B\": [[1, 0]], \"C\": [[1]] | | m.json: $.layers[0]: selective layer: base a[0] = 1.5 is outside [-1, 1]",
        // readout tokens and residues out of range
        "s4d | \"A\": [1], \"B\": [[1, 0]], \"C\": [[1]] | , \"entries\": [[[1], 2]] | m.json: $.layers[0].readout.entries[0]: readout token 2 is outside the output vocabulary [0, 2)",
        "s4d | \"A\": [1], \"B\": [[1, 0]], \"C\": [[1]] | , \"entries\": [[[2], 1]] | m.json: $.layers[0].readout.entries[0]: readout entry [2]: residue 2 of channel 0 is outside [0, 2)",
        "s4d | \"A\": [1], \"B\": [[1, 0]], \"C\": [[1]] | , \"default\": 5 | m.json: $.layers[0].readout: default token 5 is outside the output vocabulary [0, 2)",
        // misspelt fields
        "s4d | \"A\": [1], \"B\": [[1, 0]], \"C\": [[1]], \"E\": [] | | m.json: $.layers[0]: unknown field \"E\" (expected A, B, C, D, kind, precision, readout)",
        "rnn | \"B\": [[1, 0]], \"C\": [[1]] | | m.json: $.layers[0]: missing field \"A\"",
        "lstm | \"B\": [[1, 0]], \"C\": [[1]] | | m.json: $.layers[0].kind: unknown layer kind 'lstm': expected one of s4, s4d, selective, ids4, rnn",
      })
  void loadErrorsNameThePathAndTheProblem(String kind, String fields, String readout, String message) {
    assertEquals(message, load(kind, fields, readout == null ? "" : readout));
  }

  @Test
  void malformedJsonAndWrongChains() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ModelJson.parse("{\"name\": ", "x.json"))
            .getMessage()
            .startsWith("x.json: malformed JSON"));
    String twoLayers =
        "{\"name\": \"m\", \"inputVocabulary\": 2, \"layers\": ["
            + "{\"kind\": \"s4d\", \"precision\": {\"bits\": 8, \"fractionBits\": 0}, \"A\": [1], \"B\": [[0, 1]], \"C\": [[1]],"
            + " \"readout\": {\"moduli\": [2], \"outputVocabulary\": 3}},"
            + "{\"kind\": \"s4d\", \"precision\": {\"bits\": 8, \"fractionBits\": 0}, \"A\": [1], \"B\": [[0, 1]], \"C\": [[1]],"
            + " \"readout\": {\"moduli\": [2], \"outputVocabulary\": 2}}]}";
    assertEquals(
        "m.json: $.layers[1]: layer 1 reads 2 tokens, but readout 0 produces 3",
        assertThrows(IllegalArgumentException.class, () -> ModelJson.parse(twoLayers, "m.json")).getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ModelJson.read(Path.of("no-such-model.json")))
            .getMessage()
            .contains("no-such-model.json"));
  }
}
