package be.permitarchive.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Omgevingsloket project number: {@code OMV_} + year + 6 digits, wherever it stands. OCR may read the "O" as "0",
 * drop or space the underscore, or split the digits once.
 */
final class OmvNumberRule {

	private static final Pattern OMV = Pattern.compile("(?<![A-Za-z0-9])[O0o][Mm][Vv]\\s?[_ -]?\\s?((?:20)\\d{2})\\s?"
			+ "(\\d{6})(?!\\d)");

	/** The Omgevingsloket opened in 2017; later years are accepted up to {@code latestYear}. */
	private final int latestYear;

	OmvNumberRule(int latestYear) {
		this.latestYear = latestYear;
	}

	List<Extracted<String>> readings(PageView view) {
		List<Extracted<String>> readings = new ArrayList<>();
		Matcher m = OMV.matcher(view.flat);
		while (m.find()) {
			int year = Integer.parseInt(m.group(1));
			if (year < 2016 || year > latestYear) {
				continue;
			}
			String value = "OMV_" + m.group(1) + m.group(2);
			boolean exact = m.group().equals(value);
			readings.add(view.candidate(value, exact ? 0.97 : 0.85, "pattern:omv", m.start(), m.end()));
		}
		return readings;
	}

}
