package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.group.FiniteGroup;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Evaluator;
import illusion.word.PrefixProducts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code illusion demo barrington}: Barrington's theorem made concrete. A formula becomes a width-5
 * permutation branching program over A5 of length at most 4^depth; for every assignment its A5 word
 * is run through the {@code ids4} layer (native evaluator), whose final label is σ iff the formula
 * is true. So tracking A5 products is as hard as evaluating formulas: the word problem of A5 (and
 * S5) is NC1-complete.
 */
final class BarringtonDemo implements Demo {
  static final String DEFAULT_FORMULA = "(x1 & !x2) | x3";

  /** The most variables whose every assignment is evaluated. */
  static final int MAX_VARIABLES = 12;

  /** The most ids4 steps over all assignments (2^k * L). */
  static final long MAX_STEPS = 1L << 22;

  /** Runs with more ids4 steps than this announce their progress. */
  private static final long SLOW_STEPS = 1L << 18;

  /** The deepest balanced formula of the growth table. */
  static final int GROWTH_DEPTH = 5;

  /** Random assignments checked per growth-table formula. */
  static final int GROWTH_SAMPLES = 8;

  private static final int SHOWN_INSTRUCTIONS = 8;
  private static final int SHOWN_ASSIGNMENTS = 16;

  @Override
  public String name() {
    return "barrington";
  }

  @Override
  public String summary() {
    return "a formula becomes an A5 program of length 4^depth; ids4 runs it";
  }

  @Override
  public Set<DemoOptions.Option> accepts() {
    return Set.of(DemoOptions.Option.FORMULA);
  }

