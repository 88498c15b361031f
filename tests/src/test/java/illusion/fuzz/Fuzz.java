package illusion.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import illusion.cli.Illusion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The contract every input surface must keep, whatever it is fed: a valid result (exit 0), or
 * exactly one line {@code illusion: <message>} on stderr with exit code 2 and nothing on stdout;
 * never a stack trace, never a hang, and no output or temporary file left behind by a refusal.
 */
final class Fuzz {
  /**
   * Inputs generated per try: 1 in the default build; the {@code fuzz} Maven profile raises it
   * ({@code -Dillusion.fuzz.repeat=N}) to run N times as many inputs.
   */
  static final int REPEAT = Math.max(1, Integer.getInteger("illusion.fuzz.repeat", 1));

  /** {@link #REPEAT} inputs drawn by {@code generator} per try. */
  static <T> Arbitrary<List<T>> batches(Function<Random, T> generator) {
    return Arbitraries.randomValue(
        r -> {
          List<T> batch = new ArrayList<>(REPEAT);
          for (int i = 0; i < REPEAT; i++) {
            batch.add(generator.apply(r));
          }
          return batch;
        });
  }

  /** The longest a single in-process run may take. */
  static final Duration LIMIT = Duration.ofSeconds(30);

  private static final Pattern STACK_TRACE =
      Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|Exception in thread|Caused by:|^\\s*\\.\\.\\. \\d+ more");

  private Fuzz() {}

  /** The outcome of one run. */
  record Outcome(int code, String out, String err) {}

  /**
   * Runs the tool in-process with {@code args} and checks the contract; {@code dir} is the only
   * directory output options point into: a refusal must leave it as it was, a success may add
   * files but no temporary ones.
   */
  static Outcome run(Path dir, String... args) {
    Set<String> before = listing(dir);
    Outcome o =
        assertTimeoutPreemptively(
            LIMIT,
            () -> {
              StringWriter out = new StringWriter();
              StringWriter err = new StringWriter();
              int code;
              try {
                code = Illusion.run(new PrintWriter(out), new PrintWriter(err), args);
              } catch (Throwable t) {
                throw new AssertionError(describe(args) + " threw " + t, t);
              }
              return new Outcome(code, out.toString(), err.toString());
            },
            () -> describe(args) + " did not finish within " + LIMIT.toSeconds() + " s");
    check(o, args);
    Set<String> after = listing(dir);
    if (o.code() != 0) {
      assertEquals(before, after, () -> describe(args) + " left files behind: " + o.err());
    } else {
      for (String f : after) {
        assertTrue(
            before.contains(f) || !(f.startsWith(".") || f.endsWith(".tmp")),
            () -> describe(args) + " left a temporary file " + f);
      }
    }
    return o;
  }

  /** Checks the exit code and streams of one outcome. */
  static void check(Outcome o, String... args) {
    String what = describe(args);
    if (STACK_TRACE.matcher(o.err()).find() || STACK_TRACE.matcher(o.out()).find()) {
      fail(what + " printed a stack trace:\n" + o.err() + o.out());
    }
    if (o.code() == 0) {
      return;
    }
    assertEquals(2, o.code(), () -> what + " exited with " + o.code() + ": " + o.err() + o.out());
    assertTrue(
        o.err().startsWith("illusion: ") && o.err().endsWith(System.lineSeparator())
            && o.err().strip().lines().count() == 1,
        () -> what + " did not print one error line: [" + o.err() + "]");
    assertTrue(o.err().length() < 2_000, () -> what + " printed a very long error line");
    assertEquals("", o.out(), () -> what + " refused but printed on stdout: " + o.err());
  }

  static String describe(String... args) {
    return "illusion "
        + Stream.of(args)
            .map(a -> a.length() > 80 ? a.substring(0, 80) + "...(" + a.length() + " chars)" : a)
            .map(a -> a.isEmpty() || a.matches(".*[\\s\"'].*") ? "'" + a.replace("'", "'\\''") + "'" : a)
            .collect(Collectors.joining(" "));
  }

  static Set<String> listing(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A library call fed hostile input: it returns, or throws one of {@code allowed} with a message
   * (which may quote the input; the CLI prints it on one line).
   */
  static void library(String what, Runnable call, List<Class<? extends Throwable>> allowed) {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          try {
            call.run();
          } catch (Throwable t) {
            if (allowed.stream().noneMatch(c -> c.isInstance(t))) {
              throw new AssertionError(what + " threw " + t, t);
            }
            String m = t.getMessage();
            assertTrue(m != null && !m.isBlank(), () -> what + " threw " + t + " without a message");
          }
        },
        () -> what + " did not finish within " + LIMIT.toSeconds() + " s");
  }
}
