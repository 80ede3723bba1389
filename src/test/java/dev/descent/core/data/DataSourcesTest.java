package dev.descent.core.data;

import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DataSourcesTest {

    @Test
    void opensGeneratorsBundledSetsAndFiles(@TempDir Path dir) throws Exception {
        assertEquals(DataGenerators.create("moons", 50, 0.1, 3), DataSources.open("moons", 50, 0.1, 3, CsvOptions.DEFAULTS));
        assertEquals(BundledDatasets.load("wine"), DataSources.open("wine", 50, 0.1, 3, CsvOptions.DEFAULTS));
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, "a,b\n1,x\n2,y\n");
        assertEquals("mine", DataSources.open(file.toString(), 50, 0.1, 3, CsvOptions.DEFAULTS).name());
    }

    @Test
    void unknownSourcesListWhatIsKnown() {
        assertEquals("unknown data 'moonz': not a generator (xor, circles, moons, gauss, spiral, spiral3, checkerboard,"
                + " linear, sine), not a bundled set (iris, wine, breast_cancer, digits8x8) and not a .csv file",
                assertThrows(ConfigException.class, () -> DataSources.open("moonz", 10, 0, 1, CsvOptions.DEFAULTS))
                        .getMessage());
        assertEquals("gone.csv: no such file: gone.csv", assertThrows(CsvFormatException.class,
                () -> DataSources.open("gone.csv", 10, 0, 1, CsvOptions.DEFAULTS)).getMessage());
    }
}
