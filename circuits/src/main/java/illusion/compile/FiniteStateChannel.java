package illusion.compile;

import illusion.number.Dyadic;

/**
 * One channel of a finite-state layer (Thm 5.1, 5.2): a set of state dimensions that no transition
 * mixes with the others, tracked as a deterministic automaton whose token σ moves point {@code a}
 * to {@code next[σ][a]}. Two forms:
 *
 * <ul>
 *   <li>{@link Form#STATE_SET}: the points are the exact state vectors reachable from {@code h_0 =
 *       0} within n steps, point 0 being {@code h_0}; {@code next[σ][a] = -1} marks a transition
 *       out of a state first reached at step n, which no prefix of length at most n takes. The
 *       state at time t is the point {@code next[σ_t](... next[σ_1](0))}.
 *   <li>{@link Form#POINT_MAP}: every A(σ) is a 0/1 matrix with one 1 per row, {@code A(σ)[i][f_σ(i)]
 *       = 1}, and {@code B(σ) = (A(σ) - I) v} for one vector v; the points are the channel's
 *       dimensions and {@code next[σ] = f_σ}. Then {@code g_t = h_t + v} satisfies {@code g_t =
 *       A(σ_t) g_{t-1}}, {@code g_0 = v}, so {@code h_t[i] = v[F_t(i)] - v[i]} with {@code F_t =
 *       f_{σ_1} ∘ ... ∘ f_{σ_t}} (the point maps compose in reverse order of the tokens).
 * </ul>
 *
 * <p>Immutable by convention: package-private arrays are never modified after construction.
 */
final class FiniteStateChannel {

  /** How the channel's points relate to its states; see the class comment. */
  enum Form {
    STATE_SET,
    POINT_MAP
  }

  final Form form;
  /** The layer's state dimensions in this channel, ascending; local index i is {@code dims[i]}. */
  final int[] dims;
  /** {@code next[σ][a]}: the point token σ moves point a to, or -1 (STATE_SET only). */
  final int[][] next;
  /** STATE_SET: {@code states[a]} is the exact state (over {@link #dims}) of point a; else null. */
  final Dyadic[][] states;
  /** POINT_MAP: the offset v (over {@link #dims}); else null. */
  final Dyadic[] offset;

  private FiniteStateChannel(
      Form form, int[] dims, int[][] next, Dyadic[][] states, Dyadic[] offset) {
    this.form = form;
    this.dims = dims;
    this.next = next;
    this.states = states;
    this.offset = offset;
  }

  static FiniteStateChannel stateSet(int[] dims, int[][] next, Dyadic[][] states) {
    return new FiniteStateChannel(Form.STATE_SET, dims, next, states, null);
  }

  static FiniteStateChannel pointMap(int[] dims, int[][] maps, Dyadic[] offset) {
    return new FiniteStateChannel(Form.POINT_MAP, dims, maps, null, offset);
  }

  /** The number of points m of the automaton: states, or dimensions for a point map. */
  int points() {
    return form == Form.STATE_SET ? states.length : dims.length;
  }

  /**
   * The contribution of this channel to {@code (C h_t)[j]} when the channel's indicator {@code
   * (row, col)} is 1: for STATE_SET the indicator {@code (0, a)} means "the state is point a"; for
   * POINT_MAP the indicator {@code (k, i)} means {@code F_t(i) = k}. {@code c} is C's row j as
   * exact values over all of the layer's dimensions.
   */
  Dyadic weight(Dyadic[] c, int row, int col) {
    if (form == Form.STATE_SET) {
      Dyadic sum = Dyadic.ZERO;
      Dyadic[] s = states[col];
      for (int i = 0; i < dims.length; i++) {
        sum = sum.add(c[dims[i]].multiply(s[i]));
      }
      return sum;
    }
    return c[dims[col]].multiply(offset[row].subtract(offset[col]));
  }

  /** For example {@code "5-point map"} or {@code "12 states"}. */
  String describe() {
    return form == Form.POINT_MAP ? dims.length + "-point map" : states.length + " states";
  }
}
