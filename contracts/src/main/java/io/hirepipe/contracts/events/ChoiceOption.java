package io.hirepipe.contracts.events;

public record ChoiceOption(String id, String text) {
}
