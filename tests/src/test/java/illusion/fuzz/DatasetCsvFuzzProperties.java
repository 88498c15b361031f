package illusion.fuzz;

import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.word.DatasetCsv;
import illusion.word.DatasetRow;
import illusion.word.PrefixProducts;
import illusion.word.WordGenerator;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Malformed and hostile dataset CSV (the paper's {@code seed,input,target} format): valid datasets
 * with lines cut, swapped or duplicated, characters spliced in (separators, signs, tabs, carriage
 * returns, non-breaking spaces, NULs, non-ASCII digits), numbers replaced by negative, huge or
 * out-of-range indices, the header damaged, invalid UTF-8 bytes. The reader returns rows whose
 * targets are the prefix products (checked independently here), or refuses with one {@link
 * IllegalArgumentException} naming the file and line; through {@code illusion evaluate --data} the
 * {@link Fuzz} contract holds.
 */
class DatasetCsvFuzzProperties {
  private static final String[] GROUPS = {"Z3", "S3", "A4", "Z2_x_Z3"};
  private static Path dir;

  @BeforeContainer
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("illusion-fuzz-csv");
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A group name and a hostile dataset over it. */
  record Case(String group, String csv) {}

  static String validCsv(FiniteGroup g, Random r) {
    int length = 1 + r.nextInt(6);
    long rows = Math.min(1 + r.nextInt(8), (long) Math.pow(g.order(), length));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DatasetCsv.RowWriter w = DatasetCsv.writer(bytes);
    WordGenerator.sample(g, length, rows, r.nextLong()).forEach(w);
    w.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static Case hostileCsv(Random r) {
    String group = GROUPS[r.nextInt(GROUPS.length)];
    String csv = validCsv(Groups.byName(group), r);
    int k = r.nextInt(4);
    for (int i = 0; i < k; i++) {
      csv = mutate(csv, r);
    }
    return new Case(group, csv);
  }

  private static final String[] SPLICES = {
    ",", " ", "-", "9", "\t", "\r", "\r\n", "\n", "\n\n", "\u00A0", "\uFEFF", "\u0000", "٣", "é",
    "99999999999", "2147483648", "-1", "+1", "1.0", "0x1", "\"", "seed,input,target\n", ",,",
    "1".repeat(5000)
  };

  static String mutate(String csv, Random r) {
    List<String> lines = new ArrayList<>(List.of(csv.split("\n", -1)));
    switch (r.nextInt(7)) {
      case 0:
        return csv.substring(0, r.nextInt(csv.length() + 1));
      case 1: {
        int i = r.nextInt(lines.size());
        lines.remove(i);
        return String.join("\n", lines);
      }
      case 2: {
        int i = r.nextInt(lines.size());
        lines.add(r.nextInt(lines.size() + 1), lines.get(i));
        return String.join("\n", lines);
      }
      case 3: {
        int a = r.nextInt(lines.size());
        int b = r.nextInt(lines.size());
        String t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
        return String.join("\n", lines);
      }
      case 4: {
        int i = r.nextInt(lines.size());
        lines.set(i, lines.get(i).replaceFirst("[0-9]+", SPLICES[r.nextInt(SPLICES.length)]));
        return String.join("\n", lines);
      }
      default: {
        int at = r.nextInt(csv.length() + 1);
        return csv.substring(0, at) + SPLICES[r.nextInt(SPLICES.length)] + csv.substring(at);
      }
    }
  }

  @Provide
  Arbitrary<List<Case>> datasets() {
    return Fuzz.batches(DatasetCsvFuzzProperties::hostileCsv);
  }

  /** The reader: rows whose targets are the prefix products, or one IllegalArgumentException. */
  @Property(tries = 2500)
  void readerRefusesOrReturnsPrefixProducts(@ForAll("datasets") List<Case> batch) {
    for (Case c : batch) {
      FiniteGroup g = Groups.byName(c.group());
      Fuzz.library(
          "DatasetCsv.read",
          () -> {
            List<DatasetRow> rows = new ArrayList<>();
            DatasetCsv.read(
                new BufferedReader(new StringReader(c.csv())),
                "fuzz.csv",
                g,
                (seed, in, out) -> rows.add(DatasetRow.of(seed, in, out)));
            for (DatasetRow row : rows) {
              int[] expected = new int[row.input().length];
              int s = g.identity();
              for (int t = 0; t < expected.length; t++) {
                s = g.multiply(s, row.input()[t]);
                expected[t] = s;
              }
              assertArrayEquals(expected, row.target());
              assertArrayEquals(PrefixProducts.of(g, row.input()), row.target());
            }
            if (!rows.isEmpty()) {
              assertEquals(rows.get(0).input().length, rows.get(rows.size() - 1).input().length);
            }
          },
          List.of(IllegalArgumentException.class));
    }
  }

  /** Through {@code illusion evaluate --data}, with files that may hold invalid UTF-8. */
  @Property(tries = 150)
  void evaluateReadsDatasets(@ForAll("datasets") List<Case> batch, @ForAll long seed) throws IOException {
    Random r = new Random(seed);
    for (Case c : batch) {
      Path f = dir.resolve("data.csv");
      Files.write(f, Mutations.bytes(c.csv(), r));
      String model = r.nextBoolean() ? "ids4" : "s4d-random";
      Fuzz.run(dir, "evaluate", "--model", model, "--group", c.group(), "--data", f.toString(), "--format", r.nextBoolean() ? "json" : "table");
      Files.delete(f);
    }
  }
}
