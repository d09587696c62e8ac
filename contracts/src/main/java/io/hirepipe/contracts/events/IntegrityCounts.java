package io.hirepipe.contracts.events;

/**
 * How often the candidate's browser reported leaving or copying during a session; counted even past
 * the cap on stored signals. No content of what was pasted or copied ever travels.
 *
 * @param focusLost the window lost focus
 * @param hidden    the page was hidden (another tab, minimised)
 * @param paste     text was pasted into an answer
 * @param copy      text was copied from the page
 */
public record IntegrityCounts(int focusLost, int hidden, int paste, int copy) {

    public static final IntegrityCounts NONE = new IntegrityCounts(0, 0, 0, 0);
}
