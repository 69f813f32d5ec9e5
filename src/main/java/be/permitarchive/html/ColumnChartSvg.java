package be.permitarchive.html;

import java.util.List;

/**
 * A column chart as inline SVG (time on the horizontal axis: weeks, confidence bands): no script, no external resource,
 * prints as vectors. Values are written above the columns while they fit; labels below are thinned out so they never
 * overlap.
 */
public final class ColumnChartSvg {

	private static final int WIDTH = 460;

	private static final int HEIGHT = 220;

	private static final int TOP = 22;

	private static final int BOTTOM = 34;

	private static final int LEFT = 8;

	private static final int RIGHT = 8;

	/** The room one label needs along the axis, in the chart's units. */
	private static final int LABEL_ROOM = 44;

	/** Columns narrower than this get no value above them. */
	private static final double VALUE_ROOM = 26;

	/** A column is never wider than this, so a campaign of one week does not draw a wall. */
	private static final double MAX_BAR = 56;

	/**
	 * One column; {@code cssClass} colours it (see the report's style sheet); {@code text} is the value as written
	 * above it and in its tooltip (the value itself when null).
	 */
	public record Column(String label, long value, String cssClass, String text) {

		public Column(String label, long value, String cssClass) {
			this(label, value, cssClass, null);
		}

		String shown() {
			return (this.text != null) ? this.text : String.valueOf(this.value);
		}

	}

	private ColumnChartSvg() {
	}

	/** The chart, or the {@code emptyText} in a paragraph when there is nothing to draw. */
	public static String render(String title, List<Column> columns, String emptyText) {
		if (columns.isEmpty() || columns.stream().allMatch((c) -> c.value() == 0)) {
			return "<p class=\"chart-empty\">" + Html.escape(emptyText) + "</p>";
		}
		long max = columns.stream().mapToLong(Column::value).max().orElse(1);
		double slot = (double) (WIDTH - LEFT - RIGHT) / columns.size();
		double bar = Math.min(MAX_BAR, Math.max(1, slot * 0.72));
		int plot = HEIGHT - TOP - BOTTOM;
		int every = (int) Math.max(1, Math.ceil(LABEL_ROOM / slot));
		StringBuilder svg = new StringBuilder();
		svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
			.append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">")
			.append("<title>").append(Html.escape(title)).append("</title>");
		int axis = TOP + plot;
		svg.append("<line class=\"chart-axis\" x1=\"").append(LEFT).append("\" y1=\"").append(axis)
			.append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(axis).append("\"/>");
		for (int i = 0; i < columns.size(); i++) {
			Column column = columns.get(i);
			double x = LEFT + i * slot + (slot - bar) / 2;
			double height = (max == 0) ? 0 : (double) plot * column.value() / max;
			if (column.value() > 0) {
				height = Math.max(2, height);
			}
			svg.append("<rect class=\"").append(column.cssClass()).append("\" x=\"").append(fmt(x))
				.append("\" y=\"").append(fmt(axis - height)).append("\" width=\"").append(fmt(bar))
				.append("\" height=\"").append(fmt(height)).append("\" rx=\"1\"><title>")
				.append(Html.escape(column.label() + ": " + column.shown()))
				.append("</title></rect>");
			double middle = LEFT + i * slot + slot / 2;
			if (slot >= VALUE_ROOM && column.value() > 0) {
				svg.append("<text class=\"chart-value\" x=\"").append(fmt(middle)).append("\" y=\"")
					.append(fmt(axis - height - 6))
					.append("\" text-anchor=\"middle\">")
					.append(Html.escape(column.shown()))
					.append("</text>");
			}
			if (i % every == 0) {
				svg.append("<text class=\"chart-label\" x=\"").append(fmt(middle)).append("\" y=\"")
					.append(axis + 20)
					.append("\" text-anchor=\"middle\">")
					.append(Html.escape(column.label()))
					.append("</text>");
			}
		}
		return svg.append("</svg>").toString();
	}

	private static String fmt(double value) {
		return String.valueOf(Math.round(value * 10) / 10.0);
	}

}
