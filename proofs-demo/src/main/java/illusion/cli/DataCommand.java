package illusion.cli;

import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.word.DatasetCsv;
import illusion.word.RowSink;
import illusion.word.WordGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code illusion data}: writes a word-problem dataset in the paper's {@code seed,input,target}
 * CSV format, to stdout or atomically to {@code --out}. With {@code --stats} a summary is printed
 * on stdout instead of the CSV (the CSV still goes to {@code --out} when given).
 */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
      "Write a word-problem dataset: rows seed,input,target where target is the prefix products of"
          + " the input (the paper's CSV format).",
      "Without --samples: all |G|^K words in lexicographic order (at most 10^7 rows). With"
          + " --samples N: N distinct words drawn without replacement, deterministic for --seed.",
      "With --stats: print a summary (rows, length, distinct final elements, ...) on stdout"
          + " instead of the CSV; the CSV is still written to --out when given."
    })
final class DataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--group", required = true, paramLabel = "G", description = "Group: S<n>, A<n>, Z<m>, or products like A4_x_Z5.")
  String group;

  @Option(names = "--length", required = true, paramLabel = "K", description = "Word length.")
  int length;

  @Option(names = "--samples", paramLabel = "N", description = "Draw N distinct words instead of all of them.")
  Long samples;

  @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed (also the seed column).")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", description = "Output file (written atomically); stdout when absent.")
  Path out;

  @Option(names = "--stats", description = "Print a summary instead of the CSV on stdout.")
  boolean stats;

  @Option(names = "--format", paramLabel = "FMT", description = "Summary format: table or json (default: ${DEFAULT-VALUE}).", defaultValue = "table")
  Format format;

  enum Format {
    table,
    json
  }

  @Override
  public Integer call() {
    FiniteGroup g = Groups.byName(group);
    WordGenerator generator;
    if (samples != null) {
      generator = WordGenerator.sample(g, length, samples, seed);
    } else {
      try {
        generator = WordGenerator.exhaustive(g, length, seed);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + "; pass --samples N to draw N of them", e);
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    BitSet finals = new BitSet(g.order());
    long[] identityFinals = {0};
    RowSink summary =
        (s, input, target) -> {
          int last = target[target.length - 1];
          finals.set(last);
          if (last == g.identity()) {
            identityFinals[0]++;
          }
        };
    if (out != null) {
      Cli.writeAtomically(
          out,
          stream -> {
            DatasetCsv.RowWriter writer = DatasetCsv.writer(stream);
            generator.forEach(
                (s, input, target) -> {
                  writer.accept(s, input, target);
                  summary.accept(s, input, target);
                });
            writer.flush();
          });
    } else if (stats) {
      generator.forEach(summary);
    } else {
      DatasetCsv.RowWriter writer = DatasetCsv.writer(stdout);
      generator.forEach(writer);
      writer.flush();
    }
    if (stats) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("group", g.name());
      report.put("order", g.order());
      report.put("length", length);
      report.put("rows", generator.rows());
      report.put("sampling", samples == null ? "exhaustive" : "without replacement");
      report.put("seed", seed);
      report.put("distinctFinalElements", finals.cardinality());
      report.put("identityFinalRows", identityFinals[0]);
      report.put("out", out == null ? null : out.toString());
      Reports.print(stdout, report, format == Format.json);
    }
    stdout.flush();
    return Cli.OK;
  }
}
