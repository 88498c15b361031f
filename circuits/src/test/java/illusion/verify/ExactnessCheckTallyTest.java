package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.compile.CompileOptions;
import illusion.compile.ModelCompiler;
import illusion.compile.Outputs;
import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An exactness report counts what was drawn: replaying the documented draws (model i of kind
 * {@code i mod |kinds|} from {@code random(seed, i)}) recomputes every total, every per-kind
 * tally and every range; budgets, case counts and time limits stop a run exactly where their
 * documentation says. Compilers are injected that record what they are given and then throw, so
 * that no circuit needs to be built.
 */
class ExactnessCheckTallyTest {

  /** One draw of the run, replayed from the class documentation. */
  record Draw(LayerKind kind, Model model, int n, Outputs outputs, String refusal, long wires, SplittableRandom rest) {
    int[] firstSequence() {
      return RandomCases.sequences(ExactnessCheck.SEQUENCES_PER_MODEL, n, model.inputVocabulary(), rest)[0];
    }
  }

  /** What model {@code i} of a run with these kinds and default settings is. */
  static Draw draw(long seed, Set<LayerKind> kinds, long i) {
    List<LayerKind> ordered = new ArrayList<>(EnumSet.copyOf(kinds));
    LayerKind kind = ordered.get((int) (i % ordered.size()));
    SplittableRandom r = ExactnessCheck.random(seed, i);
    Model model = RandomCases.model(kind, 6, r);
    int n = RandomCases.length(ExactnessCheck.DEFAULT_MAX_LENGTH, r);
    Outputs outputs = r.nextInt(10) < 7 ? Outputs.ALL : Outputs.LAST;
    try {
      long wires = ModelCompiler.project(model, n, outputs, CompileOptions.defaults()).storedWires();
      return new Draw(kind, model, n, outputs, null, wires, r);
    } catch (IllegalArgumentException e) {
      return new Draw(kind, model, n, outputs, e.getMessage(), -1, r);
    }
  }

  /** A case as a compiler receives it. */
  record Compiled(Model model, int n, Outputs outputs) {}

  /** A compiler that records its arguments and throws: every model it sees is a crash. */
  static Comparison.CircuitCompiler recording(List<Compiled> seen) {
    return (model, n, outputs) -> {
      seen.add(new Compiled(model, n, outputs));
      throw new IllegalStateException("injected");
    };
  }

  /**
   * The model sources are SplitMix64's: {@code random(seed, i)} is seeded with the JDK's own mix of
   * {@code seed * γ + i} (a fresh SplittableRandom seeded {@code x - γ} returns that mix of x
   * first). Neighbouring seeds and indices therefore never share a stream.
   */
  @Test
  void modelSourcesAreSplitMixOfSeedAndIndex() {
    long gamma = 0x9E3779B97F4A7C15L;
    Set<Long> firsts = new HashSet<>();
    for (long seed = -3; seed <= 3; seed++) {
      for (long i = 0; i < 50; i++) {
        long mixed = new SplittableRandom(seed * gamma + i - gamma).nextLong();
        SplittableRandom expected = new SplittableRandom(mixed);
        SplittableRandom actual = ExactnessCheck.random(seed, i);
        for (int k = 0; k < 3; k++) {
          long x = actual.nextLong();
          assertEquals(expected.nextLong(), x, "seed " + seed + ", index " + i);
          if (k == 0) {
            firsts.add(x);
          }
        }
      }
    }
    assertEquals(7 * 50, firsts.size());
  }

