package io.smbench.lab;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link SambaLab} parameter of a {@link SambaTest} class: inject the class's second instance, started with
 * {@code server signing = mandatory} in {@code [global]}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SigningMandatory {}
