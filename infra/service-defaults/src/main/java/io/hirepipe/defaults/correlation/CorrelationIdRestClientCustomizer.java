package io.hirepipe.defaults.correlation;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.client.RestClient;

/** Every RestClient built from Boot's builder forwards the current correlation id. */
public class CorrelationIdRestClientCustomizer implements RestClientCustomizer {

    @Override
    public void customize(RestClient.Builder builder) {
        builder.requestInterceptor((request, body, execution) -> {
            CorrelationId.current().ifPresent(id -> request.getHeaders().set(CorrelationId.HEADER, id));
            return execution.execute(request, body);
        });
    }
}
