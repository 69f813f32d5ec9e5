package be.permitarchive.messages;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one message bundle for what people read: Dutch by default ({@code messages.properties}), English with
 * {@code --lang en} ({@code messages_en.properties}). The JVM's own locale never picks the language.
 */
public final class Messages {

	private final ResourceBundle bundle;

	private final Locale locale;

	private Messages(ResourceBundle bundle, Locale locale) {
		this.bundle = bundle;
		this.locale = locale;
	}

	public static Messages of(String language) {
		Locale locale = "en".equalsIgnoreCase(language) ? Locale.ENGLISH : new Locale("nl", "BE");
		ResourceBundle bundle = ResourceBundle.getBundle("messages",
				Locale.ENGLISH.equals(locale) ? Locale.ENGLISH : Locale.ROOT,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		return new Messages(bundle, locale);
	}

	public ResourceBundle bundle() {
		return this.bundle;
	}

	public Locale locale() {
		return this.locale;
	}

	public String get(String key, Object... args) {
		try {
			String pattern = this.bundle.getString(key);
			String text = (args.length == 0) ? pattern : new MessageFormat(pattern, this.locale).format(args);
			return text.replace("%n", System.lineSeparator());
		}
		catch (MissingResourceException ex) {
			return key;
		}
	}

	/** A moment as people read it: local time, in the format of their language ({@code format.dateTime}). */
	public String dateTime(Instant instant) {
		return dateTime(instant, get("format.dateTime"), this.locale);
	}

	/** {@code instant} in the system's time zone, formatted with {@code pattern} for {@code locale}. */
	public static String dateTime(Instant instant, String pattern, Locale locale) {
		return DateTimeFormatter.ofPattern(pattern, locale).withZone(ZoneId.systemDefault()).format(instant);
	}

	public boolean has(String key) {
		return this.bundle.containsKey(key);
	}

}
