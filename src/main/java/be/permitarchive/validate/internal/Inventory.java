package be.permitarchive.validate.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.Set;

import be.permitarchive.validate.Rule;

/**
 * Every entry under the payload folder, walked without following links and with a cap on the number of files, before
 * anything is opened: symlinks (which may point out of the delivery or loop), names that are not valid UTF-8 or carry
 * control characters, over-long names, and absurd file counts.
 */
public final class Inventory {

	private final Set<Path> regularFiles = new LinkedHashSet<>();

	private final Set<Path> links = new LinkedHashSet<>();

	private final Set<Path> badNames = new LinkedHashSet<>();

	private boolean tooMany;

	private Inventory() {
	}

	/** Walks {@code payload}; paths are kept relative to {@code base}. */
	public static Inventory take(Path base, Path payload, int maxFiles, int maxNameLength, Findings findings)
			throws IOException {
		Inventory inventory = new Inventory();
		Files.walkFileTree(payload, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				if (!dir.equals(payload) && dir.getFileName().toString().startsWith(".")) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				if (!dir.equals(payload)) {
					inventory.checkName(base, payload, dir, maxNameLength, findings);
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				if (file.getFileName().toString().startsWith(".")) {
					return FileVisitResult.CONTINUE;
				}
				if (inventory.regularFiles.size() + inventory.links.size() >= maxFiles) {
					inventory.tooMany = true;
					findings.delivery(Rule.PACKAGE_TOO_MANY_FILES, maxFiles);
					return FileVisitResult.TERMINATE;
				}
				Path relative = base.relativize(file);
				if (attrs.isSymbolicLink()) {
					inventory.links.add(relative);
					findings.file(Rule.PACKAGE_SYMLINK, dossier(payload, file), name(payload, file), target(file));
				}
				else if (attrs.isRegularFile()) {
					inventory.regularFiles.add(relative);
				}
				inventory.checkName(base, payload, file, maxNameLength, findings);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) {
				inventory.badNames.add(base.relativize(file));
				findings.file(Rule.FILE_NAME_INVALID, dossier(payload, file), name(payload, file), ex.getMessage());
				return FileVisitResult.CONTINUE;
			}

		});
		return inventory;
	}

	private void checkName(Path base, Path payload, Path path, int maxNameLength, Findings findings) {
		String name = path.getFileName().toString();
		if (name.indexOf('\uFFFD') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
			this.badNames.add(base.relativize(path));
			findings.file(Rule.FILE_NAME_INVALID, dossier(payload, path), name(payload, path), printable(name));
		}
		else if (name.length() > maxNameLength) {
			findings.file(Rule.FILE_NAME_TOO_LONG, dossier(payload, path), name(payload, path), name.length(),
					maxNameLength);
		}
	}

	static String printable(String name) {
		StringBuilder out = new StringBuilder();
		name.codePoints().forEach((c) -> {
			if (c == 0xFFFD || Character.isISOControl(c)) {
				out.append('?');
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

	private static String target(Path link) {
		try {
			return Files.readSymbolicLink(link).toString();
		}
		catch (IOException ex) {
			return "?";
		}
	}

	/** The dossier folder of a path under the payload folder, or null for a path directly in it. */
	static String dossier(Path payload, Path path) {
		Path relative = payload.relativize(path);
		return (relative.getNameCount() > 1) ? printable(relative.getName(0).toString()) : null;
	}

	/** The path relative to the payload folder, printable. */
	static String name(Path payload, Path path) {
		return printable(payload.relativize(path).toString());
	}

	public Set<Path> regularFiles() {
		return this.regularFiles;
	}

	public boolean isLink(Path relative) {
		return this.links.contains(relative);
	}

	public boolean hasBadName(Path relative) {
		return this.badNames.contains(relative);
	}

	public boolean tooMany() {
		return this.tooMany;
	}

}
