package illusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.demo.Demo;
import illusion.demo.DemoFormat;
import illusion.demo.Demos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DemoCommandTest {

  static java.util.stream.Stream<String> names() {
    return Demos.all().stream().map(Demo::name);
  }

  /**
   * Every demo runs, passes its own checks (exit 0), prints its verdict last, fits in 80 columns.
   */
  @ParameterizedTest
  @MethodSource("names")
  void everyDemoPassesFitsAndIsDeterministic(String name) {
    CliRun run = CliRun.of("demo", name, "--seed", "7");
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().strip().endsWith("checks hold)"), run.out());
    assertTrue(run.out().contains("[ok]"));
    assertTrue(!run.out().contains("[FAILED]"));
    run.out().lines().forEach(l -> assertTrue(l.length() <= DemoFormat.WIDTH, name + ": " + l));
  }

  /** The same seed prints the same output (the seeded demos that draw words). */
  @ParameterizedTest
  @ValueSource(strings = {"barrington", "chess", "swaps", "narrative", "solvable"})
  void sameSeedSameOutput(String name) {
    assertEquals(
        CliRun.of("demo", name, "--seed", "3").out(), CliRun.of("demo", name, "--seed", "3").out());
  }

  @Test
  void markdownForLectureNotes() {
    CliRun md = CliRun.of("demo", "solvable", "--format", "markdown");
    assertEquals(0, md.code(), md.err());
    assertTrue(md.out().startsWith("# Solvable or not"), md.out());
    assertTrue(md.out().contains("\n| t | x\\_t |"), md.out());
    assertTrue(md.out().contains("- [x] "), md.out());
    assertTrue(md.out().strip().endsWith("**Verdict:** PASS (all 8 checks hold)"), md.out());
  }

  /** The seed decides the words the demos draw. */
  @Test
  void seedsChangeTheWords() {
    assertNotEquals(
        CliRun.of("demo", "chess", "--seed", "1").out(),
        CliRun.of("demo", "chess", "--seed", "2").out());
  }

  @Test
  void listNamesEveryDemo() {
    CliRun run = CliRun.of("demo", "list");
    assertEquals(0, run.code());
    Demos.all().forEach(d -> assertTrue(run.out().contains(d.name() + "  "), run.out()));
    assertEquals(Demos.all().size(), run.out().lines().count());
    run.out().lines().forEach(l -> assertTrue(l.length() <= DemoFormat.WIDTH, l));
  }

  @Test
  void barringtonTakesAFormula() {
    CliRun run = CliRun.of("demo", "barrington", "--formula", "!(a & b) | c & d");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("!(a & b) | (c & d)"), run.out());
    assertTrue(run.out().contains("for all 16 assignments"), run.out());
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    for (String[] args :
        new String[][] {
          {"demo", "barrington", "--formula", "(x1 & )"},
          {"demo", "barrington", "--formula", "x1 |"},
          {
            "demo",
            "barrington",
            "--formula",
            "x1 & x2 & x3 & x4 & x5 & x6 & x7 & x8 & x9 & x10 & x11 & x12 & x13"
          },
          {"demo", "barrington", "--length", "4"},
          {"demo", "chess", "--formula", "x1"},
          {"demo", "chess", "--length", "0"},
          {"demo", "swaps", "--length", "1000"},
          {"demo", "lowering", "--length", "13"},
          {"demo", "lowering", "--length", "1"},
          {"demo", "illusion", "--formula", "x1"},
          {"demo", "nosuchdemo"},
          {"demo", "list", "--length", "3"},
          {"demo", "solvable", "--format", "html"},
          {"demo"},
        }) {
      CliRun run = CliRun.of(args);
      assertEquals(2, run.code(), String.join(" ", args) + ": " + run.err());
      assertTrue(run.oneLineError(), run.err());
      assertEquals("", run.out(), String.join(" ", args));
    }
  }

  @Test
  void badFormulaMessage() {
    CliRun run = CliRun.of("demo", "barrington", "--formula", "(x1 & !x2 | x3");
    assertEquals(
        "illusion: bad formula '(x1 & !x2 | x3': '(' at column 1 is never closed",
        run.err().strip());
  }
}
