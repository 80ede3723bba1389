package dev.descent.ui.export;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An animated GIF written frame by frame with the JDK's ImageIO GIF writer (which reduces each
 * RGB frame to a 256-colour palette). Each frame carries a Graphic Control Extension with its
 * delay in 1/100 s; the first also carries the NETSCAPE2.0 application extension that makes
 * viewers loop (GIF89a specification; loop count 0 = for ever).
 */
public final class AnimatedGif implements Closeable {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private int frames;

    /** Starts a GIF on {@code out} (not closed by {@link #close()}). */
    public AnimatedGif(OutputStream out) throws IOException {
        var writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("no GIF writer available");
        }
        writer = writers.next();
        stream = ImageIO.createImageOutputStream(out);
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
    }

    /** Appends a frame shown for {@code delayCentiseconds} (1/100 s, >= 1). */
    public void add(BufferedImage frame, int delayCentiseconds) throws IOException {
        if (delayCentiseconds < 1 || delayCentiseconds > 65_535) {
            throw new IllegalArgumentException("delay must be in [1, 65535] centiseconds, was " + delayCentiseconds);
        }
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        if (frames == 0) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            // sub-block 1, then the loop count as little-endian 16 bits: 0 loops for ever
            app.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(app);
        }
        try {
            meta.setFromTree(FORMAT, root);
        } catch (IIOInvalidTreeException e) {
            throw new IOException("GIF metadata rejected: " + e.getMessage(), e);
        }
        writer.writeToSequence(new IIOImage(frame, null, meta), param);
        frames++;
    }

    /** Frames written so far. */
    public int frames() {
        return frames;
    }

    /** Ends the GIF (trailer) and flushes it. */
    @Override
    public void close() throws IOException {
        try {
            writer.endWriteSequence();
            stream.flush();
        } finally {
            writer.dispose();
            stream.close();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
