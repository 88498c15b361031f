package illusion.export;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * External tools for tests. A test that needs a missing tool is skipped, with a message on stderr
 * saying so, unless the environment variable {@code ILLUSION_REQUIRE_TOOLS} names the tool (e.g.
 * {@code ILLUSION_REQUIRE_TOOLS=iverilog}, as CI sets it): then the test fails.
 */
final class RequiredTools {
  static final String ENV = "ILLUSION_REQUIRE_TOOLS";

  private RequiredTools() {}

  /** Icarus Verilog from the PATH, or a skip (or failure when required). */
  static IcarusRunner icarus() {
    Optional<IcarusRunner> runner = IcarusRunner.find();
    if (runner.isEmpty()) {
      missing("iverilog", "iverilog and vvp (Icarus Verilog 11: apt-get install iverilog)");
    }
    return runner.orElseThrow();
  }

  /** Whether {@code ILLUSION_REQUIRE_TOOLS} names {@code tool}. */
  static boolean required(String tool) {
    String required = System.getenv(ENV);
    return required != null && required.contains(tool);
  }

  /** Fails if {@code tool} is required, else aborts (skips) the test with a visible message. */
  static void missing(String tool, String what) {
    if (required(tool)) {
      fail(ENV + " contains " + tool + " but " + what + " is not on the PATH");
    }
    String message = "SKIPPED: " + what + " not on the PATH (set " + ENV + "=" + tool
        + " to make this a failure)";
    System.err.println(message);
    Assumptions.abort(message);
  }
}
