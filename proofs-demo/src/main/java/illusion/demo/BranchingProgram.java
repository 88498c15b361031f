package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.group.FiniteGroup;
import illusion.group.Groups;
import java.util.Arrays;

/**
 * A width-5 permutation branching program over A5 (Barrington 1989): instructions {@code (j, a, b)}
 * that contribute the element a when variable j is true and b when it is false (j = -1: a constant
 * instruction, a = b). Under an assignment the program yields a word over A5; its product (in the
 * project's order, {@code s = i_1 * i_2 * ... * i_L}) is the program's output.
 *
 * <p>{@link #barrington} builds a program that <em>σ-computes</em> a formula: the product is the
 * 5-cycle {@link #target()} σ = (1 2 3 4 5) when the formula is true and the identity when it is
 * false, with length at most 4^depth (exactly 4^depth for a balanced formula). Immutable.
 */
final class BranchingProgram {
  /** A5, the group of the instructions. */
  static final FiniteGroup A5 = Groups.alternating(5);

  private static final FiniteGroup S5 = Groups.symmetric(5);

  /** The longest program {@link #barrington} builds (4^10 instructions). */
  static final int MAX_LENGTH = 1 << 20;

  private final int[] variable;
  private final int[] ifTrue; // A5 indices
  private final int[] ifFalse;
  private final int target; // A5 index

  private BranchingProgram(int[] variable, int[] ifTrue, int[] ifFalse, int target) {
    this.variable = variable;
    this.ifTrue = ifTrue;
    this.ifFalse = ifFalse;
    this.target = target;
  }

