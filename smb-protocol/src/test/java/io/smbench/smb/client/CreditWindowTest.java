package io.smbench.smb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditWindowTest {
    @Test
    void shouldStartWithMessageIdZeroAndOneCredit() {
        CreditWindow window = new CreditWindow();
        assertThat(window.tryAcquire(1)).isZero();
        assertThat(window.tryAcquire(1)).isEqualTo(CreditWindow.NO_CREDIT);
    }

    @Test
    void shouldConsumeConsecutiveMessageIdsForMultiCreditRequests() {
        CreditWindow window = new CreditWindow();
        window.tryAcquire(1);
        window.grant(10);
        assertThat(window.tryAcquire(4)).isEqualTo(1);
        assertThat(window.tryAcquire(2)).isEqualTo(5);
        assertThat(window.nextMessageId()).isEqualTo(7);
        assertThat(window.available()).isEqualTo(4);
    }

    @Test
    void shouldRefuseChargeLargerThanCreditsWithoutConsumingAnything() {
        CreditWindow window = new CreditWindow();
        window.grant(2);
        assertThat(window.tryAcquire(4)).isEqualTo(CreditWindow.NO_CREDIT);
        assertThat(window.nextMessageId()).isZero();
        assertThat(window.available()).isEqualTo(3);
    }

    @Test
    void shouldTreatChargeZeroAsOneMessageId() {
        CreditWindow window = new CreditWindow();
        window.grant(1);
        assertThat(window.tryAcquire(0)).isZero();
        assertThat(window.tryAcquire(0)).isEqualTo(1);
        assertThat(window.available()).isZero();
    }

    @Test
    void shouldRefundCreditsButNeverReuseMessageIds() {
        CreditWindow window = new CreditWindow();
        window.grant(1);
        long first = window.tryAcquire(2);
        window.refund(2);
        assertThat(window.tryAcquire(1)).isEqualTo(first + 2);
    }

    @Test
    void shouldComputeChargeAsSection3152() {
        assertThat(CreditWindow.chargeFor(0, 0)).isEqualTo(1);
        assertThat(CreditWindow.chargeFor(65_536, 0)).isEqualTo(1);
        assertThat(CreditWindow.chargeFor(65_537, 0)).isEqualTo(2);
        assertThat(CreditWindow.chargeFor(100, 8 * 1024 * 1024)).isEqualTo(128);
    }

    @Test
    void shouldRejectNegativeGrant() {
        assertThatThrownBy(() -> new CreditWindow().grant(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
