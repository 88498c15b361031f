package illusion.demo;

import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Evaluator;
import illusion.ssm.Model;
import illusion.word.PrefixProducts;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code illusion demo illusion}: the paper in one screen. The same A5 words go to four layers:
 * {@code diag-stack} (refused: A5 is not solvable), {@code diag-abelian} (a Mamba-style diagonal
 * layer: right only by chance), {@code s4-window} (an S4 layer: exact only inside its window) and
 * {@code ids4} (exact). Then both compiled families side by side: the S4 circuit keeps its depth as
 * n grows (TC0, Thm 4.2), the IDS4 circuit grows by a constant per doubling of n (log depth, Thm
 * 5.2), and every circuit agrees with the native evaluator.
 */
final class IllusionDemo implements Demo {
  static final String GROUP = "A5";
  static final int DEFAULT_LENGTH = 16;
  static final int MAX_LENGTH = 64;

  /** The window of the S4 layer (its readout has 60^W entries). */
  static final int WINDOW = 2;

  static final int SAMPLES = 500;

  /** The lengths of the depth table. */
  static final int[] TABLE_LENGTHS = {4, 8, 16, 32};

  /** Words per cell of the depth table. */
  static final int TABLE_SAMPLES = 128;

  @Override
  public String name() {
    return "illusion";
  }

  @Override
  public String summary() {
    return "the paper in one screen: four layers on A5 words, depth as n grows";
  }

  @Override
  public Set<DemoOptions.Option> accepts() {
    return Set.of(DemoOptions.Option.LENGTH);
  }

