package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.group.Groups;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The depth table's claims, asserted from computed rows (never from constants): non-gated and
 * selective diagonal circuits keep one depth as n grows (Thm 4.2, 4.4), {@code ids4} is exact with
 * depth growing by one constant per doubling (Thm 5.2), {@code diag-stack} tracks solvable groups
 * and is refused for A5 and S5, {@code s4-scan} needs ⌈log2 n⌉ layers; and every circuit agrees with
 * its native evaluator on every sample.
 */
class DepthTableTest {

  /** Thm 4.2 and 4.4: S4, S4D and selective diagonal circuits have one depth for all n >= 8. */
  @Test
  void nonGatedAndSelectiveDiagonalCircuitsKeepOneDepth() {
    assertOneDepth(
        "A5",
        List.of("s4-window:2", "s4-random", "s4d-random", "selective-random"),
        Lengths.doubling(8, 1024, ""));
    assertOneDepth("S5", List.of("diag-abelian"), Lengths.doubling(8, 1024, ""));
    assertOneDepth("Z60", List.of("diag-stack"), Lengths.doubling(8, 1024, ""));
    assertOneDepth("A4_x_Z5", List.of("diag-stack"), Lengths.doubling(8, 256, ""));
  }

  /**
   * Thm 5.2: ids4 is exact, and the depth of the finite-state models (ids4, ids4-random,
   * rnn-random) grows by the same positive constant per doubling of n.
   */
  @Test
  void finiteStateDepthGrowsByAConstantPerDoublingAndIds4IsExact() {
    List<String> models = List.of("ids4", "ids4-random", "rnn-random");
    List<DepthRow> all = run("A5", models, Lengths.doubling(2, 1024, ""), 16);
    for (String model : models) {
      List<DepthRow> rows = new ArrayList<>();
      for (DepthRow r : all) {
        if (r.model().equals(model)) {
          rows.add(r);
          assertTrue(!model.equals("ids4") || r.accuracy() == 1.0, r.toString());
        }
      }
      int step = rows.get(1).depth() - rows.get(0).depth();
      assertTrue(step > 0, rows.toString());
      for (int i = 1; i < rows.size(); i++) {
        assertEquals(step, rows.get(i).depth() - rows.get(i - 1).depth(), model + " at n = " + rows.get(i).n());
      }
      assertFalse(DepthTrend.of(rows).isConstant());
    }
  }

  /** A stack of diagonal layers tracks exactly the solvable groups (Shakerinava et al.). */
  @Test
  void diagStackIsRefusedForA5AndS5AndExactForSolvableGroups() {
    for (String group : new String[] {"A5", "S5"}) {
      for (DepthRow r : run(group, List.of("diag-stack"), new int[] {4, 16}, 4)) {
        assertTrue(r.refused().orElse("").contains("not solvable"), r.toString());
      }
    }
    for (String group : new String[] {"A4_x_Z5", "Z60"}) {
      for (DepthRow r : run(group, List.of("diag-stack"), new int[] {2, 7, 16, 64}, 16)) {
        assertEquals(1.0, r.accuracy(), r.toString());
      }
    }
  }

  /** The S4 scan is exact with ⌈log2 n⌉ delay-line layers: its layers, not one layer, grow. */
  @Test
  void s4ScanNeedsCeilLog2NLayers() {
    for (DepthRow r : run("A5", List.of("s4-scan"), new int[] {2, 3, 5, 8, 12, 33, 64}, 8)) {
      int ceilLog2 = 32 - Integer.numberOfLeadingZeros(r.n() - 1);
      assertEquals(ceilLog2, r.layerKinds().size(), r.toString());
      assertTrue(r.layerKinds().stream().allMatch("s4"::equals), r.toString());
      assertEquals(1.0, r.accuracy(), r.toString());
    }
  }

  /** Rows come back by model then n whatever the number of threads, with the same values. */
  @Test
  void rowsDoNotDependOnThreads() {
    List<String> models = List.of("ids4", "diag-abelian", "s4-window:2");
    int[] lengths = {2, 5, 16};
    List<DepthRow> one = table("S5", models, lengths, 8).threads(1).build().run();
    List<DepthRow> two = table("S5", models, lengths, 8).threads(2).build().run();
    assertEquals(withoutTimes(one), withoutTimes(two));
    List<String> order = new ArrayList<>();
    for (DepthRow r : one) {
      order.add(r.model() + "@" + r.n());
    }
    assertEquals(
        List.of(
            "ids4@2", "ids4@5", "ids4@16", "diag-abelian@2", "diag-abelian@5", "diag-abelian@16",
            "s4-window:2@2", "s4-window:2@5", "s4-window:2@16"),
        order);
  }

  private static void assertOneDepth(String group, List<String> models, int[] lengths) {
    List<DepthRow> rows = run(group, models, lengths, 4);
    for (String model : models) {
      int depth = -1;
      for (DepthRow r : rows) {
        if (r.model().equals(model)) {
          assertFalse(r.isRefused(), r.toString());
          depth = depth < 0 ? r.depth() : depth;
          assertEquals(depth, r.depth(), group + " " + model + " at n = " + r.n());
        }
      }
      assertTrue(depth > 0, model);
    }
  }

  /** Runs a table and checks the invariant every row must satisfy: no mismatch. */
  private static List<DepthRow> run(String group, List<String> models, int[] lengths, int samples) {
    List<DepthRow> rows = table(group, models, lengths, samples).build().run();
    assertEquals(models.size() * lengths.length, rows.size());
    for (DepthRow r : rows) {
      assertEquals(0, r.mismatches(), r.toString());
      assertTrue(r.isRefused() || r.samples() > 0, r.toString());
    }
    return rows;
  }

  private static DepthTable.Builder table(
      String group, List<String> models, int[] lengths, int samples) {
    return DepthTable.builder(Groups.byName(group))
        .models(models)
        .lengths(lengths)
        .samples(samples)
        .seed(3);
  }

  private static List<DepthRow> withoutTimes(List<DepthRow> rows) {
    List<DepthRow> out = new ArrayList<>();
    for (DepthRow r : rows) {
      out.add(
          new DepthRow(
              r.model(), r.layerKinds(), r.strategy(), r.n(), r.depth(), r.thresholdDepth(),
              r.gates(), r.wires(), r.maxWeightBits(), r.samples(), r.mismatches(), r.accuracy(),
              0, 0, 0, r.refused()));
    }
    return out;
  }
}