  /**
   * Every total, per-kind tally and range of a run equals the one recomputed from the replayed
   * draws: refusals counted per kind with the compiler's first reason, crashes counted with all
   * 64 cases of their model, the first crash reported on the first sequence of the first model.
   */
  @Test
  void totalsAreRecomputedFromTheReplayedDraws() {
    Set<LayerKind> kinds = EnumSet.of(LayerKind.S4D, LayerKind.IDS4);
    int compiled = 40;
    List<Compiled> seen = Collections.synchronizedList(new ArrayList<>());
    ExactnessReport r =
        ExactnessCheck.builder()
            .cases(64L * compiled)
            .seed(21)
            .kinds(kinds)
            .threads(1)
            .shrink(false)
            .maxStoredWires(Long.MAX_VALUE)
            .compiler(recording(seen))
            .build()
            .run();
    List<Draw> accepted = new ArrayList<>();
    long[] models = new long[LayerKind.values().length];
    long[] refused = new long[LayerKind.values().length];
    String[] firstRefusal = new String[LayerKind.values().length];
    for (long i = 0; accepted.size() < compiled; i++) {
      Draw d = draw(21, kinds, i);
      int k = d.kind().ordinal();
      if (d.refusal() != null) {
        refused[k]++;
        firstRefusal[k] = firstRefusal[k] == null ? d.refusal() : firstRefusal[k];
      } else {
        accepted.add(d);
        models[k]++;
      }
    }
    for (int j = 0; j < compiled; j++) {
      Draw d = accepted.get(j);
      assertEquals(new Compiled(d.model(), d.n(), d.outputs()), seen.get(j), "model " + j);
    }
    long allRefused = java.util.Arrays.stream(refused).sum();
    assertTrue(allRefused > 0, "some IDS4 draws are refused");
    assertEquals(compiled, r.models());
    assertEquals(64L * compiled, r.cases());
    assertEquals(64L * compiled, r.mismatches());
    assertEquals(compiled, r.crashes());
    assertEquals(0, r.timeouts());
    assertEquals(allRefused, r.refused());
    assertEquals(0, r.resampled());
    assertEquals(21, r.seed());
    assertFalse(r.passed());
    List<LayerKind> tallied = new ArrayList<>();
    for (ExactnessReport.KindTally t : r.kinds()) {
      int k = t.kind().ordinal();
      tallied.add(t.kind());
      assertEquals(models[k], t.models(), t.kind().toString());
      assertEquals(64 * models[k], t.cases(), t.kind().toString());
      assertEquals(64 * models[k], t.mismatches(), t.kind().toString());
      assertEquals(models[k], t.failedModels(), t.kind().toString());
      assertEquals(refused[k], t.refused(), t.kind().toString());
      assertEquals(java.util.Optional.ofNullable(firstRefusal[k]), t.firstRefusal(), t.kind().toString());
    }
    assertEquals(new ArrayList<>(kinds), tallied);
    Set<Precision> precisions = new HashSet<>();
    int minBits = Integer.MAX_VALUE;
    int maxBits = 0;
    int minLength = Integer.MAX_VALUE;
    int maxLength = 0;
    long stacked = 0;
    long lastOnly = 0;
    for (Draw d : accepted) {
      for (Layer l : d.model().layers()) {
        precisions.add(l.precision());
        minBits = Math.min(minBits, l.precision().bits());
        maxBits = Math.max(maxBits, l.precision().bits());
      }
      minLength = Math.min(minLength, d.n());
      maxLength = Math.max(maxLength, d.n());
      stacked += d.model().depth() == 2 ? 1 : 0;
      lastOnly += d.outputs() == Outputs.LAST ? 1 : 0;
    }
    assertEquals(minBits, r.minBits());
    assertEquals(maxBits, r.maxBits());
    assertEquals(precisions.size(), r.distinctPrecisions());
    assertEquals(minLength, r.minLength());
    assertEquals(maxLength, r.maxLength());
    assertEquals(stacked, r.stackedModels());
    assertEquals(lastOnly, r.lastOnlyModels());
    assertTrue(lastOnly > 0 && lastOnly < compiled, "both output modes drawn: " + lastOnly);
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(r.original(), r.counterexample(), "not shrunk");
    assertEquals(Counterexample.Failure.CRASH, c.failure());
    assertTrue(c.detail().startsWith("java.lang.IllegalStateException: injected at "), c.detail());
    assertEquals(accepted.get(0).model(), c.model());
    assertArrayEquals(accepted.get(0).firstSequence(), c.tokens());
  }

