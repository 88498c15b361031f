package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.compile.CompiledModel;
import illusion.compile.ModelCompiler;
import illusion.compile.Outputs;
import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ExactnessCheckTest {

  /**
   * DESIGN.md "Semantics": a compiled circuit agrees with the native evaluator bit for bit. Every
   * kind the compiler accepts, checked on a few thousand random cases; the report is a function of
   * the seed alone, whatever the number of threads.
   */
  @Test
  void randomCasesAgreeAndTheReportDependsOnTheSeedOnly() {
    ExactnessReport one = ExactnessCheck.builder().cases(1_500).seed(42).threads(1).build().run();
    ExactnessReport two = ExactnessCheck.builder().cases(1_500).seed(42).threads(2).build().run();
    assertTrue(one.passed(), () -> one.counterexample().map(Object::toString).orElse("crash"));
    assertEquals(0, one.mismatches());
    assertTrue(one.cases() >= 1_500);
    assertEquals(one.cases(), ExactnessCheck.SEQUENCES_PER_MODEL * one.models());
    assertEquals(summary(one), summary(two));
    ExactnessReportTest.assertTotalsAreTheSumsOfTheKinds(one);
    ExactnessReport other = ExactnessCheck.builder().cases(1_500).seed(43).threads(2).build().run();
    assertFalse(summary(one).equals(summary(other)), "another seed draws other models");
  }

  private static String summary(ExactnessReport r) {
    StringBuilder s = new StringBuilder();
    s.append(r.cases()).append(' ').append(r.models()).append(' ').append(r.refused()).append(' ')
        .append(r.resampled()).append(' ').append(r.minBits()).append(' ').append(r.maxBits())
        .append(' ').append(r.distinctPrecisions()).append(' ').append(r.minLength()).append(' ')
        .append(r.maxLength()).append(' ').append(r.stackedModels()).append(' ')
        .append(r.lastOnlyModels());
    for (ExactnessReport.KindTally k : r.kinds()) {
      s.append(" | ").append(k.kind()).append(' ').append(k.models()).append(' ').append(k.cases())
          .append(' ').append(k.refused());
    }
    return s.toString();
  }

  /**
   * A compiler that miscompiles D[0][|Σ|-1] of the first layer by one raw step: the check must
   * find it and shrink it to the smallest case that shows it, one token |Σ|-1 = 1 on a layer with
   * one state, one output and two tokens, on which the real compiler is right.
   */
  @Test
  void anInjectedMiscompilationIsFoundAndShrunk() {
    ExactnessReport r =
        ExactnessCheck.builder()
            .cases(640)
            .seed(9)
            .kinds(EnumSet.of(LayerKind.S4, LayerKind.SELECTIVE))
            .compiler(ExactnessCheckTest::offByOne)
            .build()
            .run();
    assertFalse(r.passed());
    assertTrue(r.mismatches() > 0);
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(Counterexample.Failure.MISMATCH, c.failure());
    assertArrayEquals(new int[] {1}, c.tokens(), c.toString());
    assertEquals(1, c.model().depth());
    Layer layer = c.model().layer(0);
    assertEquals(List.of(1, 1, 2), List.of(layer.stateDim(), layer.outputDim(), layer.vocabularySize()), c.toString());
    assertEquals(2, layer.precision().bits(), c.toString());
    assertTrue(r.shrinkSteps() > 0);
    assertTrue(r.original().orElseThrow().tokens().length >= c.tokens().length);
    // the shrunk case still fails under the faulty compiler and passes under the real one
    int[][] seq = {c.tokens()};
    assertNotNull(Comparison.disagreements(offByOne(c.model(), 1, c.outputs()), c.model(), seq)[0]);
    assertNull(
        Comparison.disagreements(ModelCompiler.compile(c.model(), 1, c.outputs()), c.model(), seq)[0]);
  }

  /** Compiles the model with D[0][|Σ|-1] of layer 0 moved by one raw step (when |Σ| >= 2). */
  static CompiledModel offByOne(Model model, int n, Outputs outputs) {
    Layer first = model.layer(0);
    if (first.vocabularySize() < 2) {
      return ModelCompiler.compile(model, n, outputs);
    }
    LayerParts parts = LayerParts.of(first).copyParts();
    long[] row = parts.d[0];
    int last = row.length - 1;
    row[last] += row[last] > first.precision().minRaw() ? -1 : 1;
    Model.Builder b = Model.builder(model.name(), model.inputVocabulary()).add(parts.build(), model.readout(0));
    for (int l = 1; l < model.depth(); l++) {
      b.add(model.layer(l), model.readout(l));
    }
    return ModelCompiler.compile(b.build(), n, outputs);
  }

  /** A compiler that throws on sequences of three or more tokens: a crash, shrunk to n = 3. */
  @Test
  void anInjectedCrashIsReportedAndShrunk() {
    ExactnessReport r =
        ExactnessCheck.builder()
            .cases(640)
            .seed(4)
            .kinds(EnumSet.of(LayerKind.S4D))
            .compiler(
                (model, n, outputs) -> {
                  if (n >= 3) {
                    throw new IllegalStateException("injected");
                  }
                  return ModelCompiler.compile(model, n, outputs);
                })
            .build()
            .run();
    assertTrue(r.crashes() > 0);
    Counterexample c = r.counterexample().orElseThrow();
    assertEquals(Counterexample.Failure.CRASH, c.failure());
    assertTrue(c.detail().startsWith("java.lang.IllegalStateException: injected"), c.detail());
    assertEquals(3, c.tokens().length);
    assertArrayEquals(new int[] {0, 0, 0}, c.tokens());
    assertEquals(1, c.model().inputVocabulary());
    assertEquals(1, c.model().layer(0).stateDim());
  }

  /**
   * A compiler that never returns is a timeout, and the check still ends. Tagged slow: its worker
   * spins for seconds on purpose, which mutation testing must not mistake for a hang of its own.
   */
  @Test
  @Tag("slow")
  void aHangIsATimeoutAndTheCheckEnds() {
    long start = System.nanoTime();
    ExactnessReport r =
        ExactnessCheck.builder()
            .cases(640)
            .seed(4)
            .kinds(EnumSet.of(LayerKind.S4))
            .timeout(1, TimeUnit.SECONDS)
            .shrink(false)
            .compiler(
                (model, n, outputs) -> {
                  long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                  while (n >= 2 && System.nanoTime() < until) {
                    Thread.onSpinWait(); // ignores interrupts, as a stuck loop would
                  }
                  return ModelCompiler.compile(model, n, outputs);
                })
            .build()
            .run();
    assertEquals(1, r.timeouts());
    assertFalse(r.passed());
    assertEquals(Counterexample.Failure.TIMEOUT, r.counterexample().orElseThrow().failure());
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15));
  }

  /** Replaying one model: refusals propagate, agreement passes, a fault is found. */
  @Test
  void checkOneModel() {
    Model m = RandomCases.model(LayerKind.S4, 3, new java.util.SplittableRandom(5));
    int[][] seqs = RandomCases.sequences(100, 5, m.inputVocabulary(), new java.util.SplittableRandom(6));
    ExactnessReport ok = ExactnessCheck.builder().build().check(m, seqs, Outputs.ALL);
    assertTrue(ok.passed());
    assertEquals(100, ok.cases());
  }
}
