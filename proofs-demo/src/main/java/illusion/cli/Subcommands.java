package illusion.cli;

import java.util.List;

/** The registry of {@code illusion} subcommands; add a new one here. */
final class Subcommands {
  private Subcommands() {}

  static List<Object> all() {
    return List.of(
        new DataCommand(),
        new ClassifyCommand(),
        new EvaluateCommand(),
        new PrimitiveCommand(),
        new DepthTableCommand(),
        new DemoCommand(),
        new VerifyCommand());
  }
}
