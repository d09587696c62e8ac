package io.hirepipe.localstack;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small OTLP/HTTP trace receiver for the end-to-end tests: the services are separate JVMs, so the
 * spans they export are collected here, as a collector would, and kept in memory.
 */
final class OtlpReceiver implements AutoCloseable {

    /**
     * One received span: which service sent it, its trace, its name and kind, and its attributes and those of its
     * events as {@code key=value} lines (what a tracing backend stores and shows).
     */
    record ReceivedSpan(String service, String traceId, String name, String kind, String attributes) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    receiver.collect(ExportTraceServiceRequest.parseFrom(body));
                    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, -1);
                } catch (IOException | RuntimeException e) {
                    exchange.sendResponseHeaders(400, -1);
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
    }

    List<ReceivedSpan> spansOf(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** Every span received so far. */
    List<ReceivedSpan> all() {
        return List.copyOf(spans);
    }

    private void collect(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(service,
                        HexFormat.of().formatHex(span.getTraceId().toByteArray()), span.getName(), span.getKind().name(),
                        attributesOf(span))));
            }
        }
    }

    private static String attributesOf(Span span) {
        StringBuilder text = new StringBuilder();
        span.getAttributesList().forEach(attribute -> text.append(attribute.getKey()).append('=')
                .append(attribute.getValue()).append('\n'));
        span.getEventsList().forEach(event -> {
            text.append("event ").append(event.getName()).append('\n');
            event.getAttributesList().forEach(attribute -> text.append(attribute.getKey()).append('=')
                    .append(attribute.getValue()).append('\n'));
        });
        return text.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
