package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * Draws circuit depth against sequence length (log2 x-axis), one line per model, as SVG text or
 * PNG bytes. Both renderings come from one layout, so they show the same picture; the SVG is
 * byte-for-byte deterministic for the same rows. Refused cells are left out of the lines.
 */
public final class DepthPlot {

  private static final int WIDTH = 860;
  private static final int HEIGHT = 520;
  private static final int LEFT = 64;
  private static final int RIGHT = 200;
  private static final int TOP = 48;
  private static final int BOTTOM = 56;

  /** Tableau 10: distinguishable, and readable when printed in grey. */
  private static final int[] PALETTE = {
    0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f,
    0xbab0ac
  };

  private DepthPlot() {}

  /** The plot as a standalone SVG document. */
  public static String svg(List<DepthRow> rows, String title) {
    SvgCanvas canvas = new SvgCanvas();
    draw(rows, title, canvas);
    return canvas.finish();
  }

  /** The plot as PNG bytes, drawn headless (no display needed). */
  public static byte[] png(List<DepthRow> rows, String title) {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      draw(rows, title, new AwtCanvas(g));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The measured (n, depth) points of each model, models in first-appearance order. */
  private static Map<String, List<int[]>> series(List<DepthRow> rows) {
    Map<String, List<int[]>> series = new LinkedHashMap<>();
    for (DepthRow r : rows) {
      List<int[]> points = series.computeIfAbsent(r.model(), k -> new ArrayList<>());
      if (!r.isRefused()) {
        points.add(new int[] {r.n(), r.depth()});
      }
    }
    for (List<int[]> points : series.values()) {
      points.sort((a, b) -> Integer.compare(a[0], b[0]));
    }
    return series;
  }

  private static void draw(List<DepthRow> rows, String title, Canvas c) {
    checkArgument(!rows.isEmpty(), "nothing to plot: no rows");
    Map<String, List<int[]>> series = series(rows);
    TreeSet<Integer> lengths = new TreeSet<>();
    int maxDepth = 1;
    for (List<int[]> points : series.values()) {
      for (int[] p : points) {
        lengths.add(p[0]);
        maxDepth = Math.max(maxDepth, p[1]);
      }
    }
    for (DepthRow r : rows) {
      lengths.add(r.n());
    }
    double xMin = log2(lengths.first());
    double xMax = log2(lengths.last());
    if (xMax - xMin < 1) {
      xMin -= 0.5;
      xMax += 0.5;
    }
    int yStep = niceStep(maxDepth);
    int yMax = ((maxDepth + yStep - 1) / yStep) * yStep;
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    double fxMin = xMin;
    double fxMax = xMax;
    java.util.function.DoubleUnaryOperator px = x -> LEFT + (x - fxMin) / (fxMax - fxMin) * plotW;
    java.util.function.DoubleUnaryOperator py = y -> TOP + plotH - y / yMax * plotH;

    c.rect(0, 0, WIDTH, HEIGHT, null, 0xffffff);
    c.text(LEFT + plotW / 2, 28, title, Anchor.MIDDLE, 16, 0x222222, false);
    for (int y = 0; y <= yMax; y += yStep) {
      double yy = py.applyAsDouble(y);
      c.line(LEFT, yy, LEFT + plotW, yy, 0xe4e4e4, 1);
      c.text(LEFT - 8, yy + 4, Integer.toString(y), Anchor.END, 12, 0x444444, false);
    }
    int labelEvery = lengths.size() > 12 ? 2 : 1;
    int k = 0;
    for (int n : lengths) {
      double xx = px.applyAsDouble(log2(n));
      c.line(xx, TOP, xx, TOP + plotH, 0xf0f0f0, 1);
      c.line(xx, TOP + plotH, xx, TOP + plotH + 5, 0x444444, 1);
      if (k++ % labelEvery == 0) {
        c.text(xx, TOP + plotH + 19, Integer.toString(n), Anchor.MIDDLE, 12, 0x444444, false);
      }
    }
    c.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, 0x444444, 1);
    c.line(LEFT, TOP, LEFT, TOP + plotH, 0x444444, 1);
    c.text(LEFT + plotW / 2, HEIGHT - 14, "sequence length n (log scale)", Anchor.MIDDLE, 13,
        0x222222, false);
    c.text(20, TOP + plotH / 2, "circuit depth", Anchor.MIDDLE, 13, 0x222222, true);

    int index = 0;
    for (Map.Entry<String, List<int[]>> e : series.entrySet()) {
      int color = PALETTE[index % PALETTE.length];
      List<int[]> points = e.getValue();
      double[] xs = new double[points.size()];
      double[] ys = new double[points.size()];
      for (int i = 0; i < points.size(); i++) {
        xs[i] = px.applyAsDouble(log2(points.get(i)[0]));
        ys[i] = py.applyAsDouble(points.get(i)[1]);
      }
      if (xs.length > 1) {
        c.polyline(xs, ys, color, 2);
      }
      for (int i = 0; i < xs.length; i++) {
        c.circle(xs[i], ys[i], 3.5, color);
      }
      double ly = TOP + 10 + index * 20;
      double lx = LEFT + plotW + 18;
      c.line(lx, ly, lx + 22, ly, color, 2);
      c.circle(lx + 11, ly, 3.5, color);
      String label = points.isEmpty() ? e.getKey() + " (refused)" : e.getKey();
      c.text(lx + 30, ly + 4, label, Anchor.START, 12, 0x222222, false);
      index++;
    }
  }

