package io.smbench.fuzz.live;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoopbackGuardTest {
    @Test
    void shouldAcceptLoopbackAddresses() {
        assertThatCode(() -> LoopbackGuard.check("127.0.0.1", false)).doesNotThrowAnyException();
        assertThatCode(() -> LoopbackGuard.check("127.0.0.53", false)).doesNotThrowAnyException();
        assertThatCode(() -> LoopbackGuard.check("::1", false)).doesNotThrowAnyException();
        assertThatCode(() -> LoopbackGuard.check("localhost", false)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseOtherAddressesUnlessAllowed() {
        assertThatThrownBy(() -> LoopbackGuard.check("192.0.2.10", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--allow-remote");
        assertThatCode(() -> LoopbackGuard.check("192.0.2.10", true)).doesNotThrowAnyException();
    }
}
