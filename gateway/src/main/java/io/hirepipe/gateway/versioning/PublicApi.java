package io.hirepipe.gateway.versioning;

/**
 * Where the public API lives. The gateway's own endpoints are mapped under {@link #V1}; the routes
 * in application.yml rewrite {@code /api/v1/...} to the services' unversioned internal paths.
 */
public final class PublicApi {

    /** The current public version's prefix. */
    public static final String V1 = "/api/v1";
    /** The gateway's own sign-in endpoints. */
    public static final String AUTH = V1 + "/auth";
    /** Greenhouse's Assessment API, partner side: the one place an API key may come as HTTP Basic. */
    public static final String GREENHOUSE = V1 + "/integrations/greenhouse/";

    private PublicApi() {
    }
}
