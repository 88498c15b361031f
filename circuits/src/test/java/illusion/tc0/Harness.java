package illusion.tc0;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.CircuitStats;
import illusion.circuit.Simulator;
import java.math.BigInteger;
import java.util.SplittableRandom;

/** Builds a test instance and reads numbers out of 64-lane simulations. */
final class Harness {
  final CircuitBuilder b = new CircuitBuilder();
  private final it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap inputIndex =
      new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
  private int inputs;
  private int outputs;
  private Circuit circuit;

  /** n fresh inputs. */
  int[] inputs(int n) {
    int[] x = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = b.input("x" + inputs);
      inputIndex.put(x[i], inputs++);
    }
    return x;
  }

  /** Names the literals as outputs, in order; returns their output indices' first. */
  int outputs(int... literals) {
    int first = outputs;
    for (int l : literals) {
      b.output("y" + outputs++, l);
    }
    return first;
  }

  Circuit circuit() {
    if (circuit == null) {
      circuit = b.build();
    }
    return circuit;
  }

  CircuitStats stats() {
    return CircuitStats.of(circuit());
  }

  /** Output words for uniformly random input words. */
  long[] simulate(long[] inputWords) {
    return Simulator.of(circuit()).simulate(inputWords);
  }

  static long[] randomWords(SplittableRandom rnd, int n) {
    long[] w = new long[n];
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextLong();
    }
    return w;
  }

  /** The value of lane {@code lane} of {@code bits} (words indexed by bit, LSB first). */
  static BigInteger value(long[] words, int from, int count, int lane) {
    BigInteger v = BigInteger.ZERO;
    for (int j = 0; j < count; j++) {
      if ((words[from + j] >>> lane & 1) != 0) {
        v = v.setBit(j);
      }
    }
    return v;
  }

  /** The number whose bits (LSB first) are the input literals {@code bits}, in lane {@code lane}. */
  BigInteger inputValue(long[] inputWords, int[] bits, int lane) {
    BigInteger v = BigInteger.ZERO;
    for (int j = 0; j < bits.length; j++) {
      if (inputBit(inputWords, bits[j], lane)) {
        v = v.setBit(j);
      }
    }
    return v;
  }

  /** The value of an input literal (possibly complemented) in lane {@code lane}. */
  boolean inputBit(long[] inputWords, int literal, int lane) {
    int node = literal < 0 ? ~literal : literal;
    boolean v = bit(inputWords[inputIndex.get(node)], lane);
    return v ^ (literal < 0);
  }

  static boolean bit(long word, int lane) {
    return (word >>> lane & 1) != 0;
  }

  static int log2Ceil(int n) {
    return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
  }
}
