package illusion.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long work interrupted (Ctrl-C is SIGINT; kill sends SIGTERM) leaves no partial output: a child
 * JVM writing a large dataset with {@code --out} is signalled mid-way, while its temporary file is
 * growing, and afterwards neither the output nor the temporary file exists.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class InterruptedWriteTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void signalMidWriteLeavesNoFile(String signal) throws Exception {
    Process p =
        ChildJvm.command(
                dir, List.of("-Xmx256m"), "data", "--group", "A5", "--length", "16", "--samples",
                "10000000", "--seed", "1", "--out", "big.csv")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      Optional<Path> temp = Optional.empty();
      while (System.nanoTime() < deadline && p.isAlive()) {
        temp = growing();
        if (temp.isPresent()) {
          break;
        }
        Thread.sleep(20);
      }
      assertTrue(temp.isPresent(), "the child never started writing");
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
      assertEquals(0, kill.waitFor());
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child did not stop after SIG" + signal);
      assertTrue(p.exitValue() != 0, "the child finished instead of being interrupted");
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(List.of(), files.toList(), "files left after SIG" + signal);
      }
    } finally {
      p.destroyForcibly();
    }
  }

  /** The temporary output file once it holds more than 1 MB. */
  private Optional<Path> growing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".tmp"))
          .filter(f -> {
            try {
              return Files.size(f) > (1 << 20);
            } catch (IOException gone) {
              return false;
            }
          })
          .findFirst();
    }
  }
}
