package illusion.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code illusion} command-line tool: the entry point of the runnable jar.
 *
 * <p>Exit codes: 0 success, 1 a check that the program ran failed (for example a mismatch between
 * circuit and native evaluator), 2 bad input (one line on stderr, no stack trace, no partial output
 * file).
 */
@Command(
    name = "illusion",
    mixinStandardHelpOptions = true,
    versionProvider = Illusion.Version.class,
    description = "The Illusion of State in State-Space Models, executable: SSM layers compiled to threshold circuits.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Illusion implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with every subcommand registered and the error convention installed. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Illusion());
    for (Object sub : Subcommands.all()) {
      cl.addSubcommand(sub);
    }
    cl.setExecutionExceptionHandler(new Cli.ExceptionHandler());
    cl.setParameterExceptionHandler(new Cli.ParameterHandler());
    return cl;
  }

  /** Runs the tool with {@code out} and {@code err} as its streams; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      code = Cli.reportError(err, e);
    }
    out.flush();
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    CommandLine cl = commandLine();
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      code = Cli.reportError(cl.getErr(), e);
    }
    System.exit(code);
  }

  /** Reads the version from the jar's build properties. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
      var props = new java.util.Properties();
      try (var in = Illusion.class.getResourceAsStream("/illusion-version.properties")) {
        if (in != null) {
          props.load(in);
        }
      }
      return new String[] {"illusion " + props.getProperty("version", "unknown")};
    }
  }
}
