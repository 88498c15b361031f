package illusion.demo;

import illusion.group.Abelianization;
import illusion.group.DerivedSeries;
import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.group.Subgroup;
import illusion.group.WordProblemClass;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Evaluator;
import illusion.ssm.Model;
import illusion.ssm.Trace;
import illusion.word.PrefixProducts;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code illusion demo solvable}: A4_x_Z5 versus A5, both of order 60. The derived series of
 * A4_x_Z5 reaches 1 in two steps, so two selective diagonal layers track it ({@code diag-stack},
 * Shakerinava et al.); A5 is perfect (A5' = A5), so diagonal layers learn nothing about it, however
 * many are stacked. The demo runs {@code diag-stack} on a short A4_x_Z5 word and shows what each
 * layer holds.
 */
final class SolvableDemo implements Demo {
  static final String SOLVABLE = "A4_x_Z5";
  static final String PERFECT = "A5";
  static final int DEFAULT_LENGTH = 8;
  static final int MAX_LENGTH = 40;

  /** Extra words on which diag-stack is checked and diag-abelian's accuracy is measured. */
  static final int SAMPLES = 200;

  @Override
  public String name() {
    return "solvable";
  }

  @Override
  public String summary() {
    return "A4_x_Z5 vs A5: two diagonal layers track one, none the other";
  }

  @Override
  public Set<DemoOptions.Option> accepts() {
    return Set.of(DemoOptions.Option.LENGTH);
  }

  @Override
  public DemoReport run(DemoOptions options, Progress progress) {
    int n = options.length(DEFAULT_LENGTH, 1, MAX_LENGTH);
    FiniteGroup g = Groups.byName(SOLVABLE);
    FiniteGroup a5 = Groups.byName(PERFECT);
    DerivedSeries gSeries = DerivedSeries.of(g);
    DerivedSeries a5Series = DerivedSeries.of(a5);
    Abelianization gAb = Abelianization.of(gSeries);
    Abelianization a5Ab = Abelianization.of(a5Series);

    DemoReport.Builder report =
        DemoReport.builder("Solvable or not: " + SOLVABLE + " versus " + PERFECT);
    report.paragraph(
        "Both groups have 60 elements. A selective diagonal layer (S6, Mamba) updates its"
            + " state by h := A(x) h + b(x) with A(x) diagonal, and diagonal matrices commute: what"
            + " one layer can keep about a word of group elements is the image of its product in"
            + " an abelian quotient, at best G/G' (G' the commutator subgroup)."
            + " A second layer can then work inside G', a third inside G'', and so on: k diagonal"
            + " layers track G iff its derived series G > G' > G'' > ... reaches 1 in k steps"
            + " (Shakerinava et al.; Barrington-Therien: solvable groups are in ACC0).");
    report.table(
        DemoReport.Table.builder()
            .column("group")
            .column("derived series")
            .column("G/G'")
            .column("word problem")
            .numberColumn("diagonal layers")
            .row(
                g.name(),
                series(gSeries),
                quotient(gAb),
                WordProblemClass.of(gSeries).complexityClass(),
                layers(gSeries))
            .row(
                a5.name(),
                series(a5Series),
                quotient(a5Ab),
                WordProblemClass.of(a5Series).complexityClass(),
                layers(a5Series)));
    int[] gOrders = gSeries.orders();
    report.check(
        gSeries.isSolvable() && gSeries.derivedLength().getAsInt() == 2,
        g.name()
            + " is solvable with derived series of orders "
            + series(gSeries)
            + ", so derived length 2 (G' has order "
            + gOrders[1]
            + ", G/G' = "
            + quotient(gAb)
            + ")");
    report.check(
        a5Series.isPerfect() && !a5Series.isSolvable() && a5Ab.order() == 1,
        a5.name()
            + " is perfect: A5' = A5 (order "
            + a5Series.commutatorSubgroup().order()
            + "), so G/G' is trivial and the series never reaches 1");

    // diag-stack on A4_x_Z5.
    Model stack = ConstructedModels.build("diag-stack", g, n);
    Subgroup derived = gSeries.commutatorSubgroup();
    int m = gAb.factors()[0];
    int[] word = DemoWords.one(g, n, options.seed());
    Trace trace = Evaluator.of(stack).trace(word);
    int[] s = PrefixProducts.of(g, word);
    report.heading("diag-stack on " + g.name() + " (" + stack.depth() + " layers)");
    report.paragraph(
        "Layer 1 adds up the Z"
            + m
            + " coordinate of each x_t (base a = 1: an exact counter), so its sum mod "
            + m
            + " is q_t, the image of s_t in G/G'. Writing s_t = u_t r(q_t) with a fixed coset"
            + " representative r(q), its readout passes on c_t = r(q_{t-1}) x_t r(q_t)^-1, an"
            + " element of G', whose prefix products are the u_t. Layer 2 counts the Z2 x Z2"
            + " coordinates of the c_t (G' is abelian), and its readout puts s_t = u_t r(q_t)"
            + " back together. The word (seed "
            + options.seed()
            + "): "
            + DemoWords.format(g, word)
            + ".");
    long[][] out1 = trace.outputs(0);
    long[][] out2 = trace.outputs(1);
    int[] tokens1 = trace.tokens(0);
    int[] labels = trace.labels();
    int gi = derived.order();
    DemoReport.TableBuilder layer1 =
        DemoReport.Table.builder()
            .numberColumn("t")
            .column("x_t")
            .numberColumn("layer 1 sum")
            .numberColumn("q_t = sum mod " + m)
            .column("c_t passed on");
    DemoReport.TableBuilder layer2 =
        DemoReport.Table.builder()
            .numberColumn("t")
            .column("layer 2 sums")
            .column("label")
            .column("s_t (direct)")
            .column("equal");
    boolean quotientTracked = true;
    boolean exact = true;
    for (int t = 0; t < n; t++) {
      long sum = out1[t][0];
      int q = (int) Math.floorMod(sum, (long) m);
      quotientTracked &= q == gAb.coordinates(s[t])[0];
      int c = derived.toParent(tokens1[t] % gi);
      exact &= labels[t] == s[t];
      layer1.row(t + 1, g.format(word[t]), sum, q, g.format(c));
      layer2.row(
          t + 1,
          Arrays.toString(Arrays.copyOf(out2[t], out2[t].length - 1)),
          g.format(labels[t]),
          g.format(s[t]),
          labels[t] == s[t] ? "yes" : "NO");
    }
    report.table(layer1);
    report.table(layer2);
    report.check(
        stack.depth() == gSeries.derivedLength().getAsInt(),
        "diag-stack for " + g.name() + " has " + stack.depth() + " layers, its derived length");
    report.check(
        quotientTracked,
        "layer 1's sum mod "
            + m
            + " is the image of s_t in G/G' = Z"
            + m
            + " at every t = 1.."
            + n);
    report.check(exact, "layer 2's labels equal the prefix products s_t at every t = 1.." + n);
    int[][] words = DemoWords.sample(g, n, SAMPLES, options.seed() + 1);
    Evaluator stackEval = Evaluator.of(stack);
    int wrong = 0;
    for (int[] w : words) {
      if (!Arrays.equals(stackEval.labels(w), PrefixProducts.of(g, w))) {
        wrong++;
      }
    }
    report.check(
        wrong == 0,
        "diag-stack labels every position of "
            + words.length
            + " more random words of length "
            + n
            + " correctly ("
            + wrong
            + " words with an error)");

    // A5: refused, and one diagonal layer is at chance.
    report.heading(a5.name() + ": no number of diagonal layers");
    String refusal = null;
    try {
      ConstructedModels.build("diag-stack", a5, n);
    } catch (IllegalArgumentException e) {
      refusal = e.getMessage();
    }
    Model abelian = ConstructedModels.build("diag-abelian", a5, n);
    Evaluator abelianEval = Evaluator.of(abelian);
    int[][] a5Words = DemoWords.sample(a5, n, SAMPLES, options.seed());
    long positions = 0;
    long correct = 0;
    long identities = 0;
    boolean constant = true;
    for (int[] w : a5Words) {
      int[] lab = abelianEval.labels(w);
      int[] truth = PrefixProducts.of(a5, w);
      for (int t = 0; t < w.length; t++) {
        positions++;
        correct += lab[t] == truth[t] ? 1 : 0;
        identities += truth[t] == a5.identity() ? 1 : 0;
        constant &= lab[t] == a5.identity();
      }
    }
    report.paragraph(
        "Asked for a diag-stack over A5, the construction refuses: \""
            + (refusal == null ? "(no refusal)" : refusal)
            + "\". The first diagonal layer sees only A5/A5' = 1, and the next one faces A5'"
            + " = A5 again. A single diagonal layer (diag-abelian) outputs the representative of"
            + " the trivial quotient, the identity, at every position; on "
            + a5Words.length
            + " random A5 words of length "
            + n
            + " it is right "
            + percent(correct, positions)
            + " of the time, exactly where s_t happens to be the identity (chance is 1/60 ="
            + " 1.7%).");
    report.check(
        refusal != null, "diag-stack over A5 is refused" + (refusal == null ? "" : ": " + refusal));
    report.check(
        constant && correct == identities,
        "diag-abelian over A5 always outputs the identity, so it is right exactly at the "
            + identities
            + " of "
            + positions
            + " positions where s_t = 1");
    return report.build();
  }

  private static String series(DerivedSeries s) {
    String orders =
        Arrays.stream(s.orders()).mapToObj(String::valueOf).collect(Collectors.joining(" > "));
    return s.isSolvable() ? orders : orders + " (stops)";
  }

  private static String quotient(Abelianization ab) {
    return ab.order() == 1 ? "1" : ab.quotient().name();
  }

  private static String layers(DerivedSeries s) {
    return s.isSolvable() ? String.valueOf(s.derivedLength().getAsInt()) : "none";
  }

  static String percent(long part, long whole) {
    return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
  }
}
