package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import illusion.circuit.CircuitBuilder;
import illusion.number.Precision;
import illusion.ssm.Ids4Layer;
import illusion.tc0.PrefixNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The combines a finite-state prefix projects (before building) are the combines of the prefix
 * network, each counted once: all n prefixes take {@link PrefixNetwork#combines(int)}; the last
 * prefix alone is a binary tree over n leaves, n - 1 combines; and for a state vector the
 * combines whose segment starts at position 0 (vector times matrix) are told apart.
 */
class PrefixCombineCountTest {

  /** A segment [start, end] of the positions; distinct objects are distinct combines. */
  private static final class Segment {
    final int start;
    final int end;
    final Segment left;
    final Segment right;

    Segment(int start, int end, Segment left, Segment right) {
      this.start = start;
      this.end = end;
      this.left = left;
      this.right = right;
    }
  }

  /** The distinct combines reachable from the prefixes at {@code positions}, counted by walking. */
  private static long[] walk(PrefixNetwork network, int[] positions) {
    int n = positions[positions.length - 1] + 1;
    List<Segment> leaves = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      leaves.add(new Segment(t, t, null, null));
    }
    List<Segment> prefixes =
        network.scan(leaves, (l, r) -> new Segment(l.start, r.end, l, r));
    Set<Segment> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Segment> todo = new ArrayList<>();
    for (int p : positions) {
      todo.add(prefixes.get(p));
    }
    long[] counts = new long[2];
    while (!todo.isEmpty()) {
      Segment s = todo.remove(todo.size() - 1);
      if (s.left == null || !seen.add(s)) {
        continue;
      }
      counts[s.start == 0 ? 1 : 0]++;
      todo.add(s.left);
      todo.add(s.right);
    }
    return counts;
  }

  @Test
  void combinesAreThoseOfTheNetworkEachOnce() {
    for (PrefixNetwork network : PrefixNetwork.values()) {
      for (int n = 1; n <= 33; n++) {
        int[] all = new int[n];
        for (int t = 0; t < n; t++) {
          all[t] = t;
        }
        long[] matrices = FiniteStatePrefix.combineCounts(false, all, network);
        assertEquals(network.combines(n), matrices[0], network + " n = " + n);
        assertEquals(0, matrices[1]);
        long[] vectors = FiniteStatePrefix.combineCounts(true, all, network);
        long[] walked = walk(network, all);
        assertEquals(walked[0], vectors[0], network + " n = " + n);
        assertEquals(walked[1], vectors[1], network + " n = " + n);
        assertEquals(network.combines(n), vectors[0] + vectors[1]);
        long[] last = FiniteStatePrefix.combineCounts(true, new int[] {n - 1}, network);
        assertEquals(n - 1, last[0] + last[1], network + " n = " + n);
        assertEquals(walk(network, new int[] {n - 1})[1], last[1]);
        assertEquals(n - 1, FiniteStatePrefix.combineCounts(false, new int[] {n - 1}, network)[0]);
      }
    }
  }

  private static void assertRefused(Executable call, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void buildRefusesPositionsWithoutTokens() {
    Precision p = Precision.of(8, 2);
    Ids4Layer counter =
        Ids4Layer.builder(p)
            .a(new long[][][] {{{4}}, {{4}}})
            .b(new long[][] {{4, 0}})
            .c(new long[][] {{4}})
            .build();
    FiniteStateChannel ch = FiniteStateDecomposition.of(counter, 4, 100).get(0);
    CircuitBuilder b = new CircuitBuilder();
    int[][] tokens = new int[3][];
    for (int t = 0; t < 3; t++) {
      tokens[t] = b.inputs("x" + t + "a", "x" + t + "b");
    }
    assertRefused(
        () -> FiniteStatePrefix.build(b, ch, tokens, new int[0], PrefixNetwork.BRENT_KUNG),
        "no positions requested");
    assertRefused(
        () -> FiniteStatePrefix.build(b, ch, tokens, new int[] {1, 3}, PrefixNetwork.BRENT_KUNG),
        "position 3 beyond the 3 tokens");
    assertEquals(
        1, FiniteStatePrefix.build(b, ch, tokens, new int[] {2}, PrefixNetwork.BRENT_KUNG).length);
  }
}
