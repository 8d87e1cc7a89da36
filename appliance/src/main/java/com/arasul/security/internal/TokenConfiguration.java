package com.arasul.security.internal;

import com.arasul.platform.DataDirectory;
import java.time.Clock;
import java.util.Map;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The appliance is its own token issuer: one key signs what the resource server then checks. */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    /** bcrypt cost 12: about a quarter second per check on the box, slow enough to make guessing dear. */
    static final int BCRYPT_COST = 12;

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_COST);
    }

    @Bean
    SecretKey tokenSigningKey(DataDirectory dataDirectory) {
        return SigningKey.loadOrCreate(dataDirectory);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey tokenSigningKey) {
        return NimbusJwtEncoder.withSecretKey(tokenSigningKey).algorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    SessionValidator sessionValidator(SessionStore sessions, SecurityProperties properties) {
        return new SessionValidator(sessions, properties.sessionCacheSize(), Clock.systemUTC());
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey tokenSigningKey, SessionValidator sessionValidator) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokenSigningKey).macAlgorithm(MacAlgorithm.HS256)
                .build();
        // our issuer is a plain name, not a URL: the default converter would try (and fail, by a thrown
        // exception) to make a URL of it on every request
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(TokenIssuer.ISSUER), sessionValidator));
        return decoder;
    }

    @Bean
    StreamTickets streamTickets(SessionValidator sessionValidator) {
        return new StreamTickets(sessionValidator, Clock.systemUTC());
    }

    @Bean
    TokenIssuer tokenIssuer(JwtEncoder jwtEncoder, SessionStore sessions, SecurityProperties properties) {
        return new TokenIssuer(jwtEncoder, sessions, properties.tokenLifetime(), Clock.systemUTC());
    }
}
