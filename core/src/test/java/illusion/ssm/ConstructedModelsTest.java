package illusion.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.testing.PaperData;
import illusion.word.Dataset;
import illusion.word.DatasetCsv;
import illusion.word.DatasetRow;
import illusion.word.PrefixProducts;
import illusion.word.WordGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The claims of DESIGN.md "Constructed layers", checked on data against brute-force prefix products. */
class ConstructedModelsTest {

  /** {@code samples} random words of {@code length} over g, from the dataset generator. */
  private static List<int[]> words(FiniteGroup g, int length, int samples, long seed) {
    List<int[]> words = new ArrayList<>();
    long all = (long) Math.min(Math.pow(g.order(), length), samples);
    WordGenerator.sample(g, length, all, seed).forEach((s, input, target) -> words.add(input.clone()));
    return words;
  }

  /** The number of sequences whose labels equal the prefix products at every position. */
  private static int exactSequences(Model model, FiniteGroup g, List<int[]> words) {
    Evaluation run = Evaluator.of(model).run(words.toArray(new int[0][]));
    int exact = 0;
    for (int i = 0; i < words.size(); i++) {
      if (java.util.Arrays.equals(PrefixProducts.of(g, words.get(i)), run.labels(i))) {
        exact++;
      }
    }
    return exact;
  }

  private static void assertExact(Model model, FiniteGroup g, int length, int samples) {
    List<int[]> words = words(g, length, samples, 20240 + length);
    assertEquals(words.size(), exactSequences(model, g, words), model.name() + " on " + g.name() + " at n = " + length);
  }

  /** Thm 5.2: one IDS4 layer tracks A5 exactly on every row of the paper's data. */
  @ParameterizedTest
  @ValueSource(strings = {"A5=8.csv", "A5=16.csv"})
  void ids4IsExactOnThePaperData(String file) {
    FiniteGroup a5 = Groups.byName("A5");
    Dataset data = DatasetCsv.read(PaperData.file(file), a5);
    Model model = ConstructedModels.build("ids4", a5, data.length());
    Evaluator evaluator = Evaluator.of(model);
    assertEquals(List.of(Evaluator.Path.FINITE_STATE), evaluator.paths(data.length()));
    for (DatasetRow row : data.rows()) {
      assertArrayEquals(row.target(), evaluator.labels(row.input()), row.toString());
    }
  }

  /** Thm 5.2: exact for S5, A4 x Z5 and Z60 up to n = 1024; the state takes exactly |G| values. */
  @ParameterizedTest
  @ValueSource(strings = {"S5", "A4_x_Z5", "Z60", "S3"})
  void ids4IsExactOnGeneratedData(String name) {
    FiniteGroup g = Groups.byName(name);
    Model model = ConstructedModels.build("ids4", g, 1024);
    assertEquals(LayerKind.IDS4, model.layer(0).kind());
    assertEquals(g.order(), StateAutomaton.of(model.layer(0)).orElseThrow().stateCount());
    assertExact(model, g, 1, 50);
    assertExact(model, g, 16, 200);
    assertExact(model, g, 1024, 12);
  }

  /** Shakerinava et al.: derived length many diagonal counter layers track a solvable group. */
  @ParameterizedTest
  @ValueSource(strings = {"A4_x_Z5:2", "Z60:1", "S4:3", "S3_x_Z2:2"})
  void diagStackIsExactForSolvableGroups(String spec) {
    FiniteGroup g = Groups.byName(spec.split(":")[0]);
    int depth = Integer.parseInt(spec.split(":")[1]);
    Model model = ConstructedModels.build("diag-stack", g, 1024);
    assertEquals(depth, model.depth());
    for (Layer layer : model.layers()) {
      assertEquals(LayerKind.SELECTIVE, layer.kind());
      for (long a : ((SelectiveLayer) layer).rawBase()) {
        assertEquals(1L << layer.precision().fractionBits(), a);
      }
    }
    assertExact(model, g, 16, 200);
    assertExact(model, g, 1024, 12);
  }

  @Test
  void diagStackIsRefusedForNonSolvableGroups() {
    for (String name : new String[] {"A5", "S5"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ConstructedModels.build("diag-stack", Groups.byName(name), 16));
      assertEquals(name + " is not solvable: its derived series stops at a perfect group of order 60", e.getMessage());
    }
  }

  /** The parity of a permutation in one-line notation, by counting inversions. */
  private static int parity(int[] perm) {
    int inversions = 0;
    for (int i = 0; i < perm.length; i++) {
      for (int j = i + 1; j < perm.length; j++) {
        inversions += perm[i] > perm[j] ? 1 : 0;
      }
    }
    return inversions & 1;
  }

