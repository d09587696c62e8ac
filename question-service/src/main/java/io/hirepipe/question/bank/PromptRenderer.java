package io.hirepipe.question.bank;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Renders a prompt written in Markdown to HTML that is safe to put into a page: commonmark does the
 * Markdown, then jsoup's allow-list keeps only formatting elements. Raw HTML in the Markdown is not
 * refused: what is not on the list (script, style, iframes, event handlers, javascript: links) is
 * dropped, with the content of scripts and styles.
 */
public final class PromptRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();

    /** Text formatting, lists, code, quotes, tables and links; no images, so a prompt cannot call out. */
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addTags("hr", "del", "s")
            .addAttributes("code", "class")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

    private PromptRenderer() {
    }

    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = RENDERER.render(PARSER.parse(markdown));
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(ALLOWED).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html().trim();
    }
}
