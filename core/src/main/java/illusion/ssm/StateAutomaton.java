package illusion.ssm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;

import illusion.number.Dyadic;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The finite automaton a layer is when the states reachable from {@code h_0 = 0} form a finite set
 * (Thm 5.2: IDS4 with permutation or transformation matrices; every {@link RnnLayer}): states are
 * numbered in breadth-first order from {@code h_0} (state 0), tokens in increasing order.
 *
 * <p>{@link #next(int, int)} is the transition and {@link #output(int, int)} the rounded output
 * {@code sat_p(floor(2^f (C h + D e_σ)))} at a position whose state after the step is h and whose
 * token is σ; both are exact (computed with {@link Dyadic} arithmetic) and agree with {@link
 * Evaluator#exact}. Immutable.
 */
public final class StateAutomaton {
  /** The default bound on the number of reachable states explored. */
  public static final int DEFAULT_MAX_STATES = 2048;
  /** The most (state, token) output entries an automaton stores. */
  static final long MAX_OUTPUT_ENTRIES = 1L << 22;

  private final Layer layer;
  private final int vocab;
  private final int m;
  private final Dyadic[][] states;
  private final int[] next;
  private final long[] outputs;

  private StateAutomaton(Layer layer, Dyadic[][] states, int[] next, long[] outputs) {
    this.layer = layer;
    this.vocab = layer.vocabularySize();
    this.m = layer.outputDim();
    this.states = states;
    this.next = next;
    this.outputs = outputs;
  }

  /** {@link #of(Layer, int)} with {@link #DEFAULT_MAX_STATES}. */
  public static Optional<StateAutomaton> of(Layer layer) {
    return of(layer, DEFAULT_MAX_STATES);
  }

  /**
   * The automaton of {@code layer}, or empty when more than {@code maxStates} states are reachable
   * from {@code h_0} (the set may then be infinite), when a reachable state has an entry whose
   * unscaled value or scale exceeds 62 bits (a sign of unbounded growth; the set is then treated
   * as too large), or when the output table would exceed 2^22 entries. Explores at most {@code
   * maxStates * |Σ|} transitions.
   */
  public static Optional<StateAutomaton> of(Layer layer, int maxStates) {
    checkArgument(maxStates >= 1, "maxStates must be at least 1, got %s", maxStates);
    AffineForm form = AffineForm.of(layer);
    int v = form.vocab;
    if ((long) maxStates * v * form.m > MAX_OUTPUT_ENTRIES) {
      maxStates = (int) Math.max(1, MAX_OUTPUT_ENTRIES / ((long) v * form.m));
    }
    Map<List<Dyadic>, Integer> index = new HashMap<>();
    List<Dyadic[]> states = new ArrayList<>();
    IntArrayList next = new IntArrayList();
    Dyadic[] h0 = form.zeroState();
    index.put(Arrays.asList(h0), 0);
    states.add(h0);
    for (int s = 0; s < states.size(); s++) {
      Dyadic[] h = states.get(s);
      for (int t = 0; t < v; t++) {
        Dyadic[] h1 = new Dyadic[form.d];
        form.step(h, t, h1);
        List<Dyadic> key = Arrays.asList(h1);
        Integer id = index.get(key);
        if (id == null) {
          if (states.size() == maxStates || grows(h1)) {
            return Optional.empty();
          }
          id = states.size();
          index.put(key, id);
          states.add(h1);
        }
        next.add(id.intValue());
      }
    }
    int n = states.size();
    long[] outputs = new long[n * v * form.m];
    long[] out = new long[form.m];
    for (int s = 0; s < n; s++) {
      for (int t = 0; t < v; t++) {
        form.output(states.get(s), t, out);
        System.arraycopy(out, 0, outputs, (s * v + t) * form.m, form.m);
      }
    }
    return Optional.of(
        new StateAutomaton(layer, states.toArray(new Dyadic[0][]), next.toIntArray(), outputs));
  }

  private static boolean grows(Dyadic[] h) {
    for (Dyadic x : h) {
      if (x.scale() > 62 || x.unscaledValue().bitLength() > 62) {
        return true;
      }
    }
    return false;
  }

  /** The layer this automaton runs. */
  public Layer layer() {
    return layer;
  }

  /** The number of reachable states. */
  public int stateCount() {
    return states.length;
  }

  /** The exact state vector of state {@code s} (state 0 is {@code h_0 = 0}). */
  public Dyadic[] state(int s) {
    checkElementIndex(s, states.length, "state");
    return states[s].clone();
  }

  /** The state after reading {@code token} in state {@code s}. */
  public int next(int s, int token) {
    checkElementIndex(s, states.length, "state");
    checkElementIndex(token, vocab, "token");
    return next[s * vocab + token];
  }

  /** The transition table: entry {@code s * |Σ| + σ} is {@code next(s, σ)}. */
  public int[] transitionTable() {
    return next.clone();
  }

  /**
   * The rounded output (m raw values) at a position whose state after the step is {@code s} and
   * whose token is {@code token}.
   */
  public long[] output(int s, int token) {
    checkElementIndex(s, states.length, "state");
    checkElementIndex(token, vocab, "token");
    int at = (s * vocab + token) * m;
    return Arrays.copyOfRange(outputs, at, at + m);
  }

  int[] transitions() {
    return next;
  }

  long[] outputs() {
    return outputs;
  }
}
