package be.permitarchive.html;

import java.util.List;

/** A horizontal bar chart as inline SVG: no script, no external resource, prints as vectors. */
public final class BarChartSvg {

	private static final int WIDTH = 460;

	private static final int VALUE_WIDTH = 44;

	private static final int ROW = 28;

	private static final int BAR = 16;

	/** Roughly the advance of one character of the 13 px label font. */
	private static final double CHAR_WIDTH = 7.2;

	private static final int MAX_LABEL = 26;

	/** One bar; {@code cssClass} colours it (see the report's style sheet). */
	public record Bar(String label, long value, String cssClass) {
	}

	private BarChartSvg() {
	}

	/** The chart, or the {@code emptyText} in a paragraph when there is nothing to draw. */
	public static String render(String title, List<Bar> bars, String emptyText) {
		if (bars.isEmpty()) {
			return "<p class=\"chart-empty\">" + Html.escape(emptyText) + "</p>";
		}
		long max = bars.stream().mapToLong(Bar::value).max().orElse(1);
		int height = bars.size() * ROW + 8;
		int longest = bars.stream().mapToInt((bar) -> shorten(bar.label()).length()).max().orElse(0);
		int labelWidth = (int) Math.min(200, Math.max(60, Math.ceil(longest * CHAR_WIDTH) + 14));
		int track = WIDTH - labelWidth - VALUE_WIDTH;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
			.append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">")
			.append("<title>").append(Html.escape(title)).append("</title>");
		int y = 4;
		for (Bar bar : bars) {
			int length = (max == 0) ? 0 : (int) Math.max(2, Math.round((double) track * bar.value() / max));
			int middle = y + ROW / 2;
			svg.append("<text class=\"chart-label\" x=\"").append(labelWidth - 10).append("\" y=\"").append(middle)
				.append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
				.append(Html.escape(shorten(bar.label())))
				.append("</text>");
			svg.append("<rect class=\"chart-track\" x=\"").append(labelWidth).append("\" y=\"")
				.append(middle - BAR / 2).append("\" width=\"").append(track).append("\" height=\"").append(BAR)
				.append("\" rx=\"2\"/>");
			svg.append("<rect class=\"").append(bar.cssClass()).append("\" x=\"").append(labelWidth).append("\" y=\"")
				.append(middle - BAR / 2).append("\" width=\"").append(length).append("\" height=\"").append(BAR)
				.append("\" rx=\"2\"/>");
			svg.append("<text class=\"chart-value\" x=\"").append(labelWidth + track + 8).append("\" y=\"")
				.append(middle).append("\" dominant-baseline=\"middle\">").append(bar.value()).append("</text>");
			y += ROW;
		}
		return svg.append("</svg>").toString();
	}

	private static String shorten(String label) {
		return (label.length() <= MAX_LABEL) ? label : label.substring(0, MAX_LABEL - 1) + "\u2026";
	}

}
