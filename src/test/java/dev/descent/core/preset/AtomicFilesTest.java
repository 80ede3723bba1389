package dev.descent.core.preset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFilesTest {

    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        return Files.getPosixFilePermissions(file);
    }

    private static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void newTextAndByteFilesGetThePermissionsOfAnyNewFileNotOwnerOnly(@TempDir Path dir) throws IOException {
        assumePosix();
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path text = dir.resolve("out/text.csv");
        Path streamed = dir.resolve("out/streamed.csv");
        Path bytes = dir.resolve("out/image.png");
        AtomicFiles.write(text, "a,b\n");
        AtomicFiles.write(streamed, w -> w.write("a,b\n1,2\n"));
        AtomicFiles.writeBytes(bytes, out -> out.write(new byte[] {1, 2, 3}));
        Set<PosixFilePermission> usual = permissions(plain);
        assertEquals(usual, permissions(text), "text");
        assertEquals(usual, permissions(streamed), "streamed text");
        assertEquals(usual, permissions(bytes), "bytes");
        assertEquals("a,b\n1,2\n", Files.readString(streamed, StandardCharsets.UTF_8));
    }

    @Test
    void aReplacedFileKeepsItsPermissionsAndNoTemporaryFileStays(@TempDir Path dir) throws IOException {
        assumePosix();
        Path file = dir.resolve("summary.json");
        Files.writeString(file, "old");
        Set<PosixFilePermission> groupReadable = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, groupReadable);
        AtomicFiles.write(file, "new");
        assertEquals("new", Files.readString(file));
        assertEquals(groupReadable, permissions(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
