package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDetectorTest {
    private static final String JWT = jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"sub\":\"cus_0a1b2c3d4e5f\",\"iat\":1714560000}")
            + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    private final SecretDetector detector = new SecretDetector();

    private static String jwt(String header, String payload) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    @Test
    void findsJwtsAnywhere() {
        assertThat(Found.in(detector, JWT)).containsExactly("JWT:" + JWT);
        assertThat(Found.in(detector, "replay with " + JWT + " on staging")).containsExactly("JWT:" + JWT);
        String unsigned = jwt("{\"alg\":\"none\"}", "{\"sub\":\"x\"}");
        assertThat(Found.in(detector, unsigned)).containsExactly("JWT:" + unsigned);
    }

    @Test
    void aJwtNeedsAHeaderWithAnAlgorithm() {
        String noAlg = jwt("{\"typ\":\"JWT\"}", "{\"sub\":\"x\"}") + "sig";
        assertThat(Found.in(detector, noAlg)).isEmpty();
        assertThat(Found.in(detector, "eyJhbGciOiJub25lIn0")).isEmpty(); // a header alone
        assertThat(Found.in(detector, "eyJub3Rqc29u.eyJ4IjoxfQ.sig")).isEmpty(); // header "{notjson"
    }

    @Test
    void takesTheCredentialsOfAnAuthorizationHeaderAndLeavesTheScheme() {
        FieldContext authorization = Found.header("authorization");
        assertThat(Found.in(detector, "Bearer " + JWT, authorization)).containsExactly("JWT:" + JWT);
        assertThat(Found.in(detector, "Bearer abc.def-123", authorization)).containsExactly("SECRET:abc.def-123");
        assertThat(Found.in(detector, "Basic dXNlcjpwYXNz", authorization)).containsExactly("SECRET:dXNlcjpwYXNz");
        assertThat(Found.in(detector, "opaque-api-token-1", Found.header("Authorization"))).containsExactly("SECRET:opaque-api-token-1");
    }

    @Test
    void findsBearerAndBasicCredentialsInText() {
        assertThat(Found.in(detector, "Authorization: Bearer 8f4e2c1a9b7d6e5f3a2b1c0d"))
                .containsExactly("SECRET:8f4e2c1a9b7d6e5f3a2b1c0d");
        assertThat(Found.in(detector, "curl -H 'Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l'"))
                .containsExactly("SECRET:YWxhZGRpbjpvcGVuc2VzYW1l");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk_live_4eC39HqLyjWDarjtT1zdp7dc", "rk_test_51H8abcdefGHIJKLmnop", "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP", "AKIAIOSFODNN7EXAMPLE",
            "ASIAIOSFODNN7EXAMPLE", "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp", "AIzaSyA1234567890abcdefghijklmnopqrstuv",
            "sk-proj-abcdefghijklmnopqrstuvwxyz012345", "glpat-abcdefghij0123456789", "npm_abcdefghijklmnopqrstuvwxyz0123456789",
            "whsec_abcdefghijklmnopqrstuvwxyz012345", "SG.abcdefghijklmnopqr.abcdefghijklmnopqrstuvwxyz"})
    void findsApiKeysByShape(String key) {
        assertThat(Found.in(detector, "key " + key + " leaked")).containsExactly("SECRET:" + key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "passwd", "pwd", "secret", "client_secret", "token", "access_token", "refresh_token",
            "api_key", "apikey", "x-api-key", "X-Api-Key", "authorization", "cvc", "cvv", "newPassword", "x-amz-security-token",
            "パスワード", "pin"})
    void takesTheWholeValueOfASecretField(String name) {
        assertThat(Found.in(detector, " hunter2 ", Found.body(name))).containsExactly("SECRET:hunter2");
    }

    @Test
    void aSecretFieldHoldingAJwtReportsTheJwt() {
        assertThat(Found.in(detector, JWT, Found.body("refresh_token"))).containsExactly("JWT:" + JWT);
    }

    @Test
    void findsSecretsByKeyInQueryStringsJsonAndLogs() {
        assertThat(Found.in(detector, "GET /v1/report?access_token=0a1b2c3d4e5f&format=csv"))
                .containsExactly("SECRET:0a1b2c3d4e5f");
        assertThat(Found.in(detector, "{\"email\":\"a@example.com\",\"password\":\"p@ss w0rd!\"}"))
                .containsExactly("SECRET:p@ss w0rd!");
        assertThat(Found.in(detector, "login failed password=hunter2 for user")).containsExactly("SECRET:hunter2");
        assertThat(Found.in(detector, "[payments] number=4242424242424242 cvc=123")).containsExactly("SECRET:123");
        assertThat(Found.in(detector, "パスワード：abc123")).containsExactly("SECRET:abc123");
    }

    @Test
    void findsThePasswordOfAUrl() {
        assertThat(Found.in(detector, "postgres://app:Sup3rS3cret@db.internal:5432/shop")).containsExactly("SECRET:Sup3rS3cret");
    }

    @Test
    void findsPrivateKeyBlocks() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
        assertThat(Found.in(detector, "key:\n" + pem + "\n")).containsExactly("SECRET:" + pem);
    }

    @Test
    void sessionCookiesAreNotSecretsByDefault() {
        assertThat(Found.in(detector, "0a1b2c3d4e5f60718293a4b5c6d7e8f9", new FieldContext(Location.COOKIE, "sid", "sid"))).isEmpty();
        assertThat(Found.in(detector, "sid=0a1b2c3d4e5f6071; session_token=abc123; theme=dark", Found.header("cookie"))).isEmpty();
        assertThat(Found.in(detector, "sid=0a1b; Path=/; HttpOnly", Found.header("set-cookie"))).isEmpty();
        // a JWT is still a JWT wherever it is: its claims are readable
        assertThat(Found.in(detector, JWT, new FieldContext(Location.COOKIE, "token", "token"))).containsExactly("JWT:" + JWT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"********", "null", "[REDACTED]", "", "   ", "xxxx"})
    void placeholdersAreNotSecrets(String value) {
        assertThat(Found.in(detector, value, Found.body("password"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer authentication is described in RFC 6750", "the token expired after 3600 seconds",
            "password reset link sent", "api_key is missing", "nextPageToken=eyJvIjoxfQ", "a.b.c", "eyJ", "Basic auth failed",
            "3f2b8c1e-9d4a-4e7b-8f10-2a6c5d9e0b17", "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709",
            "the otp is 123456", "tokens=3", "sk_live_short"})
    void leavesNearMissesAlone(String text) {
        assertThat(Found.in(detector, text)).isEmpty();
    }

    @Test
    void paginationCursorsAreNotSecrets() {
        assertThat(Found.in(detector, "eyJvIjoxfQ", Found.body("nextPageToken"))).isEmpty();
        assertThat(Found.in(detector, "123456", Found.body("otp"))).isEmpty();
    }
}
