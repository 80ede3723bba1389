package dev.descent.ui.view3d;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;

/** A 3-D view of the surface and the racers' paths. */
public interface View3D {
    String ID = "view3d";

    /** Shows the surface (rebuilt only when surface, window or scale change) and the frame's paths. */
    void show(Surface surface, ViewWindow window, boolean logScale, RaceSnapshot frame);
}
