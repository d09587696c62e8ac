package io.hirepipe.deploychecks;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every link between the repository's Markdown files leads somewhere: the file exists and, for a {@code #fragment},
 * the file has a heading with that anchor, as GitHub derives it. Sections get renamed and moved as behaviour changes;
 * a reader following "see below" to nowhere is what this catches.
 */
class DocumentationLinksTest {

    private static final Parser MARKDOWN = Parser.builder().build();

    @Test
    void everyRelativeLinkNamesAFileAndAHeadingThatExist() {
        Map<Path, Document> documents = new HashMap<>();
        for (Path file : markdownFiles()) {
            documents.put(file, Document.parse(file));
        }
        List<String> broken = new ArrayList<>();
        documents.forEach((file, document) -> {
            for (String target : document.links()) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // http(s), mailto: outside the repository
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String fragment = hash < 0 ? null : target.substring(hash + 1);
                Path linked = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                String where = Repo.root().relativize(file) + " → " + target;
                if (!Files.exists(linked)) {
                    broken.add(where + " (no such file)");
                } else if (fragment != null && documents.containsKey(linked)
                        && !documents.get(linked).anchors().contains(fragment)) {
                    broken.add(where + " (no such heading)");
                }
            }
        });
        assertThat(documents).as("Markdown files found").containsKey(Repo.path("README.md"));
        assertThat(broken).as("links to nowhere").isEmpty();
    }

    @Test
    void anchorsAreDerivedAsGitHubDerivesThem() {
        assertThat(Document.anchor("Load: `infra/perf/run.sh`")).isEqualTo("load-infraperfrunsh");
        assertThat(Document.anchor("The scoring → email path")).isEqualTo("the-scoring--email-path");
        assertThat(Document.anchor("Privacy: what is stored where, for how long, and erasure"))
                .isEqualTo("privacy-what-is-stored-where-for-how-long-and-erasure");
    }

    private static List<Path> markdownFiles() {
        Path root = Repo.root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> {
                        String relative = root.relativize(file).toString().replace('\\', '/');
                        return !relative.startsWith(".") && !relative.contains("/.") && !relative.contains("target/")
                                && !relative.contains("node_modules/");
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Markdown file's link targets and its headings' anchors. */
    private record Document(List<String> links, Set<String> anchors) {

        static Document parse(Path file) {
            String markdown;
            try {
                markdown = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> links = new ArrayList<>();
            Set<String> anchors = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    links.add(link.getDestination());
                    visitChildren(link);
                }

                @Override
                public void visit(Heading heading) {
                    String anchor = anchor(plainText(heading));
                    int repeats = seen.merge(anchor, 1, Integer::sum) - 1;
                    anchors.add(repeats == 0 ? anchor : anchor + "-" + repeats);
                    visitChildren(heading);
                }
            });
            return new Document(links, anchors);
        }

        /**
         * GitHub's rule: lower case, every character but letters, digits, spaces, hyphens and underscores dropped,
         * each space a hyphen (a repeated heading gets -1, -2, … in {@link #parse}).
         */
        static String anchor(String heading) {
            StringBuilder anchor = new StringBuilder();
            heading.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
                if (c == ' ') {
                    anchor.append('-');
                } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                    anchor.appendCodePoint(c);
                }
            });
            return anchor.toString();
        }

        private static String plainText(Node node) {
            StringBuilder text = new StringBuilder();
            node.accept(new AbstractVisitor() {
                @Override
                public void visit(Text literal) {
                    text.append(literal.getLiteral());
                }

                @Override
                public void visit(Code code) {
                    text.append(code.getLiteral());
                }
            });
            return text.toString();
        }
    }
}
