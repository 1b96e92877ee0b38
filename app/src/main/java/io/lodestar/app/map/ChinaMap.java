package io.lodestar.app.map;

import io.lodestar.engine.api.client.Distribution;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.resources.region.GeoPoint;
import io.lodestar.resources.region.ProvinceShapes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.Line;
import javafx.scene.shape.SVGPath;

/**
 * China's province-level regions as JavaFX shapes, one {@link SVGPath} each (id {@code province-beijing}
 * …), coloured by style class per answer. The outlines are re-projected to pixels whenever the pane's
 * size changes, so lines stay one pixel wide and crisp at any window size. Layers, bottom up: the
 * South China Sea inset, provinces, traffic lines (a toggle), pie markers on split provinces,
 * endpoint markers, and a hover box ({@code #mapTooltip}).
 */
public final class ChinaMap extends Pane {

    /** Horizontal squeeze of the equirectangular projection (cos 35°: China's middle latitude). */
    private static final double X_SCALE = 0.82;
    private static final double PAD = 8;

    private final MapLayout layout;
    private final SVGPath[] provinces;
    private final Point2D[] capitals;
    private final SVGPath inset = new SVGPath();
    private final Group lineLayer = new Group();
    private final Group pieLayer = new Group();
    private final Group markerLayer = new Group();
    private final Label hover = new Label();
    private final double minLon;
    private final double maxLat;
    private final double width;
    private final double height;
    private double scale;
    private double ox;
    private double oy;
    private Function<String, String> tooltipText = a -> a;
    private Consumer<String> onPick = a -> { };
    private MapFrame frame;
    private int ispChoice;
    private EndpointPalette palette = new EndpointPalette();
    private List<EndpointInfo> endpoints = List.of();
    private String selected = "";

