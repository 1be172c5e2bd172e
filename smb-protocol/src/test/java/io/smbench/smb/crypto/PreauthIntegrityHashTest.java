package io.smbench.smb.crypto;

import static io.smbench.smb.crypto.Hex.of;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SHA-512 chain against shared/vectors/VECTORS.md §3.3 (3.1.1 encryption blog, appendix A.1). */
class PreauthIntegrityHashTest {
    @Test
    void shouldChainNegotiateRequestAndResponse() {
        PreauthIntegrityHash hash = new PreauthIntegrityHash();
        hash.update(Hex.bytes("FE534D4240000100000000000000010000000000000000000000000000000000"
                + "FFFE000000000000000000000000000000000000000000000000000000000000"
                + "2400050001000000660000004F0D7FA009F5B246B2EF62551D7D7C0970000000"
                + "020000000202100200030203110300000100260000000000010020000100D170"
                + "9D7196E1BD0B6EBF95213D76553435763514392649FD6F216ED8BF269CD80000"
                + "0200060000000000020002000100"));
        assertThat(of(hash.value())).isEqualTo("550442DAF311412870AD9E58E602B0312D61328D6B1AC28F22AF46D6EA581F23"
                + "A9BFABE0CC0411976BF3F9DA23D3433352CB48CF00B8659BC1A3695E1B1A52A8");
        PreauthIntegrityHash session = hash.fork();
        session.update(new byte[] {1});
        assertThat(of(hash.value())).as("a fork does not move the original").startsWith("550442DA");
    }
}