  private static double log2(int n) {
    return Math.log(n) / Math.log(2);
  }

  /** A step of 1, 2 or 5 times a power of ten giving at most 10 intervals up to {@code max}. */
  static int niceStep(int max) {
    int step = 1;
    while (true) {
      for (int m : new int[] {1, 2, 5}) {
        if ((long) max <= 10L * m * step) {
          return m * step;
        }
      }
      step *= 10;
    }
  }

  private enum Anchor {
    START,
    MIDDLE,
    END
  }

  /** The drawing operations the layout needs; colors are 0xRRGGBB. */
  private interface Canvas {
    void rect(double x, double y, double w, double h, Integer stroke, int fill);

    void line(double x1, double y1, double x2, double y2, int color, double width);

    void polyline(double[] xs, double[] ys, int color, double width);

    void circle(double cx, double cy, double r, int color);

    void text(double x, double y, String s, Anchor anchor, int size, int color, boolean vertical);
  }

  private static final class SvgCanvas implements Canvas {
    private final StringBuilder sb = new StringBuilder();

    SvgCanvas() {
      sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
          .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
          .append(WIDTH)
          .append("\" height=\"")
          .append(HEIGHT)
          .append("\" viewBox=\"0 0 ")
          .append(WIDTH)
          .append(' ')
          .append(HEIGHT)
          .append("\" font-family=\"Helvetica, Arial, sans-serif\">\n");
    }

    String finish() {
      return sb.append("</svg>\n").toString();
    }

    @Override
    public void rect(double x, double y, double w, double h, Integer stroke, int fill) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"%s/>\n",
              x, y, w, h, hex(fill),
              stroke == null ? "" : " stroke=\"" + hex(stroke) + "\""));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int color, double width) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>\n",
              x1, y1, x2, y2, hex(color), width));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int color, double width) {
      sb.append("<polyline fill=\"none\" stroke=\"")
          .append(hex(color))
          .append(String.format(Locale.ROOT, "\" stroke-width=\"%.1f\" points=\"", width));
      for (int i = 0; i < xs.length; i++) {
        sb.append(String.format(Locale.ROOT, i == 0 ? "%.1f,%.1f" : " %.1f,%.1f", xs[i], ys[i]));
      }
      sb.append("\"/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, int color) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>\n",
              cx, cy, r, hex(color)));
    }

    @Override
    public void text(
        double x, double y, String s, Anchor anchor, int size, int color, boolean vertical) {
      String a = anchor == Anchor.START ? "start" : anchor == Anchor.MIDDLE ? "middle" : "end";
      String rotate =
          vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.1f %.1f)\"", x, y) : "";
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\" text-anchor=\"%s\"%s>%s</text>\n",
              x, y, size, hex(color), a, rotate, escape(s)));
    }

    private static String hex(int rgb) {
      return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }

    private static String escape(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
  }

  private static final class AwtCanvas implements Canvas {
    private final Graphics2D g;

    AwtCanvas(Graphics2D g) {
      this.g = g;
    }

    @Override
    public void rect(double x, double y, double w, double h, Integer stroke, int fill) {
      g.setColor(new Color(fill));
      g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
      if (stroke != null) {
        g.setColor(new Color(stroke));
        g.draw(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
      }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int color, double width) {
      g.setColor(new Color(color));
      g.setStroke(new BasicStroke((float) width));
      g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int color, double width) {
      Path2D.Double path = new Path2D.Double();
      path.moveTo(xs[0], ys[0]);
      for (int i = 1; i < xs.length; i++) {
        path.lineTo(xs[i], ys[i]);
      }
      g.setColor(new Color(color));
      g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(path);
    }

    @Override
    public void circle(double cx, double cy, double r, int color) {
      g.setColor(new Color(color));
      g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    @Override
    public void text(
        double x, double y, String s, Anchor anchor, int size, int color, boolean vertical) {
      g.setColor(new Color(color));
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
      FontMetrics fm = g.getFontMetrics();
      int w = fm.stringWidth(s);
      double shift = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? w / 2.0 : w;
      AffineTransform saved = g.getTransform();
      g.translate(x, y);
      if (vertical) {
        g.rotate(-Math.PI / 2);
      }
      g.drawString(s, (float) -shift, 0f);
      g.setTransform(saved);
    }
  }
}
