package dev.descent.ui.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvHeaderTest {

    @Test
    void readsCommaHeaderWithQuotesAndByteOrderMark() {
        assertEquals(List.of("sepal length", "b,c", "label"),
                CsvHeader.columns("\uFEFF\"sepal length\",\"b,c\",label\n1,2,x\n"));
    }

    @Test
    void semicolonWinsWhenTheHeaderHasMoreOfThem() {
        assertEquals(List.of("a", "b", "c"), CsvHeader.columns("\n a ; b ; c \n1,5;2;x"));
    }

    @Test
    void emptyTextHasNoColumns() {
        assertEquals(List.of(), CsvHeader.columns(""));
    }
}
