package illusion.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link CircuitBuilder#inputs} and {@link CircuitBuilder#outputs}: many names at once, all or
 * none.
 */
class NameBatchProperties {

  /** Random distinct names, some sharing prefixes as compiled models' names do. */
  private static String[] names(SplittableRandom r, int count, String prefix) {
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      names[i] = r.nextBoolean() ? prefix + "[" + i + "]" : prefix + "_" + Integer.toString(i, 36);
    }
    return names;
  }

  /**
   * A batch of inputs builds the same circuit as one {@link CircuitBuilder#input} call per name
   * (same nodes, ordinals and names, found by name), before and after other inputs and gates, for
   * batches from empty to thousands of names (the table visited in bucket order).
   */
  @Property(tries = 40)
  void batchEqualsOneCallPerName(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] first = names(r, 2 + r.nextInt(50), "a");
    String[] batch = names(r, r.nextInt(r.nextBoolean() ? 20 : 5000), "x");
    CircuitBuilder one = new CircuitBuilder();
    CircuitBuilder many = CircuitBuilder.withExpectedSize(0, 0, r.nextInt(3) == 0 ? 0 : 100_000);
    for (String name : first) {
      assertEquals(one.input(name), many.input(name));
    }
    int gate = one.and(0, 1);
    assertEquals(gate, many.and(0, 1));
    int[] expected = new int[batch.length];
    for (int i = 0; i < batch.length; i++) {
      expected[i] = one.input(batch[i]);
    }
    assertArrayEquals(expected, many.inputs(batch));
    one.output("o", gate);
    many.output("o", gate);
    Circuit c = many.build();
    assertEquals(one.build(), c);
    for (int i = 0; i < batch.length; i++) {
      assertEquals(first.length + i, c.indexOfInput(batch[i]));
    }
  }

  /**
   * A batch with a name already taken (by an input or an output) or repeated within the batch is
   * refused with the duplicate's name, and adds nothing: the circuit is unchanged and every other
   * name of the batch is still free.
   */
  @Property(tries = 60)
  void duplicateRefusesTheWholeBatch(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CircuitBuilder b = new CircuitBuilder();
    String[] taken = names(r, 1 + r.nextInt(30), "t");
    for (String name : taken) {
      b.input(name);
    }
    b.output("out", 0);
    String[] batch = names(r, 2 + r.nextInt(r.nextBoolean() ? 10 : 3000), "x");
    int at = r.nextInt(batch.length);
    String duplicate;
    switch (r.nextInt(3)) {
      case 0:
        duplicate = taken[r.nextInt(taken.length)];
        break;
      case 1:
        duplicate = "out";
        break;
      default:
        duplicate = batch[(at + 1 + r.nextInt(batch.length - 1)) % batch.length];
    }
    batch[at] = duplicate;
    Circuit before = b.build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.inputs(batch));
    assertEquals("duplicate name: " + duplicate, e.getMessage());
    assertEquals(before, b.build());
    int added = 0;
    for (String name : batch) {
      if (!name.equals(duplicate)) {
        b.input(name); // would throw if the refused batch had left it behind
        added++;
      }
    }
    assertEquals(before.inputCount() + added, b.build().inputCount());
  }

  /**
   * A batch of outputs (positive and complemented literals, repeated literals) builds the same
   * circuit as one {@link CircuitBuilder#output} call per name; a batch with a taken or repeated
   * name, or a literal of no node, is refused and adds nothing (no output, no NOT gate).
   */
  @Property(tries = 60)
  void outputBatchEqualsOneCallPerName(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CircuitBuilder one = new CircuitBuilder();
    CircuitBuilder many = new CircuitBuilder();
    String[] in = names(r, 2 + r.nextInt(20), "x");
    one.inputs(in);
    many.inputs(in);
    int gate = one.or(0, CircuitBuilder.negate(1));
    many.or(0, CircuitBuilder.negate(1));
    String[] out = names(r, r.nextInt(r.nextBoolean() ? 20 : 3000), "y");
    int[] literals = new int[out.length];
    for (int i = 0; i < out.length; i++) {
      int node = r.nextInt(4) == 0 ? gate : r.nextInt(in.length);
      literals[i] = r.nextBoolean() ? CircuitBuilder.negate(node) : node;
      one.output(out[i], literals[i]);
    }
    Circuit before = many.build();
    if (out.length > 0) {
      String[] bad = out.clone();
      int[] badLiterals = literals.clone();
      boolean badName = r.nextBoolean();
      if (badName) {
        bad[r.nextInt(bad.length)] = in[r.nextInt(in.length)];
      } else {
        badLiterals[r.nextInt(bad.length)] = before.nodeCount() + r.nextInt(5);
      }
      assertThrows(IllegalArgumentException.class, () -> many.outputs(bad, badLiterals));
      assertEquals(before, many.build());
    }
    many.outputs(out, literals);
    assertEquals(one.build(), many.build());
  }
}
