package io.hirepipe.testkit;

/** @param connectionString {@code mongodb://host:port}, without a database: each test context picks its own */
public record MongoEndpoint(String connectionString) {
}
