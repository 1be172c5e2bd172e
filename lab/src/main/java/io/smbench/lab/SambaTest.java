package io.smbench.lab;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that talks to a real Samba: {@link SambaExtension} injects a {@link SambaLab} into test
 * methods, constructors and {@code @BeforeAll}/{@code @BeforeEach} methods (one instance per test class,
 * started on first use; a {@link SigningMandatory} parameter gets a second one with mandatory signing).
 *
 * <p>Without smbd the class is skipped on a developer machine and fails when env {@code CI=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SambaExtension.class)
public @interface SambaTest {
    /**
     * @return extra {@code [global]} lines for the instances of this class, e.g. {@code "debug encryption = yes"}
     */
    String[] globalOptions() default {};
}
