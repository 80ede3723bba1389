package dev.descent.ui.main;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FpsLogTest {
    private static final long MS = 1_000_000L;

    @Test
    void writesOneLinePerSecondWithFramesCountedSinceTheLastLine() throws IOException {
        StringWriter text = new StringWriter();
        FpsLog log = new FpsLog(text);
        // first frame at t = 5 s starts the clock; then 50 frames 20 ms apart reach 1 s
        log.frame(5_000 * MS, 0);
        for (int i = 1; i <= 50; i++) {
            log.frame((5_000 + 20 * i) * MS, 100 + i);
        }
        // then frames 125 ms apart: the eighth closes the next second (8 frames in 1 s)
        for (int i = 1; i <= 10; i++) {
            log.frame((6_000 + 125 * i) * MS, 200 + i);
        }
        assertEquals("1000 50.00 150\n2000 8.00 208\n", text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void noFileNoLog() throws IOException {
        assertNull(FpsLog.open(null));
        assertNull(FpsLog.open(" "));
    }
}
