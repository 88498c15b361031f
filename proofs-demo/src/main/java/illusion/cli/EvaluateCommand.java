package illusion.cli;

import com.google.gson.GsonBuilder;
import illusion.group.Abelianization;
import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Evaluator;
import illusion.ssm.Model;
import illusion.ssm.ModelJson;
import illusion.ssm.RandomModels;
import illusion.word.DatasetCsv;
import illusion.word.RowSink;
import illusion.word.WordGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code illusion evaluate}: runs a model with the native evaluator on a word-problem dataset and
 * reports how often its labels are the prefix products: per sequence (all positions right), per
 * position, and on the abelianization G/G' (what {@code diag-abelian} tracks; the sign for S_n).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a model on the word problem of a group with the native (exact) evaluator.",
      "Models: ids4, diag-stack, diag-abelian, s4-scan[:L], s4-window[:W] (constructed for the"
          + " data's length), s4-random, s4d-random, selective-random, ids4-random, rnn-random"
          + " (seeded by --model-seed), or a model file FILE.json (see core/MODEL-FORMAT.md).",
      "Data: --data FILE (seed,input,target CSV) or --length K --samples N --seed S (N distinct"
          + " random words).",
      "Reports accuracy (sequences right at every position), positionAccuracy (per position),"
          + " tokenAccuracy, quotientAccuracy (labels right modulo G'; signAccuracy for S_n) and"
          + " tokens per second."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "NAME|FILE", description = "Model name or model JSON file.")
  String model;

  @Option(names = "--group", required = true, paramLabel = "G", description = "Group: S<n>, A<n>, Z<m>, or products like A4_x_Z5.")
  String group;

  @Option(names = "--data", paramLabel = "FILE", description = "Dataset CSV (seed,input,target).")
  Path data;

  @Option(names = "--length", paramLabel = "K", description = "Length of generated words.")
  Integer length;

  @Option(names = "--samples", paramLabel = "N", description = "Number of generated words (distinct).")
  Long samples;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the generated words.")
  Long seed;

  @Option(names = "--model-seed", paramLabel = "S", defaultValue = "0", description = "Seed of the *-random models (default: ${DEFAULT-VALUE}).")
  long modelSeed;

  @Option(names = "--format", paramLabel = "FMT", description = "table or json (default: ${DEFAULT-VALUE}).", defaultValue = "table")
  DataCommand.Format format;

  @Override
  public Integer call() {
    FiniteGroup g = Groups.byName(group);
    boolean generated = length != null || samples != null || seed != null;
    if (data != null && generated) {
      throw new IllegalArgumentException("give either --data FILE or --length, --samples and --seed, not both");
    }
    if (data == null && (length == null || samples == null || seed == null)) {
      throw new IllegalArgumentException("give --data FILE, or all of --length K, --samples N and --seed S");
    }
    // The words' length (which sizes constructed models) before any evaluation.
    int k;
    WordGenerator generator = null;
    if (data != null) {
      int[] first = {-1};
      long rows = DatasetCsv.read(data, g, (s, in, out) -> {
        if (first[0] < 0) {
          first[0] = in.length;
        }
      });
      if (rows == 0) {
        throw new IllegalArgumentException(data + ": no rows");
      }
      k = first[0];
    } else {
      generator = WordGenerator.sample(g, length, samples, seed);
      k = length;
    }
    Model m = resolve(g, Math.max(1, k));
    if (m.inputVocabulary() != g.order() || m.labelVocabulary() != g.order()) {
      throw new IllegalArgumentException(
          String.format(
              "model %s reads %d tokens and labels with %d, but %s has %d elements",
              m.name(), m.inputVocabulary(), m.labelVocabulary(), g.name(), g.order()));
    }

    Evaluator evaluator = Evaluator.of(m);
    Abelianization ab = Abelianization.of(g);
    int[] quotient = new int[g.order()];
    for (int x = 0; x < quotient.length; x++) {
      quotient[x] = ab.quotientIndex(x);
    }
    Tally tally = new Tally(k, evaluator, quotient);
    if (data != null) {
      DatasetCsv.read(data, g, tally);
    } else {
      generator.forEach(tally);
    }

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("model", m.name());
    report.put("tracks", m.tracks());
    report.put("group", g.name());
    report.put("layers", m.layers().stream().map(l -> l.kind().id()).collect(Collectors.toList()));
    report.put("paths", evaluator.paths(k).stream().map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.toList()));
    report.put("sequences", tally.sequences);
    report.put("length", k);
    report.put("accuracy", tally.sequences == 0 ? 0.0 : (double) tally.exact / tally.sequences);
    double[] positions = new double[k];
    for (int t = 0; t < k; t++) {
      positions[t] = (double) tally.correctAt[t] / tally.sequences;
    }
    boolean json = format == DataCommand.Format.json;
    report.put("positionAccuracy", json ? positions : positionSummary(positions));
    report.put("tokenAccuracy", (double) tally.correct / ((double) tally.sequences * k));
    report.put("quotient", ab.quotient().name());
    double quotientAccuracy = (double) tally.quotientExact / tally.sequences;
    report.put("quotientAccuracy", quotientAccuracy);
    if (g.name().matches("S[0-9]+") && g.order() > 1) {
      report.put("signAccuracy", quotientAccuracy);
    }
    report.put("tokensPerSecond", tally.nanos == 0 ? 0L : Math.round(tally.tokens * 1e9 / tally.nanos));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(report));
    } else {
      Reports.print(out, report, false);
    }
    out.flush();
    return Cli.OK;
  }

  private Model resolve(FiniteGroup g, int maxLength) {
    String name = model.strip();
    Path file = Path.of(name);
    if (name.toLowerCase(Locale.ROOT).endsWith(".json") || Files.isRegularFile(file)) {
      return ModelJson.read(file);
    }
    if (RandomModels.isRandomModel(name)) {
      return RandomModels.build(name, g.order(), modelSeed);
    }
    String base = name.toLowerCase(Locale.ROOT).replaceFirst(":.*", "");
    if (!ConstructedModels.NAMES.contains(base)) {
      throw new IllegalArgumentException(
          "unknown model '" + name + "': expected one of " + String.join(", ", ConstructedModels.NAMES)
              + ", " + String.join(", ", RandomModels.NAMES) + ", or a .json model file");
    }
    return ConstructedModels.build(name, g, maxLength);
  }

  /** Accuracy at positions 1, 2, 4, ... and K, for the table format. */
  private static String positionSummary(double[] positions) {
    List<String> parts = new ArrayList<>();
    for (int t = 1; t <= positions.length; t = t * 2) {
      parts.add(String.format(Locale.ROOT, "t=%d %.4f", t, positions[t - 1]));
      if (t > positions.length / 2 && t != positions.length) {
        parts.add(String.format(Locale.ROOT, "t=%d %.4f", positions.length, positions[positions.length - 1]));
      }
    }
    return String.join(", ", parts);
  }

  /** Evaluates each row as it arrives and counts agreements with the prefix products. */
  private static final class Tally implements RowSink {
    final int length;
    final Evaluator evaluator;
    final int[] quotient;
    final long[] correctAt;
    long sequences;
    long exact;
    long quotientExact;
    long correct;
    long tokens;
    long nanos;

    Tally(int length, Evaluator evaluator, int[] quotient) {
      this.length = length;
      this.evaluator = evaluator;
      this.quotient = quotient;
      this.correctAt = new long[length];
    }

    @Override
    public void accept(long seed, int[] input, int[] target) {
      long start = System.nanoTime();
      int[] labels = evaluator.labels(input);
      nanos += System.nanoTime() - start;
      tokens += input.length;
      sequences++;
      boolean all = true;
      boolean allQuotient = true;
      for (int t = 0; t < labels.length; t++) {
        if (labels[t] == target[t]) {
          correctAt[t]++;
          correct++;
        } else {
          all = false;
        }
        allQuotient &= quotient[labels[t]] == quotient[target[t]];
      }
      exact += all ? 1 : 0;
      quotientExact += allQuotient ? 1 : 0;
    }
  }
}
