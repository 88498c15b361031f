package illusion.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileLimitsTest {
  @TempDir Path dir;

  @Test
  void validFileReadsBack() throws IOException {
    Model m = RandomModels.build("rnn-random", 4, 2);
    Path f = dir.resolve("m.json");
    Files.writeString(f, ModelJson.write(m));
    assertEquals(m, ModelJson.read(f));
  }

  /** An endless input is cut at the limit and refused with it, not read until the heap is gone. */
  @Test
  void endlessInputIsRefusedAtTheLimit() {
    Path zero = Path.of("/dev/zero");
    if (!Files.isReadable(zero)) {
      return; // no such device on this system
    }
    IllegalArgumentException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> assertThrows(IllegalArgumentException.class, () -> ModelJson.read(zero)));
    assertTrue(e.getMessage().contains("more than the " + ModelJson.fileLimit() + " bytes"), e.getMessage());
  }

  @Test
  void invalidUtf8IsNamed() throws IOException {
    Path f = dir.resolve("bad.json");
    Files.write(f, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.read(f));
    assertEquals(f + ": not valid UTF-8 text", e.getMessage());
  }

  @Test
  void limitFollowsTheHeap() {
    assertTrue(ModelJson.fileLimit() <= ModelJson.MAX_FILE_BYTES);
    assertTrue(ModelJson.fileLimit() * ModelJson.HEAP_BYTES_PER_FILE_BYTE <= Runtime.getRuntime().maxMemory());
  }

  @Test
  void malformedJsonIsOneLine() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelJson.parse("{\"name\" 1}", "m.json"));
    assertTrue(e.getMessage().startsWith("m.json: malformed JSON: "), e.getMessage());
    assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
  }
}