  /**
   * A model stuck before its sequences were drawn (while projecting) is reported on the all-zero
   * sequence of its length, which reproduces it as well as any; a model stuck later on its first
   * drawn sequence. Both are timeouts with all their cases counted.
   */
  @Test
  void aTimeoutBeforeTheSequencesAreDrawnIsReportedOnZeros() {
    Model m = CounterexampleTest.oneLayer(2);
    ExactnessCheck.Outcome early = ExactnessCheck.Outcome.timeout(3, new ExactnessCheck.Case(m, 4, Outputs.LAST, null), "stuck");
    Counterexample c = early.counterexample();
    assertArrayEquals(new int[4], c.tokens());
    assertEquals(Counterexample.Failure.TIMEOUT, c.failure());
    assertEquals(Outputs.LAST, c.outputs());
    assertEquals("stuck", c.detail());
    assertEquals(1, early.cases);
    int[][] drawn = {{1, 0, 1, 1}, {0, 1, 1, 0}};
    ExactnessCheck.Outcome late = ExactnessCheck.Outcome.timeout(3, new ExactnessCheck.Case(m, 4, Outputs.ALL, drawn), "stuck");
    assertArrayEquals(drawn[0], late.counterexample().tokens());
    assertEquals(2, late.mismatches);
    assertEquals(Counterexample.Failure.TIMEOUT, late.failure());
  }

  /** A run compares whole models until it has the cases asked for: 128 take two, 129 three. */
  @Test
  void aRunStopsAtTheFirstModelThatReachesTheCases() {
    for (long cases : new long[] {128, 129}) {
      ExactnessReport r =
          ExactnessCheck.builder()
              .cases(cases)
              .kinds(List.of(LayerKind.S4D))
              .threads(1)
              .shrink(false)
              .compiler(recording(Collections.synchronizedList(new ArrayList<>())))
              .build()
              .run();
      long models = (cases + 63) / 64;
      assertEquals(models, r.models(), "cases " + cases);
      assertEquals(64 * models, r.cases(), "cases " + cases);
    }
  }

  /**
   * The budget is inclusive: a model whose projection is exactly the budget is checked as drawn;
   * one stored wire less and it is redrawn (and the redraw counted).
   */
  @Test
  void theBudgetIsInclusiveAndRedrawsAreCounted() {
    Set<LayerKind> kinds = EnumSet.of(LayerKind.S4);
    Draw first = draw(5, kinds, 0);
    assertTrue(first.refusal() == null && first.wires() > 1, first.toString());
    for (long budget : new long[] {first.wires(), first.wires() - 1}) {
      List<Compiled> seen = Collections.synchronizedList(new ArrayList<>());
      ExactnessReport r =
          ExactnessCheck.builder()
              .cases(64)
              .seed(5)
              .kinds(kinds)
              .threads(1)
              .shrink(false)
              .maxStoredWires(budget)
              .compiler(recording(seen))
              .build()
              .run();
      Compiled drawn = new Compiled(first.model(), first.n(), first.outputs());
      if (budget == first.wires()) {
        assertEquals(0, r.resampled());
        assertEquals(drawn, seen.get(0));
      } else {
        assertTrue(r.resampled() >= 1, "redrawn: " + r.resampled());
        assertNotEquals(drawn, seen.get(0));
        assertTrue(
            ModelCompiler.project(seen.get(0).model(), seen.get(0).n(), seen.get(0).outputs(), CompileOptions.defaults())
                    .storedWires()
                <= budget);
      }
    }
  }