  @Override
  public DemoReport run(DemoOptions options, Progress progress) {
    BooleanFormula formula = BooleanFormula.parse(options.formula().orElse(DEFAULT_FORMULA));
    int k = formula.variables().size();
    checkArgument(
        k <= MAX_VARIABLES,
        "the formula has %s variables; the demo evaluates every assignment and accepts at most %s",
        k,
        MAX_VARIABLES);
    long length = BranchingProgram.length(formula.root());
    checkArgument(
        (length << k) <= MAX_STEPS && length <= BranchingProgram.MAX_LENGTH,
        "the formula's program has %s instructions, times 2^%s assignments is more than %s ids4"
            + " steps; use a shallower formula or fewer variables",
        length,
        k,
        MAX_STEPS);
    FiniteGroup a5 = BranchingProgram.A5;
    DemoReport.Builder report = DemoReport.builder("Barrington's theorem: formulas are A5 words");
    report.paragraph(
        "Barrington (1989): every Boolean formula of depth d is computed by a width-5 permutation"
            + " branching program of length at most 4^d. Each instruction reads one variable and"
            + " contributes one of two elements of A5; the product of the contributed elements is"
            + " the 5-cycle sigma = (1 2 3 4 5) when the formula is true and the identity when it"
            + " is false. A variable is one instruction. NOT multiplies by sigma^-1 and conjugates"
            + " sigma^-1 back to sigma. AND of P and Q is P Q P^-1 Q^-1 (with Q conjugated to a"
            + " 5-cycle tau): the commutator [sigma, tau] is a 5-cycle when both are true and the"
            + " identity otherwise. OR is NOT(AND(NOT, NOT)).");
    report.paragraph(
        "So multiplying A5 elements (the word problem) is as hard as evaluating any formula,"
            + " i.e. NC1-complete: this is why S5 and A5 are the paper's hard cases. The ids4 layer"
            + " tracks A5 products exactly, so it evaluates every formula this way; S4 and Mamba"
            + " layers are in TC0 and cannot, unless TC0 = NC1 (Cor 4.7).");

    boolean slow = (length << k) > SLOW_STEPS;
    if (slow) {
      progress.step("building the branching program (" + length + " instructions)");
    }
    BranchingProgram program = BranchingProgram.barrington(formula);
    int depth = formula.depth();
    long bound = 1L << (2 * depth);
    report.heading("The formula and its program");
    report.table(
        DemoReport.Table.builder()
            .column("formula")
            .numberColumn("variables")
            .numberColumn("depth d")
            .numberColumn("length L")
            .numberColumn("4^d")
            .row("`" + formula + "`", k, depth, program.length(), bound));
    report.check(
        program.length() == length && program.length() <= bound,
        "the program has L = "
            + program.length()
            + " instructions, as the recurrence L(leaf) = 1, L(gate) = 2(L(left) + L(right)) gives,"
            + " and L <= 4^d = "
            + bound
            + (program.length() == bound ? " (equal: the formula is balanced)" : ""));
    report.paragraph(
        "The first instructions (element if the variable is true / if false; sigma = "
            + a5.format(program.target())
            + "):");
    DemoReport.TableBuilder instructions =
        DemoReport.Table.builder()
            .numberColumn("i")
            .column("reads")
            .column("if true")
            .column("if false");
    for (int i = 0; i < Math.min(SHOWN_INSTRUCTIONS, program.length()); i++) {
      int v = program.variable(i);
      instructions.row(
          i + 1,
          v < 0 ? "-" : formula.variables().get(v),
          a5.format(program.ifTrue(i)),
          a5.format(program.ifFalse(i)));
    }
    if (program.length() > SHOWN_INSTRUCTIONS) {
      instructions.row("...", "", "(" + (program.length() - SHOWN_INSTRUCTIONS) + " more)", "");
    }
    report.table(instructions);

    // Every assignment: ids4 on the A5 word versus direct evaluation.
    if (slow) {
      progress.step("running ids4 on " + (1L << k) + " words of length " + program.length());
    }
    Evaluator ids4 = Evaluator.of(ConstructedModels.build("ids4", a5, program.length()));
    report.heading("Every assignment, evaluated by the ids4 layer");
    report.paragraph(
        "For each assignment the program's A5 word (length "
            + program.length()
            + ") is fed to the ids4 layer; its label at the last position is the product.");
    DemoReport.TableBuilder truth = DemoReport.Table.builder();
    for (String v : formula.variables()) {
      truth.numberColumn(v);
    }
    truth.column("formula").column("ids4 product").column("program says").column("agree");
    int agree = 0;
    int productsMatch = 0;
    long assignments = 1L << k;
    for (long a = 0; a < assignments; a++) {
      int[] word = program.word(a);
      int[] labels = ids4.labels(word);
      int product = labels[labels.length - 1];
      if (product == PrefixProducts.product(a5, word)) {
        productsMatch++;
      }
      boolean value = formula.evaluate(a);
      Boolean says =
          product == program.target()
              ? Boolean.TRUE
              : product == a5.identity() ? Boolean.FALSE : null;
      boolean ok = says != null && says == value;
      if (ok) {
        agree++;
      }
      if (a < SHOWN_ASSIGNMENTS) {
        List<Object> row = new ArrayList<>();
        for (int j = 0; j < k; j++) {
          row.add(a >>> j & 1);
        }
        row.add(value);
        row.add(a5.format(product));
        row.add(says == null ? "neither" : says.toString());
        row.add(ok ? "yes" : "NO");
        truth.row(row.toArray());
      }
    }
    if (assignments > SHOWN_ASSIGNMENTS) {
      Object[] row = new Object[k + 4];
      Arrays.fill(row, "");
      row[0] = "...";
      row[k] = "(" + (assignments - SHOWN_ASSIGNMENTS) + " more)";
      truth.row(row);
    }
    report.table(truth);
    report.check(
        agree == assignments,
        "for all "
            + assignments
            + " assignments the ids4 product is sigma iff the formula is true and the identity iff"
            + " it is false ("
            + agree
            + " of "
            + assignments
            + " agree)");
    report.check(
        productsMatch == assignments,
        "ids4's final label equals the product computed in the group for all "
            + assignments
            + " words ("
            + productsMatch
            + " match)");

    // Growth: balanced formulas of depth 0..GROWTH_DEPTH.
    report.heading("Length grows as 4^depth");
    report.paragraph(
        "Balanced formulas alternate AND and OR over distinct variables; each is compiled and"
            + " checked on "
            + GROWTH_SAMPLES
            + " random assignments (seed "
            + options.seed()
            + ") by running ids4 on its word.");
    DemoReport.TableBuilder growth =
        DemoReport.Table.builder()
            .numberColumn("depth d")
            .numberColumn("variables")
            .numberColumn("length L")
            .numberColumn("4^d")
            .numberColumn("L / previous L")
            .column("ids4 correct");
    SplittableRandom random = new SplittableRandom(options.seed());
    boolean allExact = true;
    boolean allCorrect = true;
    long previous = 0;
    for (int d = 0; d <= GROWTH_DEPTH; d++) {
      BooleanFormula balanced = balanced(d);
      BranchingProgram p = BranchingProgram.barrington(balanced);
      Evaluator e = Evaluator.of(ConstructedModels.build("ids4", a5, p.length()));
      int correct = 0;
      for (int s = 0; s < GROWTH_SAMPLES; s++) {
        long a = random.nextLong() & ((1L << balanced.variables().size()) - 1);
        int[] labels = e.labels(p.word(a));
        int product = labels[labels.length - 1];
        if (product == (balanced.evaluate(a) ? p.target() : a5.identity())) {
          correct++;
        }
      }
      allExact &= p.length() == 1L << (2 * d);
      allCorrect &= correct == GROWTH_SAMPLES;
      growth.row(
          d,
          balanced.variables().size(),
          p.length(),
          1L << (2 * d),
          previous == 0 ? "-" : String.valueOf(p.length() / previous),
          correct + "/" + GROWTH_SAMPLES);
      previous = p.length();
    }
    report.table(growth);
    report.check(
        allExact,
        "every balanced formula of depth d = 0.." + GROWTH_DEPTH + " has L = 4^d exactly");
    report.check(
        allCorrect,
        "on every sampled assignment of the balanced formulas, ids4's product is sigma iff the"
            + " formula is true");
    return report.build();
  }

  /** The balanced formula of depth d over x1..x(2^d): AND at odd heights, OR at even ones. */
  static BooleanFormula balanced(int d) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= 1 << d; i++) {
      names.add("x" + i);
    }
    return BooleanFormula.of(balancedNode(d, 0), names);
  }

  private static BooleanFormula.Node balancedNode(int height, int first) {
    if (height == 0) {
      return new BooleanFormula.Var(first);
    }
    BooleanFormula.Node l = balancedNode(height - 1, first);
    BooleanFormula.Node r = balancedNode(height - 1, first + (1 << (height - 1)));
    return height % 2 == 1 ? new BooleanFormula.And(l, r) : new BooleanFormula.Or(l, r);
  }
}
