package illusion.cli;

import illusion.group.DerivedSeries;
import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.group.WordProblemClass;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code illusion classify}: the structure that decides which SSM layers can track a group's word
 * problem: derived series and solvability, the Barrington–Thérien class of the word problem, the
 * fewest selective diagonal layers that track it (the derived length, Shakerinava et al.), and the
 * degree of the permutation representation the {@code ids4} layer uses.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classify a group's word problem: order, abelian, solvable, perfect, derived series, derived"
          + " length, abelianization order, circuit class (AC0 / ACC0 / NC1-complete), the fewest"
          + " diagonal SSM layers that track it (= derived length; none when not solvable), and"
          + " the degree of its permutation representation (states of the ids4 layer)."
    })
final class ClassifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--group", required = true, paramLabel = "G", description = "Group: S<n>, A<n>, Z<m>, or products like A4_x_Z5.")
  String group;

  @Option(names = "--format", paramLabel = "FMT", description = "table or json (default: ${DEFAULT-VALUE}).", defaultValue = "table")
  DataCommand.Format format;

  @Override
  public Integer call() {
    FiniteGroup g = Groups.byName(group);
    DerivedSeries series = DerivedSeries.of(g);
    WordProblemClass wordClass = WordProblemClass.of(series);
    OptionalInt length = series.derivedLength();
    Integer derivedLength = length.isPresent() ? length.getAsInt() : null;
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("group", g.name());
    report.put("order", g.order());
    report.put("abelian", series.isAbelian());
    report.put("solvable", series.isSolvable());
    report.put("perfect", series.isPerfect());
    report.put("derivedSeries", series.orders());
    report.put("derivedLength", derivedLength);
    report.put("abelianizationOrder", g.order() / series.commutatorSubgroup().order());
    report.put(
        "wordProblemClass",
        format == DataCommand.Format.json ? wordClass.complexityClass() : wordClass.description());
    report.put("diagonalLayers", derivedLength);
    report.put("permutationDegree", g.permutationDegree());
    PrintWriter out = spec.commandLine().getOut();
    Reports.print(out, report, format == DataCommand.Format.json);
    out.flush();
    return Cli.OK;
  }
}