  /**
   * When no model fits the budget, each is drawn {@value ExactnessCheck#MAX_DRAWS} times and the
   * check gives up after {@value ExactnessCheck#MAX_BARREN_MODELS} such models: nothing is
   * checked, so every range is 0 and no kind is listed.
   */
  @Test
  void aBudgetNothingFitsEndsTheCheck() {
    ExactnessReport r =
        ExactnessCheck.builder()
            .cases(1_000)
            .kinds(List.of(LayerKind.S4D))
            .maxLength(1)
            .maxVocabulary(1)
            .maxStoredWires(1)
            .build()
            .run();
    assertEquals((long) ExactnessCheck.MAX_DRAWS * ExactnessCheck.MAX_BARREN_MODELS, r.resampled());
    assertEquals(0, r.cases());
    assertEquals(0, r.models());
    assertEquals(0, r.refused());
    assertTrue(r.passed());
    assertTrue(r.kinds().isEmpty());
    assertEquals(List.of(0, 0, 0, 0, 0), List.of(r.minBits(), r.maxBits(), r.distinctPrecisions(), r.minLength(), r.maxLength()));
    assertTrue(r.counterexample().isEmpty());
  }

  /**
   * A model that exceeds the time limit is a timeout, not a crash, counted against its kind with
   * all its cases; the check stops there rather than wait on the stuck worker, and reports the
   * first sequence drawn for the model.
   */
  @Test
  void aTimeoutStopsTheRunAndIsReportedOnTheDrawnSequence() {
    Set<LayerKind> kinds = EnumSet.of(LayerKind.S4D);
    ExactnessReport r =
        ExactnessCheck.builder()
            .cases(64 * 5)
            .seed(8)
            .kinds(kinds)
            .threads(1)
            .timeout(100, TimeUnit.MILLISECONDS)
            .shrink(false)
            .compiler(
                (model, n, outputs) -> {
                  sleep(10_000);
                  return ModelCompiler.compile(model, n, outputs);
                })
            .build()
            .run();
    assertEquals(1, r.models());
    assertEquals(1, r.timeouts());
    assertEquals(0, r.crashes());
    assertEquals(64, r.mismatches());
    ExactnessReport.KindTally s4d = r.kinds().get(0);
    assertEquals(1, s4d.failedModels());
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(Counterexample.Failure.TIMEOUT, c.failure());
    assertEquals("no result after 0 s", c.detail());
    Draw first = draw(8, kinds, 0);
    assertEquals(first.model(), c.model());
    assertArrayEquals(first.firstSequence(), c.tokens());
  }

  /**
   * A timeout is shrunk with probes that time out in turn: a compiler stuck on sequences of two or
   * more tokens shrinks to a shorter sequence that still has two or more.
   */
  @Test
  void aTimeoutIsShrunkToAShorterSequenceThatStillHangs() {
    Set<LayerKind> kinds = EnumSet.of(LayerKind.S4D);
    long seed = 1;
    while (draw(seed, kinds, 0).n() < 4) {
      seed++;
    }
    ExactnessReport r =
        ExactnessCheck.builder()
            .cases(64)
            .seed(seed)
            .kinds(kinds)
            .threads(1)
            .timeout(100, TimeUnit.MILLISECONDS)
            .compiler(
                (model, n, outputs) -> {
                  if (n >= 2) {
                    sleep(10_000);
                  }
                  return ModelCompiler.compile(model, n, outputs);
                })
            .build()
            .run();
    assertEquals(1, r.timeouts());
    Counterexample original = r.original().orElseThrow();
    Counterexample shrunk = r.counterexample().orElseThrow();
    assertEquals(draw(seed, kinds, 0).n(), original.tokens().length);
    assertEquals(Counterexample.Failure.TIMEOUT, shrunk.failure());
    assertTrue(shrunk.detail().startsWith("no result after "), shrunk.detail());
    assertTrue(shrunk.tokens().length >= 2 && shrunk.tokens().length < original.tokens().length, shrunk.toString());
    assertTrue(r.shrinkSteps() >= 1);
  }

