package illusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.word.Dataset;
import illusion.word.DatasetCsv;
import illusion.word.DatasetRow;
import illusion.word.PrefixProducts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
  @TempDir Path dir;

  private static List<DatasetRow> parse(String csv, FiniteGroup g) {
    List<DatasetRow> rows = new ArrayList<>();
    DatasetCsv.read(
        new BufferedReader(new StringReader(csv)),
        "stdout",
        g,
        (s, in, out) -> rows.add(DatasetRow.of(s, in, out)));
    return rows;
  }

  @Test
  void exhaustiveToStdout() {
    CliRun run = CliRun.of("data", "--group", "S3", "--length", "3", "--seed", "5");
    assertEquals(0, run.code(), run.err());
    FiniteGroup s3 = Groups.byName("S3");
    List<DatasetRow> rows = parse(run.out(), s3); // checks every target
    assertEquals(216, rows.size());
    Set<String> words = new HashSet<>();
    for (DatasetRow r : rows) {
      assertEquals(5, r.seed());
      words.add(Arrays.toString(r.input()));
    }
    assertEquals(216, words.size());
    assertEquals(List.of(0, 0, 0), Arrays.stream(rows.get(0).input()).boxed().toList());
  }

  @Test
  void sampledToFileIsDeterministicAndDistinct() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    String[] args = {"data", "--group", "A5", "--length", "16", "--samples", "3000", "--seed", "11"};
    assertEquals(0, CliRun.of(concat(args, "--out", a.toString())).code());
    assertEquals(0, CliRun.of(concat(args, "--out", b.toString())).code());
    assertEquals(Files.readString(a), Files.readString(b));
    Dataset d = DatasetCsv.read(a, Groups.byName("A5"));
    assertEquals(3000, d.size());
    Set<String> words = new HashSet<>();
    for (DatasetRow r : d.rows()) {
      assertTrue(words.add(Arrays.toString(r.input())));
      assertEquals(PrefixProducts.of(Groups.byName("A5"), r.input())[15], r.target()[15]);
    }
  }

  @Test
  void statsReport() throws IOException {
    Path f = dir.resolve("z.csv");
    CliRun run =
        CliRun.of("data", "--group", "Z60", "--length", "2", "--seed", "1", "--stats", "--format", "json", "--out", f.toString());
    assertEquals(0, run.code(), run.err());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertEquals(3600, json.get("rows").getAsLong());
    assertEquals(60, json.get("distinctFinalElements").getAsInt());
    // each final element arises from 60 words; the identity from exactly 60
    assertEquals(60, json.get("identityFinalRows").getAsLong());
    assertEquals(3601, Files.readAllLines(f).size());
    CliRun table = CliRun.of("data", "--group", "Z60", "--length", "2", "--seed", "1", "--stats");
    assertTrue(table.out().contains("rows"), table.out());
    assertFalse(table.out().contains("seed,input,target"), "--stats without --out prints no CSV");
  }

  /** Bad input: exit 2, one line on stderr, no output, existing file untouched, no temp files. */
  @Test
  void refusalsLeaveNoPartialFile() throws IOException {
    Path f = dir.resolve("keep.csv");
    Files.writeString(f, "precious");
    String[][] bad = {
      {"data", "--group", "A5", "--length", "5", "--seed", "1"},
      {"data", "--group", "A5", "--length", "2", "--samples", "3601", "--seed", "1"},
      {"data", "--group", "S13", "--length", "2", "--seed", "1"},
      {"data", "--group", "Q8", "--length", "2", "--seed", "1"},
      {"data", "--group", "A5", "--length", "0", "--seed", "1"},
      {"data", "--group", "A5", "--length", "2"},
      {"data", "--group", "A5", "--length", "two", "--seed", "1"},
    };
    for (String[] args : bad) {
      CliRun run = CliRun.of(concat(args, "--out", f.toString()));
      assertEquals(2, run.code(), String.join(" ", args));
      assertTrue(run.oneLineError(), run.err());
      assertEquals("", run.out());
      assertEquals("precious", Files.readString(f));
    }
    CliRun noDir =
        CliRun.of("data", "--group", "Z2", "--length", "2", "--seed", "1", "--out", dir.resolve("no/x.csv").toString());
    assertEquals(2, noDir.code());
    assertTrue(noDir.oneLineError(), noDir.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(f), files.toList());
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
