package illusion.demo;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reduction of Prop 3.3 into entity tracking, in the style of the paper's Figure 1 ("Alice,
 * Bob, Carl, Dan, and Emma each have a coin ... Alice and Carl trade coins."): five people each
 * hold a different coin; each S5 element is one sentence of trades ("Alice and Carl trade coins,
 * then Bob swaps coins with Emma."), one trade per swap of {@link Transpositions#swaps}, or "Nobody
 * trades." for the identity; the story ends with the question who holds the gold coin (Alice's at
 * the start). Person q then holds the coin that person s_t(q) started with.
 *
 * <p>{@link #generate} picks each trade's wording and the order of the two names with a seeded
 * random source; {@link #parse} inverts it for every wording; {@link #track} follows the coins
 * sentence by sentence without using the group.
 */
final class CoinStory {
  static final ImmutableList<String> PEOPLE =
      ImmutableList.of("Alice", "Bob", "Carl", "Dan", "Emma");
  static final ImmutableList<String> COINS =
      ImmutableList.of("gold", "silver", "copper", "bronze", "tin");

  static final String INTRO =
      "Alice holds a gold coin, Bob a silver coin, Carl a copper coin, Dan a bronze coin and Emma a"
          + " tin coin.";
  static final String QUESTION = "Who holds the gold coin now?";
  static final String NOBODY = "Nobody trades.";

  private static final String NAME = "(Alice|Bob|Carl|Dan|Emma)";
  private static final ImmutableList<Pattern> TRADES =
      ImmutableList.of(
          Pattern.compile(NAME + " and " + NAME + " trade coins"),
          Pattern.compile(NAME + " swaps coins with " + NAME),
          Pattern.compile(NAME + " and " + NAME + " exchange coins"));
  private static final String[] WORDINGS = {
    "%s and %s trade coins", "%s swaps coins with %s", "%s and %s exchange coins"
  };

  private CoinStory() {}

  /** The story of an S5 word, one sentence per element; wordings drawn with {@code seed}. */
  static String generate(int[] word, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(INTRO);
    for (int x : word) {
      int[][] swaps = Transpositions.swaps(x);
      sb.append(' ');
      if (swaps.length == 0) {
        sb.append(NOBODY);
        continue;
      }
      for (int k = 0; k < swaps.length; k++) {
        boolean flip = random.nextBoolean();
        String a = PEOPLE.get(swaps[k][flip ? 1 : 0]);
        String b = PEOPLE.get(swaps[k][flip ? 0 : 1]);
        String clause = String.format(WORDINGS[random.nextInt(WORDINGS.length)], a, b);
        sb.append(k == 0 ? clause : ", then " + clause);
      }
      sb.append('.');
    }
    return sb.append(' ').append(QUESTION).toString();
  }

  /**
   * The S5 word of a story: each sentence's element is the product of its trades.
   *
   * @throws IllegalArgumentException naming the first sentence that is not a trade sentence
   */
  static int[] parse(String story) {
    List<List<int[]>> sentences = sentences(story);
    int[] word = new int[sentences.size()];
    for (int t = 0; t < word.length; t++) {
      word[t] = Transpositions.product(sentences.get(t).toArray(new int[0][]));
    }
    return word;
  }

  /**
   * Follows the coins: after each sentence, {@code holds[q]} is the coin (numbered as {@link
   * #COINS}) that person q holds.
   */
  static int[][] track(String story) {
    List<List<int[]>> sentences = sentences(story);
    int[] holds = {0, 1, 2, 3, 4};
    int[][] states = new int[sentences.size()][];
    for (int t = 0; t < states.length; t++) {
      for (int[] trade : sentences.get(t)) {
        Transpositions.swap(holds, trade[0], trade[1]);
      }
      states[t] = holds.clone();
    }
    return states;
  }

  /** The person holding coin {@code coin} in state {@code holds}. */
  static int holder(int[] holds, int coin) {
    for (int q = 0; q < holds.length; q++) {
      if (holds[q] == coin) {
        return q;
      }
    }
    throw new IllegalArgumentException("nobody holds coin " + coin);
  }

  private static List<List<int[]>> sentences(String story) {
    checkNotNull(story, "story");
    String text = story.strip().replaceAll("\\s+", " ");
    if (!text.startsWith(INTRO)) {
      throw new IllegalArgumentException("story: expected it to begin '" + INTRO + "'");
    }
    if (!text.endsWith(QUESTION)) {
      throw new IllegalArgumentException("story: expected it to end '" + QUESTION + "'");
    }
    String body = text.substring(INTRO.length(), text.length() - QUESTION.length()).strip();
    List<List<int[]>> sentences = new ArrayList<>();
    if (body.isEmpty()) {
      return sentences;
    }
    if (!body.endsWith(".")) {
      throw new IllegalArgumentException("story: the last sentence does not end with '.'");
    }
    for (String sentence : body.substring(0, body.length() - 1).split("\\. ", -1)) {
      int number = sentences.size() + 1;
      List<int[]> trades = new ArrayList<>();
      if (!(sentence + ".").equals(NOBODY)) {
        String[] clauses = sentence.split(", then ", -1);
        for (String clause : clauses) {
          trades.add(trade(clause, number));
        }
      }
      sentences.add(trades);
    }
    return sentences;
  }

  private static int[] trade(String clause, int sentence) {
    for (Pattern p : TRADES) {
      Matcher m = p.matcher(clause);
      if (m.matches()) {
        int a = PEOPLE.indexOf(m.group(1));
        int b = PEOPLE.indexOf(m.group(2));
        if (a == b) {
          throw new IllegalArgumentException(
              "story sentence " + sentence + ": " + m.group(1) + " cannot trade with themselves");
        }
        return new int[] {a, b};
      }
    }
    throw new IllegalArgumentException(
        "story sentence "
            + sentence
            + ": not a trade such as 'Alice and Carl trade coins': '"
            + clause
            + "'");
  }
}
