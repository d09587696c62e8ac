package io.hirepipe.assessment.invitation;

public enum SignalType {
    FOCUS_LOST, FOCUS_REGAINED, HIDDEN, VISIBLE, PASTE, COPY
}
