package illusion.cli;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.compile.CompileOptions;
import illusion.compile.Outputs;
import illusion.demo.DepthPlot;
import illusion.demo.DepthReport;
import illusion.demo.DepthRow;
import illusion.demo.DepthTable;
import illusion.demo.Lengths;
import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.tc0.PrefixNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code illusion depth-table}: the table that shows the theorem. Compiles each model for each
 * length n, checks the circuit against the native evaluator on random words, and prints one row per
 * (model, n) with the circuit's depth and size, followed by the verdict the rows support: constant
 * depth for S4 and selective diagonal layers (Thm 4.2, 4.4), depth growing as log n for IDS4 (Thm
 * 5.2). Exit code 1 if any circuit disagrees with its native evaluator.
 */
@Command(
    name = "depth-table",
    mixinStandardHelpOptions = true,
    description = {
      "Compile SSM models of a group's word problem for growing lengths n, check every circuit bit"
          + " for bit against the native evaluator on random words, and tabulate circuit depth,"
          + " threshold depth, gates, wires, weight bits, mismatches, task accuracy and times. With"
          + " no arguments: the paper's contrast on A5 for n = 2, 4, ..., 1024.",
      "Exit code 1 if any circuit disagrees with its native evaluator."
    })
final class DepthTableCommand implements Callable<Integer> {
  /** Progress lines appear once a run has taken this long. */
  private static final long QUIET_NANOS = 3_000_000_000L;

  @Spec CommandSpec spec;

  @Option(names = "--group", paramLabel = "G", defaultValue = "A5",
      description = "Group: S<n>, A<n>, Z<m>, or products like A4_x_Z5 (default: ${DEFAULT-VALUE}).")
  String group;

  @Option(names = "--models", paramLabel = "M,M,...", split = ",",
      description = "Models (default: all): ids4, diag-stack, diag-abelian, s4-scan, s4-window,"
          + " s4-random, s4d-random, selective-random, ids4-random, rnn-random.")
  List<String> models;

  @Option(names = "--lengths", paramLabel = "N,N,...", defaultValue = "2,4,...,1024",
      description = "Sequence lengths: a list, with '...' continuing a progression (2,4,...,1024)"
          + " or a..b for doubling (default: ${DEFAULT-VALUE}).")
  String lengths;

  @Option(names = "--outputs", paramLabel = "last|all", defaultValue = "last",
      description = "Circuit outputs at the last position or at every position (default: ${DEFAULT-VALUE}).")
  String outputs;

  @Option(names = "--samples", paramLabel = "K", defaultValue = "64",
      description = "Random words checked per cell (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the words and of the random-weight models (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--prefix", paramLabel = "NET", defaultValue = "brent-kung",
      description = "Prefix network of finite-state layers: sklansky, brent-kung or ladner-fischer"
          + " (default: ${DEFAULT-VALUE}).")
  String prefix;

  @Option(names = "--max-states", paramLabel = "S", defaultValue = "4096",
      description = "Refuse a finite-state channel with more reachable states (default: ${DEFAULT-VALUE}).")
  int maxStates;

  @Option(names = "--threads", paramLabel = "T",
      description = "Cells computed at once (default: the number of processors). Times are"
          + " measured per cell, so they include contention when T > 1.")
  Integer threads;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
      description = "table, markdown, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--plot", paramLabel = "FILE",
      description = "Also draw depth against n (log2 axis), one line per model: FILE.svg or FILE.png.")
  Path plot;

  @Override
  public Integer call() {
    // Validate everything before any work starts.
    FiniteGroup g = Groups.byName(group);
    int[] ns = Lengths.parse(lengths);
    Outputs out = parseOutputs(outputs);
    String fmt = format.strip().toLowerCase(Locale.ROOT);
    checkArgument(
        Arrays.asList("table", "markdown", "csv", "json").contains(fmt),
        "unknown format '%s': expected table, markdown, csv or json",
        format);
    checkArgument(samples >= 1, "--samples must be at least 1, got %s", samples);
    checkArgument(threads == null || threads >= 1, "--threads must be at least 1, got %s", threads);
    CompileOptions options =
        CompileOptions.builder()
            .prefixNetwork(PrefixNetwork.byId(prefix.strip()))
            .maxStates(maxStates)
            .build();
    boolean png = false;
    if (plot != null) {
      String name = plot.getFileName().toString().toLowerCase(Locale.ROOT);
      png = name.endsWith(".png");
      checkArgument(
          png || name.endsWith(".svg"), "plot file must end in .svg or .png: %s", plot);
      Path dir = plot.toAbsolutePath().getParent();
      checkArgument(
          dir == null || Files.isDirectory(dir), "plot directory does not exist: %s", dir);
    }
    DepthTable.Builder table = DepthTable.builder(g).lengths(ns).outputs(out).samples(samples)
        .seed(seed).options(options).progress(progressPrinter());
    if (models != null) {
      table.models(models);
    }
    if (threads != null) {
      table.threads(threads);
    }
    List<DepthRow> rows = table.build().run();

    PrintWriter stdout = spec.commandLine().getOut();
    switch (fmt) {
      case "json":
        stdout.print(DepthReport.json(rows));
        break;
      case "csv":
        stdout.print(DepthReport.csv(rows));
        break;
      case "markdown":
        stdout.print(DepthReport.markdown(rows));
        stdout.println();
        stdout.print(DepthReport.verdict(rows));
        break;
      default:
        stdout.print(DepthReport.table(rows));
        stdout.println();
        stdout.print(DepthReport.verdict(rows));
    }
    stdout.flush();
    if (plot != null) {
      String title =
          String.format(
              "%s: circuit depth vs n (%s output%s, %s)",
              g.name(), out == Outputs.LAST ? "last" : "every", out == Outputs.LAST ? "" : "s",
              options.prefixNetwork().id());
      if (png) {
        byte[] bytes = DepthPlot.png(rows, title);
        Cli.writeAtomically(plot, o -> {
          try {
            o.write(bytes);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } else {
        Cli.writeAtomically(plot, DepthPlot.svg(rows, title));
      }
    }
    return DepthReport.mismatches(rows) > 0 ? Cli.CHECK_FAILED : Cli.OK;
  }

  private static Outputs parseOutputs(String text) {
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "last":
        return Outputs.LAST;
      case "all":
        return Outputs.ALL;
      default:
        throw new IllegalArgumentException("unknown --outputs '" + text + "': expected last or all");
    }
  }

  /** Prints each finished cell on stderr once the run has taken more than a few seconds. */
  private java.util.function.Consumer<String> progressPrinter() {
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    return line -> {
      if (System.nanoTime() - start > QUIET_NANOS) {
        err.println("depth-table " + line);
        err.flush();
      }
    };
  }
}
