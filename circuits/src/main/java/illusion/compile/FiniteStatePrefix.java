package illusion.compile;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.CircuitBuilder;
import illusion.tc0.PrefixNetwork;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The prefix products of one finite-state channel's Boolean transition matrices (Thm 5.2: a parallel
 * prefix over matrix products, Θ(log n) depth): for each needed position t (0-based), the literals
 * of {@code X_0 ⊗ X_1 ⊗ ... ⊗ X_t}, where ⊗ is the Boolean matrix product and X_t the transition
 * matrix of the token at t.
 *
 * <ul>
 *   <li>STATE_SET: {@code X_t[a][b] = [next(σ_t, a) = b]}, and the first position contributes only
 *       row 0 of X_0 (the start state h_0 = 0), so every prefix is a row vector: the one-hot of the
 *       state after position t. A combine of a prefix with a later segment is a vector-matrix
 *       product (m^2 ANDs); only segment-segment combines cost m^3.
 *   <li>POINT_MAP: {@code X_t[k][i] = [f_{σ_t}(i) = k]}, the transpose of A(σ_t), so that the
 *       prefix is {@code (A(σ_t) ... A(σ_0))^T}, whose entry (k, i) is {@code [F_t(i) = k]}.
 * </ul>
 *
 * The prefix network (Sklansky, Brent–Kung, Ladner–Fischer) runs over lazy nodes; only the
 * products that a needed position depends on become gates, so asking for the last position alone
 * builds one reduction tree of n - 1 combines.
 */
final class FiniteStatePrefix {

  /** A product not yet built: a single position, or the product of two adjacent segments. */
  private static final class Node {
    final int position; // leaf position, or -1 for a product
    final Node left;
    final Node right;
    final boolean startsAtOne;
    int[] matrix; // materialized literals, row-major; rows = 1 when startsAtOne for STATE_SET

    Node(int position) {
      this.position = position;
      this.left = null;
      this.right = null;
      this.startsAtOne = position == 0;
    }

    Node(Node left, Node right) {
      this.position = -1;
      this.left = left;
      this.right = right;
      this.startsAtOne = left.startsAtOne;
    }
  }

  private final CircuitBuilder b;
  private final FiniteStateChannel channel;
  private final int m;
  private final int falseLit;
  private final int trueLit;
  private final boolean vectorPrefix;
  /** Per entry of a transition matrix (first position, other positions): its token set. */
  private int[][] firstSets;
  private int[][] sets;
  /** Reused buffers of {@link #product}: the terms of each entry, and arrays of exact length. */
  private final int[][] terms;
  private final int[] termCounts;
  private final int[][] exact;

  private FiniteStatePrefix(CircuitBuilder b, FiniteStateChannel channel) {
    this.b = b;
    this.channel = channel;
    this.m = channel.points();
    this.falseLit = b.constant(false);
    this.trueLit = b.constant(true);
    this.vectorPrefix = channel.form == FiniteStateChannel.Form.STATE_SET;
    this.terms = new int[m * m][m];
    this.termCounts = new int[m * m];
    this.exact = new int[m + 1][];
    for (int k = 0; k <= m; k++) {
      exact[k] = new int[k];
    }
  }

  /**
   * The prefix literals at each of {@code positions} (0-based, ascending): for STATE_SET an array
   * of m literals (the one-hot of the state after the token at t), for POINT_MAP m * m literals,
   * entry {@code k * m + i} being {@code [F_t(i) = k]}. {@code tokens[t][σ]} is the one-hot literal
   * of token σ at position t, needed for t up to the last position.
   */
  static int[][] build(
      CircuitBuilder b,
      FiniteStateChannel channel,
      int[][] tokens,
      int[] positions,
      PrefixNetwork network) {
    checkArgument(positions.length > 0, "no positions requested");
    int n = positions[positions.length - 1] + 1;
    checkArgument(n <= tokens.length, "position %s beyond the %s tokens", n - 1, tokens.length);
    FiniteStatePrefix p = new FiniteStatePrefix(b, channel);
    List<Node> prefixes = network.scan(leaves(n), Node::new);
    int[][] out = new int[positions.length][];
    for (int i = 0; i < positions.length; i++) {
      out[i] = p.materialize(prefixes.get(positions[i]), tokens);
    }
    return out;
  }

