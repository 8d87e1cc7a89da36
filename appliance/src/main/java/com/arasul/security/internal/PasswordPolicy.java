package com.arasul.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** What a password must look like: at least 12 characters with upper, lower, digit and special. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads no more than 72 bytes; a longer password would only seem stronger. */
    static final int MAX_BYTES = 72;
    static final int GENERATED_LENGTH = 24;

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "!#%+-.:=?@_~";
    private static final String ALPHABET = UPPER + LOWER + DIGITS + SPECIAL;

    private PasswordPolicy() {
    }

    /** Every rule the password breaks, in words; empty when it is good. */
    static List<String> violations(String password) {
        List<String> broken = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            broken.add("at least " + MIN_LENGTH + " characters");
        }
        if (password == null) {
            return broken;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            broken.add("at most " + MAX_BYTES + " bytes");
        }
        if (password.chars().noneMatch(Character::isUpperCase)) {
            broken.add("an upper-case letter");
        }
        if (password.chars().noneMatch(Character::isLowerCase)) {
            broken.add("a lower-case letter");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            broken.add("a digit");
        }
        if (password.chars().allMatch(Character::isLetterOrDigit)) {
            broken.add("a special character");
        }
        return broken;
    }

    static String describe(List<String> violations) {
        return "the password needs " + String.join(", ", violations);
    }

    /** A random password that satisfies the policy, without look-alike characters. */
    static String generate(SecureRandom random) {
        while (true) {
            StringBuilder password = new StringBuilder(GENERATED_LENGTH);
            for (int i = 0; i < GENERATED_LENGTH; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (violations(password.toString()).isEmpty()) {
                return password.toString();
            }
        }
    }
}
