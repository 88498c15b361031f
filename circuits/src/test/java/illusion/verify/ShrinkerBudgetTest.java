package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.compile.Outputs;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The shrinker ends by itself: at a fixpoint when no candidate fails (refused candidates are not
 * failures), at the probe budget, or at its time limit, whichever comes first; and without a
 * failing candidate it returns the start unchanged.
 */
class ShrinkerBudgetTest {

  /** A two-layer model with several states, outputs and tokens, so that every pass has candidates. */
  private static Counterexample start() {
    SplittableRandom r = new SplittableRandom(11);
    while (true) {
      Model m = RandomCases.model(LayerKind.S4, 5, r);
      if (m.depth() == 2 && m.inputVocabulary() >= 3 && m.layer(0).stateDim() >= 2 && m.layer(0).outputDim() >= 2) {
        return new Counterexample(m, new int[] {2, 0, 1, 2, 1, 0, 2}, Outputs.ALL, Counterexample.Failure.MISMATCH, "start");
      }
    }
  }

  /**
   * No candidate fails: one round tries each, then the shrinker stops well before its budget, with
   * the start and no step.
   */
  @Test
  void withoutAFailingCandidateTheStartIsKept() {
    assertOneFruitlessRound(() -> null);
  }

  /** A refused candidate (the compiler's IllegalArgumentException) is neither a failure nor progress. */
  @Test
  void refusedCandidatesAreNotProgress() {
    assertOneFruitlessRound(() -> {
      throw new IllegalArgumentException("refused");
    });
  }

  /** Every probe answers as {@code outcome} does: one round of candidates, then the start kept. */
  private static void assertOneFruitlessRound(Supplier<Counterexample> outcome) {
    Counterexample start = start();
    int[] calls = {0};
    Shrinker.Result r = Shrinker.shrink((m, t, o) -> {
      calls[0]++;
      return outcome.get();
    }, start, 20_000, TimeUnit.SECONDS.toNanos(20));
    assertSame(start, r.counterexample);
    assertEquals(0, r.steps);
    assertEquals(calls[0], r.probes);
    assertTrue(r.probes > 10 && r.probes < 2_000, "one round of candidates: " + r.probes);
  }

  /** The time limit bounds the work: probes of 5 ms within 30 ms are at most seven. */
  @Test
  void stopsAtTheTimeLimit() {
    Counterexample start = start();
    Shrinker.Result r = Shrinker.shrink((m, t, o) -> {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Counterexample(m, t, o, Counterexample.Failure.CRASH, "always");
    }, start, 100_000, TimeUnit.MILLISECONDS.toNanos(30));
    assertTrue(r.probes >= 1 && r.probes <= 7, "probes " + r.probes);
    assertEquals(r.probes, r.steps, "every probe failed and was kept");
  }
}
