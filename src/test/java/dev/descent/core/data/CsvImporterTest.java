package dev.descent.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvImporterTest {

    private static Dataset parse(String text) {
        return CsvImporter.parse("t.csv", text, CsvOptions.DEFAULTS);
    }

    private static String error(String text) {
        return error(text, CsvOptions.DEFAULTS);
    }

    private static String error(String text, CsvOptions options) {
        return assertThrows(CsvFormatException.class, () -> CsvImporter.parse("t.csv", text, options)).getMessage();
    }

    @Test
    void readsAHeaderFeaturesAndTextClassesInFirstSeenOrder() {
        Dataset d = parse("a,b,label\n1,2,dog\n3.5,-4e-1,cat\n.5,6.,dog\n");
        assertEquals("t", d.name());
        assertEquals(List.of("a", "b"), d.featureNames());
        assertEquals(List.of("dog", "cat"), d.classNames());
        assertArrayEquals(new double[] {0, 1, 0}, d.targets());
        assertArrayEquals(new double[] {3.5, -0.4}, d.features()[1]);
        assertArrayEquals(new double[] {0.5, 6}, d.features()[2]);
    }

    @Test
    void sortedClassOrderNumbersClassNamesAlphabetically() {
        Dataset d = CsvImporter.parse("t.csv", "a,label\n1,dog\n2,cat\n3,emu\n",
                new CsvOptions(null, CsvOptions.ClassOrder.SORTED));
        assertEquals(List.of("cat", "dog", "emu"), d.classNames());
        assertArrayEquals(new double[] {1, 0, 2}, d.targets());
    }

    @Test
    void namedLabelColumnMayBeAnyColumn() {
        Dataset d = CsvImporter.parse("t.csv", "species,x,y\nA,1,2\nB,3,4\n", CsvOptions.labelColumn("species"));
        assertEquals(List.of("x", "y"), d.featureNames());
        assertEquals(List.of("A", "B"), d.classNames());
        assertArrayEquals(new double[] {3, 4}, d.features()[1]);
    }

    @Test
    void semicolonFilesWithDecimalCommasAreDetected() {
        Dataset d = parse("x;y;label\n5,1;2;a\n-0,5;1e3;b\n");
        assertArrayEquals(new double[] {5.1, 2}, d.features()[0]);
        assertArrayEquals(new double[] {-0.5, 1000}, d.features()[1]);
    }

    @Test
    void byteOrderMarkCrlfAndBlankLinesAreSkipped() {
        byte[] bytes = "\uFEFFx,label\r\n1,a\r\n\r\n2,b\r\n\r\n   \r\n".getBytes(StandardCharsets.UTF_8);
        Dataset d = CsvImporter.parse("t.csv", bytes, CsvOptions.DEFAULTS);
        assertEquals(List.of("x"), d.featureNames());
        assertEquals(2, d.size());
    }

    @Test
    void quotedFieldsHoldSeparatorsDoubledQuotesAndLineBreaks() {
        Dataset d = parse("\"width, cm\",\"the \"\"label\"\"\"\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4 , \"a, b\" \n");
        assertEquals(List.of("width, cm"), d.featureNames());
        assertEquals(List.of("a, b", "say \"hi\"", "two\nlines"), d.classNames());
        assertArrayEquals(new double[] {0, 1, 2, 0}, d.targets());
        assertArrayEquals(new double[] {4}, d.features()[3]);
    }

    @Test
    void lineNumbersCountLinesInsideQuotedFieldsAndBlankLines() {
        assertEquals("t.csv line 6, column 'x' (1): 'oops' is not a number",
                error("x,label\n1,\"a\nb\"\n\n2,c\noops,d\n"));
    }

    @Test
    void everyBadRowIsCheckedAndTheFirstFewAreReportedWithTheirCount() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvImporter.parse("t.csv",
                "x,y,label\n1,2,a\n1,,b\n3,4,a\n5,6\nabc,7,b\n8,9,\n", CsvOptions.DEFAULTS));
        assertEquals("t.csv: 4 bad rows: line 3, column 'y' (2): empty value (missing values are not supported);"
                + " line 5: expected 3 fields as in the header, found 2; line 6, column 'x' (1): 'abc' is not a"
                + " number; line 7, column 'label' (3): empty label (every row needs a label)", e.getMessage());
        assertEquals(4, e.badRows());
        assertEquals(List.of(3, 5, 6, 7), e.badLines());
        StringBuilder many = new StringBuilder("x,label\n");
        for (int i = 0; i < 40; i++) {
            many.append(i % 4 == 0 ? "oops" : Integer.toString(i)).append(",a\n");
        }
        e = assertThrows(CsvFormatException.class, () -> CsvImporter.parse("t.csv", many.toString(),
                CsvOptions.DEFAULTS));
        assertEquals(10, e.badRows());
        assertEquals(List.of(2, 6, 10, 14, 18), e.badLines(), "the first " + CsvFormatException.MAX_REPORTED);
        assertTrue(e.getMessage().startsWith("t.csv: 10 bad rows, the first 5: line 2, column 'x' (1): 'oops' is"),
                e.getMessage());
    }

    @Test
    void integerLabelsAreClassesInNumericOrder() {
        Dataset d = parse("x,label\n1,3\n2,1\n3,2\n4,1.0\n");
        assertEquals(List.of("1", "2", "3"), d.classNames());
        assertArrayEquals(new double[] {2, 0, 1, 0}, d.targets());
    }

    @Test
    void fractionalOrManyDistinctNumericLabelsAreRegression() {
        Dataset fractional = parse("x,y\n1,0.5\n2,1.5\n3,0.5\n");
        assertEquals(0, fractional.classes());
        assertArrayEquals(new double[] {0.5, 1.5, 0.5}, fractional.targets());
        StringBuilder many = new StringBuilder("x,y\n");
        for (int i = 0; i <= LabelColumn.MAX_INTEGER_CLASSES; i++) {
            many.append(i).append(',').append(i * 10).append('\n');
        }
        Dataset regression = parse(many.toString());
        assertEquals(0, regression.classes());
        assertEquals(200, regression.targets()[20]);
        Dataset twenty = parse(many.substring(0, many.lastIndexOf("20,")));
        assertEquals(20, twenty.classes());
    }

    @Test
    void bundledDataSetsLoadWithTheirShapesAndClassNames() {
        Dataset iris = BundledDatasets.load("iris");
        assertEquals("iris", iris.name());
        assertEquals(150, iris.size());
        assertEquals(List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"),
                iris.featureNames());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, iris.features()[0]);
        Dataset wine = BundledDatasets.load("wine");
        assertEquals(178, wine.size());
        assertEquals(13, wine.dimension());
        assertArrayEquals(new int[] {59, 71, 48}, wine.classCounts());
        Dataset cancer = BundledDatasets.load("breast_cancer");
        assertEquals(List.of("malignant", "benign"), cancer.classNames(), "scikit-learn's numbering: malignant 0");
        assertArrayEquals(new int[] {212, 357}, cancer.classCounts());
        assertEquals(30, cancer.dimension());
        Dataset digits = BundledDatasets.load("digits8x8");
        assertEquals(1797, digits.size());
        assertEquals(64, digits.dimension());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), digits.classNames());
        assertEquals(178, digits.classCounts()[0]);
        assertEquals("unknown bundled data set 'iris2'; known: iris, wine, breast_cancer, digits8x8",
                assertThrows(dev.descent.core.config.ConfigException.class, () -> BundledDatasets.load("iris2"))
                        .getMessage());
    }

    @Test
    void readsAFileFromDiskNamedAfterTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("points.csv");
        Files.writeString(file, "x,label\n1,a\n2,b\n");
        Dataset d = CsvImporter.read(file, CsvOptions.DEFAULTS);
        assertEquals("points", d.name());
        assertEquals(2, d.size());
        assertEquals("nope.csv: no such file: " + dir.resolve("nope.csv"),
                assertThrows(CsvFormatException.class, () -> CsvImporter.read(dir.resolve("nope.csv"),
                        CsvOptions.DEFAULTS)).getMessage());
        assertEquals(dir.getFileName() + ": " + dir + " is a folder, not a CSV file",
                assertThrows(CsvFormatException.class, () -> CsvImporter.read(dir, CsvOptions.DEFAULTS)).getMessage());
    }

    @Test
    void aCellThatIsNotANumberNamesFileLineAndColumn() {
        String header = "sepal_length,sepal_width,petal_length,petal_width,species\n";
        StringBuilder csv = new StringBuilder(header);
        for (int i = 0; i < 15; i++) {
            csv.append("5.1,3.5,1.4,0.2,setosa\n");
        }
        csv.append("5.1,3.5,1.4,abc,setosa\n");
        assertEquals("iris.csv line 17, column 'petal_width' (4): 'abc' is not a number",
                assertThrows(CsvFormatException.class, () -> CsvImporter.parse("iris.csv", csv.toString(),
                        CsvOptions.DEFAULTS)).getMessage());
    }

    @Test
    void everyCellErrorNamesLineAndColumn() {
        assertEquals("t.csv line 3, column 'b' (2): empty value (missing values are not supported)",
                error("a,b,c\n1,2,x\n1,,y\n"));
        assertEquals("t.csv line 2, column 'a' (1): '1e999' is not a finite number", error("a,c\n1e999,x\n2,y\n"));
        assertEquals("t.csv line 2, column 'a' (1): 'NaN' is not a number", error("a,c\nNaN,x\n2,y\n"));
        assertEquals("t.csv line 2, column 'a' (1): '0x10' is not a number", error("a,c\n0x10,x\n2,y\n"));
        assertEquals("t.csv line 3, column 'c' (2): empty label (every row needs a label)", error("a,c\n1,x\n2,\n"));
        assertEquals("t.csv line 3, column 'c' (2): 'x' is not a number (the label column is numeric: its first"
                + " value is a number)", error("a,c\n1,0.5\n2,x\n"));
    }

    @Test
    void structuralErrorsNameTheLine() {
        assertEquals("t.csv line 3: expected 3 fields as in the header, found 2", error("a,b,c\n1,2,x\n1,2\n"));
        assertEquals("t.csv line 2: expected 2 fields as in the header, found 3", error("a,c\n1,2,x\n"));
        assertEquals("t.csv: empty file (expected a header row and data rows)", error(""));
        assertEquals("t.csv: empty file (expected a header row and data rows)", error("\uFEFF \n\r\n"));
        assertEquals("t.csv: no data rows after the header (line 2)", error("\na,label\n\n"));
        assertEquals("t.csv line 1: the header has 1 column; need at least one feature column and a label column"
                + " (separate columns with ',' or ';')", error("label\n1\n"));
        assertEquals("t.csv line 1, column 'a' (3): the column name appears twice in the header", error("a,b,a\n1,2,3\n"));
        assertEquals("t.csv line 1, column 2: empty column name in the header", error("a,,c\n1,2,3\n"));
        assertEquals("t.csv: no label column 'species'; the columns are a, c",
                error("a,c\n1,x\n", CsvOptions.labelColumn("species")));
        assertEquals("t.csv: label column 'c' (2) has the same value 'x' in every row; need at least 2 classes or"
                + " varying targets", error("a,c\n1,x\n2,x\n"));
        assertEquals("t.csv line 2, column 2: quoted field has no closing quote", error("a,c\n1,\"x\n2,y\n"));
        assertEquals("t.csv line 2, column 2: unexpected 'y' after the closing quote (quote the whole field and"
                + " write a quote inside it as \"\")", error("a,c\n1,\"x\"y\n"));
        assertEquals("t.csv: not UTF-8 text (save the file as UTF-8 CSV)",
                assertThrows(CsvFormatException.class, () -> CsvImporter.parse("t.csv",
                        new byte[] {'a', ',', 'b', '\n', (byte) 0xC3, '1', ',', '2'}, CsvOptions.DEFAULTS)).getMessage());
    }

    @Test
    void messagesShortenLongCellsAndHideControlCharacters() {
        String cell = "x".repeat(50);
        assertEquals("t.csv line 2, column 'a' (1): '" + "x".repeat(40) + "...' is not a number",
                error("a,c\n" + cell + ",x\n2,y\n"));
        assertEquals("t.csv line 2, column 'a' (1): 'a?b' is not a number", error("a,c\na\u0007b,x\n2,y\n"));
    }
}
