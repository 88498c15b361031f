package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Model;
import illusion.word.Dataset;
import illusion.word.DatasetCsv;
import illusion.word.DatasetRow;
import illusion.word.WordGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The constructed models of DESIGN.md "Constructed layers", compiled: each circuit agrees bit for
 * bit with the native evaluator (every output bit and label at every position), and where the
 * model is exact its circuit's labels are the prefix products of the data (the CSV's targets,
 * computed from the group, not from any model). Data: generated words, and the first 200 rows of
 * the paper's {@code A5=16.csv}.
 */
class ConstructedModelsCompileTest {
  private static final FiniteGroup A5 = Groups.byName("A5");
  private static final FiniteGroup A4_X_Z5 = Groups.byName("A4_x_Z5");
  private static final FiniteGroup Z60 = Groups.byName("Z60");

  private static List<DatasetRow> paperRows;

  @BeforeAll
  static void readPaperData() {
    Dataset data = DatasetCsv.read(paperData("A5=16.csv"), A5);
    paperRows = data.rows().subList(0, 200);
  }

  /** Thm 4.2 in a stack: s4-scan's 4 delay lines compose A5 prefixes exactly for n = 16. */
  @Test
  void s4ScanTracksA5OnThePapersData() {
    Model model = ConstructedModels.build("s4-scan", A5, 16);
    CompiledModel compiled = ModelCompiler.compile(model, 16, Outputs.ALL);
    checkExact(compiled, paperRows);
  }

  @Test
  void s4ScanTracksSolvableAndAbelianGroups() {
    for (FiniteGroup g : new FiniteGroup[] {A4_X_Z5, Z60}) {
      Model model = ConstructedModels.build("s4-scan", g, 8);
      checkExact(ModelCompiler.compile(model, 8, Outputs.ALL), generated(g, 8, 64, 1));
    }
  }

  /** s4-scan with LAST builds only the parallel-prefix tree behind position n-1. */
  @Test
  void s4ScanLastOutputOnlyIsSmallerAndStillExact() {
    Model model = ConstructedModels.build("s4-scan", A5, 16);
    CompiledModel last = ModelCompiler.compile(model, 16, Outputs.LAST);
    CompiledModel all = ModelCompiler.compile(model, 16, Outputs.ALL);
    assertTrue(last.stats().gates() < all.stats().gates() / 2, last.stats() + " vs " + all.stats());
    checkExact(last, paperRows);
  }

  /**
   * s4-window:W sees the last W tokens; the A5 table over 60^W tuples only fits for W ≤ 3, so on
   * the paper's data it runs on the rows' first 3 tokens.
   */
  @Test
  void s4WindowOnPrefixesOfThePapersData() {
    Model model = ConstructedModels.build("s4-window:3", A5, 3);
    CompiledModel compiled = ModelCompiler.compile(model, 3, Outputs.ALL);
    List<DatasetRow> prefixes =
        paperRows.stream()
            .map(
                r ->
                    DatasetRow.of(
                        r.seed(),
                        Arrays.copyOf(r.input(), 3),
                        Arrays.copyOf(r.target(), 3)))
            .toList();
    checkExact(compiled, prefixes);
    Model z60 = ConstructedModels.build("s4-window:3", Z60, 3);
    checkExact(ModelCompiler.compile(z60, 3, Outputs.ALL), generated(Z60, 3, 100, 2));
  }

  /** Shakerinava et al.: diagonal layers along the derived series track solvable groups. */
  @Test
  void diagStackTracksSolvableGroups() {
    Model a4z5 = ConstructedModels.build("diag-stack", A4_X_Z5, 16);
    assertEquals(2, a4z5.depth());
    checkExact(ModelCompiler.compile(a4z5, 16, Outputs.ALL), generated(A4_X_Z5, 16, 100, 3));
    Model z60 = ConstructedModels.build("diag-stack", Z60, 16);
    checkExact(ModelCompiler.compile(z60, 16, Outputs.ALL), generated(Z60, 16, 100, 4));
  }