  /** One diagonal layer tracks S5/A5 = Z2 (the sign) exactly, and the full prefix only at chance. */
  @Test
  void diagAbelianTracksTheSignOnly() {
    FiniteGroup s5 = Groups.byName("S5");
    int[][] rep = s5.permutationRepresentation();
    Model model = ConstructedModels.build("diag-abelian", s5, 256);
    assertEquals(1, model.depth());
    List<int[]> words = words(s5, 256, 40, 5);
    Evaluation run = Evaluator.of(model).run(words.toArray(new int[0][]));
    long positions = 0;
    long correct = 0;
    for (int i = 0; i < words.size(); i++) {
      int[] s = PrefixProducts.of(s5, words.get(i));
      int[] labels = run.labels(i);
      for (int t = 0; t < s.length; t++) {
        assertEquals(parity(rep[s[t]]), parity(rep[labels[t]]), "sign at position " + (t + 1));
        positions++;
        correct += s[t] == labels[t] ? 1 : 0;
      }
    }
    double accuracy = (double) correct / positions;
    assertTrue(accuracy < 0.2, "full-prefix accuracy " + accuracy);
    assertEquals(0, exactSequences(model, s5, words));
  }

  /** A parallel prefix of L delay-line S4 layers is exact for n <= 2^L and not beyond. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void s4ScanIsExactUpToTwoToTheL(int layers) {
    FiniteGroup a5 = Groups.byName("A5");
    Model model = ConstructedModels.build("s4-scan:" + layers, a5, 1);
    assertEquals(layers, model.depth());
    model.layers().forEach(l -> assertEquals(LayerKind.S4, l.kind()));
    int n = 1 << layers;
    assertExact(model, a5, n, 100);
    List<int[]> longer = words(a5, n + 1, 100, 9);
    assertTrue(exactSequences(model, a5, longer) < longer.size() / 2);
  }

  @Test
  void s4ScanSizedForTheLength() {
    FiniteGroup z60 = Groups.byName("Z60");
    Model model = ConstructedModels.build("s4-scan", z60, 1000);
    assertEquals(10, model.depth());
    assertExact(model, z60, 1000, 4);
  }

  /** One S4 delay line sees a window of W tokens: exact for n <= W, not beyond. */
  @Test
  void s4WindowIsExactUpToW() {
    FiniteGroup s4 = Groups.byName("S4");
    Model model = ConstructedModels.build("s4-window:3", s4, 3);
    assertEquals(1, model.depth());
    assertExact(model, s4, 3, 100);
    List<int[]> longer = words(s4, 4, 100, 3);
    assertTrue(exactSequences(model, s4, longer) < longer.size() / 2);
    // without a parameter the window is fixed, whatever n the model is built for
    Model fixed = ConstructedModels.build("s4-window", s4, 64);
    assertExact(fixed, s4, ConstructedModels.DEFAULT_WINDOW, 100);
    List<int[]> beyond = words(s4, ConstructedModels.DEFAULT_WINDOW + 1, 100, 5);
    assertTrue(exactSequences(fixed, s4, beyond) < beyond.size() / 2);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ConstructedModels.build("s4-window:4", Groups.byName("A5"), 4))
            .getMessage()
            .contains("needs a readout table over 60^4"));
  }

  @Test
  void oversizedModelsAreRefusedBeforeAllocating() {
    assertEquals(
        "s4-scan for n = 1048576 needs 20 layers, more than 13",
        assertThrows(IllegalArgumentException.class, () -> ConstructedModels.build("s4-scan", Groups.byName("Z60"), 1 << 20))
            .getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ConstructedModels.build("ids4", Groups.byName("Z1000000"), 8))
            .getMessage()
            .startsWith("ids4 over Z1000000 would need "));
  }

  @Test
  void everyModelSaysWhatItTracks() {
    FiniteGroup g = Groups.byName("A4_x_Z5");
    for (String name : ConstructedModels.NAMES) {
      Model model = ConstructedModels.build(name.equals("s4-window") ? "s4-window:2" : name, g, 64);
      assertFalse(model.tracks().isBlank(), name);
      assertEquals(g.order(), model.inputVocabulary());
      assertEquals(g.order(), model.labelVocabulary());
    }
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ConstructedModels.build("lstm", g, 4))
            .getMessage()
            .startsWith("unknown model 'lstm'"));
  }
}
