package io.smbench.fuzz.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smbench.fuzz.live.TemplateChains.Chain;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Field offsets checked against values the codecs wrote at them (MS-SMB2 2.2.13, 2.2.13.2, 2.2.19). */
class RequestFieldsTest {
    @Test
    void shouldFindCreateAndContextChainFieldsWhereTheCodecWroteThem() {
        Chain create = TemplateChains.all().get(0);
        Map<String, Long> v = values(create);
        assertThat(v.get("0.CREATE.Header.StructureSize")).isEqualTo(64);
        assertThat(v.get("0.CREATE.StructureSize")).isEqualTo(57);
        assertThat(v.get("0.CREATE.NameOffset")).isEqualTo(64 + 56);
        assertThat(v.get("0.CREATE.NameLength")).isEqualTo("dir\\file.bin".length() * 2);
        assertThat(v.get("0.CREATE.CreateDisposition")).isEqualTo(5);
        assertThat(v.get("0.CREATE.Header.TreeId")).isEqualTo(TemplateChains.TREE_ID);
        assertThat(v.get("0.CREATE.Header.SessionId")).isEqualTo(TemplateChains.SESSION_ID);
        // MxAc (no data), RqLs v2 (52 bytes), DH2Q (32 bytes), each 8-byte aligned and chained by Next.
        assertThat(v.get("0.CREATE.CreateContext[0].NameOffset")).isEqualTo(16);
        assertThat(v.get("0.CREATE.CreateContext[0].NameLength")).isEqualTo(4);
        assertThat(v.get("0.CREATE.CreateContext[0].DataLength")).isZero();
        assertThat(v.get("0.CREATE.CreateContext[0].Next")).isEqualTo(24);
        assertThat(v.get("0.CREATE.CreateContext[1].DataOffset")).isEqualTo(24);
        assertThat(v.get("0.CREATE.CreateContext[1].DataLength")).isEqualTo(52);
        assertThat(v.get("0.CREATE.CreateContext[2].DataLength")).isEqualTo(32);
        assertThat(v.get("0.CREATE.CreateContext[2].Next")).isZero();
        long contextsEnd = v.get("0.CREATE.CreateContextsOffset") + v.get("0.CREATE.CreateContextsLength");
        assertThat(contextsEnd).isEqualTo(create.bytes().readableBytes());
    }

    @Test
    void shouldLinkCompoundMessagesAndFindRelatedFileIds() {
        List<Chain> all = TemplateChains.all();
        Chain compound = all.get(all.size() - 1);
        Map<String, Long> v = values(compound);
        assertThat(v.get("0.CREATE.Header.NextCommand")).isEqualTo(compound.starts()[1]);
        assertThat(v.get("1.READ.Header.NextCommand")).isEqualTo(compound.starts()[2] - compound.starts()[1]);
        assertThat(v.get("2.CLOSE.Header.NextCommand")).isZero();
        assertThat(v.get("1.READ.Header.Flags") & 0x4).as("SMB2_FLAGS_RELATED_OPERATIONS").isNotZero();
        assertThat(v.get("1.READ.FileId.Volatile")).isEqualTo(-1L);
        assertThat(v.get("1.READ.Length")).isEqualTo(4096);
        assertThat(v.get("1.READ.Padding")).isEqualTo(0x50);
        assertThat(v.get("2.CLOSE.StructureSize")).isEqualTo(24);
    }

    @Test
    void shouldFindLengthAndOffsetFieldsOfTheOtherRequests() {
        List<Chain> all = TemplateChains.all();
        assertThat(values(all.get(1))).containsEntry("0.WRITE.DataOffset", 112L).containsEntry("0.WRITE.Length", 100L)
                .containsEntry("0.WRITE.FileId.Persistent", TemplateChains.FILE.persistent());
        assertThat(values(all.get(3))).containsEntry("0.LOCK.LockCount", 1L).containsEntry("0.LOCK.Locks[0].Offset", 10L)
                .containsEntry("0.LOCK.Locks[0].Length", 20L).containsEntry("0.LOCK.Locks[0].Flags", 2L);
        assertThat(values(all.get(4))).containsEntry("0.IOCTL.CtlCode", 0x00140204L)
                .containsEntry("0.IOCTL.InputOffset", 120L).containsEntry("0.IOCTL.InputCount", 28L)
                .containsEntry("0.IOCTL.MaxOutputResponse", 24L).containsEntry("0.IOCTL.Flags", 1L);
        assertThat(values(all.get(5))).containsEntry("0.QUERY_DIRECTORY.FileInformationClass", 0x25L)
                .containsEntry("0.QUERY_DIRECTORY.FileNameOffset", 96L).containsEntry("0.QUERY_DIRECTORY.FileNameLength", 2L)
                .containsEntry("0.QUERY_DIRECTORY.OutputBufferLength", 65536L);
        assertThat(values(all.get(6))).containsEntry("0.SET_INFO.FileInfoClass", 20L)
                .containsEntry("0.SET_INFO.BufferLength", 8L).containsEntry("0.SET_INFO.BufferOffset", 96L);
        assertThat(values(all.get(7))).containsEntry("0.QUERY_INFO.InfoType", 1L)
                .containsEntry("0.QUERY_INFO.FileInfoClass", 5L).containsEntry("0.QUERY_INFO.OutputBufferLength", 4096L)
                .containsEntry("0.QUERY_INFO.FileId.Volatile", TemplateChains.FILE.volatileId());
    }

    @Test
    void shouldNameEveryFieldOnceAndKeepItInsideItsMessage() {
        for (Chain chain : TemplateChains.all()) {
            List<Field> fields = RequestFields.of(chain.bytes(), chain.starts());
            assertThat(fields).extracting(Field::name).doesNotHaveDuplicates();
            assertThat(fields).allMatch(f -> f.end() <= chain.bytes().readableBytes());
        }
    }

    private static Map<String, Long> values(Chain chain) {
        return RequestFields.of(chain.bytes(), chain.starts()).stream().collect(Collectors.toMap(Field::name,
                f -> Mutation.read(chain.bytes(), chain.bytes().readerIndex() + f.offset(), f.width()),
                (a, b) -> {
                    throw new AssertionError("duplicate field name");
                }, java.util.LinkedHashMap::new));
    }

}
