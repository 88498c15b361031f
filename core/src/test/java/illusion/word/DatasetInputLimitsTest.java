package illusion.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.group.Groups;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetInputLimitsTest {
  @TempDir Path dir;

  /** Lines split exactly as BufferedReader.readLine splits them, whatever the buffer boundaries. */
  @Property(tries = 60)
  void linesAsBufferedReaderReadsThem(
      @ForAll @CharRange(from = 'a', to = 'e') char filler,
      @ForAll @IntRange(min = 0, max = 200_000) int length,
      @ForAll long seed) throws IOException {
    java.util.Random r = new java.util.Random(seed);
    StringBuilder text = new StringBuilder();
    String[] breaks = {"\n", "\r\n", "\r", "x", "y", "z"};
    while (text.length() < length) {
      text.append(r.nextInt(3) == 0 ? breaks[r.nextInt(breaks.length)] : String.valueOf(filler).repeat(r.nextInt(70_000)));
    }
    List<String> expected = new ArrayList<>();
    try (java.io.BufferedReader in = new java.io.BufferedReader(new StringReader(text.toString()))) {
      for (String l; (l = in.readLine()) != null; ) {
        expected.add(l);
      }
    }
    BoundedLines lines = new BoundedLines(new StringReader(text.toString()), Integer.MAX_VALUE);
    List<String> got = new ArrayList<>();
    for (String l; (l = lines.next()) != null; ) {
      got.add(l);
    }
    assertEquals(expected, got);
    assertNull(lines.next());
  }

  @Test
  void longLinesAreRefusedAtTheBound() {
    BoundedLines lines = new BoundedLines(new StringReader("ab\n" + "c".repeat(101) + "\n"), 100);
    assertThrows(BoundedLines.LineTooLongException.class, () -> {
      assertEquals("ab", lines.next());
      lines.next();
    });
  }

  /** An endless device is refused at the line bound instead of exhausting the heap. */
  @Test
  void endlessInputIsRefused() {
    Path zero = Path.of("/dev/zero");
    if (!Files.isReadable(zero)) {
      return;
    }
    IllegalArgumentException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                assertThrows(
                    IllegalArgumentException.class,
                    () -> DatasetCsv.read(zero, Groups.byName("Z2"), (s, in, out) -> {})));
    assertEquals("/dev/zero:1: a line is longer than " + DatasetCsv.maxLineLength() + " characters", e.getMessage());
  }

  @Test
  void invalidUtf8NamesTheLine() throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.write(f, ("seed,input,target\n1,1,1\n1,").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.write(f, new byte[] {(byte) 0xC3, (byte) 0x28, '\n'}, java.nio.file.StandardOpenOption.APPEND);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatasetCsv.read(f, Groups.byName("Z2")));
    assertEquals(f + ":3: not valid UTF-8 text", e.getMessage());
  }

  @Test
  void theBoundAdmitsTheLongestRow() {
    assertTrue(DatasetCsv.maxLineLength() >= Math.min(2L * WordGenerator.MAX_LENGTH * 8, Runtime.getRuntime().maxMemory() / 16));
  }
}