  private static List<Node> leaves(int n) {
    List<Node> leaves = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      leaves.add(new Node(t));
    }
    return leaves;
  }

  /**
   * The number of (matrix-matrix, vector-matrix) combines that computing {@code positions} takes
   * under {@code scan}, without building anything: lets the caller refuse a circuit too large to
   * build before spending the memory.
   */
  static long[] combineCounts(boolean vectorPrefix, int[] positions, PrefixNetwork network) {
    int n = positions[positions.length - 1] + 1;
    List<Node> prefixes = network.scan(leaves(n), Node::new);
    long[] counts = new long[2];
    for (int pos : positions) {
      count(prefixes.get(pos), vectorPrefix, counts);
    }
    return counts;
  }

  private static void count(Node node, boolean vectorPrefix, long[] counts) {
    // Iterative walk: networks for n in the thousands are deep enough to matter for recursion.
    List<Node> stack = new ArrayList<>();
    stack.add(node);
    while (!stack.isEmpty()) {
      Node x = stack.remove(stack.size() - 1);
      if (x.position >= 0 || x.matrix != null) {
        continue;
      }
      x.matrix = new int[0]; // visited mark
      counts[vectorPrefix && x.startsAtOne ? 1 : 0]++;
      stack.add(x.left);
      stack.add(x.right);
    }
  }

  private int[] materialize(Node node, int[][] tokens) {
    if (node.matrix != null) {
      return node.matrix;
    }
    // Post-order without recursion.
    List<Node> stack = new ArrayList<>();
    stack.add(node);
    while (!stack.isEmpty()) {
      Node x = stack.get(stack.size() - 1);
      if (x.matrix != null) {
        stack.remove(stack.size() - 1);
      } else if (x.position >= 0) {
        x.matrix = leaf(x.position, tokens[x.position]);
        stack.remove(stack.size() - 1);
      } else if (x.left.matrix == null) {
        stack.add(x.left);
      } else if (x.right.matrix == null) {
        stack.add(x.right);
      } else {
        x.matrix = product(x.left.matrix, x.right.matrix);
        stack.remove(stack.size() - 1);
      }
    }
    return node.matrix;
  }

  /** The transition matrix at {@code position} (only row 0 at the first position of a STATE_SET). */
  private int[] leaf(int position, int[] tokenLits) {
    boolean vector = vectorPrefix && position == 0;
    int[][] entrySets = vector ? firstSets : sets;
    if (entrySets == null) {
      entrySets = tokenSets(vector ? 1 : m, tokenLits.length);
      if (vector) {
        firstSets = entrySets;
      } else {
        sets = entrySets;
      }
    }
    int[] out = new int[entrySets.length];
    for (int e = 0; e < out.length; e++) {
      out[e] = anyOf(entrySets[e], tokenLits);
    }
    return out;
  }

  /**
   * The token set of each entry of a transition matrix with {@code rows} rows (the same at every
   * position: only the token literals differ), as ascending token indices.
   */
  private int[][] tokenSets(int rows, int vocab) {
    IntArrayList[] lists = new IntArrayList[rows * m];
    for (int s = 0; s < vocab; s++) {
      int[] next = channel.next[s];
      if (vectorPrefix) {
        for (int a = 0; a < rows; a++) {
          if (next[a] >= 0) {
            add(lists, a * m + next[a], s);
          }
        }
      } else {
        for (int i = 0; i < m; i++) {
          add(lists, next[i] * m + i, s);
        }
      }
    }
    int[][] out = new int[lists.length][];
    for (int e = 0; e < lists.length; e++) {
      out[e] = lists[e] == null ? new int[0] : lists[e].toIntArray();
    }
    return out;
  }

  private static void add(IntArrayList[] sets, int entry, int token) {
    if (sets[entry] == null) {
      sets[entry] = new IntArrayList(2);
    }
    sets[entry].add(token);
  }

  /**
   * {@code OR} of the literals of a token set; with exactly one token active (one-hot inputs) a set
   * of more than half the vocabulary is the complement of the OR of the rest, a smaller gate.
   */
  private int anyOf(int[] set, int[] tokenLits) {
    if (set.length == 0) {
      return falseLit;
    }
    int vocab = tokenLits.length;
    if (set.length == vocab) {
      return trueLit;
    }
    if (2 * set.length <= vocab) {
      int[] lits = new int[set.length];
      for (int i = 0; i < lits.length; i++) {
        lits[i] = tokenLits[set[i]];
      }
      return b.or(lits);
    }
    int[] rest = new int[vocab - set.length];
    for (int s = 0, i = 0, k = 0; s < vocab; s++) {
      if (i < set.length && set[i] == s) {
        i++; // the set is ascending
      } else {
        rest[k++] = tokenLits[s];
      }
    }
    return CircuitBuilder.negate(b.or(rest));
  }

  /**
   * The Boolean product of {@code left} (r x m) and {@code right} (m x m): entry (i, k) is {@code
   * OR_j left[i][j] ∧ right[j][k]}, skipping constant-false terms. All AND gates are built before
   * the ORs, so that a simulator meets long runs of one gate shape.
   */
  private int[] product(int[] left, int[] right) {
    int rows = left.length / m;
    int[] out = new int[rows * m];
    int[][] terms = this.terms;
    int[] counts = termCounts;
    Arrays.fill(counts, 0);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < m; j++) {
        int a = left[i * m + j];
        if (isFalse(a)) {
          continue;
        }
        for (int k = 0; k < m; k++) {
          int c = right[j * m + k];
          if (isFalse(c)) {
            continue;
          }
          int e = i * m + k;
          terms[e][counts[e]++] = isTrue(a) ? c : isTrue(c) ? a : b.and(a, c);
        }
      }
    }
    for (int e = 0; e < out.length; e++) {
      int count = counts[e];
      if (count <= 1) {
        out[e] = count == 0 ? falseLit : terms[e][0];
      } else {
        int[] lits = exact[count]; // the builder copies its argument before returning
        System.arraycopy(terms[e], 0, lits, 0, count);
        out[e] = b.or(lits);
      }
    }
    return out;
  }

  private boolean isFalse(int lit) {
    return lit == falseLit || lit == CircuitBuilder.negate(trueLit);
  }

  private boolean isTrue(int lit) {
    return lit == trueLit || lit == CircuitBuilder.negate(falseLit);
  }
}
