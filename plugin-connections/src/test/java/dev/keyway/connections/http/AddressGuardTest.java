package dev.keyway.connections.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    @Test
    void metadataAndLinkLocalAreForbidden() throws Exception {
        for (String ip : new String[] {"169.254.169.254", "169.254.0.1", "fd00:ec2::254", "fe80::1", "::ffff:169.254.169.254"}) {
            assertThat(AddressGuard.isForbidden(InetAddress.getByName(ip))).as(ip).isTrue();
        }
    }

    @Test
    void ordinaryAddressesAreAllowed() throws Exception {
        for (String ip : new String[] {"127.0.0.1", "10.0.0.1", "8.8.8.8", "::1", "fd00:ec2::253", "169.255.0.1"}) {
            assertThat(AddressGuard.isForbidden(InetAddress.getByName(ip))).as(ip).isFalse();
        }
    }

    @Test
    void literalsAreRecognisedWithoutLookingNamesUp() {
        assertThat(AddressGuard.literalOrNull("169.254.169.254")).isNotNull();
        assertThat(AddressGuard.literalOrNull("[fd00:ec2::254]")).isNotNull();
        assertThat(AddressGuard.literalOrNull("api.github.com")).isNull();
    }
}
