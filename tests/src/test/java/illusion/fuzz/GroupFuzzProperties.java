package illusion.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.group.FiniteGroup;
import illusion.group.Groups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile group names ({@code S<n>}, {@code A<n>}, {@code Z<m>}, products joined by {@code _x_})
 * and element texts (cycle and one-line notation, indices): zero, negative, huge and overflowing
 * parameters, products above the order limit, stray separators, non-ASCII digits; points out of
 * range or repeated, non-bijections, wrong arity, unclosed or nested brackets. A name gives a
 * group within the order limit or one {@link IllegalArgumentException}; an element text gives an
 * element that formats and parses back to itself, or one {@link IllegalArgumentException}.
 */
class GroupFuzzProperties {

  private static final String[] FACTORS = {"S", "A", "Z", "s", "a", "z", "Q", "D", "", "SA"};
  private static final String[] PARAMETERS = {
    "0", "1", "2", "3", "4", "5", "6", "7", "9", "10", "12", "13", "60", "999999", "1000000",
    "1000001", "2147483648", "99999999999999999999", "-1", "", "٣", "05", "1e3", " 3"
  };
  private static final String[] JOINS = {"_x_", "_X_", "_x_", "x", "_", " _x_ ", "__x__", "_x__x_", "×"};

  static String groupName(Random r) {
    if (r.nextInt(30) == 0) {
      return r.nextBoolean() ? "" : "Z2_x_".repeat(2000) + "Z2";
    }
    StringBuilder s = new StringBuilder();
    int factors = 1 + (r.nextInt(3) == 0 ? r.nextInt(4) : 0);
    for (int i = 0; i < factors; i++) {
      if (i > 0) {
        s.append(JOINS[r.nextInt(JOINS.length)]);
      }
      s.append(FACTORS[r.nextInt(FACTORS.length)]).append(PARAMETERS[r.nextInt(PARAMETERS.length)]);
    }
    return r.nextInt(10) == 0 ? " " + s + " " : s.toString();
  }

  static String elementText(Random r) {
    String[] points = {"1", "2", "3", "4", "5", "6", "0", "-1", "7", "99999999999", "2147483648", "", "x", "1.5"};
    String[] seps = {" ", ",", ", ", "  ", "\t", ";", ""};
    StringBuilder s = new StringBuilder();
    switch (r.nextInt(5)) {
      case 0: // cycles
        for (int c = 0, n = 1 + r.nextInt(3); c < n; c++) {
          s.append(r.nextInt(15) == 0 ? "((" : "(");
          for (int k = 0, m = r.nextInt(5); k < m; k++) {
            s.append(k == 0 ? "" : seps[r.nextInt(seps.length)]).append(points[r.nextInt(points.length)]);
          }
          s.append(r.nextInt(15) == 0 ? "" : ")");
        }
        return s.toString();
      case 1: // one-line
        s.append('[');
        for (int k = 0, m = r.nextInt(7); k < m; k++) {
          s.append(k == 0 ? "" : seps[r.nextInt(seps.length)]).append(points[r.nextInt(points.length)]);
        }
        return s.append(r.nextInt(15) == 0 ? "" : "]").toString();
      case 2: // an index
        return points[r.nextInt(points.length)];
      case 3: // product elements
        return "(" + r.nextInt(5) + (r.nextBoolean() ? ", " : ",") + r.nextInt(5) + ")";
      default:
        return r.nextBoolean() ? "(" + "(".repeat(r.nextInt(1000)) : "(1 2" + ")".repeat(r.nextInt(3)) + "[";
    }
  }

  record Case(String group, List<String> elements) {}

  static Case hostile(Random r) {
    String name = r.nextInt(3) == 0 ? groupName(r) : new String[] {"S3", "S4", "S5", "A4", "A5", "Z6", "S3_x_Z2", "A4_x_Z5"}[r.nextInt(8)];
    return new Case(name, List.of(elementText(r), elementText(r), elementText(r)));
  }

  @Provide
  Arbitrary<List<Case>> cases() {
    return Fuzz.batches(GroupFuzzProperties::hostile);
  }

  /** Names and element texts: a valid group and elements, or one IllegalArgumentException. */
  @Property(tries = 2500)
  void namesAndElements(@ForAll("cases") List<Case> batch) {
    for (Case c : batch) {
      FiniteGroup[] g = new FiniteGroup[1];
      Fuzz.library(
          "Groups.byName(" + c.group() + ")",
          () -> {
            g[0] = Groups.byName(c.group());
            assertTrue(g[0].order() >= 1 && g[0].order() <= Groups.MAX_ORDER);
          },
          List.of(IllegalArgumentException.class));
      if (g[0] == null || g[0].order() > 5_000) {
        continue;
      }
      for (String text : c.elements()) {
        Fuzz.library(
            g[0].name() + ".parse(" + text + ")",
            () -> {
              int e = g[0].parse(text);
              assertTrue(e >= 0 && e < g[0].order());
              assertEquals(e, g[0].parse(g[0].format(e)), () -> text + " formats as " + g[0].format(e));
            },
            List.of(IllegalArgumentException.class));
      }
    }
  }

  /** {@code illusion classify --group} on hostile names (groups small enough to classify quickly). */
  @Property(tries = 300)
  void classifyHostileNames(@ForAll("cases") List<Case> batch) throws Exception {
    Path dir = Files.createTempDirectory("illusion-fuzz-group");
    try {
      for (Case c : batch) {
        FiniteGroup g;
        try {
          g = Groups.byName(c.group());
        } catch (IllegalArgumentException refused) {
          g = null;
        }
        if (g != null && g.order() > 5_000) {
          continue; // valid and large: a long computation, not a hostile input
        }
        Fuzz.run(dir, "classify", "--group", c.group(), "--format", c.elements().get(0).length() % 2 == 0 ? "json" : "table");
      }
    } finally {
      Files.delete(dir);
    }
  }
}