  /**
   * diag-stack's first layer is read only modulo the order of A4_x_Z5's abelianization, so its
   * counters are held by their residues (iterated addition mod m over blocks of positions, in
   * constant depth): exact at n = 64, where blocks are used, and projected to grow subquadratically,
   * so that n = 4096 fits the wire limit of a 4 GiB heap.
   */
  @Test
  void diagStackCountersScaleToLongWords() {
    Model m64 = ConstructedModels.build("diag-stack", A4_X_Z5, 64);
    CompiledModel all = ModelCompiler.compile(m64, 64, Outputs.ALL);
    checkExact(all, generated(A4_X_Z5, 64, 64, 5));
    CompiledModel last = ModelCompiler.compile(m64, 64, Outputs.LAST);
    checkExact(last, generated(A4_X_Z5, 64, 64, 6));
    CompileOptions unlimited = CompileOptions.builder().wireLimit(Long.MAX_VALUE).build();
    long at1024 = projectedDiagStack(1024, unlimited);
    long at4096 = projectedDiagStack(4096, unlimited);
    assertTrue(at4096 < 8 * at1024, at1024 + " stored wires at n = 1024, " + at4096 + " at 4096");
    long limit = (4L << 30) / CompileOptions.BYTES_PER_STORED_WIRE;
    assertTrue(at4096 <= limit, at4096 + " stored wires at n = 4096, limit " + limit);
  }

  private static long projectedDiagStack(int n, CompileOptions options) {
    Model model = ConstructedModels.build("diag-stack", A4_X_Z5, n);
    return ModelCompiler.project(model, n, Outputs.LAST, options).storedWires();
  }

  /** A5 is perfect: diag-stack does not exist for it (Cor 4.7's side of the story). */
  @Test
  void diagStackIsRefusedForA5() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ConstructedModels.build("diag-stack", A5, 16));
    assertTrue(e.getMessage().contains("not solvable"), e.getMessage());
  }

  /**
   * diag-abelian tracks only G/G': exact on Z60, and on A5 (where G/G' is trivial) its circuit
   * still agrees with the native model, though not with the prefix products.
   */
  @Test
  void diagAbelianAgreesWithTheNativeModel() {
    Model z60 = ConstructedModels.build("diag-abelian", Z60, 16);
    checkExact(ModelCompiler.compile(z60, 16, Outputs.ALL), generated(Z60, 16, 100, 5));
    Model a5 = ConstructedModels.build("diag-abelian", A5, 16);
    CompiledModel compiled = ModelCompiler.compile(a5, 16, Outputs.ALL);
    CircuitAgreement.Result result = CircuitAgreement.check(compiled, inputs(paperRows));
    assertTrue(result.agrees(), result::toString);
    Model a4z5 = ConstructedModels.build("diag-abelian", A4_X_Z5, 16);
    CircuitAgreement.Result r2 =
        CircuitAgreement.check(
            ModelCompiler.compile(a4z5, 16, Outputs.LAST), inputs(generated(A4_X_Z5, 16, 64, 6)));
    assertTrue(r2.agrees(), r2::toString);
  }

  /** Agreement with the native evaluator, and labels equal to the rows' prefix products. */
  private static void checkExact(CompiledModel compiled, List<DatasetRow> rows) {
    int[][] inputs = inputs(rows);
    CircuitAgreement.Result result = CircuitAgreement.check(compiled, inputs);
    assertTrue(result.agrees(), result::toString);
    int[] positions = compiled.positions();
    int[][] labels = compiled.labels(inputs);
    for (int s = 0; s < rows.size(); s++) {
      int[] target = rows.get(s).target();
      int[] expected = Arrays.stream(positions).map(t -> target[t]).toArray();
      assertArrayEquals(expected, labels[s], "row " + s + ": " + rows.get(s));
    }
  }

  private static int[][] inputs(List<DatasetRow> rows) {
    return rows.stream().map(DatasetRow::input).toArray(int[][]::new);
  }

  private static List<DatasetRow> generated(FiniteGroup g, int n, int rows, long seed) {
    return Dataset.generate(WordGenerator.sample(g, n, rows, seed)).rows();
  }

  /** {@code shared/paper-data/<file>} beside an ancestor of the working directory. */
  private static Path paperData(String file) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("paper-data");
      if (Files.isDirectory(candidate)) {
        return candidate.resolve(file);
      }
    }
    throw new IllegalStateException("shared/paper-data not found above " + Path.of("").toAbsolutePath());
  }
}
