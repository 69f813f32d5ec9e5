package be.permitarchive.store.internal;

import java.awt.image.BufferedImage;

/**
 * A page image made ready for {@link SearchablePdfWriter#addPage(PreparedImage, int, java.util.List)} on another
 * thread: the JPEG bytes of a greyscale or colour page (much smaller than its pixels while it waits), or a bilevel
 * page as it is. Made by {@link SearchablePdfWriter#prepare}.
 */
public record PreparedImage(BufferedImage bilevel, byte[] jpeg, int width, int height) {
}
