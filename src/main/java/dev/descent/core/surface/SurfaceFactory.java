package dev.descent.core.surface;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.Params;

import java.util.List;

/** Creates one catalogue surface from its parameters. */
public interface SurfaceFactory {

    String name();

    /** One line for {@code list}: formula and teaching note. */
    String description();

    List<HyperParameter> hyperParameters();

    /** Reads and validates the parameters (the caller rejects unknown keys afterwards). */
    Surface create(Params params);
}
