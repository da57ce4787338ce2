package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prod2test.mask.PiiKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSurrogateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private static String jwt(Random random) {
        String payload = "{\"sub\":\"cus_" + Long.toString(random.nextLong() >>> 1, 36) + "\",\"email\":\"user" + random.nextInt(1_000_000)
                + "@example.jp\",\"name\":\"User " + random.nextInt(1000) + "\",\"iat\":" + (1_700_000_000 + random.nextInt(10_000_000))
                + ",\"exp\":1900000000,\"amount\":" + random.nextInt(100_000) + ",\"admin\":" + random.nextBoolean()
                + ",\"roles\":[\"user\"],\"iss\":\"https://auth.example.com\"}";
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        return HEADER + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(signature);
    }

    private static JsonNode payload(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void jwtsStayStructurallyValidWithKeyedClaimsOfTheSameTypes() throws Exception {
        List<String> tokens = SurrogateTesting.generate(51, 1_000, TokenSurrogateTest::jwt);
        for (String token : tokens) {
            String surrogate = SURROGATES.jwt(token);
            assertThat(SurrogateFormats.isValid(PiiKind.JWT, surrogate)).as(surrogate).isTrue();
            assertThat(surrogate).isNotEqualTo(token).startsWith(HEADER + ".");
            assertThat(surrogate.split("\\.")[2]).hasSameSizeAs(token.split("\\.")[2]);
            JsonNode before = payload(token);
            JsonNode after = payload(surrogate);
            assertThat(names(after)).isEqualTo(names(before));
            before.properties().forEach(e -> assertThat(after.get(e.getKey()).getNodeType()).isEqualTo(e.getValue().getNodeType()));
            assertThat(after.get("sub").asText()).startsWith("cus_").isNotEqualTo(before.get("sub").asText())
                    .isEqualTo(SURROGATES.identifier(before.get("sub").asText()));
            assertThat(SurrogateFormats.isReservedEmail(after.get("email").asText())).isTrue();
            assertThat(after.get("exp")).isEqualTo(before.get("exp"));
            assertThat(after.get("iss")).isEqualTo(before.get("iss"));
            assertThat(after.get("amount").asText()).hasSameSizeAs(before.get("amount").asText());
        }
        assertThat(tokens.stream().filter(t -> SURROGATES.jwt(t).equals(OTHER.jwt(t)))).isEmpty();
    }

    @Test
    void aBearerJwtStaysABearerJwt() {
        String token = jwt(new Random(1));
        String surrogate = SURROGATES.secret("Bearer " + token);
        assertThat(surrogate).startsWith("Bearer ").isEqualTo("Bearer " + SURROGATES.jwt(token));
        assertThat(SurrogateFormats.isValid(PiiKind.JWT, surrogate)).isTrue();
    }

    @Test
    void aHeaderWithAKeyIdIsMaskedButStaysAHeader() throws Exception {
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"key-2024-05-01\"}".getBytes(StandardCharsets.UTF_8));
        String token = header + "." + B64.encodeToString("{\"sub\":\"42\"}".getBytes(StandardCharsets.UTF_8)) + ".c2ln";
        String surrogate = SURROGATES.jwt(token);
        JsonNode masked = JSON.readTree(Base64.getUrlDecoder().decode(surrogate.split("\\.")[0]));
        assertThat(masked.get("alg").asText()).isEqualTo("RS256");
        assertThat(masked.get("kid").asText()).startsWith("key-").isNotEqualTo("key-2024-05-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk_live_51HxYzAbCdEf0123456789", "ghp_a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8", "AKIAIOSFODNN7EXAMPLE",
        "Bearer abc123DEF456ghi789", "xoxb-1234-5678-abcdEFGH", "Basic dXNlcjpwYXNzd29yZA=="})
    void secretsKeepPrefixLengthAndCharacterClasses(String secret) {
        String surrogate = SURROGATES.secret(secret);
        assertThat(surrogate).hasSameSizeAs(secret).isNotEqualTo(secret);
        for (String prefix : List.of("sk_live_", "ghp_", "AKIA", "Bearer ", "xoxb-", "Basic ")) {
            if (secret.startsWith(prefix)) {
                assertThat(surrogate).startsWith(prefix);
            }
        }
        for (int i = 0; i < secret.length(); i++) {
            assertThat(charClass(surrogate.charAt(i))).as("position %d of %s", i, surrogate).isEqualTo(charClass(secret.charAt(i)));
        }
        assertThat(SURROGATES.secret(secret)).isEqualTo(surrogate);
        assertThat(OTHER.secret(secret)).isNotEqualTo(surrogate);
    }

    @Test
    void hexSecretsStayHex() {
        String secret = "whsec_" + "0123456789abcdef".repeat(2);
        assertThat(SURROGATES.secret(secret)).matches("whsec_[0-9a-f]{32}");
    }

    @Test
    void manySecretsAllChange() {
        List<String> secrets = SurrogateTesting.generate(52, 1_000, r -> "sk_test_" + Long.toString(r.nextLong() >>> 1, 36) + "X");
        for (String secret : secrets) {
            String surrogate = SURROGATES.secret(secret);
            assertThat(surrogate).startsWith("sk_test_").hasSameSizeAs(secret).isNotEqualTo(secret);
            assertThat(SurrogateFormats.isValid(PiiKind.SECRET, surrogate)).isTrue();
        }
    }

    @Test
    void aSecretWhoseDrawnBodyBeginsLikeAKnownPrefixIsStillRecognisedAsASurrogate() {
        // tok_… has no known prefix, so its letters are drawn anew, and now and then they spell gho_ or ghp_
        List<String> secrets = SurrogateTesting.generate(53, 60_000, r -> "tok_" + Long.toString(r.nextLong() >>> 1, 36));
        int lookAlikes = 0;
        for (String secret : secrets) {
            String surrogate = SURROGATES.secret(secret);
            if (surrogate.matches("(gh[oupsr]|xox[bp])[_-].*")) {
                lookAlikes++;
            }
            assertThat(SurrogateFormats.isSurrogate(PiiKind.SECRET, surrogate)).as(surrogate).isTrue();
        }
        assertThat(lookAlikes).as("surrogates that begin like a GitHub or Slack token").isPositive();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int charClass(char c) {
        return Character.isDigit(c) ? 0 : Character.isLowerCase(c) ? 1 : Character.isUpperCase(c) ? 2 : c;
    }
}
