package io.hirepipe.localstack;

import io.hirepipe.embedded.PortCheck;

/** Free ports for a whole stack, so tests never collide with a stack someone is running. */
final class TestPorts {

    private TestPorts() {
    }

    static StackConfig.Ports random() {
        // Twelve different ports: two equal ones would, e.g., put the gateway's actuator on its public port.
        int[] p = PortCheck.freePorts(12);
        return new StackConfig.Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11]);
    }
}
