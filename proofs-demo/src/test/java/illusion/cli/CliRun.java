package illusion.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The outcome of one in-process run of the tool. */
record CliRun(int code, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Illusion.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Whether stderr is exactly one line starting with "illusion: ". */
  boolean oneLineError() {
    return err.startsWith("illusion: ") && err.strip().lines().count() == 1;
  }
}
