package com.arasul.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void acceptsTwelveCharactersWithUpperLowerDigitAndSpecial() {
        assertThat(PasswordPolicy.violations("Abcdefghij1!")).isEmpty();
    }

    @Test
    void namesEveryRuleAPasswordBreaks() {
        assertThat(PasswordPolicy.violations("short")).containsExactlyInAnyOrder("at least 12 characters",
                "an upper-case letter", "a digit", "a special character");
        assertThat(PasswordPolicy.violations("ABCDEFGHIJ1!")).containsExactly("a lower-case letter");
        assertThat(PasswordPolicy.violations("Abcdefghijk!")).containsExactly("a digit");
        assertThat(PasswordPolicy.violations("Abcdefghijk1")).containsExactly("a special character");
        assertThat(PasswordPolicy.violations(null)).containsExactly("at least 12 characters");
    }

    @Test
    void refusesWhatBcryptWouldCutOff() {
        assertThat(PasswordPolicy.violations("Aa1!" + "x".repeat(69))).containsExactly("at most 72 bytes");
    }

    @Test
    void generatesLongPasswordsThatMeetThePolicy() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            String password = PasswordPolicy.generate(random);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(PasswordPolicy.violations(password)).isEmpty();
        }
    }
}
