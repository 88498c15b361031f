package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * How one model's circuit depth behaves as n grows, computed from its measured rows (sorted by n):
 * the length from which the depth no longer changes, and the least-squares slope of depth against
 * log2 n (the growth per doubling).
 *
 * @param constantFrom the smallest measured n from which every measured depth equals the last one
 * @param constantRows how many measured lengths lie in that constant tail
 * @param rows the number of measured lengths
 * @param lastDepth the depth at the largest measured n
 * @param perDoubling the least-squares slope of depth against log2 n (0 for a single length)
 */
record DepthTrend(int constantFrom, int constantRows, int rows, int lastDepth, double perDoubling) {

  /** Computes the trend of measured rows sorted by increasing n. */
  static DepthTrend of(List<DepthRow> measuredByN) {
    checkArgument(!measuredByN.isEmpty(), "no measured rows");
    int rows = measuredByN.size();
    int last = measuredByN.get(rows - 1).depth();
    int from = rows - 1;
    while (from > 0 && measuredByN.get(from - 1).depth() == last) {
      from--;
    }
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (DepthRow r : measuredByN) {
      double x = Math.log(r.n()) / Math.log(2);
      sx += x;
      sy += r.depth();
      sxx += x * x;
      sxy += x * r.depth();
    }
    double den = rows * sxx - sx * sx;
    double slope = den == 0 ? 0 : (rows * sxy - sx * sy) / den;
    return new DepthTrend(measuredByN.get(from).n(), rows - from, rows, last, slope);
  }

  /**
   * Whether the depth is constant over at least the upper half of the measured lengths (and over
   * at least two of them): the TC0 signature of Thm 4.2 and 4.4.
   */
  boolean isConstant() {
    return constantRows >= 2 && 2 * constantRows >= rows;
  }
}
