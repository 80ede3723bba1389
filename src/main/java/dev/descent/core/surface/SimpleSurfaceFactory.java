package dev.descent.core.surface;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.Params;

import java.util.List;
import java.util.function.Function;

/**
 * A catalogue entry built from its parts.
 *
 * @param name            registry name ("rosenbrock")
 * @param description     formula and teaching note for {@code list}
 * @param hyperParameters the parameters with defaults and ranges; empty when none
 * @param creator         reads and validates the parameters, builds the surface
 */
public record SimpleSurfaceFactory(String name, String description, List<HyperParameter> hyperParameters,
                                   Function<Params, Surface> creator) implements SurfaceFactory {

    public SimpleSurfaceFactory {
        hyperParameters = List.copyOf(hyperParameters);
    }

    @Override
    public Surface create(Params params) {
        return creator.apply(params);
    }
}
