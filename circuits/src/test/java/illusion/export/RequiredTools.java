package illusion.export;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.Assumptions;

/**
 * External tools for tests. A test that needs a missing tool is skipped, with a message on stderr
 * saying so, unless the environment variable {@code ILLUSION_REQUIRE_TOOLS} names the tool (e.g.
 * {@code ILLUSION_REQUIRE_TOOLS=iverilog}, as CI sets it): then the test fails.
 */
final class RequiredTools {
  static final String ENV = "ILLUSION_REQUIRE_TOOLS";
  private static final String ICARUS = "iverilog and vvp (Icarus Verilog 11: apt-get install iverilog)";

  private RequiredTools() {}

  /** Icarus Verilog from the PATH, or a skip (JUnit tests) or failure (when required). */
  static IcarusRunner icarus() {
    Optional<IcarusRunner> runner = IcarusRunner.find();
    if (runner.isEmpty()) {
      missing("iverilog", ICARUS);
    }
    return runner.orElseThrow();
  }

  /**
   * Skips jqwik properties (which cannot be aborted like JUnit tests) when Icarus Verilog is missing
   * and not required; when it is required they run, and {@link #icarus()} fails them.
   */
  static final class SkipWithoutIcarus implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      if (IcarusRunner.find().isPresent() || required("iverilog")) {
        return SkipResult.doNotSkip();
      }
      return SkipResult.skip(skipMessage("iverilog", ICARUS));
    }
  }

  /** Whether {@code ILLUSION_REQUIRE_TOOLS} names {@code tool}. */
  static boolean required(String tool) {
    String required = System.getenv(ENV);
    return required != null && required.contains(tool);
  }

  /** Fails if {@code tool} is required, else aborts (skips) the JUnit test with a visible message. */
  static void missing(String tool, String what) {
    if (required(tool)) {
      fail(ENV + " contains " + tool + " but " + what + " is not on the PATH");
    }
    Assumptions.abort(skipMessage(tool, what));
  }

  /** The skip message, also printed on stderr so that a skip is seen in the build log. */
  private static String skipMessage(String tool, String what) {
    String message =
        "SKIPPED: " + what + " not on the PATH (set " + ENV + "=" + tool + " to make this a failure)";
    System.err.println(message);
    return message;
  }
}
