package io.hirepipe.gateway.security;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderCharactersTest {

    // Spring Security's own rules (StrictServerWebExchangeFirewall), which HeaderCharacters must agree with.
    private static final Pattern SPRING_NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern SPRING_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithSpringSecuritysRuleOnEveryCodePoint() {
        List<String> disagreements = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            if (HeaderCharacters.allowedName(text) != SPRING_NAMES.matcher(text).matches()
                    || HeaderCharacters.allowedValue(text) != SPRING_VALUES.matcher(text).matches()) {
                disagreements.add(Integer.toHexString(codePoint));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void agreesOnLoneSurrogatesAndEmptyText() {
        for (String text : List.of("", "\uD800", "x\uDC00y", "\uD83D\uDE00", "\uDBFF")) {
            assertThat(HeaderCharacters.allowedName(text)).as(text).isEqualTo(SPRING_NAMES.matcher(text).matches());
            assertThat(HeaderCharacters.allowedValue(text)).as(text).isEqualTo(SPRING_VALUES.matcher(text).matches());
        }
    }

    @Test
    void refusesControlCharactersAndAllowsATabInValuesOnly() {
        assertThat(HeaderCharacters.allowedValue("Bearer abc\r\nX-Injected: 1")).isFalse();
        assertThat(HeaderCharacters.allowedValue("text/html;\tq=0.9")).isTrue();
        assertThat(HeaderCharacters.allowedName("X-\tName")).isFalse();
        assertThat(HeaderCharacters.allowedValue("Grüße, café")).isTrue();
        assertThat(HeaderCharacters.allowedValue(null)).as("an absent header").isTrue();
    }
}
