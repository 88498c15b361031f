package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.compile.Outputs;
import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import illusion.ssm.ModelJson;
import illusion.ssm.Readout;
import illusion.ssm.S4DLayer;
import illusion.ssm.S4Layer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A counterexample carries everything needed to replay it: the model as JSON that reads back to
 * the same model, the tokens as {@code --tokens} text, and a one-line size naming every layer's
 * kind and dimensions.
 */
class CounterexampleTest {

  /** One S4D layer over two tokens at p = 6, f = 2, then a constant readout onto {@code labels}. */
  static Model oneLayer(int labels) {
    Layer layer =
        S4DLayer.builder(Precision.of(6, 2)).a(new long[] {2}).b(new long[][] {{1, 3}}).c(new long[][] {{4}}).build();
    return Model.builder("one", 2).add(layer, Readout.tabulate(new int[] {2}, labels, res -> res[0] % labels)).build();
  }

  /** An S4D layer (p = 8) feeding an S4 layer with two states and two outputs (p = 5, f = 1). */
  static Model twoLayers() {
    Layer first =
        S4DLayer.builder(Precision.of(8, 2)).a(new long[] {2}).b(new long[][] {{1, 3}}).c(new long[][] {{4}}).build();
    Layer second =
        S4Layer.builder(Precision.of(5, 1))
            .a(new long[][] {{1, 0}, {1, 1}})
            .b(new long[][] {{1, 0, 1}, {0, 1, 0}})
            .c(new long[][] {{1, 0}, {0, 1}})
            .build();
    return Model.builder("two", 2)
        .add(first, Readout.tabulate(new int[] {3}, 3, res -> res[0]))
        .add(second, Readout.tabulate(new int[] {2, 2}, 2, res -> res[0] ^ res[1]))
        .build();
  }

  @Test
  void refusesAnEmptySequence() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Counterexample(oneLayer(2), new int[0], Outputs.ALL, Counterexample.Failure.CRASH, "x"));
    assertEquals("a counterexample needs at least one token", e.getMessage());
  }

  /** The tokens are copied in and out, and their text splits on single spaces back into them. */
  @Test
  void tokensAreCopiedAndTheirTextReadsBack() {
    int[] tokens = {1, 0, 1, 1};
    Counterexample c = new Counterexample(oneLayer(2), tokens, Outputs.LAST, Counterexample.Failure.MISMATCH, "d");
    tokens[0] = 0;
    assertArrayEquals(new int[] {1, 0, 1, 1}, c.tokens());
    c.tokens()[1] = 1;
    assertArrayEquals(new int[] {1, 0, 1, 1}, c.tokens());
    String text = c.tokenText();
    assertArrayEquals(c.tokens(), Arrays.stream(text.split(" ", -1)).mapToInt(Integer::parseInt).toArray(), text);
    assertEquals("1 0 1 1", text);
  }

  /** The model's JSON reads back to the same model, so the failure replays from a file. */
  @Test
  void modelJsonReadsBackToTheModel() {
    for (Model m : new Model[] {oneLayer(2), twoLayers()}) {
      Counterexample c = new Counterexample(m, new int[] {0}, Outputs.ALL, Counterexample.Failure.MISMATCH, "d");
      assertEquals(m, ModelJson.parse(c.modelJson(), "counterexample"));
    }
  }

  /** The size names the layer count (singular for one), then each layer's kind and shape, then n. */
  @Test
  void sizeDescribesEveryLayerAndTheLength() {
    for (Model m : new Model[] {oneLayer(2), twoLayers()}) {
      int[] tokens = {1, 0, 1};
      String size = new Counterexample(m, tokens, Outputs.ALL, Counterexample.Failure.MISMATCH, "d").size();
      String count = m.depth() + (m.depth() == 1 ? " layer (" : " layers (");
      assertTrue(size.startsWith(count), size);
      assertTrue(size.endsWith("), n=" + tokens.length), size);
      String[] layers = size.substring(count.length(), size.length() - ("), n=" + tokens.length).length()).split("; ", -1);
      assertEquals(m.depth(), layers.length, size);
      for (int i = 0; i < m.depth(); i++) {
        Layer l = m.layer(i);
        assertEquals(
            l.kind().id() + ", d=" + l.stateDim() + ", m=" + l.outputDim() + ", |Σ|=" + l.vocabularySize()
                + ", p=" + l.precision().bits() + ", f=" + l.precision().fractionBits(),
            layers[i],
            size);
      }
    }
  }

  /** The one-line description: failure, size, tokens, outputs and detail, each findable. */
  @Test
  void toStringHasEveryPart() {
    for (Counterexample.Failure f : Counterexample.Failure.values()) {
      Counterexample c = new Counterexample(twoLayers(), new int[] {1, 1, 0}, Outputs.LAST, f, "position 2, label");
      assertEquals(
          f + " on " + c.size() + ", tokens [" + c.tokenText() + "], outputs " + Outputs.LAST + ": position 2, label",
          c.toString());
    }
  }
}
