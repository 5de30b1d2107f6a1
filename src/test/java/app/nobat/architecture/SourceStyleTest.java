package app.nobat.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the formatter cannot see: a class named by its full package inside code instead of an import
 * (Spotless checks the layout and the order of the imports; this checks that they are used). Only a
 * clash with an imported class of the same simple name excuses a qualified name.
 */
class SourceStyleTest {

    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "(?<![\\w.])((?:java|javax|jakarta|org|com|io|reactor|app)\\.(?:[a-z_][a-z0-9_]*\\.)+([A-Z]\\w*))");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+([\\w.]+\\.(\\w+));", Pattern.MULTILINE);

    @Test
    void codeNamesClassesThroughImportsNotByTheirFullPackage() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java", "bench/java")) {
            Path dir = Path.of(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> found.addAll(inlineNames(f)));
            }
        }
        assertThat(found).as("import these classes instead").isEmpty();
    }

    @Test
    void theCheckSeesANameInCodeButNotInImportsCommentsOrStrings() {
        String source = """
                package app.nobat.sample;
                import java.util.List;
                import org.axonframework.config.Configuration;
                /** See java.util.Map for the shape. */
                @org.springframework.context.annotation.Configuration
                class Sample {
                    // java.util.Set is not used here
                    String text = "java.util.Optional";
                    java.time.Duration timeout;
                }
                """;
        assertThat(inlineNames("Sample.java", source)).containsExactly("Sample.java:9: java.time.Duration");
    }

    private static List<String> inlineNames(Path file) {
        try {
            return inlineNames(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> inlineNames(String name, String source) {
        List<String> found = new ArrayList<>();
        Map<String, String> imported = new HashMap<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            imported.put(imports.group(2), imports.group(1));
        }
        String[] lines = codeOnly(source).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("import ") || line.startsWith("package ")) {
                continue;
            }
            Matcher m = QUALIFIED_NAME.matcher(line);
            while (m.find()) {
                String clash = imported.get(m.group(2));
                if (clash != null && !clash.equals(m.group(1))) {
                    continue;
                }
                found.add(name + ":" + (i + 1) + ": " + m.group(1));
            }
        }
        return found;
    }

    /** The source with comments, string, text-block and character literals blanked; line breaks are kept. */
    private static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                blank(source, i, end, code);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                blank(source, i, end, code);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
                blank(source, i, end, code);
                i = end;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static void blank(String source, int from, int to, StringBuilder code) {
        for (int j = from; j < to; j++) {
            code.append(source.charAt(j) == '\n' ? '\n' : ' ');
        }
    }
}
