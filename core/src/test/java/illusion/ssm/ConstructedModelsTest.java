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

  private static String refusal(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  /** Model names are case-insensitive; only s4-scan and s4-window take a (decimal) parameter. */
  @Test
  void namesAndParameters() {
    FiniteGroup z2 = Groups.byName("Z2");
    assertEquals(3, ConstructedModels.build(" S4-Scan:3 ", z2, 1).depth());
    assertEquals(
        "maxLength must be at least 1, got 0",
        refusal(() -> ConstructedModels.build("ids4", z2, 0)));
    for (String bad : new String[] {"ids4:3", "s4-scan:", "s4-scan:x", "s4-window:1234567", "diag-stack:2"}) {
      assertTrue(
          refusal(() -> ConstructedModels.build(bad, z2, 4))
              .equals("unknown model '" + bad + "': only s4-scan:L and s4-window:W take a parameter"),
          bad);
    }
    assertEquals("s4-scan needs 1 to 13 layers, got 0", refusal(() -> ConstructedModels.build("s4-scan:0", z2, 4)));
    assertEquals("s4-scan needs 1 to 13 layers, got 14", refusal(() -> ConstructedModels.build("s4-scan:14", z2, 4)));
    assertEquals(
        "s4-window needs a window of at least 1, got 0",
        refusal(() -> ConstructedModels.build("s4-window:0", z2, 4)));
    // an explicit layer count is taken as given, even beyond what maxLength needs
    assertEquals(2, ConstructedModels.build("s4-scan:2", z2, 1 << 20).depth());
    assertEquals(1, ConstructedModels.build("s4-scan", z2, 2).depth());
    assertEquals(2, ConstructedModels.build("s4-scan", z2, 3).depth());
    assertEquals(13, ConstructedModels.MAX_SCAN_LAYERS);
  }

  /**
   * s4-scan refuses, before allocating, a request whose delay lines and readout tables exceed 2^25
   * entries, naming the count: a delay of 2^(L-1) needs (2^(L-1) + 1) 2^(L-1) transition entries,
   * and the composing readout |G|^2.
   */
  @Test
  void s4ScanSizeIsCountedBeforeBuilding() {
    long count = ((1L << 11) + 1) * (1L << 11) + 6000L * 6000;
    assertEquals(
        "s4-scan over Z6000 would need " + count + " parameters and table entries, more than " + (1L << 25),
        refusal(() -> ConstructedModels.build("s4-scan:12", Groups.byName("Z6000"), 4)));
  }

  /** The descriptions state the layer count and the length up to which the model is exact. */
  @Test
  void descriptionsStateLayersAndLength() {
    FiniteGroup z2 = Groups.byName("Z2");
    String one = ConstructedModels.build("s4-scan:1", z2, 4).tracks();
    assertTrue(one.endsWith("by a parallel prefix of 1 S4 delay-line layer; exact for n <= 2"), one);
    String three = ConstructedModels.build("s4-scan:3", z2, 4).tracks();
    assertTrue(three.endsWith("by a parallel prefix of 3 S4 delay-line layers; exact for n <= 8"), three);
    String z60 = ConstructedModels.build("diag-stack", Groups.byName("Z60"), 9).tracks();
    assertTrue(z60.contains("by 1 selective diagonal counter layer along"), z60);
    assertTrue(z60.endsWith("exact for n <= 9"), z60);
    String a4z5 = ConstructedModels.build("diag-stack", Groups.byName("A4_x_Z5"), 9).tracks();
    assertTrue(a4z5.contains("by 2 selective diagonal counter layers along"), a4z5);
  }

  /**
   * Delay lines store token indices 0..|G|-1 and ids4 channels hold rep[s][i] - i in [-(d-1),
   * d-1]: each uses the narrowest precision holding those values (one bit fewer would not).
   */
  @ParameterizedTest
  @ValueSource(strings = {"Z2", "Z3", "Z4", "Z5", "S3", "A4", "Z9", "Z12", "S5"})
  void constructedLayersUseTheNarrowestPrecision(String name) {
    FiniteGroup g = Groups.byName(name);
    long tokens = g.order() - 1;
    for (String model : new String[] {"s4-scan:2", "s4-window:1"}) {
      for (Layer layer : ConstructedModels.build(model, g, 4).layers()) {
        assertNarrowest(layer.precision(), Math.max(1, tokens), model + " over " + name);
      }
    }
    int d = g.permutationDegree();
    assertNarrowest(ConstructedModels.build("ids4", g, 4).layer(0).precision(), Math.max(1, d - 1), "ids4 over " + name);
  }

  private static void assertNarrowest(illusion.number.Precision p, long magnitude, String what) {
    assertEquals(0, p.fractionBits(), what);
    assertTrue(p.fits(magnitude) && p.fits(-magnitude), what);
    if (p.bits() > 2) {
      illusion.number.Precision narrower = illusion.number.Precision.of(p.bits() - 1, 0);
      assertFalse(narrower.fits(magnitude) && narrower.fits(-magnitude), what);
    }
  }
}
