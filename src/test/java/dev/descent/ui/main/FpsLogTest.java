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
        // p95 of the frame intervals: 20 ms in the first second, 125 ms in the second
        assertEquals("1000 50.00 150 20.0\n2000 8.00 208 125.0\n",
                text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void p95FrameTimeShowsTheSlowFramesAMeanHides() throws IOException {
        StringWriter text = new StringWriter();
        FpsLog log = new FpsLog(text);
        // 1 s of frames: 54 at 10 ms then 4 at 115 ms (540 + 460 = 1000 ms, 58 frames):
        // nearest rank 95% of 58 is the 56th smallest interval, one of the 115 ms ones
        long t = 0;
        log.frame(t, 0);
        for (int i = 0; i < 54; i++) {
            t += 10 * MS;
            log.frame(t, 1);
        }
        for (int i = 0; i < 4; i++) {
            t += 115 * MS;
            log.frame(t, 2);
        }
        assertEquals("1000 58.00 2 115.0\n", text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void noFileNoLog() throws IOException {
        assertNull(FpsLog.open(null));
        assertNull(FpsLog.open(" "));
    }
}
