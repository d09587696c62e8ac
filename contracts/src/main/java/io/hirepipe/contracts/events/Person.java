package io.hirepipe.contracts.events;

public record Person(String name, String email) {

    /** Spring logs bodies and events by toString at DEBUG; a record's would print the person's name and email. */
    @Override
    public String toString() {
        return "Person[hidden]";
    }
}