  /**
   * The report's time covers checking and shrinking: at least the time the compiler demonstrably
   * slept in all its calls, at most the wall-clock time around the run.
   */
  @Test
  void theReportedTimeCoversCheckingAndShrinking() {
    AtomicInteger calls = new AtomicInteger();
    long start = System.nanoTime();
    ExactnessReport r =
        ExactnessCheck.builder()
            .cases(64)
            .seed(3)
            .kinds(List.of(LayerKind.S4D))
            .threads(1)
            .compiler(
                (model, n, outputs) -> {
                  calls.incrementAndGet();
                  sleep(2);
                  throw new IllegalStateException("injected");
                })
            .build()
            .run();
    long wall = System.nanoTime() - start;
    assertTrue(r.shrinkSteps() > 0);
    assertTrue(calls.get() > 1);
    assertTrue(r.nanos() >= calls.get() * TimeUnit.MILLISECONDS.toNanos(2), r.nanos() + " ns for " + calls + " calls");
    assertTrue(r.nanos() <= wall, r.nanos() + " > " + wall);
    Model m = CounterexampleTest.oneLayer(2);
    long before = System.nanoTime();
    ExactnessReport one = ExactnessCheck.builder().build().check(m, new int[][] {{0, 1}}, Outputs.ALL);
    long around = System.nanoTime() - before;
    assertTrue(one.nanos() > 0 && one.nanos() <= around, one.nanos() + " vs " + around);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A crash is described by its class, its message when it has one, and where it was thrown. */
  @Test
  void crashesAreDescribedByClassMessageAndPlace() {
    IllegalStateException withMessage = new IllegalStateException("boom");
    assertEquals(
        "java.lang.IllegalStateException: boom at " + withMessage.getStackTrace()[0],
        ExactnessCheck.describe(withMessage));
    NullPointerException without = new NullPointerException();
    assertEquals("java.lang.NullPointerException at " + without.getStackTrace()[0], ExactnessCheck.describe(without));
    RuntimeException nowhere = new RuntimeException("lost");
    nowhere.setStackTrace(new StackTraceElement[0]);
    assertEquals("java.lang.RuntimeException: lost", ExactnessCheck.describe(nowhere));
  }

  /** Workers are daemon threads named for the check, so a stuck one cannot keep the JVM alive. */
  @Test
  void workersAreNamedDaemonThreads() {
    List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    Comparison.CircuitCompiler spy =
        (model, n, outputs) -> {
          threads.add(Thread.currentThread());
          return ModelCompiler.compile(model, n, outputs);
        };
    ExactnessCheck check =
        ExactnessCheck.builder().cases(64).kinds(List.of(LayerKind.S4D)).threads(2).compiler(spy).build();
    assertTrue(check.run().passed());
    assertTrue(check.check(CounterexampleTest.oneLayer(2), new int[][] {{1, 0}}, Outputs.LAST).passed());
    assertTrue(threads.size() >= 2);
    for (Thread t : threads) {
      assertTrue(t.isDaemon(), t.getName());
      assertEquals("exactness-check", t.getName());
    }
  }

  /**
   * {@code check} refuses a case whose projected circuit exceeds the compiler's wire limit before
   * compiling, naming the model and length; exactly at the limit it is checked.
   */
  @Test
  void checkRefusesACaseAboveTheWireLimitOnly() {
    Model m = CounterexampleTest.twoLayers();
    long wires = ModelCompiler.project(m, 3, Outputs.ALL, CompileOptions.defaults()).storedWires();
    int[][] seqs = {{1, 0, 1}};
    ExactnessReport at =
        ExactnessCheck.builder()
            .options(CompileOptions.builder().wireLimit(wires).build())
            .build()
            .check(m, seqs, Outputs.ALL);
    assertTrue(at.passed());
    assertEquals(1, at.cases());
    String message =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ExactnessCheck.builder()
                        .options(CompileOptions.builder().wireLimit(wires - 1).build())
                        .build()
                        .check(m, seqs, Outputs.ALL))
            .getMessage();
    assertTrue(message.startsWith("compiling model two for n = 3 would take about "), message);
    assertTrue(message.endsWith(String.format("above the limit of %,d stored wires", wires - 1)), message);
  }

