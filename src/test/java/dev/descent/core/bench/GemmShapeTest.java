package dev.descent.core.bench;

import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GemmShapeTest {

    @Test
    void parsesMByKByNWithOptionalBatch() {
        assertEquals(new GemmShape(256, 64, 1024, 1), GemmShape.parse("256x1024x64"));
        assertEquals(new GemmShape(200, 16, 2, 4096), GemmShape.parse("200X2x16x4096"));
    }

    @Test
    void badShapesNameTheText() {
        ConfigException e = assertThrows(ConfigException.class, () -> GemmShape.parse("12x3"));
        assertEquals("shape must be MxKxN or MxKxNxBATCH, was '12x3'", e.getMessage());
        assertThrows(ConfigException.class, () -> GemmShape.parse("axbxc"));
        assertThrows(ConfigException.class, () -> GemmShape.parse("0x4x4"));
    }

    @Test
    void standardShapesIncludeTheIssuesMlpShapes() {
        assertEquals(true, GemmShape.STANDARD.contains(new GemmShape(64, 64, 1024, 1)));
        assertEquals(true, GemmShape.STANDARD.contains(new GemmShape(256, 64, 64, 64)));
        assertEquals("[200x2]·[2x16] x4096", new GemmShape(200, 16, 2, 4096).label());
    }
}