  /**
   * Barrington's construction for {@code formula}: a variable is one instruction (σ if true, 1 if
   * false); NOT multiplies the last instruction by σ^-1 (giving 1 or σ^-1) and conjugates every
   * instruction to bring σ^-1 back to σ; AND of programs P (σ-computing F) and Q (τ-computing G) is
   * P Q P^-1 Q^-1, which yields the commutator [σ, τ] (a 5-cycle) iff both are true and 1
   * otherwise, conjugated back to σ; OR is NOT(AND(NOT, NOT)). Lengths: 1 for a leaf, 2(|P| + |Q|)
   * for a gate, so at most 4^depth.
   *
   * @throws IllegalArgumentException if the program would exceed {@link #MAX_LENGTH} instructions
   */
  static BranchingProgram barrington(BooleanFormula formula) {
    long length = length(formula.root());
    checkArgument(
        length <= MAX_LENGTH,
        "the branching program of a formula of depth %s would have %s instructions, more than %s",
        formula.depth(),
        length,
        MAX_LENGTH);
    Construction c = new Construction();
    int[][] p = c.build(formula.root());
    int[] a5 = a5IndexOfS5();
    int n = p[0].length;
    int[] t = new int[n];
    int[] f = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = a5[p[1][i]];
      f[i] = a5[p[2][i]];
      if (t[i] < 0 || f[i] < 0) {
        throw new AssertionError("an instruction left A5");
      }
    }
    return new BranchingProgram(p[0], t, f, a5[c.sigma]);
  }

  /** The length the construction gives: 1 per leaf, 2(|P| + |Q|) per gate (saturating). */
  static long length(BooleanFormula.Node n) {
    if (n instanceof BooleanFormula.Not not) {
      return length(not.operand());
    }
    BooleanFormula.Node l;
    BooleanFormula.Node r;
    if (n instanceof BooleanFormula.And and) {
      l = and.left();
      r = and.right();
    } else if (n instanceof BooleanFormula.Or or) {
      l = or.left();
      r = or.right();
    } else {
      return 1;
    }
    return Math.min(Long.MAX_VALUE / 4, 2 * (length(l) + length(r)));
  }

  /** The number of instructions L. */
  int length() {
    return variable.length;
  }

  /** The variable instruction i reads, or -1 for a constant instruction. */
  int variable(int i) {
    return variable[i];
  }

  /** The A5 element of instruction i when its variable is true. */
  int ifTrue(int i) {
    return ifTrue[i];
  }

  /** The A5 element of instruction i when its variable is false. */
  int ifFalse(int i) {
    return ifFalse[i];
  }

  /** The 5-cycle σ = (1 2 3 4 5) the program yields on true assignments, as an A5 index. */
  int target() {
    return target;
  }

  /** The A5 word the program yields under {@code assignment} (bit j = variable j). */
  int[] word(long assignment) {
    int[] w = new int[variable.length];
    for (int i = 0; i < w.length; i++) {
      int j = variable[i];
      w[i] = j >= 0 && (assignment >>> j & 1) != 0 ? ifTrue[i] : ifFalse[i];
    }
    return w;
  }

  /** The index in A5 of each S5 element, -1 for odd permutations. */
  private static int[] a5IndexOfS5() {
    int[][] a5 = A5.permutationRepresentation();
    int[] index = new int[S5.order()];
    Arrays.fill(index, -1);
    int[] s5OfCode = new int[3125];
    int[][] s5 = S5.permutationRepresentation();
    for (int g = 0; g < s5.length; g++) {
      s5OfCode[code(s5[g])] = g;
    }
    for (int g = 0; g < a5.length; g++) {
      index[s5OfCode[code(a5[g])]] = g;
    }
    return index;
  }

  private static int code(int[] images) {
    int c = 0;
    for (int x : images) {
      c = c * 5 + x;
    }
    return c;
  }

  /** The recursive construction in S5 (conjugators may be odd; conjugates of A5 stay in A5). */
  private static final class Construction {
    final int sigma = S5.parse("(1 2 3 4 5)");
    final int sigmaInverse = S5.inverse(sigma);

    /** A 5-cycle τ whose commutator with σ is a 5-cycle: the smallest index that works. */
    final int tau;

    /** γ σ^-1 γ^-1 = σ. */
    final int flip;

    /** δ σ δ^-1 = τ. */
    final int toTau;

    /** ε [σ, τ] ε^-1 = σ. */
    final int fromCommutator;

    Construction() {
      int found = -1;
      for (int g = 0; g < S5.order() && found < 0; g++) {
        if (isFiveCycle(g) && isFiveCycle(commutator(sigma, g))) {
          found = g;
        }
      }
      tau = found;
      flip = conjugator(sigmaInverse, sigma);
      toTau = conjugator(sigma, tau);
      fromCommutator = conjugator(commutator(sigma, tau), sigma);
    }

    /** {variables, elements if true, elements if false} of a program σ-computing n. */
    int[][] build(BooleanFormula.Node n) {
      if (n instanceof BooleanFormula.Var v) {
        return new int[][] {{v.index()}, {sigma}, {S5.identity()}};
      }
      if (n instanceof BooleanFormula.Const c) {
        int e = c.value() ? sigma : S5.identity();
        return new int[][] {{-1}, {e}, {e}};
      }
      if (n instanceof BooleanFormula.Not not) {
        return negate(build(not.operand()));
      }
      if (n instanceof BooleanFormula.And and) {
        return and(build(and.left()), build(and.right()));
      }
      BooleanFormula.Or or = (BooleanFormula.Or) n;
      return negate(and(negate(build(or.left())), negate(build(or.right()))));
    }

    /** From σ-computing F to σ-computing NOT F. */
    private int[][] negate(int[][] p) {
      int last = p[0].length - 1;
      p[1][last] = S5.multiply(p[1][last], sigmaInverse);
      p[2][last] = S5.multiply(p[2][last], sigmaInverse);
      return conjugate(p, flip);
    }

    /** P Q' P^-1 Q'^-1 with Q' = Q conjugated to τ, then conjugated back to σ. */
    private int[][] and(int[][] p, int[][] q) {
      int[][] qt = conjugate(q, toTau);
      int np = p[0].length;
      int nq = qt[0].length;
      int[][] r = new int[3][2 * (np + nq)];
      int k = 0;
      k = append(r, k, p, false);
      k = append(r, k, qt, false);
      k = append(r, k, p, true);
      append(r, k, qt, true);
      return conjugate(r, fromCommutator);
    }

    /** Copies p (or its inverse: reversed, each element inverted) into r from position k. */
    private static int append(int[][] r, int k, int[][] p, boolean inverse) {
      int n = p[0].length;
      for (int i = 0; i < n; i++) {
        int src = inverse ? n - 1 - i : i;
        r[0][k] = p[0][src];
        r[1][k] = inverse ? S5.inverse(p[1][src]) : p[1][src];
        r[2][k] = inverse ? S5.inverse(p[2][src]) : p[2][src];
        k++;
      }
      return k;
    }

    /** Every instruction a replaced by g a g^-1, so the product p becomes g p g^-1. */
    private static int[][] conjugate(int[][] p, int g) {
      int gi = S5.inverse(g);
      for (int i = 0; i < p[0].length; i++) {
        p[1][i] = S5.multiply(S5.multiply(g, p[1][i]), gi);
        p[2][i] = S5.multiply(S5.multiply(g, p[2][i]), gi);
      }
      return p;
    }

    private static int commutator(int a, int b) {
      return S5.multiply(S5.multiply(a, b), S5.multiply(S5.inverse(a), S5.inverse(b)));
    }

    /** The smallest g with g a g^-1 = b. */
    private static int conjugator(int a, int b) {
      for (int g = 0; g < S5.order(); g++) {
        if (S5.multiply(S5.multiply(g, a), S5.inverse(g)) == b) {
          return g;
        }
      }
      throw new AssertionError("not conjugate in S5");
    }

    private static boolean isFiveCycle(int g) {
      int x = g;
      for (int k = 1; k < 5; k++) {
        if (x == S5.identity()) {
          return false;
        }
        x = S5.multiply(x, g);
      }
      return x == S5.identity();
    }
  }
}
