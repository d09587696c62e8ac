package io.hirepipe.contracts.events;

public record Person(String name, String email) {
}
