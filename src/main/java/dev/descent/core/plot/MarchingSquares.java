package dev.descent.core.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Contour lines of a {@link SurfaceGrid} by marching squares (Lorensen and Cline 1987, the
 * 2-D case of marching cubes).
 *
 * <p>Each grid cell is classified by which of its four corners lie at or above the level;
 * the line crosses every cell edge whose ends differ, at the linearly interpolated point
 * {@code t = (level - v_a)/(v_b - v_a)}. The two ambiguous (saddle) cells, where diagonal
 * corners agree, are resolved by the centre value, the mean of the four corners: when it is
 * on the same side as a diagonal pair, that pair is joined through the middle. Cells that
 * touch a NaN corner are skipped, so lines end there. Crossing points are identified by
 * their grid edge, which joins the segments of neighbouring cells into polylines exactly,
 * without comparing coordinates.
 */
public final class MarchingSquares {

    private MarchingSquares() {
    }

    /** The polylines (surface coordinates) where the grid crosses {@code level}; empty when it never does. */
    public static List<Polyline> contour(SurfaceGrid grid, double level) {
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("level must be finite, was " + level);
        }
        return new Tracer(grid, level).trace();
    }

    /** One contour per level, in the order given. */
    public static List<List<Polyline>> contours(SurfaceGrid grid, double[] levels) {
        List<List<Polyline>> out = new ArrayList<>(levels.length);
        for (double level : levels) {
            out.add(contour(grid, level));
        }
        return out;
    }

    /** Segment collection and joining for one level. */
    private static final class Tracer {
        private final SurfaceGrid grid;
        private final double level;
        private final int nx;
        private final int horizontalEdges;
        private int[] segmentA = new int[64];
        private int[] segmentB = new int[64];
        private int segments;

        Tracer(SurfaceGrid grid, double level) {
            this.grid = grid;
            this.level = level;
            this.nx = grid.nx();
            this.horizontalEdges = (grid.nx() - 1) * grid.ny();
        }

        List<Polyline> trace() {
            for (int j = 0; j < grid.ny() - 1; j++) {
                for (int i = 0; i < nx - 1; i++) {
                    cell(i, j);
                }
            }
            return join();
        }

        /** Edge ids: horizontal (i,j)-(i+1,j) first, then vertical (i,j)-(i,j+1). */
        private int horizontal(int i, int j) {
            return j * (nx - 1) + i;
        }

        private int vertical(int i, int j) {
            return horizontalEdges + j * nx + i;
        }

        private void cell(int i, int j) {
            double v00 = grid.value(i, j);
            double v10 = grid.value(i + 1, j);
            double v11 = grid.value(i + 1, j + 1);
            double v01 = grid.value(i, j + 1);
            if (Double.isNaN(v00) || Double.isNaN(v10) || Double.isNaN(v11) || Double.isNaN(v01)) {
                return;
            }
            boolean b0 = v00 >= level;
            boolean b1 = v10 >= level;
            boolean b2 = v11 >= level;
            boolean b3 = v01 >= level;
            int bottom = horizontal(i, j);
            int top = horizontal(i, j + 1);
            int left = vertical(i, j);
            int right = vertical(i + 1, j);
            if (b0 == b2 && b1 == b3 && b0 != b1) {
                boolean centreAbove = (v00 + v10 + v11 + v01) / 4 >= level;
                if (b0 != centreAbove) {
                    add(left, bottom);   // corners 00 and 11 cut off
                    add(right, top);
                } else {
                    add(bottom, right);  // corners 10 and 01 cut off
                    add(top, left);
                }
                return;
            }
            int first = -1;
            int[] crossed = {b0 != b1 ? bottom : -1, b1 != b2 ? right : -1, b3 != b2 ? top : -1, b0 != b3 ? left : -1};
            for (int edge : crossed) {
                if (edge < 0) {
                    continue;
                }
                if (first < 0) {
                    first = edge;
                } else {
                    add(first, edge);
                }
            }
        }

        private void add(int a, int b) {
            if (segments == segmentA.length) {
                segmentA = Arrays.copyOf(segmentA, segments * 2);
                segmentB = Arrays.copyOf(segmentB, segments * 2);
            }
            segmentA[segments] = a;
            segmentB[segments] = b;
            segments++;
        }

        private List<Polyline> join() {
            int edges = horizontalEdges + nx * (grid.ny() - 1);
            int[] firstAt = new int[edges];
            int[] secondAt = new int[edges];
            Arrays.fill(firstAt, -1);
            Arrays.fill(secondAt, -1);
            for (int s = 0; s < segments; s++) {
                link(firstAt, secondAt, segmentA[s], s);
                link(firstAt, secondAt, segmentB[s], s);
            }
            boolean[] used = new boolean[segments];
            List<Polyline> out = new ArrayList<>();
            // open lines start at an edge that only one segment touches (border or NaN cell)
            for (int s = 0; s < segments; s++) {
                for (int end : new int[] {segmentA[s], segmentB[s]}) {
                    if (!used[s] && secondAt[end] < 0) {
                        keep(out, walk(end, s, firstAt, secondAt, used));
                    }
                }
            }
            for (int s = 0; s < segments; s++) {
                if (!used[s]) {
                    keep(out, walk(segmentA[s], s, firstAt, secondAt, used));
                }
            }
            return out;
        }

        /** Drops lines that collapsed to a single point (a level touching a grid node only). */
        private static void keep(List<Polyline> out, Polyline line) {
            if (line.size() >= 2) {
                out.add(line);
            }
        }

        private static void link(int[] firstAt, int[] secondAt, int edge, int segment) {
            if (firstAt[edge] < 0) {
                firstAt[edge] = segment;
            } else {
                secondAt[edge] = segment;
            }
        }

        private Polyline walk(int startEdge, int startSegment, int[] firstAt, int[] secondAt, boolean[] used) {
            List<Integer> path = new ArrayList<>();
            path.add(startEdge);
            int edge = startEdge;
            int segment = startSegment;
            while (segment >= 0 && !used[segment]) {
                used[segment] = true;
                edge = segmentA[segment] == edge ? segmentB[segment] : segmentA[segment];
                path.add(edge);
                int next = firstAt[edge] == segment ? secondAt[edge] : firstAt[edge];
                segment = next;
            }
            boolean closed = edge == startEdge && path.size() > 2;
            double[] xs = new double[path.size()];
            double[] ys = new double[path.size()];
            int n = 0;
            for (int edgeId : path) {
                point(edgeId, xs, ys, n);
                // a level equal to a node's value puts the crossings of two edges on the node
                if (n == 0 || xs[n] != xs[n - 1] || ys[n] != ys[n - 1]) {
                    n++;
                }
            }
            return new Polyline(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), closed);
        }

        /** The interpolated crossing on an edge. */
        private void point(int edge, double[] xs, double[] ys, int k) {
            if (edge < horizontalEdges) {
                int j = edge / (nx - 1);
                int i = edge % (nx - 1);
                double t = fraction(grid.value(i, j), grid.value(i + 1, j));
                xs[k] = grid.x(i) + t * (grid.x(i + 1) - grid.x(i));
                ys[k] = grid.y(j);
            } else {
                int id = edge - horizontalEdges;
                int j = id / nx;
                int i = id % nx;
                double t = fraction(grid.value(i, j), grid.value(i, j + 1));
                xs[k] = grid.x(i);
                ys[k] = grid.y(j) + t * (grid.y(j + 1) - grid.y(j));
            }
        }

        private double fraction(double a, double b) {
            return (level - a) / (b - a);
        }
    }
}
