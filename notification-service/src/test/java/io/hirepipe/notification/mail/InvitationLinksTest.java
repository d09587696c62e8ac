package io.hirepipe.notification.mail;

import io.hirepipe.notification.TestEvents;
import io.hirepipe.notification.TestLinkKeys;
import io.hirepipe.notification.mail.InvitationLinks.UnopenableLinkException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvitationLinksTest {

    private static final String LINK = "https://hirepipe.example/take#token=tok_s3cr3t";

    private final InvitationLinks links = new InvitationLinks(TestLinkKeys.privateJwk());

    @Test
    void opensALinkSealedForItsKey() {
        String sealed = TestLinkKeys.seal(LINK);

        assertThat(sealed).doesNotContain("tok_s3cr3t");
        assertThat(links.open(sealed)).isEqualTo(LINK);
        assertThat(links.linkOf(TestEvents.invitation("Ada", "ada@example.org", LINK))).isEqualTo(LINK);
    }

    @Test
    void refusesATamperedCiphertext() {
        String[] parts = TestLinkKeys.seal(LINK).split("\\.");
        char[] ciphertext = parts[3].toCharArray();
        ciphertext[0] = ciphertext[0] == 'A' ? 'B' : 'A';
        parts[3] = new String(ciphertext);

        assertThatThrownBy(() -> links.open(String.join(".", parts)))
                .isInstanceOf(UnopenableLinkException.class)
                .hasMessageContaining("tampered");
    }

    @Test
    void refusesALinkSealedForAnotherKey() {
        assertThatThrownBy(() -> links.open(TestLinkKeys.seal(LINK, TestLinkKeys.OTHER)))
                .isInstanceOf(UnopenableLinkException.class)
                .hasMessageContaining("cannot be opened")
                .hasMessageNotContaining("tok_s3cr3t");
    }

    @Test
    void refusesWhatIsNotAJwe() {
        assertThatThrownBy(() -> links.open("not-a-jwe")).isInstanceOf(UnopenableLinkException.class);
        assertThatThrownBy(() -> links.linkOf(TestEvents.withLinks("Ada", "ada@example.org", null, null)))
                .isInstanceOf(UnopenableLinkException.class);
    }

    @Test
    void stillReadsThePlainLinkOfAVersionOneEvent() {
        assertThat(links.linkOf(TestEvents.plainInvitation("Ada", "ada@example.org", LINK))).isEqualTo(LINK);
    }

    @Test
    void needsAPrivateKeyToStart() {
        assertThatThrownBy(() -> new InvitationLinks("")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HIREPIPE_INVITATION_LINK_PRIVATE_KEY");
        assertThatThrownBy(() -> new InvitationLinks(TestLinkKeys.SERVICE.toPublicJWK().toJSONString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no private part");
    }
}
