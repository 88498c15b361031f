package illusion.resources;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code illusion} in a separate JVM (own heap, own signals) on the test's class path. */
final class ChildJvm {
  private ChildJvm() {}

  /** The outcome of a finished child. */
  record Result(int code, String out, String err) {}

  static ProcessBuilder command(Path dir, List<String> jvmOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("illusion.cli.Illusion");
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(dir.toFile());
  }

  /** Runs to completion (at most {@code seconds}) and collects the exit code and both streams. */
  static Result run(Path dir, List<String> jvmOptions, long seconds, String... args) {
    try {
      File out = Files.createTempFile("child", ".out").toFile();
      File err = Files.createTempFile("child", ".err").toFile();
      try {
        Process p =
            command(dir, jvmOptions, args)
                .redirectOutput(out)
                .redirectError(err)
                .start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor();
          throw new AssertionError("child did not finish within " + seconds + " s: " + String.join(" ", args));
        }
        return new Result(
            p.exitValue(),
            Files.readString(out.toPath(), StandardCharsets.UTF_8),
            Files.readString(err.toPath(), StandardCharsets.UTF_8));
      } finally {
        out.delete();
        err.delete();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
