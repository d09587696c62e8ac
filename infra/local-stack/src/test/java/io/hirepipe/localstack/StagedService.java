package io.hirepipe.localstack;

/** Stand-ins for broken services, launched as real processes by the start-up failure tests. */
public final class StagedService {

    private StagedService() {
    }

    public static void main(String[] args) throws InterruptedException {
        if ("crash".equals(args[0])) {
            System.err.println("APPLICATION FAILED TO START: staged crash for the test");
            System.exit(3);
        }
        // "hang": alive but never healthy, like a service stuck waiting for a dependency.
        System.out.println("staged service waiting forever");
        Thread.sleep(Long.MAX_VALUE);
    }
}
