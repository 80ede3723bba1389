import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Renders assets/descent.png from the geometry of assets/descent.svg (ImageMagick here has no
 * SVG delegate). Run from the repository root: {@code java tools/package/MakeIcon.java [SIZE]}.
 */
public class MakeIcon {
    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        RoundRectangle2D tile = new RoundRectangle2D.Double(8, 8, 240, 240, 88, 88);
        g.setPaint(new RadialGradientPaint(0.62f * 256, 0.64f * 256, 0.75f * 256, new float[] {0f, 0.35f, 0.7f, 1f},
                new Color[] {new Color(0xfde725), new Color(0x35b779), new Color(0x31688e), new Color(0x440154)}));
        g.fill(tile);
        g.setClip(tile);
        g.setColor(new Color(255, 255, 255, 140));
        g.setStroke(new BasicStroke(4));
        AffineTransform rot = AffineTransform.getRotateInstance(Math.toRadians(-30), 158, 164);
        for (double[] r : new double[][] {{22, 14}, {50, 30}, {82, 50}, {118, 72}}) {
            g.draw(rot.createTransformedShape(new Ellipse2D.Double(158 - r[0], 164 - r[1], 2 * r[0], 2 * r[1])));
        }
        int[][] path = {{50, 58}, {92, 92}, {74, 118}, {120, 128}, {110, 148}, {146, 156}, {158, 164}};
        Path2D line = new Path2D.Double();
        line.moveTo(path[0][0], path[0][1]);
        for (int i = 1; i < path.length; i++) {
            line.lineTo(path[i][0], path[i][1]);
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        double[] radii = {11, 8, 8, 8, 7, 7};
        for (int i = 0; i < radii.length; i++) {
            g.fill(new Ellipse2D.Double(path[i][0] - radii[i], path[i][1] - radii[i], 2 * radii[i], 2 * radii[i]));
        }
        g.fill(new Ellipse2D.Double(158 - 14.5, 164 - 14.5, 29, 29));
        g.setColor(new Color(0xff7f0e));
        g.fill(new Ellipse2D.Double(158 - 9.5, 164 - 9.5, 19, 19));
        g.dispose();
        File out = new File("assets/descent.png");
        ImageIO.write(img, "png", out);
        System.out.println("wrote " + out + " (" + size + " px)");
    }
}
