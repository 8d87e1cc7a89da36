package com.arasul.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** A token signed with the appliance's own key is still refused when another issuer is named in it. */
@SecuredApplianceTest
class TokenIssuerCheckTests {

    @LocalServerPort
    int port;

    @Autowired
    SecretKey tokenSigningKey;

    @Autowired
    JwtDecoder decoder;

    @Test
    void refusesAnOpenSessionsTokenReissuedUnderAnotherIssuer() {
        ApiClient api = new ApiClient(port);
        Jwt real = decoder.decode(api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD));

        // the same open session, signed with the right key: only the issuer decides
        assertThat(api.get("/api/auth/me", reissued(real, "arasul")).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/auth/me", reissued(real, "someone-else")).statusCode()).isEqualTo(401);
    }

    private String reissued(Jwt real, String issuer) {
        var encoder = NimbusJwtEncoder.withSecretKey(tokenSigningKey).algorithm(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer(issuer).subject(real.getSubject()).id(real.getId())
                        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).build()))
                .getTokenValue();
    }
}
