package io.hirepipe.notification.mail;

/**
 * Jakarta Mail 2.1 looks up its {@code StreamProvider} with a fresh {@link java.util.ServiceLoader} on every call,
 * which reads the jars' service files again, and building and writing one MIME message calls it dozens of times
 * (jakartaee/mail-api#699, #861). The lookup tries the system property {@code jakarta.mail.util.StreamProvider}
 * first: naming Angus Mail's provider there makes it a cached class load. Nothing is changed when the property is
 * already set or Angus Mail is not on the class path.
 */
final class MailStreamProviderShortcut {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreamProviderShortcut() {
    }

    static void install() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS_PROVIDER, false, MailStreamProviderShortcut.class.getClassLoader());
        } catch (ClassNotFoundException notAngus) {
            return;
        }
        System.setProperty(PROPERTY, ANGUS_PROVIDER);
    }
}
