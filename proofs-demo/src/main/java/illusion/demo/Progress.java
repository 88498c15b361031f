package illusion.demo;

/** Where a demo announces its slow steps (the command line prints them on stderr). */
@FunctionalInterface
public interface Progress {
  /** Discards every message. */
  Progress NONE = message -> {};

  /** Announces a step, e.g. "compiling ids4 for n = 16". */
  void step(String message);
}
