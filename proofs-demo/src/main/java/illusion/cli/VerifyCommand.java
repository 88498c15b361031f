package illusion.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import illusion.compile.Outputs;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import illusion.ssm.ModelJson;
import illusion.verify.Counterexample;
import illusion.verify.ExactnessCheck;
import illusion.verify.ExactnessReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code illusion verify}: compiles many random models (or one given model) to circuits and checks
 * bit for bit, on every output and label, that each circuit computes what the native evaluator
 * computes. Prints the number of cases, the mismatches and the time; exit code 1 on any mismatch,
 * crash or timeout, with the first failure shrunk to a small model and token sequence.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check that compiled circuits agree bit for bit with the native evaluator.",
      "Without --model: random models of every layer kind, precision (2..63 bits), depth 1-2,"
          + " length and readout, 64 token sequences each (simulated as one 64-lane word), until"
          + " --cases (model, sequence) cases are compared. Seeded: the same --seed gives the same"
          + " cases and report (timing aside), whatever --threads.",
      "With --model FILE: that model, on the --tokens sequence or on --cases random sequences of"
          + " --length tokens.",
      "Exit code 0 when all agree, 1 on any mismatch, crash or timeout (the first failure is"
          + " printed shrunk: a model JSON and a token sequence that reproduce it), 2 on bad input."
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--cases", paramLabel = "N", description = "Cases to compare (default: 100000; with --model: 64 sequences).")
  Long cases;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--kinds", paramLabel = "K,K", split = ",", description = "Layer kinds of the random models: s4, s4d, selective, ids4, rnn (default: all).")
  List<String> kinds;

  @Option(names = "--max-length", paramLabel = "N", defaultValue = "" + ExactnessCheck.DEFAULT_MAX_LENGTH, description = "Longest random sequence, 1..64 (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors, at most 8); the report does not depend on it.")
  Integer threads;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Time limit per model, compiling and simulating (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Option(names = "--no-shrink", description = "Report the first failure as found, without shrinking it.")
  boolean noShrink;

  @Option(names = "--model", paramLabel = "FILE", description = "Check this model (JSON model format) instead of random ones.")
  Path model;

  @Option(names = "--tokens", paramLabel = "\"T T ...\"", description = "With --model: the token sequence to check (space or comma separated).")
  String tokens;

  @Option(names = "--length", paramLabel = "N", description = "With --model and without --tokens: the length of the random sequences (default: 8).")
  Integer length;

  @Option(names = "--outputs", paramLabel = "WHICH", defaultValue = "all", description = "With --model: compile outputs at 'all' positions or the 'last' (default: ${DEFAULT-VALUE}).")
  String outputs;

  @Option(names = "--counterexample", paramLabel = "FILE", description = "On failure, write the shrunk counterexample's model JSON here (atomically).")
  Path counterexample;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
  DataCommand.Format format;

  /** The most sequences checked against one given model. */
  static final int MAX_MODEL_SEQUENCES = 1 << 20;

  @Override
  public Integer call() {
    ExactnessCheck.Builder builder = ExactnessCheck.builder().seed(seed).shrink(!noShrink);
    if (timeout < 1 || timeout > 86_400) {
      throw new IllegalArgumentException("--timeout must be 1..86400 seconds, got " + timeout);
    }
    builder.timeout(timeout, TimeUnit.SECONDS);
    builder.threads(
        threads != null ? threads : Math.min(8, Runtime.getRuntime().availableProcessors()));
    if (counterexample != null) {
      Path dir = counterexample.toAbsolutePath().getParent();
      if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
        throw new IllegalArgumentException("output directory does not exist: " + dir);
      }
    }
    ExactnessReport report;
    if (model != null) {
      report = checkModel(builder);
    } else {
      if (tokens != null || length != null) {
        throw new IllegalArgumentException("--tokens and --length need --model");
      }
      builder.maxLength(maxLength);
      if (cases != null) {
        builder.cases(cases);
      }
      if (kinds != null) {
        List<LayerKind> ks = new ArrayList<>();
        for (String k : kinds) {
          ks.add(LayerKind.byId(k));
        }
        builder.kinds(ks);
      }
      report = builder.build().run();
    }
    if (counterexample != null && report.counterexample().isPresent()) {
      Cli.writeAtomically(counterexample, report.counterexample().get().modelJson());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == DataCommand.Format.json) {
      out.println(
          new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create()
              .toJson(json(report)));
    } else {
      table(out, report);
    }
    out.flush();
    return report.passed() ? Cli.OK : Cli.CHECK_FAILED;
  }

  private ExactnessReport checkModel(ExactnessCheck.Builder builder) {
    if (kinds != null) {
      throw new IllegalArgumentException("--kinds applies to random models, not to --model");
    }
    Outputs which;
    switch (outputs.strip().toLowerCase(Locale.ROOT)) {
      case "all":
        which = Outputs.ALL;
        break;
      case "last":
        which = Outputs.LAST;
        break;
      default:
        throw new IllegalArgumentException("--outputs must be 'all' or 'last', got '" + outputs + "'");
    }
    Model m = ModelJson.read(model);
    int[][] sequences;
    if (tokens != null) {
      if (length != null || cases != null) {
        throw new IllegalArgumentException("--tokens gives the one sequence: drop --length and --cases");
      }
      sequences = new int[][] {parseTokens(tokens, m.inputVocabulary())};
    } else {
      int n = length == null ? 8 : length;
      if (n < 1 || n > 1 << 16) {
        throw new IllegalArgumentException("--length must be 1..65536, got " + n);
      }
      long count = cases == null ? ExactnessCheck.SEQUENCES_PER_MODEL : cases;
      if (count < 1 || count > MAX_MODEL_SEQUENCES || count * n > 1L << 26) {
        throw new IllegalArgumentException(
            String.format(
                "--cases %d of length %d: at most %d sequences and %d tokens in all",
                count, n, MAX_MODEL_SEQUENCES, 1L << 26));
      }
      SplittableRandom r = new SplittableRandom(seed);
      sequences = new int[(int) count][n];
      for (int[] s : sequences) {
        for (int t = 0; t < n; t++) {
          s[t] = r.nextInt(m.inputVocabulary());
        }
      }
    }
    return builder.build().check(m, sequences, which);
  }

  /** Tokens separated by spaces or commas, each in {@code [0, vocabulary)}. */
  static int[] parseTokens(String text, int vocabulary) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("--tokens is empty");
    }
    String[] parts = s.split("[\\s,]+");
    if (parts.length > 1 << 16) {
      throw new IllegalArgumentException("--tokens has " + parts.length + " tokens, more than 65536");
    }
    int[] t = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 9 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException(
            "--tokens: '" + p + "' at position " + (i + 1) + " is not a token index");
      }
      t[i] = Integer.parseInt(p);
      if (t[i] >= vocabulary) {
        throw new IllegalArgumentException(
            "--tokens: token " + t[i] + " at position " + (i + 1)
                + " is outside the model's vocabulary [0, " + vocabulary + ")");
      }
    }
    return t;
  }

  private static Map<String, Object> json(ExactnessReport r) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("cases", r.cases());
    j.put("mismatches", r.mismatches());
    j.put("crashes", r.crashes());
    j.put("timeouts", r.timeouts());
    j.put("passed", r.passed());
    j.put("models", r.models());
    j.put("refusedModels", r.refused());
    j.put("redrawnModels", r.resampled());
    j.put("seconds", r.nanos() / 1e9);
    j.put("casesPerSecond", r.nanos() == 0 ? 0 : Math.round(r.cases() * 1e9 / r.nanos()));
    j.put("seed", r.seed());
    List<Map<String, Object>> kinds = new ArrayList<>();
    for (ExactnessReport.KindTally k : r.kinds()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", k.kind().id());
      m.put("models", k.models());
      m.put("cases", k.cases());
      m.put("mismatches", k.mismatches());
      m.put("failedModels", k.failedModels());
      m.put("refused", k.refused());
      m.put("firstRefusal", k.firstRefusal().orElse(null));
      kinds.add(m);
    }
    j.put("kinds", kinds);
    j.put("precisionBits", new int[] {r.minBits(), r.maxBits()});
    j.put("distinctPrecisions", r.distinctPrecisions());
    j.put("lengths", new int[] {r.minLength(), r.maxLength()});
    j.put("twoLayerModels", r.stackedModels());
    j.put("lastOnlyModels", r.lastOnlyModels());
    if (r.counterexample().isPresent()) {
      Counterexample c = r.counterexample().get();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("failure", c.failure().name().toLowerCase(Locale.ROOT));
      m.put("detail", c.detail());
      m.put("size", c.size());
      m.put("originalSize", r.original().get().size());
      m.put("shrinkSteps", r.shrinkSteps());
      m.put("tokens", c.tokens());
      m.put("outputs", c.outputs().name().toLowerCase(Locale.ROOT));
      m.put("model", JsonParser.parseString(c.modelJson()));
      j.put("counterexample", m);
    } else {
      j.put("counterexample", null);
    }
    return j;
  }

  private static void table(PrintWriter out, ExactnessReport r) {
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("cases", String.format("%,d", r.cases()));
    head.put("mismatches", String.format("%,d", r.mismatches()));
    head.put("crashes", r.crashes());
    head.put("timeouts", r.timeouts());
    head.put("models", String.format("%,d", r.models()));
    head.put("refused models", String.format("%,d", r.refused()));
    head.put("redrawn models", String.format("%,d (projected circuit above the per-model budget)", r.resampled()));
    head.put("time", String.format("%.1f s (%,d cases/s)", r.nanos() / 1e9,
        r.nanos() == 0 ? 0 : Math.round(r.cases() * 1e9 / r.nanos())));
    head.put("seed", r.seed());
    head.put("precision", String.format("%d..%d bits (%d distinct formats)", r.minBits(), r.maxBits(), r.distinctPrecisions()));
    head.put("lengths", r.minLength() + ".." + r.maxLength());
    head.put("two-layer models", String.format("%,d", r.stackedModels()));
    head.put("last-only models", String.format("%,d", r.lastOnlyModels()));
    Reports.print(out, head, false);
    out.println();
    out.printf("%-10s %10s %12s %11s %8s %8s%n", "kind", "models", "cases", "mismatches", "failed", "refused");
    for (ExactnessReport.KindTally k : r.kinds()) {
      out.printf(
          "%-10s %,10d %,12d %,11d %,8d %,8d%n",
          k.kind().id(), k.models(), k.cases(), k.mismatches(), k.failedModels(), k.refused());
    }
    for (ExactnessReport.KindTally k : r.kinds()) {
      if (k.models() == 0 && k.firstRefusal().isPresent()) {
        out.println("  " + k.kind().id() + " refused: " + k.firstRefusal().get());
      }
    }
    out.println();
    if (r.passed()) {
      out.printf("PASS: %,d cases, 0 mismatches%n", r.cases());
      return;
    }
    out.printf(
        "FAIL: %,d mismatching cases, %d crashes, %d timeouts%n",
        r.mismatches(), r.crashes(), r.timeouts());
    Counterexample c = r.counterexample().get();
    out.println("first failure: " + c.failure().name().toLowerCase(Locale.ROOT) + ": " + c.detail());
    out.println("  found on:  " + r.original().get().size());
    out.println("  shrunk to: " + c.size() + " (" + r.shrinkSteps() + " steps)");
    out.println("tokens: " + c.tokenText());
    out.println("outputs: " + c.outputs().name().toLowerCase(Locale.ROOT));
    out.println("model:");
    out.print(c.modelJson());
    out.println(
        "reproduce: save the model as case.json, then: illusion verify --model case.json --tokens \""
            + c.tokenText() + "\" --outputs " + c.outputs().name().toLowerCase(Locale.ROOT));
  }
}
