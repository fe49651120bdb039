package org.campusproctor.weights.tfjs;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Maintains weights/manifest.json: {@code refresh <manifest.json>} recomputes {@code sha256} and {@code bytes} of every
 * entry whose {@code file} (relative to the manifest's directory) exists. Everything else, including entries written
 * by other tools, is kept as is, in its key order; the file is written with a fixed pretty-printer (2-space indent,
 * LF, trailing newline) so that unchanged content gives identical bytes.
 */
public final class ManifestTool {
    private ManifestTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].equals("refresh")) {
            System.err.println("usage: ManifestTool refresh <manifest.json>");
            System.exit(2);
        }
        Path manifest = Path.of(args[1]);
        int n = refresh(manifest);
        System.out.printf("%s: %d file digest(s) refreshed%n", manifest, n);
    }

    public static int refresh(Path manifest) throws IOException {
        ObjectMapper om = new ObjectMapper();
        JsonNode root = om.readTree(manifest.toFile());
        Path base = manifest.toAbsolutePath().getParent();
        int count = 0;
        for (JsonNode m : root.path("models")) {
            String file = m.path("file").asText(null);
            if (file == null || !Files.isRegularFile(base.resolve(file))) {
                continue;
            }
            ObjectNode entry = (ObjectNode) m;
            Path p = base.resolve(file);
            String sha = sha256(p);
            long size = Files.size(p);
            if (entry.has("sha256") && entry.has("bytes")) {
                entry.put("sha256", sha);
                entry.put("bytes", size);
            } else { // insert right after "file", keeping the other keys' order
                ObjectNode copy = om.createObjectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().equals("sha256") || e.getKey().equals("bytes")) {
                        continue;
                    }
                    copy.set(e.getKey(), e.getValue());
                    if (e.getKey().equals("file")) {
                        copy.put("sha256", sha);
                        copy.put("bytes", size);
                    }
                }
                entry.removeAll();
                entry.setAll(copy);
            }
            count++;
        }
        Files.writeString(manifest, write(om, root), StandardCharsets.UTF_8);
        return count;
    }

    /** Fixed formatting: 2-space indent, "key": value, LF line ends, trailing newline. */
    public static String write(ObjectMapper om, JsonNode root) throws IOException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""));
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        pp.indentObjectsWith(indent);
        pp.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        return om.writer(pp).writeValueAsString(root) + "\n";
    }

    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
