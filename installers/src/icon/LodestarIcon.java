import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The Lodestar icon, drawn with Java2D at every size the installers need: a four-pointed guiding star
 * over a navy rounded square. Vector source of the icon; the files it writes are committed.
 *
 * <pre>java installers/src/icon/LodestarIcon.java installers/src/jpackage/icons</pre>
 *
 * writes lodestar-SIZE.png (16 … 1024), lodestar.png (256, Linux), lodestar.ico (16 … 256, Windows),
 * lodestar.icns (16 … 1024, macOS) and lodestar.svg (the large-size drawing as SVG, for documents and
 * the web); .ico and .icns hold PNG images, which both formats allow.
 */
public final class LodestarIcon {

    static final int[] PNG_SIZES = {16, 24, 32, 48, 64, 128, 256, 512, 1024};
    static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int s : PNG_SIZES) {
            png.put(s, png(draw(s)));
            Files.write(out.resolve("lodestar-" + s + ".png"), png.get(s));
        }
        Files.write(out.resolve("lodestar.png"), png.get(256));
        Files.write(out.resolve("lodestar.ico"), ico(png));
        Files.write(out.resolve("lodestar.icns"), icns(png));
        Files.writeString(out.resolve("lodestar.svg"), svg());
    }

    /** The same drawing as {@link #draw} at large sizes, as SVG in the 100-unit design space. */
    static String svg() {
        StringBuilder star = new StringBuilder();
        double[] c = new double[6];
        for (java.awt.geom.PathIterator it = star(50, 50, 38, 8.5).getPathIterator(null); !it.isDone(); it.next()) {
            int t = it.currentSegment(c);
            star.append(t == java.awt.geom.PathIterator.SEG_CLOSE ? "Z"
                    : String.format(java.util.Locale.ROOT, "%s%.2f %.2f ", t == java.awt.geom.PathIterator.SEG_MOVETO ? "M" : "L", c[0], c[1]));
        }
        return String.join("\n",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\" width=\"256\" height=\"256\">",
                "  <defs><linearGradient id=\"bg\" gradientUnits=\"userSpaceOnUse\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"100\">"
                        + "<stop offset=\"0\" stop-color=\"#1F3A68\"/><stop offset=\"1\" stop-color=\"#0E1D38\"/></linearGradient></defs>",
                "  <rect x=\"6\" y=\"6\" width=\"88\" height=\"88\" rx=\"11\" fill=\"url(#bg)\"/>",
                "  <circle cx=\"50\" cy=\"50\" r=\"27\" fill=\"none\" stroke=\"#5B8BD9\" stroke-width=\"3.2\"/>",
                "  <path d=\"" + star.toString().trim() + "\" fill=\"#FFC94A\"/>",
                "  <circle cx=\"50\" cy=\"50\" r=\"5\" fill=\"#FFFFFF\"/>",
                "</svg>", "");
    }

    /** The icon on a size × size canvas, drawn in a 100-unit design space. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 100.0, size / 100.0);
        boolean tiny = size <= 24;   // small sizes: fewer, bolder shapes
        double inset = tiny ? 2 : 6;
        g.setPaint(new GradientPaint(0, 0, new Color(0x1F3A68), 0, 100, new Color(0x0E1D38)));
        g.fill(new RoundRectangle2D.Double(inset, inset, 100 - 2 * inset, 100 - 2 * inset, 22, 22));
        if (!tiny) {
            // the ring the star guides across
            g.setColor(new Color(0x5B8BD9));
            g.setStroke(new BasicStroke(3.2f));
            g.draw(new Ellipse2D.Double(23, 23, 54, 54));
        }
        g.setColor(new Color(0xFFC94A));
        g.fill(star(50, 50, tiny ? 44 : 38, tiny ? 11 : 8.5));
        g.setColor(Color.WHITE);
        double r = tiny ? 6 : 5;
        g.fill(new Ellipse2D.Double(50 - r, 50 - r, 2 * r, 2 * r));
        g.dispose();
        return img;
    }

    /** A four-pointed star: long points up, down, left, right; waist {@code inner} from the centre. */
    static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < 8; i++) {
            double a = Math.PI / 4 * i - Math.PI / 2;
            double r = i % 2 == 0 ? outer : inner;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    /** ICO: a directory of entries, each a whole PNG (sizes of 256 are written as 0). */
    static byte[] ico(Map<Integer, byte[]> png) {
        int n = ICO_SIZES.length;
        int offset = 6 + 16 * n;
        int total = offset;
        for (int s : ICO_SIZES) {
            total += png.get(s).length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) n);
        for (int s : ICO_SIZES) {
            byte[] data = png.get(s);
            b.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s)).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32).putInt(data.length).putInt(offset);
            offset += data.length;
        }
        for (int s : ICO_SIZES) {
            b.put(png.get(s));
        }
        return b.array();
    }

    /** ICNS: big-endian chunks of PNG data under the OSType for each size. */
    static byte[] icns(Map<Integer, byte[]> png) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (Map.Entry<String, Integer> t : types.entrySet()) {
            byte[] data = png.get(t.getValue());
            d.writeBytes(t.getKey());
            d.writeInt(8 + data.length);
            d.write(data);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream a = new DataOutputStream(all);
        a.writeBytes("icns");
        a.writeInt(8 + body.size());
        a.write(body.toByteArray());
        return all.toByteArray();
    }
}
