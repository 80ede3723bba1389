package dev.descent.ui.export;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Reads exported images back with ImageIO (an independent decoder of what was written). */
public final class ImageChecks {
    private ImageChecks() {
    }

    public static BufferedImage png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not an image");
        }
        return image;
    }

    /** Distinct RGB colours in the image (a blank or single-colour export has 1). */
    public static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    /** What a GIF holds: frame count, the first frame's size, per-frame delays and the NETSCAPE loop count (-1 if none). */
    public record Gif(int frames, int width, int height, int[] delays, int loopCount) {
    }

    public static Gif gif(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int n = reader.getNumImages(true);
            int[] delays = new int[n];
            int loop = -1;
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays[i] = control == null ? -1 : Integer.parseInt(control.getAttribute("delayTime"));
                var apps = root.getElementsByTagName("ApplicationExtension");
                for (int k = 0; k < apps.getLength(); k++) {
                    IIOMetadataNode app = (IIOMetadataNode) apps.item(k);
                    if ("NETSCAPE".equals(app.getAttribute("applicationID"))
                            && "2.0".equals(app.getAttribute("authenticationCode"))) {
                        byte[] data = (byte[]) app.getUserObject();
                        loop = (data[1] & 0xff) | (data[2] & 0xff) << 8;
                    }
                }
            }
            BufferedImage first = reader.read(0);
            reader.dispose();
            return new Gif(n, first.getWidth(), first.getHeight(), delays, loop);
        }
    }
}