  @Override
  public DemoReport run(DemoOptions options, Progress progress) {
    int n = options.length(DEFAULT_LENGTH, 1, MAX_LENGTH);
    FiniteGroup a5 = Groups.byName(GROUP);
    String window = "s4-window:" + WINDOW;
    DemoReport.Builder report = DemoReport.builder("The illusion of state, on one screen");
    report.paragraph(
        "Merrill, Petty and Sabharwal (ICML 2024): S4 and Mamba layers look stateful, but they"
            + " compute only what constant-depth threshold circuits (TC0) compute (Thm 4.2, 4.4)."
            + " Tracking a product of A5 permutations is NC1-complete (Barrington), so no fixed"
            + " stack of them does it for every length unless TC0 = NC1 (Cor 4.7). An IDS4 layer,"
            + " whose transition matrix depends on the input and is not diagonal, does it exactly"
            + " (Thm 5.2), at the price of circuits of log depth.");

    // The same words, four layers.
    int[][] words = DemoWords.sample(a5, n, SAMPLES, options.seed());
    int[][] truth = new int[words.length][];
    for (int i = 0; i < words.length; i++) {
      truth[i] = PrefixProducts.of(a5, words[i]);
    }
    report.heading("The same " + words.length + " A5 words of length " + n + ", four layers");
    String refusal = null;
    try {
      ConstructedModels.build("diag-stack", a5, n);
    } catch (IllegalArgumentException e) {
      refusal = e.getMessage();
    }
    report.paragraph(
        "diag-stack (a stack of Mamba-style diagonal layers along the derived series) is refused: "
            + (refusal == null ? "(it was not)" : refusal)
            + ".");
    report.check(refusal != null, "diag-stack over A5 is refused because A5 is not solvable");
    DemoReport.TableBuilder accuracy =
        DemoReport.Table.builder()
            .column("model")
            .column("layer")
            .numberColumn("t <= " + WINDOW)
            .numberColumn("t > " + WINDOW)
            .numberColumn("t = n")
            .column("right exactly where");
    Model abelian = ConstructedModels.build("diag-abelian", a5, n);
    Model s4 = ConstructedModels.build(window, a5, n);
    Model ids4 = ConstructedModels.build("ids4", a5, n);
    int[][] abelianLabels = labels(abelian, words);
    int[][] s4Labels = labels(s4, words);
    int[][] ids4Labels = labels(ids4, words);
    boolean abelianAsPredicted = true;
    boolean s4AsPredicted = true;
    boolean ids4Exact = true;
    for (int i = 0; i < words.length; i++) {
      // s4-window sees x_{t-W+1} .. x_t: right iff x_1 .. x_{t-W} = 1
      int prefix = a5.identity();
      for (int t = 0; t < n; t++) {
        abelianAsPredicted &=
            (abelianLabels[i][t] == truth[i][t]) == (truth[i][t] == a5.identity());
        if (t >= WINDOW) {
          prefix = a5.multiply(prefix, words[i][t - WINDOW]);
        }
        s4AsPredicted &= (s4Labels[i][t] == truth[i][t]) == (prefix == a5.identity());
        ids4Exact &= ids4Labels[i][t] == truth[i][t];
      }
    }
    accuracy.row(
        "diag-abelian",
        "diagonal",
        rate(abelianLabels, truth, 0, WINDOW),
        rate(abelianLabels, truth, WINDOW, n),
        rate(abelianLabels, truth, n - 1, n),
        "s_t = 1 (chance)");
    accuracy.row(
        window,
        "S4",
        rate(s4Labels, truth, 0, WINDOW),
        rate(s4Labels, truth, WINDOW, n),
        rate(s4Labels, truth, n - 1, n),
        "t<=" + WINDOW + " or x_1..x_(t-" + WINDOW + ") = 1");
    accuracy.row(
        "ids4",
        "IDS4",
        rate(ids4Labels, truth, 0, WINDOW),
        rate(ids4Labels, truth, WINDOW, n),
        rate(ids4Labels, truth, n - 1, n),
        "everywhere");
    report.paragraph(
        "Accuracy of each layer's label against the true prefix product s_t, by position t."
            + " diag-abelian tracks A5/A5' = 1, so it always says 1; the S4 delay line sees only"
            + " the last "
            + WINDOW
            + " tokens; ids4 follows the 5 points A5 permutes.");
    report.table(accuracy);
    report.check(
        abelianAsPredicted,
        "diag-abelian is right exactly at the positions where s_t is the identity, on all "
            + words.length
            + " words");
    report.check(
        s4AsPredicted,
        window
            + " is right exactly at t <= "
            + WINDOW
            + " and where x_1 .. x_(t-"
            + WINDOW
            + ") multiplies to the identity");
    report.check(ids4Exact, "ids4 labels every position of every word correctly");

    // Depth as n grows, for both compiled families (the depth-table experiment, two models).
    report.heading("Compiled to threshold circuits: depth as n grows");
    report.paragraph(
        "Each model is compiled for length n into one threshold circuit (label at the last"
            + " position), simulated on "
            + TABLE_SAMPLES
            + " random words and compared bit for bit with the native evaluator; accuracy is the"
            + " last label against s_n. The full experiment: `illusion depth-table --group A5`.");
    List<DepthRow> rows =
        DepthTable.builder(a5)
            .models(List.of(window, "ids4"))
            .lengths(TABLE_LENGTHS)
            .samples(TABLE_SAMPLES)
            .seed(options.seed())
            .progress(progress::step)
            .build()
            .run();
    List<DepthRow> s4Rows = rows.subList(0, TABLE_LENGTHS.length);
    List<DepthRow> ids4Rows = rows.subList(TABLE_LENGTHS.length, rows.size());
    DemoReport.TableBuilder depth =
        DemoReport.Table.builder()
            .numberColumn("n")
            .numberColumn("S4 depth")
            .numberColumn("S4 gates")
            .numberColumn("S4 acc.")
            .numberColumn("IDS4 depth")
            .numberColumn("IDS4 gates")
            .numberColumn("IDS4 acc.")
            .column("= native");
    boolean measured = rows.stream().noneMatch(DepthRow::isRefused);
    boolean allAgree = measured && DepthReport.mismatches(rows) == 0;
    for (int i = 0; measured && i < TABLE_LENGTHS.length; i++) {
      DepthRow s = s4Rows.get(i);
      DepthRow d = ids4Rows.get(i);
      depth.row(
          s.n(),
          s.depth(),
          s.gates(),
          percent(s.accuracy()),
          d.depth(),
          d.gates(),
          percent(d.accuracy()),
          s.mismatches() + d.mismatches() == 0 ? "yes" : "NO");
    }
    if (measured) {
      report.table(depth);
    } else {
      rows.stream()
          .filter(DepthRow::isRefused)
          .forEach(
              r ->
                  report.paragraph(
                      r.model() + " at n = " + r.n() + " was refused: " + r.refused().get()));
    }
    report.check(
        allAgree,
        "every compiled circuit agrees bit for bit with the native evaluator on its sample");
    boolean s4Constant =
        measured && s4Rows.stream().mapToInt(DepthRow::depth).distinct().count() == 1;
    boolean ids4Grows = measured;
    for (int i = 1; measured && i < ids4Rows.size(); i++) {
      ids4Grows &= ids4Rows.get(i).depth() > ids4Rows.get(i - 1).depth();
    }
    report.check(
        s4Constant,
        "the S4 circuit's depth is the same ("
            + (measured ? s4Rows.get(0).depth() : "-")
            + ") for every n: constant depth, TC0 (Thm 4.2)");
    report.check(
        ids4Grows,
        measured
            ? String.format(
                Locale.ROOT,
                "the IDS4 circuit's depth grows with every doubling of n (%d to %d, ~%.1f per"
                    + " doubling): log depth (Thm 5.2)",
                ids4Rows.get(0).depth(),
                ids4Rows.get(ids4Rows.size() - 1).depth(),
                DepthTrend.of(ids4Rows).perDoubling())
            : "the IDS4 circuit's depth grows with every doubling of n: log depth (Thm 5.2)");
    report.paragraph(
        "So the state of the S4 layer is an illusion: its circuit never gets deeper, and it stops"
            + " being right as soon as words outgrow its window. The IDS4 layer stays right, and"
            + " its circuit deepens by a constant per doubling of n.");
    return report.build();
  }

  /** The native evaluator's labels at every position of every word. */
  private static int[][] labels(Model model, int[][] words) {
    Evaluator e = Evaluator.of(model);
    int[][] labels = new int[words.length][];
    for (int i = 0; i < words.length; i++) {
      labels[i] = e.labels(words[i]);
    }
    return labels;
  }

  /** The share of positions t in [from, to) where the label is right, as a percentage. */
  private static String rate(int[][] labels, int[][] truth, int from, int to) {
    long right = 0;
    long all = 0;
    for (int i = 0; i < labels.length; i++) {
      for (int t = from; t < Math.min(to, truth[i].length); t++) {
        all++;
        right += labels[i][t] == truth[i][t] ? 1 : 0;
      }
    }
    return all == 0 ? "-" : percent(right, all);
  }

  private static String percent(long part, long whole) {
    return SolvableDemo.percent(part, whole);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
