package illusion.group;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeSet;

/** Naive reference computations, independent of the algorithms under test. */
final class BruteForce {
  private BruteForce() {}

  /** The closure of {@code gens} (plus the identity) under multiplication, as a sorted set. */
  static TreeSet<Integer> closure(FiniteGroup g, Iterable<Integer> gens) {
    TreeSet<Integer> set = new TreeSet<>();
    Deque<Integer> todo = new ArrayDeque<>();
    set.add(g.identity());
    todo.add(g.identity());
    for (int s : gens) {
      if (set.add(s)) {
        todo.add(s);
      }
    }
    while (!todo.isEmpty()) {
      int x = todo.poll();
      for (int y : new TreeSet<>(set)) {
        for (int z : new int[] {g.multiply(x, y), g.multiply(y, x)}) {
          if (set.add(z)) {
            todo.add(z);
          }
        }
      }
    }
    return set;
  }

  /** [H, H]: the closure of every commutator a^-1 b^-1 a b with a, b in H. */
  static TreeSet<Integer> commutatorSubgroup(FiniteGroup g, TreeSet<Integer> h) {
    TreeSet<Integer> commutators = new TreeSet<>();
    for (int a : h) {
      for (int b : h) {
        commutators.add(g.multiply(g.multiply(g.inverse(a), g.inverse(b)), g.multiply(a, b)));
      }
    }
    return closure(g, commutators);
  }

  static TreeSet<Integer> all(FiniteGroup g) {
    TreeSet<Integer> set = new TreeSet<>();
    for (int x = 0; x < g.order(); x++) {
      set.add(x);
    }
    return set;
  }

  /** The order of x modulo the subgroup n: the least k >= 1 with x^k in n. */
  static int orderModulo(FiniteGroup g, int x, TreeSet<Integer> n) {
    int k = 1;
    for (int y = x; !n.contains(y); y = g.multiply(y, x)) {
      k++;
    }
    return k;
  }

  static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