    public ChinaMap(MapLayout layout) {
        this.layout = layout;
        getStyleClass().add("ls-map");
        ProvinceShapes shapes = layout.shapes();
        double lo = Double.MAX_VALUE;
        double la = -Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        double lb = Double.MAX_VALUE;
        List<ProvinceShapes.Shape> all = new ArrayList<>(shapes.shapes().values());
        all.add(shapes.southChinaSeaInset());
        for (ProvinceShapes.Shape s : all) {
            lo = Math.min(lo, s.minLon());
            hi = Math.max(hi, s.maxLon());
            la = Math.max(la, s.maxLat());
            lb = Math.min(lb, s.minLat());
        }
        minLon = lo;
        maxLat = la;
        width = (hi - lo) * X_SCALE;
        height = la - lb;

        inset.getStyleClass().add("ls-map-inset");
        inset.setFillRule(FillRule.EVEN_ODD);
        getChildren().add(inset);
        int n = layout.provinces().size();
        provinces = new SVGPath[n];
        capitals = new Point2D[n];
        // large regions first, so a tiny one (Macau) lies on top of a neighbour's simplified coast
        List<ProvinceShapes.Shape> order = new ArrayList<>(shapes.smallestFirst());
        java.util.Collections.reverse(order);
        for (ProvinceShapes.Shape s : order) {
            int p = layout.provinceIndex(s.area());
            SVGPath path = new SVGPath();
            path.setId("province-" + s.area().substring(0, s.area().indexOf('.')));
            path.setFillRule(FillRule.EVEN_ODD);
            path.getStyleClass().setAll("ls-map-province", "ls-map-none");
            String area = s.area();
            path.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> showHover(area, e));
            path.addEventHandler(MouseEvent.MOUSE_MOVED, e -> moveHover(e));
            path.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setVisible(false));
            path.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> onPick.accept(area));
            provinces[p] = path;
            getChildren().add(path);
        }
        lineLayer.setMouseTransparent(true);
        pieLayer.setMouseTransparent(true);
        markerLayer.setMouseTransparent(true); // the province below keeps its hover box and click
        lineLayer.setVisible(false);
        hover.setId("mapTooltip");
        hover.getStyleClass().add("ls-map-tooltip");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        hover.setManaged(false);
        getChildren().addAll(lineLayer, pieLayer, markerLayer, hover);
        setMinSize(200, 150);
        setPrefSize(760, 560);
    }

    /** The text shown while the pointer is over a province. */
    public void setTooltipText(Function<String, String> f) {
        tooltipText = f;
    }

    /** Called with the area code of a clicked province. */
    public void setOnPick(Consumer<String> c) {
        onPick = c;
    }

    public void setLinesVisible(boolean visible) {
        lineLayer.setVisible(visible);
    }

    /** The province path of an area code, for tests and exports. */
    public Optional<SVGPath> province(String area) {
        int p = layout.provinceIndex(area);
        return p < 0 ? Optional.empty() : Optional.of(provinces[p]);
    }

    /** The hover box (shown while the pointer is over a province). */
    public Label hoverBox() {
        return hover;
    }

    private void showHover(String area, MouseEvent e) {
        hover.setText(tooltipText.apply(area));
        hover.setVisible(true);
        moveHover(e);
    }

    private void moveHover(MouseEvent e) {
        Point2D p = sceneToLocal(e.getSceneX(), e.getSceneY());
        hover.autosize();
        double x = p.getX() + 14;
        double y = p.getY() + 14;
        if (x + hover.getWidth() > getWidth()) {
            x = Math.max(0, p.getX() - 14 - hover.getWidth());
        }
        if (y + hover.getHeight() > getHeight()) {
            y = Math.max(0, p.getY() - 14 - hover.getHeight());
        }
        hover.relocate(x, y);
    }

    /**
     * Colours every province by its main answer for the ISP choice; split provinces get a pie marker.
     * With {@code before} given, provinces whose answers differ from it are outlined (compare mode).
     */
    public void paint(MapFrame f, int ispChoice, EndpointPalette palette, MapFrame before) {
        this.frame = f;
        this.ispChoice = ispChoice;
        this.palette = palette;
        for (int p = 0; p < provinces.length; p++) {
            String colour = palette.styleClass(f.dominant(p, ispChoice));
            boolean changed = before != null && f.differs(before, p, ispChoice);
            String area = layout.provinces().get(p);
            javafx.collections.ObservableList<String> classes = provinces[p].getStyleClass();
            if (!classes.get(1).equals(colour) || classes.size() != 2 || changed || area.equals(selected)) {
                List<String> want = new ArrayList<>(4);
                want.add("ls-map-province");
                want.add(colour);
                if (changed) {
                    want.add("ls-map-changed");
                }
                if (area.equals(selected)) {
                    want.add("ls-map-selected");
                }
                if (!classes.equals(want)) {
                    classes.setAll(want);
                }
            }
        }
        drawPies();
        drawLines();
        drawMarkers();
    }

    /** Outlines the province whose panel is open ({@code ""} for none). */
    public void select(String area) {
        selected = area;
        if (frame != null) {
            paint(frame, ispChoice, palette, null);
        }
    }

    /** The endpoints to mark at their area's location, red when failing. */
    public void setEndpoints(List<EndpointInfo> endpoints) {
        this.endpoints = List.copyOf(endpoints);
        drawMarkers();
    }

    @Override
    protected void layoutChildren() {
        double s = Math.max(0.1, Math.min((getWidth() - 2 * PAD) / width, (getHeight() - 2 * PAD) / height));
        double x = (getWidth() - width * s) / 2;
        double y = (getHeight() - height * s) / 2;
        if (s != scale || x != ox || y != oy) {
            scale = s;
            ox = x;
            oy = y;
            project();
        }
        super.layoutChildren();
    }

    private Point2D at(double lon, double lat) {
        return new Point2D(ox + (lon - minLon) * X_SCALE * scale, oy + (maxLat - lat) * scale);
    }

    private String svg(ProvinceShapes.Shape s) {
        StringBuilder b = new StringBuilder(s.rings().size() * 200);
        for (ProvinceShapes.Ring r : s.rings()) {
            for (int i = 0; i < r.size(); i++) {
                Point2D p = at(r.lon(i), r.lat(i));
                b.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", p.getX(), p.getY()));
            }
            b.append('Z');
        }
        return b.toString();
    }

    private void project() {
        inset.setContent(svg(layout.shapes().southChinaSeaInset()));
        for (int p = 0; p < provinces.length; p++) {
            String area = layout.provinces().get(p);
            provinces[p].setContent(svg(layout.shapes().shape(area).orElseThrow()));
            GeoPoint c = layout.regions().requireArea(area).point().orElseThrow();
            capitals[p] = at(c.lon(), c.lat());
        }
        drawPies();
        drawLines();
        drawMarkers();
    }

    private Optional<Point2D> pointOf(String area) {
        return layout.regions().area(area).flatMap(a -> layout.regions().referencePoint(a.index()))
                .filter(g -> g.lon() > 70 && g.lon() < 140 && g.lat() > 15 && g.lat() < 56)
                .map(g -> at(g.lon(), g.lat()));
    }

    private void drawPies() {
        pieLayer.getChildren().clear();
        if (frame == null || capitals[0] == null) {
            return;
        }
        double r = Math.max(4, Math.min(9, scale * 0.45));
        for (int p = 0; p < provinces.length; p++) {
            if (!frame.split(p, ispChoice)) {
                continue;
            }
            double start = 90;
            for (Distribution.Share s : frame.shares(p, ispChoice)) {
                Arc a = new Arc(capitals[p].getX(), capitals[p].getY(), r, r, start, -360 * s.share());
                a.setType(ArcType.ROUND);
                a.getStyleClass().addAll("ls-map-pie", palette.styleClass(s.endpoint()));
                pieLayer.getChildren().add(a);
                start -= 360 * s.share();
            }
        }
    }

    private void drawLines() {
        lineLayer.getChildren().clear();
        if (frame == null || capitals[0] == null) {
            return;
        }
        Map<String, String> areaOf = new HashMap<>();
        endpoints.forEach(e -> areaOf.put(e.endpoint(), e.area()));
        for (int p = 0; p < provinces.length; p++) {
            String to = frame.dominant(p, ispChoice);
            Optional<Point2D> target = Optional.ofNullable(areaOf.get(to)).flatMap(this::pointOf);
            if (target.isEmpty() || target.get().distance(capitals[p]) < 1) {
                continue;
            }
            Line l = new Line(capitals[p].getX(), capitals[p].getY(), target.get().getX(), target.get().getY());
            l.getStyleClass().add("ls-map-line");
            lineLayer.getChildren().add(l);
        }
    }

    private void drawMarkers() {
        markerLayer.getChildren().clear();
        if (capitals[0] == null) {
            return;
        }
        Map<String, Integer> perArea = new HashMap<>();
        double r = Math.max(4, Math.min(7, scale * 0.3));
        for (EndpointInfo e : endpoints) {
            Optional<Point2D> at = pointOf(e.area());
            if (at.isEmpty()) {
                continue;
            }
            int k = perArea.merge(e.area(), 1, Integer::sum) - 1;
            Circle c = new Circle(at.get().getX() + k * (2 * r + 2), at.get().getY() - 2 * r, r);
            c.setId("marker-" + e.endpoint());
            c.getStyleClass().addAll("ls-map-marker", palette.styleClass(e.endpoint()),
                    "fail".equals(e.status()) ? "ls-map-marker-fail" : "ls-map-marker-ok");
            markerLayer.getChildren().add(c);
        }
    }
}
