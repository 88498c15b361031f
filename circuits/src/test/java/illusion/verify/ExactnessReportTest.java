package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.compile.ModelCompiler;
import illusion.compile.Outputs;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import illusion.ssm.RandomModels;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * An exactness report's totals are the sums of its per-kind tallies and describe the cases drawn
 * (precisions, lengths, stacked models); failures are counted where they happened; the builder
 * and {@link ExactnessCheck#check} refuse bad settings and inputs naming them.
 */
class ExactnessReportTest {

  private static void assertRefused(Executable call, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  /**
   * Totals are the per-kind sums, and the ranges cover what the random cases draw; called on the
   * reports of {@link ExactnessCheckTest} rather than on a run of its own.
   */
  static void assertTotalsAreTheSumsOfTheKinds(ExactnessReport r) {
    long models = 0;
    long cases = 0;
    long refused = 0;
    for (ExactnessReport.KindTally k : r.kinds()) {
      models += k.models();
      cases += k.cases();
      refused += k.refused();
      assertEquals(0, k.mismatches());
      assertEquals(0, k.failedModels());
      assertEquals(k.refused() > 0, k.firstRefusal().isPresent(), k.kind().toString());
      assertEquals(ExactnessCheck.SEQUENCES_PER_MODEL * k.models(), k.cases());
    }
    assertEquals(EnumSet.allOf(LayerKind.class).size(), r.kinds().size());
    assertEquals(r.models(), models);
    assertEquals(r.cases(), cases);
    assertEquals(r.refused(), refused);
    assertTrue(r.minBits() >= 2 && r.minBits() <= 4, "narrow precisions drawn: " + r.minBits());
    assertTrue(r.maxBits() > 16, "wide precisions drawn: " + r.maxBits());
    assertTrue(r.distinctPrecisions() > 20, "distinct precisions " + r.distinctPrecisions());
    assertEquals(1, r.minLength());
    assertTrue(r.maxLength() > 12 && r.maxLength() <= ExactnessCheck.DEFAULT_MAX_LENGTH, "max length " + r.maxLength());
    assertTrue(r.stackedModels() > 0 && r.stackedModels() < r.models() / 4, "stacked " + r.stackedModels());
    assertTrue(r.lastOnlyModels() > 0 && r.lastOnlyModels() < r.models(), "last only " + r.lastOnlyModels());
    assertEquals(0, r.crashes() + r.timeouts() + r.mismatches());
    assertTrue(r.nanos() > 0);
  }

  /** Only the kinds asked for are drawn, and a compiler's crash is counted against its kind. */
  @Test
  void failuresAreCountedPerKind() {
    ExactnessReport r =
        ExactnessCheck.builder()
            .cases(320)
            .seed(3)
            .kinds(List.of(LayerKind.S4D))
            .shrink(false)
            .compiler(
                (model, n, outputs) -> {
                  if (n >= 4) {
                    throw new IllegalStateException("injected");
                  }
                  return ModelCompiler.compile(model, n, outputs);
                })
            .build()
            .run();
    assertEquals(1, r.kinds().size());
    ExactnessReport.KindTally s4d = r.kinds().get(0);
    assertEquals(LayerKind.S4D, s4d.kind());
    assertEquals(r.crashes(), s4d.failedModels());
    assertTrue(r.crashes() > 0);
    assertEquals(0, r.timeouts());
    assertFalse(r.passed());
    assertEquals(r.original(), r.counterexample(), "not shrunk");
    assertEquals(0, r.shrinkSteps());
    assertEquals(Counterexample.Failure.CRASH, r.counterexample().orElseThrow().failure());
  }

  @Test
  void builderRefusals() {
    assertRefused(() -> ExactnessCheck.builder().cases(0), "the number of cases must be at least 1, got 0");
    assertRefused(
        () -> ExactnessCheck.builder().cases(1_000_000_000_001L), "1000000000001 cases are more than 10^12; run several seeds");
    ExactnessCheck.builder().cases(1_000_000_000_000L).cases(1);
    assertRefused(() -> ExactnessCheck.builder().kinds(List.of()), "at least one layer kind is needed");
    assertRefused(() -> ExactnessCheck.builder().maxLength(0), "the longest sequence must be 1..64, got 0");
    assertRefused(() -> ExactnessCheck.builder().maxLength(65), "the longest sequence must be 1..64, got 65");
    ExactnessCheck.builder().maxLength(64).maxLength(1);
    assertRefused(() -> ExactnessCheck.builder().maxVocabulary(0), "the largest vocabulary must be 1..16, got 0");
    assertRefused(() -> ExactnessCheck.builder().maxVocabulary(17), "the largest vocabulary must be 1..16, got 17");
    ExactnessCheck.builder().maxVocabulary(16).maxVocabulary(1);
    assertRefused(() -> ExactnessCheck.builder().threads(0), "threads must be 1..64, got 0");
    assertRefused(() -> ExactnessCheck.builder().threads(65), "threads must be 1..64, got 65");
    ExactnessCheck.builder().threads(64).threads(1);
    assertRefused(() -> ExactnessCheck.builder().timeout(0, TimeUnit.SECONDS), "the time limit must be positive, got 0");
    assertRefused(() -> ExactnessCheck.builder().maxStoredWires(0), "the wire budget must be positive, got 0");
    assertEquals(
        "exactness check of 5 cases, seed 9, kinds [s4, rnn], lengths 1..7",
        ExactnessCheck.builder().cases(5).seed(9).kinds(List.of(LayerKind.RNN, LayerKind.S4)).maxLength(7).build().toString());
  }

  /** The limits are inclusive: one vocabulary token and one-token sequences give a valid run. */
  @Test
  void smallestSettingsRun() {
    ExactnessReport r =
        ExactnessCheck.builder().cases(64).seed(1).maxLength(1).maxVocabulary(1).maxStoredWires(1_000_000).build().run();
    assertTrue(r.passed());
    assertEquals(1, r.maxLength());
    assertEquals(1, r.minLength());
  }

  @Test
  void checkRefusesBadSequences() {
    Model model = RandomModels.build("s4d-random", 3, 1);
    ExactnessCheck check = ExactnessCheck.builder().build();
    assertRefused(() -> check.check(model, new int[0][], Outputs.ALL), "no sequences to check");
    assertRefused(() -> check.check(model, new int[][] {{}}, Outputs.ALL), "sequences must have at least one token");
    assertRefused(
        () -> check.check(model, new int[][] {{0, 1}, {0}}, Outputs.ALL), "all sequences must have length 2, got one of 1");
    assertRefused(
        () -> check.check(model, new int[][] {{0, 3}}, Outputs.ALL),
        "token 3 at position 2 is outside the model's vocabulary [0, 3)");
    assertRefused(
        () -> check.check(model, new int[][] {{-1, 0}}, Outputs.ALL),
        "token -1 at position 1 is outside the model's vocabulary [0, 3)");
    ExactnessReport ok = check.check(model, new int[][] {{0, 2}, {2, 1}}, Outputs.ALL);
    assertTrue(ok.passed());
    assertEquals(2, ok.cases());
    assertEquals(1, ok.models());
  }
}
