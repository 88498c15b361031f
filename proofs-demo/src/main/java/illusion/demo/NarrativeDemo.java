package illusion.demo;

/**
 * {@code illusion demo narrative}: Prop 3.3's reduction into entity tracking ({@link CoinStory}): a
 * story of coin trades, generated, parsed back, followed by a tracker, and checked against ids4.
 */
final class NarrativeDemo extends TextReductionDemo {
  @Override
  public String name() {
    return "narrative";
  }

  @Override
  public String summary() {
    return "Prop 3.3: S5 words as coin trades; who holds the gold coin?";
  }

  @Override
  String title() {
    return "Tracking entities in a story (Prop 3.3)";
  }

  @Override
  String explanation() {
    return "Following who has what in a story is state tracking. Five people hold five coins;"
        + " each S5 element becomes one sentence of trades between two people. After the story,"
        + " person q holds the coin that person s(q) started with, s the word's product, so"
        + " answering 'who holds the gold coin?' for every story is the S5 word problem:"
        + " NC1-complete, beyond S4 and Mamba layers of fixed depth unless TC0 = NC1 (Cor 4.7),"
        + " and within reach of ids4.";
  }

  @Override
  String generate(int[] word, long seed) {
    return CoinStory.generate(word, seed);
  }

  @Override
  int[] parse(String text) {
    return CoinStory.parse(text);
  }

  @Override
  int[][] track(String text) {
    return CoinStory.track(text);
  }

  @Override
  void show(DemoReport.Builder report, String text) {
    report.paragraph("The story: " + text);
  }

  @Override
  String places() {
    return "Alice, Bob, Carl, Dan and Emma";
  }

  @Override
  String stateHeader() {
    return "coins of A B C D E";
  }

  @Override
  String formatState(int[] state) {
    StringBuilder sb = new StringBuilder();
    for (int coin : state) {
      sb.append(sb.length() == 0 ? "" : " ").append(CoinStory.COINS.get(coin).charAt(0));
    }
    return sb.toString();
  }

  @Override
  String answer(int[] state) {
    return CoinStory.PEOPLE.get(CoinStory.holder(state, 0)) + " holds the gold coin.";
  }
}
