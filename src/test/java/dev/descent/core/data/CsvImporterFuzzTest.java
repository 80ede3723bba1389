package dev.descent.core.data;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/** Hostile input: only {@link CsvFormatException} may come out of the importer, quickly. */
class CsvImporterFuzzTest {

    private static final String VALID = "\"sepal, length\";petal_width;label\n5,1;0.2;setosa\n4.9;\"0,3\";versicolor\n"
            + "6;1e-1;\"vir\"\"ginica\"\r\n\n7;2;setosa\n";
    private static final String ALPHABET = ",;\"\n\r \t\uFEFF0123456789.eE+-abcNaN\u0000é";

    private int imported;

    private void importOrReject(byte[] input) {
        try {
            Dataset d = CsvImporter.parse("fuzz.csv", input, CsvOptions.DEFAULTS);
            if (d.size() < 1 || d.dimension() < 1) {
                fail("imported a degenerate data set " + d);
            }
            imported++;
        } catch (CsvFormatException expected) {
            if (expected.getMessage() == null || !expected.getMessage().startsWith("fuzz.csv")) {
                fail("message does not name the file: " + expected.getMessage());
            }
        } catch (RuntimeException | Error e) {
            throw new AssertionError("input " + java.util.Arrays.toString(input) + " threw " + e, e);
        }
    }

    @Test
    void randomBytesOnlyEverGiveTheImportException() {
        SplittableRandom random = new SplittableRandom(20261122);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int k = 0; k < 20_000; k++) {
                byte[] bytes = new byte[random.nextInt(200)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                importOrReject(bytes);
            }
        });
    }

    @Test
    void mutatedValidFilesOnlyEverGiveTheImportExceptionAndSomeStillImport() {
        SplittableRandom random = new SplittableRandom(7);
        imported = 0;
        importOrReject(VALID.getBytes(StandardCharsets.UTF_8));
        if (imported != 1) {
            fail("the seed file itself must import");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int k = 0; k < 15_000; k++) {
                StringBuilder s = new StringBuilder(VALID);
                int edits = 1 + random.nextInt(4);
                for (int e = 0; e < edits; e++) {
                    int at = random.nextInt(s.length() + 1);
                    char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                    switch (random.nextInt(3)) {
                        case 0 -> s.insert(at, c);
                        case 1 -> {
                            if (at < s.length()) {
                                s.deleteCharAt(at);
                            }
                        }
                        default -> {
                            if (at < s.length()) {
                                s.setCharAt(at, c);
                            }
                        }
                    }
                }
                importOrReject(s.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
        if (imported < 500) {
            fail("mutations should leave many files importable, only " + imported + " were");
        }
    }

    @Test
    void longHostileInputsStayLinear() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            importOrReject(("a,b\n" + "\"".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8));
            importOrReject(("a,b\n" + "1,".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8));
            importOrReject(("a,b\n" + "1".repeat(1_000_000) + ",x\n2,y\n").getBytes(StandardCharsets.UTF_8));
            importOrReject(("a,b\n" + "1,x\n".repeat(200_000) + "2,y\n").getBytes(StandardCharsets.UTF_8));
        });
    }
}
