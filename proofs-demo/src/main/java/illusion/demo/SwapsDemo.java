package illusion.demo;

import java.util.Arrays;

/**
 * {@code illusion demo swaps}: Prop 3.3's reduction into Python swap programs ({@link
 * SwapProgram}): generated, parsed back, executed by a tracker, and checked against ids4.
 */
final class SwapsDemo extends TextReductionDemo {
  @Override
  public String name() {
    return "swaps";
  }

  @Override
  public String summary() {
    return "Prop 3.3: S5 words as Python swap programs; predict print(x)";
  }

  @Override
  String title() {
    return "Tracking a swap program (Prop 3.3)";
  }

  @Override
  String explanation() {
    return "Evaluating code means tracking state. Write each S5 element as swaps of list entries,"
        + " `x[i], x[j] = x[j], x[i]`: after the program, x holds the word's prefix product in"
        + " one-line form. Predicting what `print(x)` prints is therefore the S5 word problem,"
        + " NC1-complete: no S4 or Mamba stack of fixed depth can do it for all lengths unless"
        + " TC0 = NC1 (Cor 4.7), while ids4 can.";
  }

  @Override
  String generate(int[] word, long seed) {
    return SwapProgram.generate(word);
  }

  @Override
  int[] parse(String text) {
    return SwapProgram.parse(text);
  }

  @Override
  int[][] track(String text) {
    return SwapProgram.track(text);
  }

  @Override
  void show(DemoReport.Builder report, String text) {
    report.preformatted(text);
  }

  @Override
  String places() {
    return "x[0]..x[4]";
  }

  @Override
  String stateHeader() {
    return "x";
  }

  @Override
  String formatState(int[] state) {
    return Arrays.toString(state);
  }

  @Override
  String answer(int[] state) {
    return "print(x) shows " + Arrays.toString(state) + ".";
  }
}
