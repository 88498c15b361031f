package illusion.demo;

import illusion.group.FiniteGroup;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Evaluator;
import illusion.word.PrefixProducts;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The shape of the text reductions of Prop 3.3 (swap programs, narratives): an S5 word is written
 * as text, the text is parsed back to the word, a tracker follows the text's state without the
 * group, and the {@code ids4} layer's labels agree with the tracker after every element.
 *
 * <p>A state is the one-line array of {@link Transpositions}: {@code state[q]} is the item now in
 * place q, which after element t is s_t(q).
 */
abstract class TextReductionDemo implements Demo {
  static final int DEFAULT_LENGTH = 6;
  static final int MAX_LENGTH = 24;

  /** Random words (lengths 1..n) on which parse(generate(w)) == w is checked. */
  static final int ROUND_TRIPS = 500;

  /** The report's title. */
  abstract String title();

  /** The opening paragraph. */
  abstract String explanation();

  /** The text of an S5 word. */
  abstract String generate(int[] word, long seed);

  /** The S5 word of a text. */
  abstract int[] parse(String text);

  /** The state after each element, followed in the text without the group. */
  abstract int[][] track(String text);

  /** Adds the text to the report. */
  abstract void show(DemoReport.Builder report, String text);

  /** Which places of the text the points 1..5 of S5 are, e.g. "x[0]..x[4]". */
  abstract String places();

  /** The header of the state column. */
  abstract String stateHeader();

  /** A state (one-line array) as the text's reader would write it. */
  abstract String formatState(int[] state);

  /** The final question and its answer from a final state. */
  abstract String answer(int[] state);

  @Override
  public Set<DemoOptions.Option> accepts() {
    return Set.of(DemoOptions.Option.LENGTH);
  }

  @Override
  public final DemoReport run(DemoOptions options, Progress progress) {
    int n = options.length(DEFAULT_LENGTH, 1, MAX_LENGTH);
    FiniteGroup s5 = Transpositions.S5;
    int[] word = DemoWords.one(s5, n, options.seed());
    String text = generate(word, options.seed());
    DemoReport.Builder report = DemoReport.builder(title());
    report.paragraph(explanation());
    report.paragraph(
        "The word (seed "
            + options.seed()
            + "): "
            + DemoWords.format(s5, word)
            + ". Its points 1..5 are "
            + places()
            + ".");
    show(report, text);

    int[] parsed = parse(text);
    int[][] states = track(text);
    int[] prefix = PrefixProducts.of(s5, word);
    int[] labels = Evaluator.of(ConstructedModels.build("ids4", s5, n)).labels(word);
    DemoReport.TableBuilder table =
        DemoReport.Table.builder()
            .numberColumn("t")
            .column("x_t")
            .column("tracker: " + stateHeader())
            .column("ids4: s_t")
            .column("agree");
    boolean trackerAgrees = states.length == n;
    for (int t = 0; t < Math.min(n, states.length); t++) {
      int[] fromIds4 = Transpositions.images(labels[t]);
      boolean same = Arrays.equals(states[t], fromIds4);
      trackerAgrees &= same;
      table.row(
          t + 1,
          s5.format(word[t]),
          formatState(states[t]),
          formatState(fromIds4),
          same ? "yes" : "NO");
    }
    report.paragraph(
        "The tracker follows the text step by step; ids4 reads the S5 word and its label s_t is"
            + " written the same way (place q holds the item that started in place s_t(q)).");
    report.table(table);
    String trackerAnswer = states.length == 0 ? "-" : answer(states[states.length - 1]);
    String ids4Answer = answer(Transpositions.images(labels[n - 1]));
    report.paragraph("Tracker: " + trackerAnswer + " ids4: " + ids4Answer);

    SplittableRandom random = new SplittableRandom(options.seed());
    int roundTripFailures = 0;
    for (int k = 0; k < ROUND_TRIPS; k++) {
      int[] w = new int[1 + random.nextInt(n)];
      for (int t = 0; t < w.length; t++) {
        w[t] = random.nextInt(s5.order());
      }
      if (!Arrays.equals(parse(generate(w, random.nextLong())), w)) {
        roundTripFailures++;
      }
    }
    report.check(Arrays.equals(parsed, word), "parsing the text gives back the word x_1 .. x_" + n);
    report.check(
        roundTripFailures == 0,
        "parse(generate(w)) == w for "
            + ROUND_TRIPS
            + " more random S5 words of lengths 1.."
            + n
            + " ("
            + roundTripFailures
            + " failures)");
    report.check(
        trackerAgrees,
        "the tracker's state equals ids4's label s_t after every element t = 1.." + n);
    report.check(
        Arrays.equals(labels, prefix), "ids4's labels equal the prefix products computed in S5");
    report.check(
        trackerAnswer.equals(ids4Answer),
        "the tracker and ids4 give the same answer to the final question");
    return report.build();
  }
}
