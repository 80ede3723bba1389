package dev.descent.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Short, user-facing reasons for file errors (no exception class names). */
final class IoMessages {
    private IoMessages() {
    }

    static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return "'" + f.getFile() + "' is in the way (a file where a folder is needed)";
        }
        if (e instanceof NoSuchFileException f) {
            return "no such file or folder '" + f.getFile() + "'";
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied for '" + f.getFile() + "'";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " ('" + f.getFile() + "')";
        }
        return e.getMessage() != null ? e.getMessage() : "I/O failure";
    }
}
