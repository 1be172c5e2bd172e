package io.smbench.engine.report.html;

import java.util.Locale;

/**
 * One inline SVG chart: a plotting area with linear axes from 0, grid lines, tick labels, axis
 * titles, and the lines or bars drawn into it. Styles are CSS classes of the page's stylesheet, so
 * every chart looks alike. Coordinates given to it are data values; it maps them to pixels.
 */
final class SvgPlot {
    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    private static final int LEFT = 78;
    private static final int RIGHT = 20;
    private static final int TOP = 16;
    private static final int BOTTOM = 52;

    private final StringBuilder grid = new StringBuilder();
    private final StringBuilder marks = new StringBuilder();
    private final String label;
    private final double xMax;
    private final double yMax;

    /**
     * @param label what the chart shows, for screen readers and as the SVG's title
     * @param xMax the largest x value (the axis runs from 0)
     * @param yMaxData the largest y value to show; the axis is rounded up to a tick
     */
    SvgPlot(String label, double xMax, double yMaxData, String xTitle, String yTitle) {
        this.label = label;
        this.xMax = xMax > 0 ? xMax : 1;
        double step = niceStep(yMaxData > 0 ? yMaxData : 1);
        this.yMax = Math.ceil((yMaxData > 0 ? yMaxData : 1) / step) * step;
        for (double y = 0; y <= yMax + step / 2; y += step) {
            grid.append(String.format(Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                            + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT, py(y), WIDTH - RIGHT, py(y), LEFT - 6, py(y) + 4, Html.text(number(y))));
        }
        grid.append(String.format(Locale.ROOT,
                "<text class=\"axis-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                        + "<text class=\"axis-title\" x=\"14\" y=\"%d\" text-anchor=\"middle\" "
                        + "transform=\"rotate(-90 14 %d)\">%s</text>",
                LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 8, Html.text(xTitle), TOP + (HEIGHT - TOP - BOTTOM) / 2,
                TOP + (HEIGHT - TOP - BOTTOM) / 2, Html.text(yTitle)));
    }

    /** A labelled tick on the x axis. */
    SvgPlot xTick(double x, String text) {
        grid.append(String.format(Locale.ROOT,
                "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                        + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                px(x), TOP, px(x), HEIGHT - BOTTOM, px(x), HEIGHT - BOTTOM + 16, Html.text(text)));
        return this;
    }

    /** A line through the points, with a tooltip naming the series. */
    SvgPlot line(double[] xs, double[] ys, String cssClass, String name) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(xs[i]), py(ys[i])));
        }
        marks.append("<polyline class=\"").append(cssClass).append("\" points=\"").append(points.toString().trim())
                .append("\"><title>").append(Html.text(name)).append("</title></polyline>");
        return this;
    }

    /** A bar from x0 to x1, from 0 up to y, with a tooltip. */
    SvgPlot bar(double x0, double x1, double y, String cssClass, String tooltip) {
        marks.append(String.format(Locale.ROOT,
                "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>",
                cssClass, px(x0), py(y), Math.max(0.5, px(x1) - px(x0)), py(0) - py(y), Html.text(tooltip)));
        return this;
    }

    /** The whole chart as an SVG element. */
    String toSvg() {
        return String.format(Locale.ROOT,
                "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                        + "height=\"%d\" role=\"img\" aria-label=\"%s\"><title>%s</title>%s"
                        + "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>%s</svg>",
                WIDTH, HEIGHT, WIDTH, HEIGHT, Html.text(label), Html.text(label), grid, LEFT, TOP, WIDTH - LEFT - RIGHT,
                HEIGHT - TOP - BOTTOM, marks);
    }

    private double px(double x) {
        return LEFT + Math.min(Math.max(x / xMax, 0), 1) * (WIDTH - LEFT - RIGHT);
    }

    private double py(double y) {
        return HEIGHT - BOTTOM - Math.min(Math.max(y / yMax, 0), 1) * (HEIGHT - TOP - BOTTOM);
    }

    /** A round step (1, 2 or 5 times a power of ten) giving about five grid lines up to {@code max}. */
    static double niceStep(double max) {
        double raw = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** Tick labels: whole numbers with thousands separators, fractions only when the step needs them. */
    static String number(double value) {
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, "%,.2f", value).replaceAll("0+$", "");
    }
}