  /**
   * A report of one checked model describes that model: its kind only, the narrowest and widest
   * precision of its layers, their distinct (bits, fraction bits) pairs, its length, whether it is
   * stacked and compiled at the last position only.
   */
  @Test
  void aCheckedModelIsDescribedByItsReport() {
    for (Model m : new Model[] {CounterexampleTest.oneLayer(2), CounterexampleTest.twoLayers()}) {
      for (Outputs outputs : Outputs.values()) {
        int[][] seqs = {{1, 0, 1, 1}, {0, 0, 0, 1}, {1, 1, 1, 1}};
        ExactnessReport r = ExactnessCheck.builder().seed(77).build().check(m, seqs, outputs);
        assertTrue(r.passed());
        assertEquals(77, r.seed());
        assertEquals(1, r.models());
        assertEquals(seqs.length, r.cases());
        Set<Precision> precisions = new HashSet<>();
        m.layers().forEach(l -> precisions.add(l.precision()));
        assertEquals(precisions.size(), r.distinctPrecisions());
        assertEquals(m.layers().stream().mapToInt(l -> l.precision().bits()).min().getAsInt(), r.minBits());
        assertEquals(m.layers().stream().mapToInt(l -> l.precision().bits()).max().getAsInt(), r.maxBits());
        assertEquals(4, r.minLength());
        assertEquals(4, r.maxLength());
        assertEquals(m.depth() > 1 ? 1 : 0, r.stackedModels());
        assertEquals(outputs == Outputs.LAST ? 1 : 0, r.lastOnlyModels());
        assertEquals(1, r.kinds().size());
        ExactnessReport.KindTally t = r.kinds().get(0);
        assertEquals(m.layer(0).kind(), t.kind());
        assertEquals(List.of(1L, (long) seqs.length, 0L, 0L, 0L), List.of(t.models(), t.cases(), t.mismatches(), t.failedModels(), t.refused()));
        assertTrue(t.firstRefusal().isEmpty());
      }
    }
  }

  /**
   * The limits are inclusive: one-token sequences are checked, and a time limit of one unit is
   * accepted (zero is refused).
   */
  @Test
  void oneTokenAndOneTimeUnitAreAccepted() {
    Model m = CounterexampleTest.oneLayer(2);
    ExactnessReport r =
        ExactnessCheck.builder().timeout(1, TimeUnit.MINUTES).build().check(m, new int[][] {{1}, {0}}, Outputs.LAST);
    assertTrue(r.passed());
    assertEquals(2, r.cases());
    assertEquals(1, r.maxLength());
    assertEquals(
        "the time limit must be positive, got 0",
        assertThrows(IllegalArgumentException.class, () -> ExactnessCheck.builder().timeout(0, TimeUnit.MINUTES))
            .getMessage());
  }

  /**
   * Of several failing sequences the first one is reported, with its own first disagreement, and
   * every failing sequence is counted.
   */
  @Test
  void theFirstFailingSequenceIsReported() {
    Model m = CounterexampleTest.oneLayer(2);
    int[][] seqs = {{1, 1, 1}, {0, 0, 0}, {0, 1, 0}, {1, 0, 0}};
    String[] expected = Comparison.disagreements(ExactnessCheckTest.offByOne(m, 3, Outputs.ALL), m, seqs);
    int first = -1;
    int failing = 0;
    for (int s = 0; s < seqs.length; s++) {
      if (expected[s] != null) {
        failing++;
        first = first < 0 ? s : first;
      }
    }
    assertTrue(failing >= 2 && first >= 0);
    ExactnessReport r =
        ExactnessCheck.builder().shrink(false).compiler(ExactnessCheckTest::offByOne).build().check(m, seqs, Outputs.ALL);
    assertEquals(failing, r.mismatches());
    Counterexample c = r.counterexample().orElseThrow();
    assertArrayEquals(seqs[first], c.tokens());
    assertEquals(expected[first], c.detail());
    assertEquals(Counterexample.Failure.MISMATCH, c.failure());
  }
}
