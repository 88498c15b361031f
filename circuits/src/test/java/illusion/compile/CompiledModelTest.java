package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import illusion.ssm.Evaluator;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import illusion.ssm.RandomModels;
import illusion.ssm.S4DLayer;
import illusion.ssm.Trace;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A compiled model's index maps name the circuit's wires as documented, its labels read off a
 * simulation equal the native evaluator's, and {@link CircuitAgreement} counts and describes every
 * disagreement of a circuit that is wrong on purpose.
 */
class CompiledModelTest {

  private static void assertRefused(Executable call, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  private static int[][] sequences(SplittableRandom r, int count, int n, int vocab) {
    int[][] s = new int[count][n];
    for (int[] seq : s) {
      for (int t = 0; t < n; t++) {
        seq[t] = r.nextInt(vocab);
      }
    }
    return s;
  }

  /** Inputs x[t][σ], outputs y[t][c][bit] then label[t][k], at the documented indices. */
  @Test
  void indicesNameTheWires() {
    Model model = RandomModels.build("s4d-random", 3, 5);
    for (Outputs outputs : Outputs.values()) {
      CompiledModel c = ModelCompiler.compile(model, 3, outputs);
      assertEquals(3, c.length());
      assertEquals(outputs, c.outputs());
      for (int t = 0; t < 3; t++) {
        for (int s = 0; s < 3; s++) {
          assertEquals("x[" + t + "][" + s + "]", c.circuit().inputName(c.inputIndex(t, s)));
        }
      }
      assertArrayEquals(outputs == Outputs.LAST ? new int[] {2} : new int[] {0, 1, 2}, c.positions());
      for (int t : c.positions()) {
        for (int ch = 0; ch < c.channels(); ch++) {
          for (int bit = 0; bit < c.bits(); bit++) {
            assertEquals("y[" + t + "][" + ch + "][" + bit + "]", c.circuit().outputName(c.outputBitIndex(t, ch, bit)));
          }
        }
        for (int k = 0; k < 3; k++) {
          assertEquals("label[" + t + "][" + k + "]", c.circuit().outputName(c.labelIndex(t, k)));
        }
      }
      assertEquals(c.positions().length * (c.channels() * c.bits() + 3), c.circuit().outputCount());
      assertRefused(() -> c.inputIndex(3, 0), "position 3 outside [0, 3)");
      assertRefused(() -> c.inputIndex(-1, 0), "position -1 outside [0, 3)");
      assertRefused(() -> c.inputIndex(0, 3), "token 3 outside [0, 3)");
      assertRefused(() -> c.inputIndex(0, -1), "token -1 outside [0, 3)");
      assertRefused(() -> c.outputBitIndex(2, c.channels(), 0), "channel " + c.channels() + " outside [0, " + c.channels() + ")");
      assertRefused(() -> c.outputBitIndex(2, -1, 0), "channel -1 outside [0, " + c.channels() + ")");
      assertRefused(() -> c.outputBitIndex(2, 0, c.bits()), "bit " + c.bits() + " outside [0, " + c.bits() + ")");
      assertRefused(() -> c.outputBitIndex(2, 0, -1), "bit -1 outside [0, " + c.bits() + ")");
      assertRefused(() -> c.labelIndex(2, 3), "label 3 outside [0, 3)");
      assertRefused(() -> c.labelIndex(2, -1), "label -1 outside [0, 3)");
      assertRefused(() -> c.labelIndex(3, 0), "position 3 has no outputs (outputs: " + (outputs == Outputs.LAST ? "position 2 only" : "all positions") + ")");
      assertRefused(() -> c.labelIndex(-1, 0), "position -1 has no outputs (outputs: " + (outputs == Outputs.LAST ? "position 2 only" : "all positions") + ")");
      if (outputs == Outputs.LAST) {
        assertRefused(() -> c.outputBitIndex(1, 0, 0), "position 1 has no outputs (outputs: position 2 only)");
      }
      assertTrue(c.toString().startsWith("model s4d-random compiled for n = 3 (" + outputs + "): "), c.toString());
      assertEquals(1, c.strategies().size());
    }
  }

  /**
   * Labels read off the circuit, 64 sequences per pass and across passes, are the native
   * evaluator's labels at the output positions, for every kind of random model.
   */
  @Test
  void labelsAreTheNativeLabels() {
    SplittableRandom r = new SplittableRandom(11);
    for (String name : RandomModels.NAMES) {
      Model model = RandomModels.build(name, 4, 2);
      for (Outputs outputs : Outputs.values()) {
        int n = 1 + r.nextInt(4);
        CompiledModel c = ModelCompiler.compile(model, n, outputs);
        int[][] seqs = sequences(r, 130, n, 4);
        int[][] labels = c.labels(seqs);
        Evaluator native_ = Evaluator.of(model);
        for (int s = 0; s < seqs.length; s++) {
          int[] expected = native_.labels(seqs[s]);
          int[] positions = c.positions();
          for (int i = 0; i < positions.length; i++) {
            assertEquals(expected[positions[i]], labels[s][i], name + " sequence " + s);
          }
        }
        assertEquals(0, c.labels(new int[0][]).length);
      }
    }
    CompiledModel c = ModelCompiler.compile(RandomModels.build("s4-random", 4, 2), 2, Outputs.ALL);
    assertRefused(() -> c.labels(new int[][] {{0, 1}, {0}}), "sequence 1 has length 1, but the circuit is for n = 2");
    assertRefused(() -> c.labels(new int[][] {{0, 4}}), "sequence 0, position 1: token 4 outside [0, 4)");
    assertRefused(() -> c.labels(new int[][] {{-1, 0}}), "sequence 0, position 0: token -1 outside [0, 4)");
    assertRefused(() -> c.labels(null), "sequences");
  }

  /** A one-channel S4D layer y_t = x_t (identity on two tokens) over 4-bit outputs. */
  private static Model echo(long d1) {
    illusion.number.Precision p = illusion.number.Precision.of(4, 0);
    Layer layer =
        S4DLayer.builder(p).a(new long[] {0}).b(new long[][] {{0, 0}}).c(new long[][] {{0}}).d(new long[][] {{0, d1}}).build();
    return Model.builder("echo", 2)
        .add(layer, illusion.ssm.Readout.builder(new int[] {16}, 2).putIndex(1, 1).build())
        .build();
  }

  /**
   * The circuit of y_t = 3 x_t checked against the model y_t = x_t: every position with token 1
   * disagrees on bit 1 (3 = 0b11 against 1 = 0b01) and the label agrees (both odd outputs map to
   * label 1 only for y = 1, so label wires 0 and 1 disagree too). Counts are computed here from the
   * tokens.
   */
  @Test
  void agreementCountsEveryDisagreement() {
    Model truth = echo(1);
    CompiledModel wrong = ModelCompiler.compile(echo(3), 3, Outputs.ALL);
    CompiledModel misattributed =
        new CompiledModel(
            truth, 3, Outputs.ALL, wrong.circuit(), wrong.positions(), ImmutableList.of("wrong"), wrong.projected(), null);
    SplittableRandom r = new SplittableRandom(1);
    int[][] seqs = sequences(r, 100, 3, 2);
    CircuitAgreement.Result result = CircuitAgreement.check(misattributed, seqs);
    int badSamples = 0;
    long badWires = 0;
    for (int[] s : seqs) {
      int ones = 0;
      for (int x : s) {
        ones += x;
      }
      badSamples += ones > 0 ? 1 : 0;
      badWires += 3L * ones; // bit 1 and both label wires at each position with token 1
    }
    assertEquals(100, result.samples());
    assertEquals(badSamples, result.mismatches());
    assertEquals(badWires, result.mismatchedWires());
    assertEquals(100L * 3 * (4 + 2), result.comparedWires());
    assertFalse(result.agrees());
    int first = 0;
    while (seqs[first][0] + seqs[first][1] + seqs[first][2] == 0) {
      first++;
    }
    int t = seqs[first][0] == 1 ? 0 : seqs[first][1] == 1 ? 1 : 2;
    String tokens = seqs[first][0] + " " + seqs[first][1] + " " + seqs[first][2];
    assertEquals(
        "sequence " + first + " (tokens " + tokens + "): position " + t + ", channel 0, bit 1: native 0, circuit 1 (native output 1)",
        result.firstMismatch().orElseThrow());
    assertTrue(result.toString().startsWith(badSamples + " of 100 sequences disagree"), result.toString());

    CircuitAgreement.Result right = CircuitAgreement.check(ModelCompiler.compile(truth, 3, Outputs.ALL), seqs);
    assertTrue(right.agrees());
    assertEquals(0, right.mismatchedWires());
    assertEquals(String.format("%,d sequences, %,d wires: all agree", 100, 1800), right.toString());
    assertTrue(right.firstMismatch().isEmpty());

    // label disagreements are described with the native label
    CompiledModel labelOnly = ModelCompiler.compile(echo(1), 1, Outputs.ALL);
    Model otherLabels =
        Model.builder("echo", 2)
            .add(truth.layer(0), illusion.ssm.Readout.builder(new int[] {16}, 2).putIndex(0, 1).build())
            .build();
    CompiledModel relabelled =
        new CompiledModel(otherLabels, 1, Outputs.ALL, labelOnly.circuit(), labelOnly.positions(), ImmutableList.of("x"), labelOnly.projected(), null);
    assertEquals(
        "sequence 0 (tokens 0): position 0, label wire 0: native 0, circuit 1 (native label 1)",
        CircuitAgreement.check(relabelled, new int[][] {{0}}).firstMismatch().orElseThrow());
  }

  @Test
  void agreementRefusals() {
    Model truth = echo(1);
    CompiledModel c = ModelCompiler.compile(truth, 2, Outputs.LAST);
    assertRefused(() -> CircuitAgreement.check(c, new int[][] {{0}}), "sequence 0 has length 1, but the circuit is for n = 2");
    assertRefused(() -> CircuitAgreement.check(c, new int[][] {{0, 0}, {0, 2}}), "sequence 1, position 1: token 2 outside [0, 2)");
    assertRefused(() -> CircuitAgreement.check(c, new int[][] {{-1, 0}}), "sequence 0, position 0: token -1 outside [0, 2)");
    int[][] seqs = {{0, 1}, {1, 1}};
    Trace[] traces = {Evaluator.of(truth).trace(seqs[0]), Evaluator.of(truth).trace(seqs[1])};
    assertRefused(() -> CircuitAgreement.check(c, seqs, new Trace[1]), "1 traces for 2 sequences");
    assertTrue(CircuitAgreement.check(c, seqs, traces).agrees());
    Trace[] swapped = {traces[1], traces[0]};
    assertRefused(() -> CircuitAgreement.check(c, seqs, swapped), "trace 0 is not of sequence 0");
    // long sequences are abbreviated in descriptions
    CompiledModel longWrong = ModelCompiler.compile(echo(3), 40, Outputs.LAST);
    CompiledModel longMisattributed =
        new CompiledModel(truth, 40, Outputs.LAST, longWrong.circuit(), longWrong.positions(), ImmutableList.of("x"), longWrong.projected(), null);
    int[] ones = new int[40];
    java.util.Arrays.fill(ones, 1);
    String described = CircuitAgreement.check(longMisattributed, new int[][] {ones}).firstMismatch().orElseThrow();
    assertTrue(described.startsWith("sequence 0 (tokens" + " 1".repeat(32) + " ...): position 39"), described);
  }
}
