package com.arasul.security.internal;

import com.arasul.platform.DataDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the one account, {@code admin}, at first start, before the server takes requests. Its
 * password is {@code ARASUL_ADMIN_PASSWORD} or, without it, a generated one written owner-only to
 * {@code config/admin-password}; the log names the file, never the password.
 */
@Component
class AdminAccountInitializer implements InitializingBean {

    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "admin-password";

    private static final Logger log = LoggerFactory.getLogger(AdminAccountInitializer.class);

    private final AdminAccounts accounts;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;
    private final DataDirectory dataDirectory;

    AdminAccountInitializer(AdminAccounts accounts, PasswordEncoder encoder, SecurityProperties properties,
            DataDirectory dataDirectory) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public void afterPropertiesSet() {
        if (accounts.find(ADMIN).isPresent()) {
            return;
        }
        if (properties.hasAdminPassword()) {
            List<String> broken = PasswordPolicy.violations(properties.adminPassword());
            if (!broken.isEmpty()) {
                throw new IllegalStateException("arasul.security.admin-password (ARASUL_ADMIN_PASSWORD): "
                        + PasswordPolicy.describe(broken));
            }
            accounts.create(ADMIN, encoder.encode(properties.adminPassword()));
            log.info("Created the account '{}' with the password from ARASUL_ADMIN_PASSWORD", ADMIN);
            return;
        }
        String password = PasswordPolicy.generate(new SecureRandom());
        Path file = passwordFile(dataDirectory);
        DataDirectory.writeSecret(file, (password + "\n").getBytes(StandardCharsets.UTF_8));
        accounts.create(ADMIN, encoder.encode(password));
        log.info("Created the account '{}' with a generated password; it is in {} (readable by its owner only)",
                ADMIN, file);
    }

    static Path passwordFile(DataDirectory dataDirectory) {
        return dataDirectory.config().resolve(PASSWORD_FILE);
    }
}
