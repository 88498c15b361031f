package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.stream.Collectors;

/** The registry of demos, in the order {@code illusion demo list} prints them. */
public final class Demos {
  private static final ImmutableList<Demo> ALL =
      ImmutableList.of(
          new IllusionDemo(),
          new BarringtonDemo(),
          new SolvableDemo(),
          new ChessDemo(),
          new SwapsDemo(),
          new NarrativeDemo(),
          new LoweringDemo());

  private Demos() {}

  /** Every demo. */
  public static ImmutableList<Demo> all() {
    return ALL;
  }

  /**
   * The demo named {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Demo byName(String name) {
    checkNotNull(name, "name");
    String key = name.strip().toLowerCase(Locale.ROOT);
    for (Demo d : ALL) {
      if (d.name().equals(key)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown demo '"
            + name
            + "': expected list or one of "
            + ALL.stream().map(Demo::name).collect(Collectors.joining(", ")));
  }

  /**
   * Runs {@code demo} after checking that it reads every option given.
   *
   * @throws IllegalArgumentException for an option the demo does not take, or bad option values
   */
  public static DemoReport run(Demo demo, DemoOptions options, Progress progress) {
    for (DemoOptions.Option o : options.given()) {
      checkArgument(
          demo.accepts().contains(o), "the %s demo takes no %s option", demo.name(), o.flag());
    }
    return demo.run(options, checkNotNull(progress, "progress"));
  }
}
