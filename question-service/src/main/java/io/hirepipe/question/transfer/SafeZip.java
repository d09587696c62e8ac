package io.hirepipe.question.transfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an uploaded zip into memory only within limits, whatever the entries claim: bytes are counted
 * as they are inflated, so a zip bomb stops at the limit. Entry names that could escape a folder
 * (absolute, "..", backslashes, drive letters) refuse the whole package; nothing is written to disk.
 */
final class SafeZip {

    static final int MAX_ENTRIES = 500;
    static final long MAX_ENTRY_BYTES = 2L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 20L * 1024 * 1024;

    /** Thrown for a package that is refused as a whole. */
    static final class RefusedZip extends Exception {
        RefusedZip(String message) {
            super(message);
        }
    }

    private SafeZip() {
    }

    /** A zip starts with its first entry's header (PK 3 4), or, when it has no entries, with its end (PK 5 6). */
    static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K'
                && (bytes[2] == 3 && bytes[3] == 4 || bytes[2] == 5 && bytes[3] == 6);
    }

    /** @return the entries' contents by normalised name, directories left out */
    static Map<String, byte[]> read(byte[] zip) throws RefusedZip {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        int count = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++count > MAX_ENTRIES) {
                    throw new RefusedZip("the package has more than " + MAX_ENTRIES + " entries");
                }
                String name = safeName(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = readLimited(in, name, Math.min(MAX_ENTRY_BYTES, MAX_TOTAL_BYTES - total));
                total += content.length;
                if (entries.put(name, content) != null) {
                    throw new RefusedZip("entry '" + name + "' appears twice");
                }
            }
        } catch (IOException e) {
            throw new RefusedZip("not a readable zip: " + e.getMessage());
        }
        return entries;
    }

    static String safeName(String name) throws RefusedZip {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || name.indexOf('\0') >= 0) {
            throw new RefusedZip("entry name '" + name + "' is not a plain relative path");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw new RefusedZip("entry '" + name + "' points outside the package");
            }
        }
        return name.replaceAll("(^|/)\\./", "$1");
    }

    private static byte[] readLimited(InputStream in, String name, long limit) throws IOException, RefusedZip {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            read += n;
            if (read > limit) {
                throw new RefusedZip("entry '" + name + "' inflates beyond the limit (" + MAX_ENTRY_BYTES
                        + " bytes per entry, " + MAX_TOTAL_BYTES + " in all)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
