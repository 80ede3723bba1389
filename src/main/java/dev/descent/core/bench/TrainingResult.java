package dev.descent.core.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One training-throughput measurement, as {@code bench --json} prints it. */
public record TrainingResult(String backend, int racers,
                             @JsonProperty("racer_steps_per_second") double racerStepsPerSecond) {
}
