package illusion.demo;

import java.util.Set;

/**
 * A lecture demo: it explains one result of the paper, runs the computation that makes it concrete,
 * and checks the claims it prints (the verdict of its {@link DemoReport} is computed, never
 * canned). Runs are deterministic for {@link DemoOptions#seed()}.
 */
public interface Demo {
  /** The name used on the command line, e.g. {@code barrington}. */
  String name();

  /** One line for {@code illusion demo list}. */
  String summary();

  /** The options this demo reads besides the seed; others are refused by {@link Demos#run}. */
  default Set<DemoOptions.Option> accepts() {
    return Set.of();
  }

  /**
   * Runs the demo. Bad options throw {@link IllegalArgumentException} (one line) before any work;
   * steps that take noticeable time are announced to {@code progress}.
   */
  DemoReport run(DemoOptions options, Progress progress);
}
