package io.hirepipe.gateway.webapp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Serves the candidate app and the recruiter console on the API's origin: {@code /take} (the invitation
 * email's link) and {@code /console} are the pages, never cached, so a deployment is picked up at
 * once; their assets are immutable under a content-versioned path.
 */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration implements WebFluxConfigurer {

    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final WebAppAssets assets = WebAppAssets.scan(getClass().getClassLoader());

    @Bean
    WebAppAssets webAppAssets() {
        return assets;
    }

    @Bean
    RouterFunction<ServerResponse> candidatePage() {
        return pageAt("/take", "take.html");
    }

    /** The recruiter console: one page, its views addressed in the URL fragment (#/questions, ...). */
    @Bean
    RouterFunction<ServerResponse> consolePage() {
        return pageAt("/console", "console.html");
    }

    private RouterFunction<ServerResponse> pageAt(String path, String file) {
        String html = assets.page(file, getClass().getClassLoader());
        return route(GET(path), request -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .bodyValue(html));
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(assets.basePath() + "/**")
                .addResourceLocations("classpath:/" + WebAppAssets.ASSETS)
                .setCacheControl(IMMUTABLE)
                .setUseLastModified(false);
    }
}
