package io.hirepipe.gateway.webapp;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The candidate app's files from the {@code web} module's jar. Assets are served under a path that
 * carries a hash of all of them, so browsers may cache them forever: any change to any file gives
 * every asset a new URL, and the pages (never cached) name the current one.
 */
public final class WebAppAssets {

    /** Where the web module puts its files on the classpath. */
    public static final String ROOT = "hirepipe-web/";
    static final String ASSETS = ROOT + "assets/";
    /** What the pages write where the versioned asset path belongs. */
    static final String ASSETS_PLACEHOLDER = "{{assets}}";

    private final String version;

    private WebAppAssets(String version) {
        this.version = version;
    }

    static WebAppAssets scan(ClassLoader classLoader) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(classLoader)
                    .getResources("classpath*:" + ASSETS + "**/*.*");
            Arrays.sort(files, Comparator.comparing(WebAppAssets::nameOf));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource file : files) {
                digest.update(nameOf(file).getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return new WebAppAssets(HexFormat.of().formatHex(digest.digest()).substring(0, 12));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the web app's assets", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The URL path under which the current assets are served, e.g. {@code /assets/3f9a0c1b2d4e}. */
    public String basePath() {
        return "/assets/" + version;
    }

    /** A page of the app with its asset references pointing at the current version. */
    String page(String name, ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("The web app has no page " + name + " (is the web module on the classpath?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(ASSETS_PLACEHOLDER, basePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the web app page " + name, e);
        }
    }

    private static String nameOf(Resource resource) {
        try {
            String url = resource.getURL().toString();
            return url.substring(url.lastIndexOf(ASSETS) + ASSETS.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
