package be.permitarchive.samples;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import be.permitarchive.samples.SampleDossier.Effect;
import be.permitarchive.samples.SampleDossier.Page;
import be.permitarchive.samples.SampleDossier.PlanSpec;
import be.permitarchive.samples.SampleDossier.Typeface;

/** Collects the pages of one stream (scanned paper or born-digital export) in order, then adds scan defects. */
final class Pages {

	final Typeface face;

	private final Random random;

	private final boolean digital;

	private List<Page> pages = new ArrayList<>();

	Pages(Random random, Typeface face) {
		this(random, face, false);
	}

	Pages(Random random, Typeface face, boolean digital) {
		this.random = random;
		this.face = face;
		this.digital = digital;
	}

	void text(List<String> lines, Set<Effect> effects) {
		boolean clean = !effects.contains(Effect.CARBON_FADE) && !effects.contains(Effect.BLUR);
		pages.add(new Page(digital ? "text-layer" : "text", lines, 0, 0.0, clean, face,
				digital ? Set.of() : effects, random.nextLong(), null));
	}

	void sheet(Sheet sheet, int maxLines, Set<Effect> effects) {
		for (List<String> lines : sheet.pages(maxLines)) {
			text(lines, effects);
		}
	}

	void plan(List<String> lines, PlanSpec spec) {
		pages.add(new Page("plan", lines, 0, 0.0, false, Typeface.SANS, Set.of(), random.nextLong(), spec));
	}

	void photo(List<String> caption) {
		pages.add(new Page("photo", caption, 0, 0.0, false, Typeface.SANS, Set.of(), random.nextLong(), null));
	}

	/** Skews one text page by 2-3 degrees and turns one page upside down, as the features say. */
	void defects(Layouts.Features features, Random random) {
		double degrees = (2.0 + random.nextInt(11) / 10.0) * (random.nextBoolean() ? 1 : -1);
		int skew = features.skewPage();
		if (skew >= 0 && skew < pages.size() && "text".equals(pages.get(skew).kind())) {
			Page p = pages.get(skew);
			pages.set(skew, new Page(p.kind(), p.lines(), p.rotation(), degrees, false, p.typeface(), p.effects(),
					p.noiseSeed(), p.plan()));
		}
		int flip = features.upsideDownPage();
		if (flip >= 0 && flip < pages.size()) {
			Page p = pages.get(flip);
			pages.set(flip, new Page(p.kind(), p.lines(), 180, p.skewDegrees(), false, p.typeface(), p.effects(),
					p.noiseSeed(), p.plan()));
		}
	}

	/** Inserts the blank back of a duplex sheet after a page with the given chance, or after {@code forcedAfter}. */
	void duplexBacks(double probability, int forcedAfter) {
		List<Page> withBacks = new ArrayList<>();
		for (int i = 0; i < pages.size(); i++) {
			withBacks.add(pages.get(i));
			boolean back = random.nextDouble() < probability;
			if (back || i == forcedAfter) {
				withBacks.add(new Page("blank", List.of(), 0, 0.0, false, face, EnumSet.noneOf(Effect.class),
						random.nextLong(), null));
			}
		}
		pages = withBacks;
	}

	List<Page> pages() {
		return List.copyOf(pages);
	}

}
