package illusion.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.number.Rational;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * A layer's state automaton (Thm 5.1, 5.2: finite-state layers are automata) walked over a word
 * gives Def. 2.1's outputs and states (the BigInteger reference), lists each reachable state once,
 * and exists exactly when the reachable states fit the bound.
 */
class StateAutomatonProperties {

  @Property(tries = 150)
  void walkingTheAutomatonIsTheRecurrence(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Layer layer = RandomLayers.layer(r.nextBoolean() ? LayerKind.IDS4 : LayerKind.RNN, r);
    var automaton = StateAutomaton.of(layer);
    if (automaton.isEmpty()) {
      return;
    }
    StateAutomaton a = automaton.get();
    assertEquals(layer, a.layer());
    int v = layer.vocabularySize();
    int[] table = a.transitionTable();
    assertEquals(a.stateCount() * v, table.length);
    Set<List<Rational>> distinct = new HashSet<>();
    for (int s = 0; s < a.stateCount(); s++) {
      assertTrue(distinct.add(List.of(Reference.of(a.state(s)))), "state " + s + " listed twice");
      for (int t = 0; t < v; t++) {
        assertEquals(table[s * v + t], a.next(s, t));
      }
    }
    for (Rational x : Reference.of(a.state(0))) {
      assertEquals(0, x.num().signum(), "state 0 is h_0 = 0");
    }
    int[] word = new int[1 + r.nextInt(20)];
    for (int t = 0; t < word.length; t++) {
      word[t] = r.nextInt(v);
    }
    Reference ref = Reference.run(layer, word);
    int s = 0;
    for (int t = 0; t < word.length; t++) {
      s = a.next(s, word[t]);
      assertArrayEquals(ref.outputs[t], a.output(s, word[t]), "position " + t);
    }
    assertArrayEquals(ref.finalState, Reference.of(a.state(s)));
    int last = s;
    assertThrows(IndexOutOfBoundsException.class, () -> a.next(a.stateCount(), 0));
    assertThrows(IndexOutOfBoundsException.class, () -> a.next(last, v));
    assertThrows(IndexOutOfBoundsException.class, () -> a.output(last, v));
    assertThrows(IndexOutOfBoundsException.class, () -> a.state(a.stateCount()));
  }

  /**
   * The automaton exists exactly when the reachable states fit the bound, and not when an entry
   * outgrows 62 bits (an unbounded state set).
   */
  @Test
  void existsExactlyWhenTheStatesFitTheBound() {
    Precision p = Precision.of(8, 0);
    // a 3-cycle on three points: h_t = P h + (P - I) v with v = (0, 1, 2) reaches 3 states
    long[][][] a = {{{0, 1, 0}, {0, 0, 1}, {1, 0, 0}}};
    long[][] b = {{1}, {1}, {-2}};
    Ids4Layer cycle = Ids4Layer.builder(p).a(a).b(b).c(new long[][] {{1, 0, 0}}).build();
    assertEquals(3, StateAutomaton.of(cycle, 3).orElseThrow().stateCount());
    assertTrue(StateAutomaton.of(cycle, 2).isEmpty());
    assertEquals(
        "maxStates must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> StateAutomaton.of(cycle, 0)).getMessage());
    // h_t = 2 h_{t-1} + 1 never repeats: its entries outgrow 62 bits before 100 states
    Ids4Layer doubling =
        Ids4Layer.builder(Precision.of(8, 0)).a(new long[][][] {{{2}}}).b(new long[][] {{1}}).c(new long[][] {{1}}).build();
    assertTrue(StateAutomaton.of(doubling, 100).isEmpty());
    assertFalse(StateAutomaton.of(doubling, 60).isPresent());
    // h_t = h_{t-1} / 2 + 1 at 8 fraction bits: the scale grows by one bit a step
    Ids4Layer halving =
        Ids4Layer.builder(Precision.of(12, 8)).a(new long[][][] {{{128}}}).b(new long[][] {{256}}).c(new long[][] {{256}}).build();
    assertTrue(StateAutomaton.of(halving, 1000).isEmpty(), "more than 62 fraction bits before 1000 states");
  }
}
