package io.hirepipe.localstack;

import io.hirepipe.embedded.PortCheck;

/** Free ports for a whole stack, so tests never collide with a stack someone is running. */
final class TestPorts {

    private TestPorts() {
    }

    static StackConfig.Ports random() {
        return new StackConfig.Ports(PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(),
                PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(),
                PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(),
                PortCheck.freePort());
    }
}
