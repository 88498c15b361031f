package illusion.cli;

import illusion.demo.Demo;
import illusion.demo.DemoFormat;
import illusion.demo.DemoOptions;
import illusion.demo.DemoReport;
import illusion.demo.Demos;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code illusion demo NAME}: runs a lecture demo (explanation, computation, checked verdict);
 * {@code illusion demo list} lists them. Exit code 0 when every check of the demo holds, 1 when one
 * fails, 2 for bad input.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a lecture demo: a short explanation, the computation, and a verdict the program"
          + " checked. 'illusion demo list' lists the demos.",
      "Deterministic for --seed. Exit code 0 when every check holds, 1 when one fails."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The demo, or 'list'.")
  String name;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--length",
      paramLabel = "N",
      description =
          "Word length n: illusion (default 16), solvable (8), chess (5), swaps and narrative"
              + " (6), lowering (8).")
  Integer length;

  @Option(
      names = "--formula",
      paramLabel = "F",
      description = "barrington: a Boolean formula such as '(x1 & !x2) | x3'.")
  String formula;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "text or markdown (default: ${DEFAULT-VALUE}).")
  Format format;

  enum Format {
    text,
    markdown
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (name.strip().equalsIgnoreCase("list")) {
      if (length != null || formula != null) {
        throw new IllegalArgumentException("'demo list' takes no --length or --formula");
      }
      list(out);
      return Cli.OK;
    }
    Demo demo = Demos.byName(name);
    DemoOptions options = DemoOptions.seed(seed);
    if (length != null) {
      options = options.withLength(length);
    }
    if (formula != null) {
      options = options.withFormula(formula);
    }
    PrintWriter err = spec.commandLine().getErr();
    DemoReport report =
        Demos.run(
            demo,
            options,
            message -> {
              err.println("illusion demo " + demo.name() + ": " + message);
              err.flush();
            });
    DemoFormat f = format == Format.markdown ? DemoFormat.MARKDOWN : DemoFormat.TEXT;
    out.print(f.render(report));
    out.flush();
    return report.passed() ? Cli.OK : Cli.CHECK_FAILED;
  }

  private void list(PrintWriter out) {
    int width = Demos.all().stream().mapToInt(d -> d.name().length()).max().orElse(0);
    for (Demo d : Demos.all()) {
      if (format == Format.markdown) {
        out.printf("- `illusion demo %s`: %s%n", d.name(), d.summary());
      } else {
        out.printf("%-" + width + "s  %s%n", d.name(), d.summary());
      }
    }
    out.flush();
  }
}
