package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import illusion.compile.CompiledModel;
import illusion.compile.ModelCompiler;
import illusion.compile.Outputs;
import illusion.number.Precision;
import illusion.ssm.Evaluator;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import illusion.ssm.S4DLayer;
import illusion.ssm.Trace;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The comparison finds every kind of disagreement a faulty circuit can show, where it first
 * happens: an output channel, a wrong label, no label wire set. Faults are injected by comparing a
 * model against the (correct) circuit of a slightly different model, whose native evaluation then
 * predicts what the circuit computes.
 */
class ComparisonTest {

  private static final Precision P = Precision.of(6, 2);

  /** One S4D state over two tokens with D = {@code d}, then a readout of {@code moduli}. */
  private static Model model(long[][] d, int[] moduli, int labels, java.util.function.ToIntFunction<int[]> readout) {
    Layer layer = S4DLayer.builder(P).a(new long[] {2}).b(new long[][] {{1, 3}}).c(new long[][] {{4}}).d(d).build();
    return Model.builder("m", 2).add(layer, Readout.tabulate(moduli, labels, readout)).build();
  }

  private static int[][] allWords(int n, int count) {
    int[][] s = new int[count][n];
    SplittableRandom r = new SplittableRandom(n);
    for (int[] w : s) {
      for (int t = 0; t < n; t++) {
        w[t] = r.nextInt(2);
      }
    }
    return s;
  }

  /**
   * The circuit of a model whose D differs by one raw step on token 1, read with a constant
   * readout: only the output bits differ, first at the first token 1, by the raw values the two
   * native evaluations give there.
   */
  @Test
  void anOutputChannelDisagreementIsFoundAtItsFirstPosition() {
    Model right = model(null, new int[] {1}, 1, res -> 0);
    Model wrong = model(new long[][] {{0, 1}}, new int[] {1}, 1, res -> 0);
    int n = 5;
    int[][] seqs = allWords(n, 150);
    CompiledModel circuit = ModelCompiler.compile(wrong, n, Outputs.ALL);
    String[] bad = Comparison.disagreements(circuit, right, seqs);
    for (int s = 0; s < seqs.length; s++) {
      String expected = null;
      long[][] native0 = Evaluator.of(right).trace(seqs[s]).outputs(0);
      long[][] native1 = Evaluator.of(wrong).trace(seqs[s]).outputs(0);
      for (int t = 0; t < n && expected == null; t++) {
        if (native0[t][0] != native1[t][0]) {
          expected =
              String.format(
                  "position %d, output channel 0: native %d, circuit %d (raw)", t, native0[t][0], native1[t][0]);
        }
      }
      assertEquals(expected, bad[s], "sequence " + s);
    }
  }

  /** Same outputs, a readout that swaps the labels: the first compiled position is reported. */
  @Test
  void aWrongLabelIsFound() {
    Model right = model(null, new int[] {2}, 2, res -> res[0]);
    Model swapped = model(null, new int[] {2}, 2, res -> 1 - res[0]);
    int n = 4;
    int[][] seqs = allWords(n, 70);
    for (Outputs outputs : Outputs.values()) {
      String[] bad = Comparison.disagreements(ModelCompiler.compile(swapped, n, outputs), right, seqs);
      int t = outputs == Outputs.ALL ? 0 : n - 1;
      for (int s = 0; s < seqs.length; s++) {
        Trace trace = Evaluator.of(right).trace(seqs[s]);
        int label = trace.labels()[t];
        assertEquals(String.format("position %d, label: native %d, circuit %d", t, label, 1 - label), bad[s]);
      }
    }
  }

  /** A circuit whose label lies outside the model's label vocabulary sets none of its wires. */
  @Test
  void noLabelWireSetIsReportedAsSuch() {
    Model right = model(null, new int[] {1}, 2, res -> 0);
    Model elsewhere = model(null, new int[] {1}, 3, res -> 2);
    int[][] seqs = allWords(3, 5);
    String[] bad = Comparison.disagreements(ModelCompiler.compile(elsewhere, 3, Outputs.ALL), right, seqs);
    for (String b : bad) {
      assertEquals("position 0, label: native 0, circuit 0 label wires set", b);
    }
  }

  /**
   * More than one word of sequences: each sequence gets the verdict it gets alone, so lanes and
   * words do not mix.
   */
  @Test
  void batchesOfSixtyFourAgreeWithSequencesAlone() {
    Model right = model(null, new int[] {2}, 2, res -> res[0]);
    Model wrong = model(new long[][] {{0, -1}}, new int[] {2}, 2, res -> res[0]);
    int n = 6;
    int[][] seqs = allWords(n, 64 * 2 + 5);
    CompiledModel circuit = ModelCompiler.compile(wrong, n, Outputs.ALL);
    String[] bad = Comparison.disagreements(circuit, right, seqs);
    int agree = 0;
    for (int s = 0; s < seqs.length; s++) {
      assertEquals(Comparison.disagreements(circuit, right, new int[][] {seqs[s]})[0], bad[s], "sequence " + s);
      agree += bad[s] == null ? 1 : 0;
    }
    // the all-zero-token sequences agree, the others do not
    int zeros = 0;
    for (int[] w : seqs) {
      zeros += java.util.Arrays.stream(w).allMatch(x -> x == 0) ? 1 : 0;
    }
    assertEquals(zeros, agree);
    assertNull(Comparison.disagreements(ModelCompiler.compile(right, n, Outputs.ALL), right, seqs)[seqs.length - 1]);
  }
}
