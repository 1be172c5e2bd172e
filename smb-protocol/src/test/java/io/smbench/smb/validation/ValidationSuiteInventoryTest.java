package io.smbench.smb.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the validation suite honest: every test names the MS-SMB2 (or MS-FSCC) section it checks at
 * the end of its method name, and the suite holds at least the 45 behaviours the issue asks for.
 */
class ValidationSuiteInventoryTest {
    static final List<Class<?>> SUITE = List.of(OplockBehaviourTest.class, LeaseAndDurableBehaviourTest.class,
            CreateBehaviourTest.class, DeleteAndRenameBehaviourTest.class, DirectoryBehaviourTest.class,
            InfoBehaviourTest.class, LockBehaviourTest.class, CompoundAndCreditBehaviourTest.class,
            SessionBehaviourTest.class, FsctlBehaviourTest.class, MultichannelBehaviourTest.class);

    private static Stream<Method> tests() {
        return SUITE.stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(Test.class));
    }

    @Test
    void everyTestNamesItsSection() {
        assertThat(tests().map(Method::getName))
                .allMatch(name -> name.matches(".*_(MS_FSCC_)?\\d+(_\\d+)+"), "ends with a section such as _3_3_5_9");
    }

    @Test
    void holdsAtLeastFortyFiveBehaviours() {
        assertThat(tests().count()).isGreaterThanOrEqualTo(45);
    }
}
